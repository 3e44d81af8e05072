"""Assignment boards ("Client | task | due | @who"), a time said apart from its morning, a day
told as news beside the ask, and the writer's own plans: which day is the task's, or asked."""

from __future__ import annotations

import pytest

from matching.parse.priority import priority_of
from tests.matching import deadline_reading

DENVER = "America/Denver"
THU = "2029-03-08T08:10:00-07:00"  # a Thursday morning
FRI = "2029-03-09T07:55:00-07:00"  # a Friday morning


def reading(text: str, now: str = THU) -> tuple[str | None, bool]:
    """The deadline read in Denver, and whether it is asked about."""
    return deadline_reading.reading(text, now, DENVER)


BOARDS = [
    # a due cell holding a short weekday that is also a word is still the row's day
    ("Pemberton | lien search | Mon | @Odile", ("2029-03-12 17:00", False)),
    ("Quarry Lane HOA | notice of appearance | Wed | @Sol", ("2029-03-14 17:00", False)),
    ("Vasquez-Thorne | hardship letter | by wed | open", ("2029-03-14 17:00", False)),
    # the heading's weekday names the post, not the row's day
    ("Thu board\nPemberton | lien search | Mon | @Odile", ("2029-03-12 17:00", False)),
    ("Fri board (early)\nAldous | rog responses | next Tue | @Sol", ("2029-03-13 17:00", False)),
    ("Fri AM board\nAldous | rog responses | Fri 2pm | @Sol", ("2029-03-09 14:00", False)),
    # two rows due on different days: which row is this task is asked
    ("Thu board\nPemberton | lien search | Mon | @Odile\nAldous | rog responses | Fri | @Sol",
     ("2029-03-09 17:00", True)),
    # ... the same day on both rows is no question
    ("Pemberton | lien search | Mon | @Odile\nAldous | rog responses | Mon | @Sol",
     ("2029-03-12 17:00", False)),
    # a row with no day of its own gives none, whatever the heading says
    ("Thu board\nPemberton | lien search | tbd | @Odile", (None, False)),
    # a signature's "Name | Title | Firm" is no board: the text above it is read as ever
    ("Pls file the Dunmore answer Friday.\n\nRuth Abara | Paralegal | Hollis & Weir LLP",
     ("2029-03-09 17:00", False)),
    # a weekday in running text that is also a word is still no day
    ("the couple will wed in June, pls send a card", (None, False)),
]


@pytest.mark.parametrize(("text", "expected"), BOARDS)
def test_a_board_rows_due_cell(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


APART = [
    # the time said after "morning" is that morning's, though another sentence names tonight;
    # of the two marked days the one said in the ask is the task's (the other tells of another
    # step, in a sentence that asks nothing)
    ("Could someone record the Ostrowski deed Monday morning by 10? The notary's copy will be "
     "in the tray by tonight.", ("2029-03-12 10:00", False)),
    # ... but a bare command asks too, and which is the task's is then asked
    ("Could someone record the Ostrowski deed Monday morning by 10? Send me the receipt by "
     "tonight.", ("2029-03-09 23:59", True)),
    ("Could someone record the Ostrowski deed Monday morning by 10?", ("2029-03-12 10:00", False)),
    # a day told as news in a sentence that asks nothing, the ask elsewhere: asked
    ("Voicemail from Mr. Brightwater re his levy. His next payday is Tuesday. Someone call him "
     "back pls", ("2029-03-13 17:00", True)),
    # ... but an event's day told so, with someone asked to cover it, is the deadline
    ("The Brightwater hearing is Tuesday at 9. Can you cover it?", ("2029-03-13 09:00", False)),
    # the writer's own plans and absence ask nothing
    ("I'll go through the Linwood exhibits Monday - deposition out of town tomorrow, so nothing "
     "from me till then.", (None, False)),
]


@pytest.mark.parametrize(("text", "expected"), APART)
def test_days_said_apart_or_as_news(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text, FRI) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the ER bill has an emergency room facility fee, pls dispute it", "normal"),
        ("she went to urgent care after the repo, get the records", "normal"),
        ("Emergency: the sheriff sale is tomorrow, file the stay motion", "urgent"),
        ("this is urgent - call the bank", "urgent"),
        ("list the nonpriority unsecured claims for Resurgent", "normal"),
    ],
)
def test_a_place_named_by_a_priority_word_asks_no_priority(text: str, expected: str) -> None:
    assert priority_of(text) == expected
