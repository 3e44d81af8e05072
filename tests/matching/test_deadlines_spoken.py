"""Dictated text: spoken hours and meridiems, punctuation said as words."""

from __future__ import annotations

import pytest

from matching.parse.deadlines.spoken import dictated_punctuation
from tests.matching.deadline_reading import reading

DICTATED = [
    # a meridiem spelt out letter by letter
    ("file the Brandt motion by seven p m", ("2026-12-08 19:00", False)),
    ("call Mr. Abiola by ten a m tomorrow", ("2026-12-09 10:00", False)),
    ("send the Lyle draft by 4 p m tomorrow", ("2026-12-09 16:00", False)),
    # the clock as said aloud
    ("get the Tobin filing in by half past two", ("2026-12-08 14:30", False)),
    ("get the Tobin filing in by quarter to five", ("2026-12-08 16:45", False)),
    ("call Ms. Tobin by a quarter past 10 tomorrow", ("2026-12-09 10:15", False)),
    ("we need half of the Tobin exhibits by 2", ("2026-12-08 14:00", False)),
    # about an hour is that hour, and keeps its day
    ("send the Lyle draft by noon-ish tomorrow", ("2026-12-09 12:00", False)),
    ("send the Lyle draft by 3ish tomorrow", ("2026-12-09 15:00", False)),
    # "period" ends a sentence: what follows is asked apart from what was relayed before
    ("this is Lorna period tell Mr Abiola the hearing moved to Monday period call him today",
     ("2026-12-08 17:00", False)),
    ("Kofi here period need the Rhee exhibits pulled by Thursday period thanks",
     ("2026-12-10 17:00", False)),
    # a clock's colon left out, and numbers heard as their homophones
    ("can you cover the Lyle status conference tomorrow at 8 30 by phone",
     ("2026-12-09 08:30", False)),
    ("pls get the Tobin receipts into the file in to business days", ("2026-12-10 17:00", False)),
    ("start the Brandt letter from the template i'd like to review it tomorrow by for",
     ("2026-12-09 16:00", False)),
    # ... but not a count: "at 9 30 percent", "print for copies"
    ("pls print for copies of the Lyle binder by noon", ("2026-12-08 12:00", False)),
    # in a run with no stops, an ask of "you" ends what a third person says
    ("she says she kept the move out photos can you get the Lyle letter started i'd like to "
     "review it tomorrow by 4", ("2026-12-09 16:00", False)),
    # the writer's own arrival, in a run with no stops, is no deadline
    ("running late the docket is backed up i'll be in by 10 30", (None, False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DICTATED)
def test_a_dictated_deadline(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call her today period thanks", "call her today.       thanks"),
        ("served comma she says", "served,      she says"),
        # the noun stays
        ("the cure period runs out", "the cure period runs out"),
        ("a 20-day period", "a 20-day period"),
        ("the limitations period under state law", "the limitations period under state law"),
    ],
)
def test_punctuation_said_as_a_word(text: str, expected: str) -> None:
    assert dictated_punctuation(text) == expected
    assert len(dictated_punctuation(text)) == len(text)
