"""Clients, people and priority as firms nobody tuned on write them (issue 13): organisations by
the distinctive part of their name, captions, names typed without their marks, several matters
in one text, assignees named in prose, and "an important one"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import AMBIGUOUS_MATTER_WARNING, SEVERAL_MATTERS_WARNING, Parser
from tests.matching.bundled import firm_parser, reader
from tests.matching.bundled import named_person as person

NY = "America/New_York"
NOW = datetime(2027, 3, 9, 10, 0, tzinfo=ZoneInfo(NY))  # a Tuesday

REBECCA = "rebecca.thorne@firm.test"
KATHERINE = "katherine.lowe@firm.test"
KATHLEEN = "kathleen.moss@firm.test"
JOAQUIN = "joaquin.ferro@firm.test"
NGAIO = "ngaio.pratt@firm.test"
MARGARET = "margaret.ibsen@firm.test"
DECLAN = "declan.ohare@firm.test"
ROSTER = (
    person(REBECCA, "Rebecca Thorne", "paralegal"),
    person(KATHERINE, "Katherine Lowe", "associate"),
    person(KATHLEEN, "Kathleen Moss", "paralegal"),
    person(JOAQUIN, "Joaquin Ferro", "legal_assistant"),
    person(NGAIO, "Ngaio Pratt", "paralegal"),
    person(MARGARET, "Margaret Ibsen", "partner"),
    person("william.oduya@firm.test", "William Oduya", "associate"),
    person(DECLAN, "Declan O'Hare", "associate"),
)
COOP, RESIDENTS, MHOA, GLASSWORKS = "H-101", "H-102", "H-103", "H-104"
TAUFOOU, OROURKE, NUNEZ, SANTOS = "H-105", "H-106", "H-107", "H-108"
PRIYA_V, ARJUN_V, WAGE_CLAIM, COLLECTION = "H-109", "H-110", "H-111", "H-112"
MATTERS = (
    MatterRef(COOP, "Tamarack Bay Housing Cooperative", "Tamarack Bay Housing Co-op - governance"),
    MatterRef(RESIDENTS, "Pine Hollow Residents Association", "Pine Hollow RA - habitability"),
    MatterRef(MHOA, "Park City Manufactured Home Owners Association", "Park City MHOA - closure"),
    MatterRef(GLASSWORKS, "Kestrel Glassworks, Inc.", "Kestrel Glassworks - wage audit"),
    MatterRef(TAUFOOU, "Siosaia Ta'ufo'ou", "Ta'ufo'ou - deposit return"),
    MatterRef(OROURKE, "Orla O'Rourke", "O'Rourke v. Bluewater Credit"),
    MatterRef(NUNEZ, "Inés Núñez", "Núñez - eviction defence"),
    MatterRef(SANTOS, "Luz Santos-Aguilar", "Santos-Aguilar v. Meridian Servicing"),
    MatterRef(PRIYA_V, "Priya Venkataraman", "Venkataraman v. Solstice Auto Finance"),
    MatterRef(ARJUN_V, "Arjun Venkataraman", "Crestline Recovery v. Venkataraman (collection)"),
    MatterRef(WAGE_CLAIM, "Odette Marchbanks", "Marchbanks v. Greyfield Freight (wage claim)"),
    MatterRef(COLLECTION, "Odette Marchbanks", "Apex Portfolio v. Marchbanks (collection)"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, NY)


# ---------------------------------------------------------------------------------------------
# Matter: organisations, captions, names typed plainly
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("the Tamarack co-op wants its bylaws reviewed by Friday", COOP),
        ("tamarack bay coop board needs an update on the vote", COOP),
        ("pine hollow: the landlord sent a notice, pls summarize it", RESIDENTS),
        ("please send the pine hollow residents assn board a status update", RESIDENTS),
        ("PHRA needs the repair log collected", RESIDENTS),
        ("the park city mhoa board wants an update on the closure", MHOA),
        ("Kestrel sent over its payroll; review it by Monday", GLASSWORKS),
        ("call the kestrel folks back today", GLASSWORKS),
    ],
)
def test_an_organisation_is_named_by_the_distinctive_part_of_its_name(
    parser: Parser, text: str, matter: str
) -> None:
    draft = read(parser, text)
    assert (draft.matter, "matter" in draft.unsure) == (matter, False)


def test_the_rest_of_an_organisations_name_reads_as_no_task(parser: Parser) -> None:
    # "court" of a tenants' association's name would read as a court filing.
    draft = read(parser, "pls send the pine hollow residents assn board a status update")
    assert draft.task_type == "client_update"


@pytest.mark.parametrize(
    "text",
    [
        # Words of place alone are a place, not the client whose name begins with them.
        "intake call with a family from park city about their lot rent",
        "the park in the city sent a letter; summarise it",
    ],
)
def test_generic_words_of_an_organisations_name_name_no_matter(parser: Parser, text: str) -> None:
    assert read(parser, text).matter is None


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("Crestline v. Venkataraman: draft the answer by the 20th", ARJUN_V),
        ("Venkataraman v. Solstice - review the retail installment contract", PRIYA_V),
        ("prep the exhibits for the venkataraman v solstice auto hearing", PRIYA_V),
        # One client's two matters, told apart by the other party.
        ("Marchbanks v. Greyfield Freight: e-file the opposition today", WAGE_CLAIM),
        ("answer in Apex v. Marchbanks due in 20 days", COLLECTION),
    ],
)
def test_a_caption_settles_which_matter_a_surname_means(
    parser: Parser, text: str, matter: str
) -> None:
    draft = read(parser, text)
    assert (draft.matter, "matter" in draft.unsure) == (matter, False)


@pytest.mark.parametrize(
    "text",
    [
        "the Venkataraman file needs a summary",
        "please collect Ms. Marchbanks's pay stubs",
        "Marchbanks v. Whoever: the new filing needs a summary",  # a party in no title
    ],
)
def test_a_surname_a_caption_does_not_settle_is_asked_about(parser: Parser, text: str) -> None:
    draft = read(parser, text)
    assert (draft.matter, draft.reason("matter")) == (None, AMBIGUOUS_MATTER_WARNING)


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("taufoou - the landlord will return half the deposit; update her", TAUFOOU),
        ("orourke answer is due friday, draft it", OROURKE),
        ("ORourke wants a status update", OROURKE),
        ("nunez needs a cease and desist to the landlord's collector", NUNEZ),
        ("santosaguilar wants a status update", SANTOS),
        ("santos aguilar wants a status update", SANTOS),
    ],
)
def test_a_surname_typed_without_its_marks_names_the_client(
    parser: Parser, text: str, matter: str
) -> None:
    draft = read(parser, text)
    assert (draft.matter, "matter" in draft.unsure) == (matter, False)


# ---------------------------------------------------------------------------------------------
# Several matters in one text
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        # News about one matter, an ask about another.
        ("Quick status: the Orourke answer went out yesterday. I need a demand letter for "
         "Ms. Taufoou by Friday.", TAUFOOU),
        ("FYI the Nunez hearing is still on for the 18th (no change).\nSeparately, could you "
         "pull the Kestrel payroll?", GLASSWORKS),
        # A list, and which item comes first.
        ("Two things:\n• Orourke - organise the production;\n• Nunez - call the client re the "
         "hearing.\nStart with the second.", NUNEZ),
        ("For today:\n- Taufoou: deposit letter\n- Nunez: pull the lease\nThe last one is the "
         "priority.", NUNEZ),
    ],
)
def test_the_matter_of_the_main_ask_is_taken_when_clear(
    parser: Parser, text: str, matter: str
) -> None:
    draft = read(parser, text)
    assert (draft.matter, "matter" in draft.unsure) == (matter, False)


@pytest.mark.parametrize(
    "text",
    [
        "draft demand letters for O'Rourke and Nunez",
        # Both sentences ask: one asks in so many words, the other in the imperative.
        "Orourke's hearing moved to Monday. Draft the Nunez motion to continue.",
        "Please note the Orourke hearing moved. Draft the Nunez motion to continue.",
        "Can you check whether the Orourke answer went out? Also draft the Nunez motion.",
        "Two things:\n• Orourke - organise the production;\n• Nunez - call the client.",
    ],
)
def test_several_matters_without_a_clear_main_ask_are_asked_about(
    parser: Parser, text: str
) -> None:
    draft = read(parser, text)
    assert (draft.matter, draft.reason("matter")) == (None, SEVERAL_MATTERS_WARNING)


# ---------------------------------------------------------------------------------------------
# Assignee in prose
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("can becky pull the Orourke ledger", REBECCA),
        ("maggie could you call Ms. Taufoou back", MARGARET),
        ("get kate to review the Nunez notice", KATHERINE),
        ("at ngaio can you scan the Nunez lease", NGAIO),
        ("The client wants an answer today; Katherine, can you draft the Orourke reply?",
         KATHERINE),
        ("the lease came in — joaquin could you bates it for Nunez?", JOAQUIN),
        ("Ngaio could you calendar the Nunez hearing", NGAIO),
        ("have OHare draft the Nunez answer", DECLAN),
        ("<at>Declan O’Hare</at> please draft the Nunez answer", DECLAN),
        ("i'd like margaret to lead the Kestrel negotiation", MARGARET),
    ],
)
def test_a_person_named_to_act_in_prose_is_the_assignee(
    parser: Parser, text: str, assignee: str
) -> None:
    draft = read(parser, text)
    assert (draft.assignee, "assignee" in draft.unsure) == (assignee, False)


@pytest.mark.parametrize(
    "text",
    [
        "cc Joaquin on the Orourke demand letter",
        "congrats katherine on the verdict! Please draft the Nunez demand letter",
        "Margaret may wish to join the Orourke call; please calendar it for Tuesday",
        "prepare the Orourke binder for Katherine by Friday",
        "remember to bill the client for the Nunez call",
        "at noon can you call Ms. Nunez",
    ],
)
def test_a_person_mentioned_in_another_role_is_not_the_assignee(
    parser: Parser, text: str
) -> None:
    draft = read(parser, text)
    assert (draft.assignee, "assignee" in draft.unsure) == (None, False)


def test_a_short_form_that_fits_two_people_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "can kathy review the Nunez notice")
    assert draft.assignee is None
    assert "could be Katherine Lowe or Kathleen Moss" in draft.reason("assignee")


def test_without_the_nickname_table_a_lower_case_short_form_names_no_one() -> None:
    draft = firm_parser(MATTERS, ROSTER, nicknames=False).parse(
        "can becky pull the Orourke ledger", now=NOW, tz=NY
    )
    assert (draft.assignee, draft.matter) == (None, OROURKE)


# ---------------------------------------------------------------------------------------------
# Priority
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("An important one: draft the Nunez demand letter", "high"),
        ("important one 🔥 C&D for Orourke", "high"),
        ("this is important: answer for Nunez", "high"),
        ("Orourke is one of our important ones; status update please", "normal"),
        ("Kestrel is an important client, send them the audit summary", "normal"),
    ],
)
def test_important_is_high_unless_it_describes_a_client(
    parser: Parser, text: str, priority: str
) -> None:
    assert read(parser, text).priority == priority


# ---------------------------------------------------------------------------------------------
# Organisations named by their trade after a place, and organisations named in Spanish
# ---------------------------------------------------------------------------------------------

SMOKEHOUSE, ALBERCA, MADRES, MOLINA = "Q-201", "Q-202", "Q-203", "Q-204"
TRADE_MATTERS = (
    MatterRef(SMOKEHOUSE, "Juniper Flats Smokehouse Co.", "Orbit Merchant Capital v. Juniper "
              "Flats Smokehouse Co. (MCA)"),
    MatterRef(ALBERCA, "Alberca Kitchens LLC", "Alberca Kitchens - equipment lease"),
    MatterRef(MADRES, "Madres Unidas del Norte", "Madres Unidas del Norte - landlord complaints"),
    MatterRef(MOLINA, "Teodora Molina", "Molina - garnishment"),
)  # fmt: skip


@pytest.fixture(scope="module")
def trades() -> Parser:
    return firm_parser(TRADE_MATTERS, ROSTER)


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("Smokehouse co - pull the MCA contract and the UCC lien, summary by Fri", SMOKEHOUSE),
        ("Smokehouse | draft our doc requests to Orbit, EOW", SMOKEHOUSE),
        ("Smokehouse — Orbit wants to settle; can someone call the owner today", SMOKEHOUSE),
        ("can someone email the Madres Unidas board an update on the complaints", MADRES),
        ("Madres Unidas: two more tenants brought in notices, please log them by Monday",
         MADRES),
    ],
)  # fmt: skip
def test_an_organisation_is_named_by_its_trade_or_its_spanish_name(
    trades: Parser, text: str, matter: str
) -> None:
    draft = trades.parse(text, now=NOW, tz=NY)
    assert (draft.matter, "matter" in draft.unsure) == (matter, False)


@pytest.mark.parametrize(
    "text",
    [
        # A trade word inside a sentence is no name; nor is a number at a sentence's start.
        "we ordered lunch from a smokehouse on 5th, thanks all",
        "Three things for today: lunch order, the fax, the mail run",
        # The client who sent a prospect over is not the prospect's matter.
        "Could someone book an intake with the tenant Madres Unidas referred? Tomorrow at 3.",
    ],
)
def test_a_trade_word_or_a_referring_client_names_no_matter(trades: Parser, text: str) -> None:
    draft = trades.parse(text, now=NOW, tz=NY)
    assert (draft.matter, "matter" in draft.unsure) == (None, False)


# ---------------------------------------------------------------------------------------------
# Organisations named by words of place, by the proper name after their trade; referrers
# ---------------------------------------------------------------------------------------------

ORCHARDS, TAQUERIA, BOATYARD, MILLBROOK = "R-301", "R-302", "R-303", "R-304"
PLACE_MATTERS = (
    MatterRef(ORCHARDS, "North Valley Apple Orchards LLC",
              "In re North Valley Apple Orchards LLC (Chapter 12)"),
    MatterRef(TAQUERIA, "Taquería El Colibrí LLC",
              "Sunbelt Card Services v. Taquería El Colibrí LLC (business card)"),
    MatterRef(BOATYARD, "Tallowcreek Marine Repair Inc.",
              "Tallowcreek Marine Repair Inc. v. Lakeshore Equipment Leasing"),
    MatterRef(MILLBROOK, "Ines Millbrook", "Millbrook v. West Valley Recovery (FDCPA)"),
)  # fmt: skip


@pytest.fixture(scope="module")
def places() -> Parser:
    return firm_parser(PLACE_MATTERS, ROSTER)


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        # Words of place alone name the company where a place is surely not meant.
        ("North Valley - can someone check whether the orchard equipment is exempt? Friday",
         ORCHARDS),
        ("North Valley Ch 12 plan: draft the liquidation analysis by the 20th", ORCHARDS),
        ("please pull North Valley's crop insurance policy for the plan, by Monday", ORCHARDS),
        ("the North Valley LLC operating agreement needs a summary by Thursday", ORCHARDS),
        # The proper name after the trade, article and all.
        ("Sunbelt sued El Colibrí last week; draft an answer by the 12th", TAQUERIA),
        ("can someone call the owner of El Colibri about the guaranty today", TAQUERIA),
    ],
)  # fmt: skip
def test_a_company_is_named_by_place_words_or_its_proper_name_where_surely_meant(
    places: Parser, text: str, matter: str
) -> None:
    draft = read(places, text)
    assert (draft.matter, "matter" in draft.unsure) == (matter, False)


@pytest.mark.parametrize(
    "text",
    [
        # Words of place in a sentence are a place: the client's opponent, or where someone lives.
        "intake call tomorrow with a grower from North Valley about a tractor loan",
        "an intake call for a man who lives in north valley, any afternoon",
        # The client that sent a prospect over is not the prospect's matter.
        "schedule an intake with the new caller from the Tallowcreek referral, Friday at 2",
    ],
)
def test_place_words_or_a_referring_company_name_no_matter(places: Parser, text: str) -> None:
    assert read(places, text).matter is None


def test_an_opponent_whose_name_shares_place_words_stays_the_opponent(places: Parser) -> None:
    # "West Valley" is the other side of Millbrook's case, not the orchard client.
    draft = read(places, "Millbrook v. West Valley: serve our first RFPs by Friday")
    assert (draft.matter, "matter" in draft.unsure) == (MILLBROOK, False)
