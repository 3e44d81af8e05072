"""Intake forms ("Task: …\nClient: …\nDue: …\nNotes: …"): the Due field is the deadline."""

from __future__ import annotations

import pytest

from matching.parse.deadlines.forms import due_field
from tests.matching.deadline_reading import reading

FORMS = [
    # a Due field left empty on purpose: no deadline, whatever the notes date
    ("Task: Validation letter\nClient: Ames\nDue: \u2014\nNotes: hearing set 1/12 at 9:30. Also "
     "docket the reply date of 1/8.", (None, False)),
    ("Task: Answer\nClient: Ruiz\nDue: none\nNotes: served 12/1, answer due 12/22", (None, False)),
    ("Task: Answer\nMatter: Ruiz\nDue: TBD", (None, False)),
    ("Task: SOL check\nClient: Doyle\nDue: -\nAssigned: open", (None, False)),
    # the Due field's day, not the notes' ("their answer is due 12/28", "the sale is Monday")
    ("Task: Demand letter\nClient: Obi\nDue: 12/15\nNotes: their answer is due 12/28, and the "
     "sale is Monday", ("2026-12-15 17:00", False)),
    # a docketing form's Due field is when the docketing is due, not the event docketed
    ("Task: Docket hearing\nMatter: Pell\nDue: Friday\nNotes: hearing 1/14 at 10",
     ("2026-12-11 17:00", False)),
    ("Task: Intake call\nClient: Moss\nDue: EOD\nNotes: she is home after 3",
     ("2026-12-08 17:00", False)),
    # one "Due:" line is no form
    ("Due: Friday", ("2026-12-11 17:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_a_forms_due_field_is_the_deadline(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


def test_the_due_field_is_found_only_in_a_form() -> None:
    form = "task: answer\nclient: ruiz\ndue: 1/6\nnotes: served 12/14"
    field = due_field(form)
    assert field is not None and form[field.start : field.end] == "1/6" and not field.empty
    assert due_field("due: 1/6") is None
    assert due_field("pls draft it. due: 1/6\nthx") is None
    empty = due_field("task: calendar\ndue: n/a")
    assert empty is not None and empty.empty
