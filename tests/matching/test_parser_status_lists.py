"""Status lists and intake cards: DONE lines report and TODO lines ask, a closing "#2 by noon"
picks a listed item, an intake card's "Assign:" field names the assignee, and Spanish short
forms of given names ("Beto" for Roberto)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader
from tests.matching.bundled import named_person as person

DEN = "America/Denver"
NOW = datetime(2027, 4, 13, 9, 30, tzinfo=ZoneInfo(DEN))  # a Tuesday

ODETTE, RUFUS, TRINI = "odette.kray@sagebrush.test", "rufus.amsel@sagebrush.test", "t.lowe@sagebrush.test"
ROSTER = (
    person(ODETTE, "Odette Kray", "paralegal"),
    person(RUFUS, "Roberto Amsel", "associate"),
    person(TRINI, "Trinidad Lowe", "legal_assistant"),
)
QUARRY, PELL, VANCE = "SB-11", "SB-12", "SB-13"
MATTERS = (
    MatterRef(QUARRY, "Hollis Quarrington", "Flatiron Credit v. Quarrington"),
    MatterRef(PELL, "Minerva Pellworth", "In re Pellworth (Ch. 7)"),
    MatterRef(VANCE, "Desmond Vancrest", "Vancrest v. Mesa Auto Lenders"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, DEN)


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        # The TODO line is the ask; the DONE lines only report.
        ("DONE: Quarrington - answer filed\nDONE: Pellworth - 341 notice saved\n"
         "TODO: Vancrest - pull the title history + the repo notice, by Thursday", VANCE),
        ("done - Pellworth means test in the folder\n"
         "todo: Quarrington - gather the pay stubs for the exemption claim", QUARRY),
        # A closing line gives one listed item its time, and so marks it as the ask.
        ("1. Quarrington - discovery responses need a first draft.\n2. Pellworth - quiet.\n"
         "3. Mr. Vancrest wants an update.\n#1 by Friday noon.", QUARRY),
        ("1. Pellworth - nothing new.\n2. Vancrest: the settlement draft needs a close read.\n"
         "3. Quarrington call went fine.\n2 by 3.", VANCE),
    ],
)
def test_the_asked_line_decides_the_matter(parser: Parser, text: str, matter: str) -> None:
    draft = read(parser, text)
    assert (draft.matter, "matter" in draft.unsure) == (matter, False)


def test_a_matter_named_only_on_done_lines_is_asked(parser: Parser) -> None:
    draft = read(parser, "DONE: Quarrington - called him back\n"
                         "TODO: new caller Ms. Ferro - get her loan papers, EOD Friday")
    assert "matter" in draft.unsure


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (":bookmark: Prospect: Ms. Ferro\n:memo: payday loan threats\n:calendar: Due: Fri\n"
         ":bust_in_silhouette: Assign: Odette", ODETTE),
        ("Intake - Mr. Ysleta, garnishment\nDue: tomorrow\nOwner: Trinidad", TRINI),
        # A Spanish short form of a given name.
        ("Beto, porfa calendar the Quarrington pretrial for May 3.", RUFUS),
    ],
)
def test_who_a_card_or_a_short_form_names(parser: Parser, text: str, who: str) -> None:
    draft = read(parser, text)
    assert (draft.assignee, "assignee" in draft.unsure) == (who, False)


def test_an_open_assign_field_names_no_one(parser: Parser) -> None:
    draft = read(parser, "Intake - Mr. Ysleta, garnishment\nDue: Fri\nAssign: TBD")
    assert draft.assignee is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # An emoji or a bracketed tag ends what came before the name spoken to.
        ("Flatiron filed a bogus claim 🙄 Odette, please add it to the Pellworth objection.", ODETTE),
        ("[dictated] Trinidad, on Vancrest... pull the repo notice. To me by Friday.", TRINI),
        # A dictated note says whom it is for.
        ("[dictated] Right, this one's for Odette. Quarrington needs an amended exhibit list.",
         ODETTE),
        # A slip corrected at once: the later name does the work.
        ("Trinidad — oh wait, Trinidad's out today — Odette, please draft the Vancrest demand.",
         ODETTE),
    ],
)
def test_who_is_spoken_to_past_a_break(parser: Parser, text: str, who: str) -> None:
    draft = read(parser, text)
    assert (draft.assignee, "assignee" in draft.unsure) == (who, False)


def test_a_namesake_told_apart_is_not_the_assignee(parser: Parser) -> None:
    draft = read(parser, "New caller: Ms. Nell Kray (no relation to Odette). Intake call by noon.")
    assert draft.assignee is None


def test_a_correction_with_no_later_name_read_is_asked(parser: Parser) -> None:
    draft = read(parser, "Trinidad, actually no, please get the Vancrest title history.")
    assert (draft.assignee, "assignee" in draft.unsure) == (None, True)
