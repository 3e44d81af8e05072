"""Assignees and matters as pasted forms and memos write them: "Assigned: Name" and "Client:"
fields in any order, "Name to draft" directives, "Name, you're covering it", a person proposed in
brackets, honorifics and initials, and a named person never dropped."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.asked_why import NOT_ON_ROSTER, SEVERAL_PEOPLE
from matching.parse.assigning import SEVERAL_ASKED
from tests.matching.bundled import (
    firm_parser,
    reader,
    sure_assignee,
    sure_matter,
)
from tests.matching.bundled import named_person as person

CHI = "America/Chicago"
NOW = datetime(2027, 3, 2, 9, 0, tzinfo=ZoneInfo(CHI))  # a Tuesday

THAD, BOB, NELL = "thaddeus.orr@tallgrass.test", "robert.lind@tallgrass.test", "nell.a@tg.test"
VANCE, QUADE, TAMSIN = "marisol.vance@tg.test", "marisol.quade@tg.test", "t.sterling@tg.test"
KINCAID, WREN = "august.kincaid@tallgrass.test", "wren.fahey@tallgrass.test"
ROSTER = (
    person(THAD, "Thaddeus Orr", "associate"),
    person(BOB, "Robert Lind", "associate"),
    person(NELL, "Nell Ashworth", "paralegal"),
    person(VANCE, "Marisol Vance", "paralegal"),
    person(QUADE, "Marisol Quade", "paralegal"),
    person(TAMSIN, "Tamsin Sterling", "legal_assistant"),  # surname = a debt buyer's
    person(KINCAID, "August Kincaid", "partner"),
    person(WREN, "Wren Fahey", "legal_assistant"),
)
QUIMBY, GARCIA, BELL = "TG-1", "TG-2", "TG-3"
MATTERS = (
    MatterRef(QUIMBY, "Harriet Quimby", "Apex Credit v. Quimby"),
    MatterRef(GARCIA, "Lionel Garcia", "Garcia v. Vexo Motors"),
    MatterRef(BELL, "Nora Bellweather", "In re Bellweather (Ch. 7)"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, CHI, KINCAID)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Task: Answer\nClient: Harriet Quimby\nDue: Fri\nAssigned: Thaddeus\n"
         "Notes: deny standing; Nell reviews and signs.", THAD),
        # Any order, any case, any who-label.
        ("Assigned to: Nell\nTask: client update\nClient: Lionel Garcia", NELL),
        ("ASSIGNEE: Thaddeus\nTASK: demand letter\nCLIENT: Garcia", THAD),
        ("Task: intake call\nowner: thaddeus\nDue: today", THAD),
        ("Task: answer\nWho: Bob\nClient: Quimby", BOB),  # a short form of Robert
        ("Task: records request\nStaff: Nell Ashworth\nClient: Bellweather", NELL),
        ("Task: means test\nResponsible: Wren\nClient: Bellweather", WREN),
        ("Task: SOL check\nHandled by: Bob\nClient: Quimby", BOB),
        ("Task: answer | Client: Quimby | Owner: Nell | Due: Fri", NELL),
        # A surname's initial tells two people of one given name apart.
        ("Task: client update\nClient: Garcia\nAssigned: Marisol Q.", QUADE),
    ],
)
def test_a_who_field_names_the_assignee(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)


@pytest.mark.parametrize(
    "text",
    [
        "Task: answer\nClient: Quimby\nAssigned: —\nNotes: Thaddeus reviews and signs.",
        "Task: answer\nClient: Quimby\nAssigned: TBD\nNotes: Nell to scan the exhibits after.",
        "Task: bankruptcy prep\nClient: Bellweather\nAssigned: whoever has the Bellweather file",
        "Task: appearance\nClient: Garcia\nAssigned: need an attorney — I am in Peoria that day",
        "Task: demand letter\nClient: Garcia\nAssigned: (drafting pool)\nNotes: Bob signs.",
        # The writer's own name: theirs to do, not the notes' reviewer's.
        "Task: answer\nClient: Quimby\nAssigned: August\nNotes: Bob reviews before it goes.",
    ],
)
def test_a_who_field_left_open_names_no_one_whoever_the_notes_name(
    parser: Parser, text: str
) -> None:
    assert sure_assignee(read(parser, text)) == (None, False)


def test_a_who_field_with_a_name_off_the_roster_is_asked(parser: Parser) -> None:
    draft = read(parser, "Task: answer\nAssigned: Zed\nNotes: Nell reviews")
    assert sure_assignee(draft) == (None, True)
    assert draft.reason("assignee") == NOT_ON_ROSTER.format(name="Zed")


def test_a_who_field_with_a_name_two_people_share_is_asked(parser: Parser) -> None:
    draft = read(parser, "Task: client update\nClient: Garcia\nAssigned: Marisol")
    assert sure_assignee(draft) == (None, True)
    assert draft.reason("assignee") == SEVERAL_PEOPLE.format(
        name="Marisol", people="Marisol Quade or Marisol Vance")


@pytest.mark.parametrize(
    "text", ["Task: answer\nAssigned: Thaddeus/Bob", "Task: answer\nAssigned: Thaddeus, Bob",
             "Task: answer\nAssigned: Nell\n\nTask: reply\nAssigned: Wren"],
)
def test_who_fields_naming_several_people_are_asked(parser: Parser, text: str) -> None:
    draft = read(parser, text)
    assert (draft.assignee, draft.reason("assignee")) == (None, SEVERAL_ASKED)


def test_a_who_label_naming_no_one_leaves_the_text_to_decide(parser: Parser) -> None:
    text = "Staff: the office closes at 3 Friday.\nThaddeus, can you draft the Quimby answer?"
    assert sure_assignee(read(parser, text)) == (THAD, False)


def test_a_one_line_note_after_a_client_field_may_still_ask_someone(parser: Parser) -> None:
    draft = read(parser, "Client: Quimby, Thaddeus can you call her about the Apex offer?")
    assert (sure_assignee(draft), sure_matter(draft)) == ((THAD, False), (QUIMBY, False))


def test_a_party_field_names_no_one_to_act(parser: Parser) -> None:
    text = ("Harriet Quimby's summons, pasted below. Can someone start the answer?\n\n"
            "Plaintiff: Sterling Recovery Partners, LLC\nDefendant: Harriet Quimby")
    assert read(parser, text).assignee is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("RE: Apex Credit v. Quimby\nACTION: Answer. Thaddeus to draft answer + affirmative "
         "defenses. Draft to me by Wednesday.\n—AK", THAD),
        ("RE: Garcia v. Vexo Motors\nACTION: Pretrial Mar 9 at 1:30. Bob to appear.\n—AK", BOB),
        ("RE: Garcia\nACTION: Settlement. Nell to negotiate; authority to $5,000.\n—AK", NELL),
        ("Quimby complaint is signed. Wren to e-file it by 3.", WREN),
        # One sets the task up for another, who does it.
        ("RE: intake for a new caller\nACTION: call her after 5. Bob to set it up, Nell to do "
         "the call.\n—AK", NELL),
    ],
)
def test_a_name_given_work_in_a_memo_is_the_assignee(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)


def test_work_shared_between_two_doers_is_asked(parser: Parser) -> None:
    draft = read(parser, "RE: Quimby\nACTION: Thaddeus to draft the answer, Wren to file it.")
    assert (draft.assignee, draft.reason("assignee")) == (None, SEVERAL_ASKED)


@pytest.mark.parametrize(
    "text",
    [
        "Quimby demand letter is drafted. Nell to review before it goes out.",  # a later step
        "Need to draft the Quimby answer by Friday.",  # a sentence's opening words
        "Order entered: Plaintiff to file an amended complaint within 14 days. Calendar it.",
    ],
)
def test_words_before_to_that_give_no_one_work_assign_no_one(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text)) == (None, False)


def test_a_given_name_off_the_roster_given_work_is_asked(parser: Parser) -> None:
    draft = read(parser, "RE: Quimby\nACTION: Zachary to draft the answer by Friday.")
    assert sure_assignee(draft) == (None, True)
    assert draft.reason("assignee") == NOT_ON_ROSTER.format(name="Zachary")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Garcia hearing is at 11 and I'm stuck in Peoria, so Thaddeus you're covering it. "
         "File's on my desk.", THAD),
        ("Ms. Quimby called again. Could an attorney (Nell, maybe?) call her back today?", NELL),
        ("For Ms. Bellweather, can we get her bank statements? Marisol Q., I know this one's "
         "walled off from you, so maybe Wren? By Monday.", WREN),
        ("@Marisol V. can you update the Bellweather means test with the new income?", VANCE),
        ("@Marisol V can you update the Bellweather means test with the new income?", VANCE),
        # An honorific with a surname, a given name or its initial names one of the staff.
        ("Kindly arrange for Ms. Ashworth to appear at the Quimby hearing on 3/20 at 9.", NELL),
        ("Miss N — can you prep the Garcia motion to compel? Friday please.", NELL),
        ("Kindly have Mr. Orr draft the Garcia demand letter.", THAD),
        # A partner spoken of in the third person is not the one asked.
        ("Mr. Kincaid wants the Quimby answer drafted. Bob, can you do it today?", BOB),
    ],
)
def test_a_person_named_in_these_ways_is_the_assignee(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text, writer=None)) == (who, False)


def test_a_client_named_with_an_honorific_is_no_staff_member(parser: Parser) -> None:
    assert read(parser, "Kindly ask Mr. Garcia to sign the retainer.").assignee is None


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("Task: Answer\nClient: Harriet Quimby\nDue: Fri\nNotes: Lionel Garcia called too, "
         "same creditor.", QUIMBY),
        ("Task: Demand letter\nClient: Garcia\nAssigned: Nell\nNotes: reuse the Quimby demand "
         "as the model.", GARCIA),
        ("Matter: Apex Credit v. Quimby\nTask: discovery responses\nOwner: Bob\nNotes: "
         "Bellweather's trustee wants the same docs, do hers after.", QUIMBY),
        ("Task: answer | Client: TG-2 | Assigned: Nell | Notes: Quimby's answer is the template",
         GARCIA),
    ],
)
def test_a_client_or_matter_field_names_the_matter(parser: Parser, text: str, matter: str) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)
