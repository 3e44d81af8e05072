"""Decline reasons split into a code and the decliner's own words."""

from __future__ import annotations

import pytest

from bot.reasons import split_decline


@pytest.mark.parametrize(("typed", "expected"), [
    ("conflict", ("conflict", None)),
    ("no_capacity", ("no_capacity", None)),
    ("No capacity: trial prep all week", ("no_capacity", "trial prep all week")),
    ("conflict: I know Desmond Achebe personally",
     ("conflict", "I know Desmond Achebe personally")),
    ("not my skill - tax", ("not_my_skill", "tax")),
    ("I used to work for Baker Corp", ("other", "I used to work for Baker Corp")),
    ("conflicted about Baker Corp", ("other", "conflicted about Baker Corp")),
    ("", ("other", None)),
])
def test_split_decline(typed: str, expected: tuple[str, str | None]) -> None:
    assert split_decline(typed) == expected
