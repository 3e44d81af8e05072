"""Pasted notices and transcripts: a task notice's priority field, a transcript's timestamps,
an emergency order someone else issued."""

from __future__ import annotations

import pytest

from matching.parse.priority import priority_of
from tests.matching.deadline_reading import reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Task assigned to Ona Reyes: Draft Answer — Due 12/11/2026 — Priority: High", "high"),
        ("Task assigned to Ona Reyes: Pull exhibits — Due 12/11/2026 — Priority: Low", "low"),
        ("Task: Docket hearing (ASAP per client)\nPriority: Normal", "normal"),
        ("Task: Docket hearing\nPriority: Medium", "normal"),
        ("Task: File stay motion | Priority: Urgent", "urgent"),
        # a priority phrase, not a field
        ("High priority: the wage claim memo", "high"),
        ("we serve the low priority: low income folks first", "low"),
        ("help the low-income client, whose priority: high rent", "normal"),
    ],
)
def test_a_notices_priority_field_says_the_priority(text: str, expected: str) -> None:
    assert priority_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the county issued an emergency order continuing all settings; flag them", "normal"),
        ("the court entered emergency orders on every docket; update the calendar", "normal"),
        ("please draft an emergency motion to stay the sale", "urgent"),
        ("we need an emergency order before the sale", "urgent"),
    ],
)
def test_an_emergency_order_someone_issued_asks_no_haste(text: str, expected: str) -> None:
    assert priority_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speaker 1 (00:03): on the Okonjo repo case\n"
         "Speaker 1 (00:26): pull the contract and do me a timeline, by Friday is fine",
         ("2026-12-11 17:00", False)),
        ("[00:12] pull the contract and do a timeline\n[00:40] by Thursday at ten",
         ("2026-12-10 10:00", False)),
        # a time in brackets in a sentence is a time
        ("send me the Okonjo letter Thursday (10:00)", ("2026-12-10 10:00", False)),
    ],
)  # fmt: skip
def test_a_transcripts_timestamps_are_no_times_of_day(
    text: str, expected: tuple[str | None, bool]
) -> None:
    assert reading(text) == expected
