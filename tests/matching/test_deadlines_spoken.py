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
