"""Lists addressed to several people ("1) @Ana pls draft … 2) @Ben calendar …"): the main item's
task, matter, deadline and assignee, read from that item alone; and "+1 to Ana's list"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader, sure_assignee, sure_matter
from tests.matching.bundled import named_person as person

CHI = "America/Chicago"
NOW = datetime(2027, 3, 4, 8, 30, tzinfo=ZoneInfo(CHI))  # a Thursday

ODA, PELL, QUIRK = "oda.reyes@fernhill.test", "pell.sato@fernhill.test", "q.ames@fernhill.test"
RUE, SOLA = "rue.baxter@fernhill.test", "sola.innis@fernhill.test"
ROSTER = (
    person(ODA, "Oda Reyes", "paralegal"),
    person(PELL, "Pell Sato", "legal_assistant"),
    person(QUIRK, "Quirk Ames", "associate"),
    person(RUE, "Rue Baxter", "partner"),
    person(SOLA, "Sola Innis", "paralegal"),
)
HALVERSEN, MOTT, TRASK, VOSS = "FH-101", "FH-102", "FH-103", "FH-104"
MATTERS = (
    MatterRef(HALVERSEN, "Ingrid Halversen", "Halversen v. Northgate Credit"),
    MatterRef(MOTT, "Darius Mott", "Bayline Funding v. Mott"),
    MatterRef(TRASK, "Lyle Trask", "In re Lyle Trask (Chapter 7)"),
    MatterRef(VOSS, "Greta Voss", "Voss v. Summit Auto"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, CHI, RUE)


@pytest.mark.parametrize(
    "text",
    [
        "+1 to Oda's list re Mott - <at>Pell Sato</at> can you also calendar the Mott "
        "pretrial, 3/19",
        "+1 to Oda's note on Mott. <at>Pell Sato</at> while you're in there pls update the "
        "Mott calendar too",
    ],
)
def test_the_one_whose_list_is_seconded_is_not_the_assignee(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text, QUIRK)) == (PELL, False)
    assert sure_matter(read(parser, text, QUIRK)) == (MOTT, False)


def test_a_number_before_to_is_no_plus_one(parser: Parser) -> None:
    text = "can you cover the Mott hearing Wed at 1? to Pell"
    assert sure_assignee(read(parser, text)) == (PELL, False)


def _fields(parser: Parser, text: str) -> tuple[object, ...]:
    draft = read(parser, text)
    due = draft.due_at.strftime("%a %H:%M") if draft.due_at else None
    return draft.task_type, sure_matter(draft), sure_assignee(draft), due


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbered, with mentions: the first item is the main ask
        ("Morning all, a few things before the weekend:\n"
         "1) <at>Oda Reyes</at> pls pull together Halversen's bank statements and the Northgate "
         "letters (FH-101). need it all in the file by Tue\n"
         "2) <at>Pell Sato</at> pls calendar the Mott pretrial, 3/22 at 9:30\n"
         "3) <at>Quirk Ames</at> call me re Trask when you're in\nthx",
         ("document_collection", (HALVERSEN, False), (ODA, False), "Tue 17:00")),
        # the item the text marks as the priority, wherever it stands
        ("1) <at>Pell Sato</at> pls send Mr. Mott a copy of the signed fee agreement\n"
         "2) <at>Quirk Ames</at> Voss - pls draft the answer to Summit Auto's complaint. by "
         "Monday, this one's the priority\n"
         "3) <at>Oda Reyes</at> look over the Trask schedules when u get a chance",
         ("answer_complaint", (VOSS, False), (QUIRK, False), "Mon 17:00")),
        # bullets and names set off by a dash; a hearing's time is the appearance's
        ("\u2022 Quirk \u2014 pls argue the Voss motion, moved to 3/10 at 10am\n"
         "\u2022 Sola \u2014 update Ms. Voss on the new date\n"
         "\u2022 Pell \u2014 calendar it",
         ("court_appearance", (VOSS, False), (QUIRK, False), "Wed 10:00")),
        # lettered items, a question first: the first that asks for work
        ("a) <at>Sola Innis</at> where are we on Trask?\n"
         "b) <at>Oda Reyes</at> pls draft the Halversen dispute letters to Equifax and "
         "Experian by Fri\n"
         "c) <at>Pell Sato</at> the Mott hearing is 3/15, calendar pls",
         ("credit_dispute_letter", (HALVERSEN, False), (ODA, False), "Fri 17:00")),
    ],
)  # fmt: skip
def test_a_list_put_to_several_people_is_read_from_its_main_item(
    parser: Parser, text: str, expected: tuple[object, ...]
) -> None:
    assert _fields(parser, text) == expected


def test_a_list_put_to_one_person_is_read_whole(parser: Parser) -> None:
    text = "Oda - Mott, by Friday:\n- pull the Bayline docket\n- calendar the pretrial 3/22"
    draft = read(parser, text)
    assert sure_assignee(draft) == (ODA, False)
    assert sure_matter(draft) == (MOTT, False)
