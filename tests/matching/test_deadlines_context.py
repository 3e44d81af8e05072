"""The words right before a day: what would have been, a hearing still set, when to start."""

from __future__ import annotations

import pytest

from tests.matching.deadline_reading import reading

LEADS = [
    # what would have been
    ("The Odell hearing is Friday at 9:30; Sam, you're going to handle it. It would have been "
     "tomorrow but the judge is out.", ("2026-12-11 09:30", False)),
    ("it would've been due Monday, but they agreed to an extension. pls draft the stip by Thursday",
     ("2026-12-10 17:00", False)),
    # an event's day, "still" or not
    ("the Lund hearing is still 12/19. pls pull the exhibits", (None, False)),
    # a paper named after an event is no event dated
    ("I want a draft answer with a counterclaim for the missing notice of sale within 10 days.",
     ("2026-12-18 17:00", False)),
    ("the sale is in 10 days. pls call Mr. Ames", (None, False)),
    # when to start, not a deadline
    ("sorry for the late ping, please ignore until tomorrow! could someone draft a short memo on "
     "the Ames lien within 3 business days?", ("2026-12-11 17:00", False)),
    ("pls hold off on the Ames letter till Monday", (None, False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LEADS)
def test_the_words_before_a_day(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected
