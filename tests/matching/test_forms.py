"""Form fields and memo directives as forms.py reads them: labels in any order and case, values
left open, where a value ends, and "<Name> to <verb>" only where the verb is work."""

from __future__ import annotations

import pytest

from matching.parse.forms import MATTER_FIELD, PARTY_FIELD, WHO_FIELD, directives, form_fields
from matching.text import fold


def _fields(text: str) -> list[tuple[str, int, bool]]:
    folded = fold(text)
    return [(text[f.start : f.end], f.kind, f.open) for f in form_fields(folded)]


def test_a_card_s_fields_are_read_in_any_order_and_case() -> None:
    text = "ASSIGNED TO: Thaddeus\nTask: answer\nclient: Harriet Quimby\nDue: Fri"
    assert _fields(text) == [("Thaddeus", WHO_FIELD, False), ("Harriet Quimby", MATTER_FIELD, False)]


@pytest.mark.parametrize(
    "label", ["Assigned", "Assigned to", "Assignee", "Owner", "Who", "Staff", "Responsible",
              "Handled by", "Assign"],
)
def test_every_who_label_is_a_who_field(label: str) -> None:
    assert _fields(f"Task: call the client\n{label}: Nell") == [("Nell", WHO_FIELD, False)]


@pytest.mark.parametrize(
    "value", ["—", "-", "TBD", "open — any paralegal", "(drafting pool)", "whoever has the file",
              "need an attorney — I am in court that morning", "n/a", ""],
)
def test_a_who_field_naming_no_one_is_open(value: str) -> None:
    [(_, kind, left_open)] = _fields(f"Task: answer\nAssigned: {value}\nNotes: draft it")
    assert (kind, left_open) == (WHO_FIELD, True)


def test_one_line_cards_and_emoji_prefixes_hold_fields() -> None:
    assert _fields("Task: answer | Owner: Nell | Due: Fri") == [("Nell", WHO_FIELD, False)]
    assert _fields(":bust_in_silhouette: Assign: Bob") == [("Bob", WHO_FIELD, False)]
    assert _fields("**Assigned:** Bob") == [("Bob", WHO_FIELD, False)]


def test_a_value_ends_where_a_one_line_note_goes_on() -> None:
    text = "Prospect: Jerome Vale. Car taken at 3am. Intake call tomorrow. Bob."
    assert _fields(text) == [("Jerome Vale", PARTY_FIELD, False)]
    assert _fields("Client: Quimby, Kate can you call her?")[0][0] == "Quimby"
    # A stop after an initial or a short abbreviation ends nothing, nor a comma in brackets or
    # before a company's form.
    assert _fields("Matter: Apex Credit v. Quimby (36th Dist.)")[0][0] == (
        "Apex Credit v. Quimby (36th Dist.)")
    assert _fields("Client: Lena Ortiz (new, signed 12/29)\nDue: Fri")[0][0] == (
        "Lena Ortiz (new, signed 12/29)")
    assert _fields("Plaintiff: Sterling Recovery Partners, LLC")[0][0] == (
        "Sterling Recovery Partners, LLC")


def test_a_label_inside_a_sentence_is_no_field() -> None:
    assert _fields("In that case: call him. Note to staff: lunch is in.") == []


def _directed(text: str) -> list[tuple[str, bool]]:
    return [(text[d.at :].split(" to ")[0], d.arranging) for d in directives(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ACTION: Answer. Thaddeus to draft answer + defenses.", [("Thaddeus", False)]),
        ("Pretrial Jan 14 at 1:30. Bob to appear.", [("Bob", False)]),
        ("Hearing at 2 p.m. Bob to appear.", [("Bob", False)]),
        ("Nell Ashworth to negotiate; authority to $5k.", [("Nell Ashworth", False)]),
        ("Marisol Q. to e-file the complaint by 3.", [("Marisol Q.", False)]),
        ("Bob to set it up, Nell to do the call.", [("Bob", True), ("Nell", False)]),
        ("Dr. Kincaid to attend the mediation.", [("Dr. Kincaid", False)]),
    ],
)
def test_a_name_given_work_is_a_directive(text: str, found: list[tuple[str, bool]]) -> None:
    assert _directed(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Draft to me by Wednesday.",  # whom the work goes to
        "Nell to review before it goes out.",  # a later step on another's work
        "Bob to sign.",
        "Plaintiff to file an amended complaint within 14 days.",  # a court's order
        "Failure to appear may result in a default.",
        "Need to file it by Friday.",
        "Please set up a call with Ms. Quimby to update her on the offer.",  # the client called
        "I asked Bob to draft it.",  # not at a clause's start: addressed.py reads "asked Bob"
    ],
)
def test_other_words_before_to_are_no_directive(text: str) -> None:
    assert directives(text) == []
