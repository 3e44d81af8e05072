"""Who wrote the request settles who it names: the writer's own name is a signature or a
self-reference, never the assignee; a name the writer shares with one colleague, spoken to,
is the colleague; a name closing the text that is not the writer's is the one asked."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef, TaskDraft
from matching.parse import Parser, parse
from matching.parse.asked_why import SEVERAL_PEOPLE, SIGNED_OR_ASKED
from tests.matching.bundled import (
    BUNDLED_TAXONOMY,
    BUNDLED_VOCABULARY,
    firm_parser,
    reader,
)
from tests.matching.bundled import named_person as person

NY = "America/New_York"
NOW = datetime(2027, 4, 13, 9, 0, tzinfo=ZoneInfo(NY))  # a Tuesday

# An invented tenants' firm with two partners' namesakes on staff.
ODILE_F = "odile.fenwick@larkspur.test"
ODILE_M = "odile.marsh@larkspur.test"
BASTIAN = "bastian.kral@larkspur.test"
WREN = "wren.ashby@larkspur.test"
COSMO = "cosmo.pratt@larkspur.test"
ROSTER = (
    person(ODILE_F, "Odile Fenwick", "partner"),
    person(ODILE_M, "Odile Marsh", "paralegal"),
    person(BASTIAN, "Bastian Kral", "associate", slack="UBASTIAN"),
    person(WREN, "Wren Ashby", "paralegal", slack="UWREN"),
    person(COSMO, "Cosmo Pratt", "legal_assistant"),
)
PIKE, OKONEDO = "LT-301", "LT-302"
MATTERS = (
    MatterRef(PIKE, "Henrietta Pike", "Pike v. Greystone Property Mgmt"),
    MatterRef(OKONEDO, "Yusuf Okonedo", "Okonedo - deposit return"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, NY)


def reason(draft: TaskDraft) -> str | None:
    return dict(draft.unsure_reasons).get("assignee")


@pytest.mark.parametrize(
    "text",
    [
        "Odile, could you get the Pike lease and move-in checklist pulled by Friday?",
        "have odile prepare the deposit demand for Okonedo",
    ],
)
def test_a_namesake_spoken_to_or_handed_the_work_is_the_one_who_did_not_write(
    parser: Parser, text: str
) -> None:
    unknown = read(parser, text, None)
    assert unknown.assignee is None and reason(unknown) == SEVERAL_PEOPLE.format(
        name=text.split()[1 if text.startswith("have") else 0].rstrip(","),
        people="Odile Fenwick or Odile Marsh",
    )
    assert read(parser, text, ODILE_F).assignee == ODILE_M
    assert "assignee" not in read(parser, text, ODILE_F).unsure
    assert read(parser, text, ODILE_M).assignee == ODILE_F


def test_a_namesake_the_work_is_sent_to_may_be_the_writer_and_is_still_asked(
    parser: Parser,
) -> None:
    # "… to Odile" from an Odile may mean "to me".
    draft = read(parser, "Docket the Pike inspection and the discovery cutoff, to Odile", ODILE_F)
    assert draft.assignee is None and "assignee" in draft.unsure


def test_a_closing_name_is_a_signature_when_it_is_the_writers_and_the_one_asked_otherwise(
    parser: Parser,
) -> None:
    text = "Please calendar the Pike inspection for Thursday. Bastian"
    unknown = read(parser, text, None)
    assert reason(unknown) == SIGNED_OR_ASKED
    signed = read(parser, text, BASTIAN)
    assert signed.assignee is None and "assignee" not in signed.unsure
    asked = read(parser, text, WREN)
    assert asked.assignee == BASTIAN and "assignee" not in asked.unsure


def test_a_closing_name_the_writer_shares_with_another_is_still_asked(parser: Parser) -> None:
    draft = read(parser, "Okonedo demand letter by Friday pls. Odile", ODILE_F)
    assert draft.assignee is None and "assignee" in draft.unsure


@pytest.mark.parametrize(
    ("text", "writer", "assignee"),
    [
        ("Wren, please draft the Okonedo demand letter by Friday.", WREN, None),
        ("Wren (me) will review; Bastian draft the Pike motion by Friday.", WREN, BASTIAN),
        ("Cosmo. The Pike landlord rang about the boiler; can someone call him back?", COSMO, None),
        ("<@UWREN> note to self, then <@UBASTIAN> please file the Pike answer", WREN, BASTIAN),
    ],
)
def test_the_writer_is_never_the_assignee(
    parser: Parser, text: str, writer: str, assignee: str | None
) -> None:
    draft = read(parser, text, writer)
    assert draft.assignee == assignee and draft.assignee != writer


def test_the_one_off_parse_takes_the_writer_too() -> None:
    text = "Please calendar the Pike inspection for Thursday. Bastian"
    once = parse(text, now=NOW, tz=NY, taxonomy=BUNDLED_TAXONOMY, vocabulary=BUNDLED_VOCABULARY,
                 matters=MATTERS, roster=ROSTER, writer=WREN)
    assert once.assignee == BASTIAN and not once.unsure
