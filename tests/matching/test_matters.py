"""Matter references as session 7's firms write them: a company by the proper name a word of place
titles, initials that are an everyday abbreviation, a client's relative who wants to hire the
firm, the client whose case keeps the writer busy, work for all of a client's cases, and the
ask put as "would anyone"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import AMBIGUOUS_MATTER_WARNING, SEVERAL_MATTERS_WARNING, Parser
from tests.matching.bundled import firm_parser, reader, sure_matter
from tests.matching.bundled import named_person as person

DEN = "America/Denver"
NOW = datetime(2027, 8, 10, 9, 0, tzinfo=ZoneInfo(DEN))  # a Tuesday

ROSTER = (
    person("wilhelmina.dax@firm.test", "Wilhelmina Dax", "partner"),
    person("osgood.pell@firm.test", "Osgood Pell", "associate"),
    person("tamsin.yore@firm.test", "Tamsin Yore", "paralegal"),
)
SHASTA, HOOPER, BRIARWOOD, FENNIMORE = "Z-01", "Z-02", "Z-03", "Z-04"
MARLOWE, QUARRY, ESKER_CH13, ESKER_FDCPA = "Z-05", "Z-06", "Z-07", "Z-08"
MATTERS = (
    MatterRef(SHASTA, "Mt. Shasta Mobile Home Residents Association",
              "Mt. Shasta MHRA / Redline Collections: lot-rent collection practices (FDCPA)"),
    MatterRef(HOOPER, "Fort Hooper Tenants Union", "Fort Hooper Tenants Union - habitability"),
    MatterRef(BRIARWOOD, "Daybreak Orchard Bakers LLC",
              "Granite Leasing v. Daybreak Orchard Bakers LLC (equipment lease)"),
    MatterRef(FENNIMORE, "Calla Fennimore", "Fennimore - mixed-file dispute (FCRA; pre-suit)"),
    MatterRef(MARLOWE, "Ignatia Marlowe", "Marlowe v. Sable Recovery (FDCPA)"),
    MatterRef(QUARRY, "Benedikt Quarry", "Cinder Funding v. Quarry (debt buyer)"),
    MatterRef(ESKER_CH13, "Rosalind Esker", "In re Rosalind Esker (Chapter 13)"),
    MatterRef(ESKER_FDCPA, "Rosalind Esker", "Esker v. Harrow Credit (FDCPA)"),
)  # fmt: skip


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, DEN)


# ---------------------------------------------------------------------------------------------
# Organisations: the proper name after a word of place; initials that are everyday words
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("I should like a global settlement of the Redline accounts for the Shasta association. "
         "Osgood, kindly lead the negotiation.", SHASTA),
        ("the Mt. Shasta board wants a status update by Friday", SHASTA),
        ("Hooper — the landlord sent a repair notice, pls summarise it by Friday", HOOPER),
    ],
)  # fmt: skip
def test_an_organisation_is_named_by_the_proper_name_a_word_of_place_titles(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


@pytest.mark.parametrize(
    "text",
    [
        # "Mt." and "Fort" alone are words of place, not the associations they begin.
        "intake call with a hiker who got a collection letter after a trip to Mt. Rainier",
        "a man from Fort Collins called about a repo, set up an intake call",
    ],
)
def test_a_word_of_place_alone_names_no_organisation(parser: Parser, text: str) -> None:
    assert read(parser, text).matter is None


def test_initials_that_are_an_everyday_abbreviation_name_no_client(parser: Parser) -> None:
    # DOB is a date of birth here, not Daybreak Orchard Bakers; the namesake shares the matter.
    draft = read(
        parser,
        "Could someone do an FCRA screen on Calla Fennimore's file? The bureau mixed her up "
        "with a Calla Fennimore in Ogden (different DOB, different SSN).",
    )
    assert sure_matter(draft) == (FENNIMORE, False)


# ---------------------------------------------------------------------------------------------
# A client's relative who wants to hire the firm
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ignatia Marlowe's cousin wants to hire us — Sable is after her too. Can somebody do "
        "the intake call with her tomorrow? Her name is Deshawna Marlowe, she's free after 3.",
        "Marlowe's sister would like to retain us for her own garnishment. Set up an intake "
        "call with Philippa Marlowe on Thursday.",
    ],
)
def test_a_relative_who_wants_to_hire_the_firm_names_no_matter(parser: Parser, text: str) -> None:
    # The relative is a prospect: neither "Marlowe's cousin" nor her own name is the client's.
    assert sure_matter(read(parser, text)) == (None, False)


@pytest.mark.parametrize(
    "text",
    [
        # No prospect: the relative helps with the client's own case.
        "Marlowe's cousin dropped off the voicemails; summarise them by Friday",
        # Another given name before the surname, no relative: a nickname or the client herself.
        "Iggy Marlowe called again about the Sable calls, can someone call her back today",
    ],
)
def test_a_clients_surname_with_a_relative_or_nickname_stays_the_clients(
    parser: Parser, text: str
) -> None:
    assert sure_matter(read(parser, text)) == (MARLOWE, False)


# ---------------------------------------------------------------------------------------------
# Two clients: the one whose case keeps the writer busy is not the task's
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("Quarry hearing is today at 11 by phone and I've got a conflict with the Marlowe "
         "thing, so Tamsin you're covering it.", QUARRY),
        ("Would anyone be able to cover the Quarry hearing? It's tomorrow at 9 and I'm "
         "double-booked with the Marlowe call.", QUARRY),
        ("Marlowe depo prep needs someone today — I'll be in the Quarry trial all day.",
         MARLOWE),
        ("I'm tied up in the Quarry mediation; can someone call Ms. Marlowe back?", MARLOWE),
    ],
)  # fmt: skip
def test_the_client_whose_case_keeps_the_writer_busy_is_not_the_tasks(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


def test_a_client_named_only_as_the_writers_engagement_still_names_the_matter(
    parser: Parser,
) -> None:
    # With no other client named, the busy writer's case is the one the text is about.
    draft = read(parser, "I'm stuck in the Quarry depo, can someone push the call to 4?")
    assert sure_matter(draft) == (QUARRY, False)


def test_would_anyone_asks_for_work_among_several_matters(parser: Parser) -> None:
    draft = read(
        parser,
        "Would anyone be able to draft the Quarry answer? The Marlowe reply is done already.",
    )
    assert sure_matter(draft) == (QUARRY, False)


def test_two_asks_for_two_clients_are_still_asked_about(parser: Parser) -> None:
    draft = read(parser, "Would anyone draft the Quarry answer? Could someone call Marlowe?")
    assert (draft.matter, draft.reason("matter")) == (None, SEVERAL_MATTERS_WARNING)


# ---------------------------------------------------------------------------------------------
# One client's cases: work for all of them
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "pull Rosalind Esker's credit reports and save a copy to both of her matters; we need "
        "them for the FDCPA damages calc",
        "Esker: the trustee asked for a status on both cases, can someone draft a short note",
    ],
)
def test_work_for_all_of_a_clients_cases_is_asked_about_without_a_guess(
    parser: Parser, text: str
) -> None:
    draft = read(parser, text)
    assert (draft.matter, draft.reason("matter")) == (None, AMBIGUOUS_MATTER_WARNING)


def test_a_bankruptcy_word_after_the_name_still_settles_her_cases(parser: Parser) -> None:
    draft = read(parser, "Rosalind Esker's trustee payment bounced; we need a modified plan")
    assert sure_matter(draft) == (ESKER_CH13, False)
