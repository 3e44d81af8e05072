"""A form's labelled fields ("Assigned: Tamika", "Due: 1/6"): which label each has and where its value is."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

__all__ = ["Field", "field_reader", "labelled_fields"]

# Where a field may start by default: only at its line's start, after spaces or tabs.
_LINE_START = r"^[ \t]*"


class Field(NamedTuple):
    """A labelled field: the name of the label it has, and where its value stands."""

    label: str
    start: int
    end: int


def field_reader(
    labels: Mapping[str, str], *, start: str = _LINE_START, colon: str = r"[ \t]*:[ \t]*",
    value: str = r"[^\n]*",
) -> re.Pattern[str]:
    """A reader of the fields labelled by `labels` (a name for each label's pattern): a field
    opens where `start` matches, says a label, then `colon`, then its `value`."""
    said = "|".join(f"(?P<{name}>{label})" for name, label in labels.items())
    return re.compile(rf"(?m){start}(?:{said}){colon}(?P<value>{value})")


def labelled_fields(reader: re.Pattern[str], folded: str) -> Iterator[Field]:
    """The (folded) text's fields that `reader` knows, in text order."""
    if ":" not in folded:
        return
    for match in reader.finditer(folded):
        label = next(name for name, said in match.groupdict().items()
                     if said is not None and name != "value")
        yield Field(label, match.start("value"), match.end("value"))
