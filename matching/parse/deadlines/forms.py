"""Intake forms: "Task: …\\nClient: …\\nDue: 1/6\\nAssigned: …", whose Due field is the deadline.

A form's Due field says when the task is due, whatever dates its Notes tell ("hearing set 1/12",
"reply date of 1/8"); a Due field left empty on purpose ("Due: —", "Due: none") says there is
no deadline. A text with no such form is left as it is.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from matching.parse.fields import field_reader, labelled_fields

__all__ = ["DueField", "due_field"]

# A form's field: a label of a word or two opening its line, then a colon ("Client:",
# "Assigned to:", "Notes:").
_ANY_FIELD = field_reader({"any": r"[a-z][a-z'/ ]{0,20}"}, colon=":", value="")
# The Due field itself: "Due:", "Due date:", "Deadline:", "Due by:".
_DUE_FIELD = field_reader({"due": r"due(?:\s+date|\s+by)?|deadline|date\s+due"})
# A value that says there is none: a dash or two, "none", "n/a", "no deadline", "TBD".
_NO_VALUE = re.compile(
    r"[\s\-.\u2014\u2013_*]*|(?:none|n/?a|nil|no\s+(?:deadline|due\s+date|date)|not\s+set"
    r"|tb[da]|to\s+be\s+(?:determined|decided|set)|open)[\s.!]*"
)
# A form has this many fields at least, the Due field one of them.
_FORM_FIELDS = 2


class DueField(NamedTuple):
    """A form's Due field: where its value is in the text, and whether it says there is none."""

    start: int
    end: int
    empty: bool


def due_field(folded: str) -> DueField | None:
    """The Due field of the form the (folded) text is, if it is one ("Due: 1/6", "Due: —")."""
    if ":" not in folded or "\n" not in folded:
        return None
    due = next(labelled_fields(_DUE_FIELD, folded), None)
    if due is None or sum(1 for _ in labelled_fields(_ANY_FIELD, folded)) < _FORM_FIELDS:
        return None
    empty = _NO_VALUE.fullmatch(folded[due.start:due.end]) is not None
    return DueField(due.start, due.end, empty)
