"""Replies that only take work on, decline it or report it done: quoted or opening a thread reply."""

from __future__ import annotations

import pytest

from matching.parse.forwarded import quoted_spans
from matching.parse.replies import answer_opening, answers_only
from matching.text import fold


def _opening(text: str) -> str | None:
    folded = fold(text)
    found = answer_opening(folded)
    return folded[found[0] : found[1]] if found else None


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Will do, Marta. I'll send the list by Monday.", "will do"),
        ("Done - the Okoro 341 is on the calendar", "done"),
        ("on it", "on it"),
        ("Hi Lena,\n\nThank you, I would be happy to take the Brightwater memo.",
         "i would be happy to take the brightwater memo"),
        ("ravi - can't today, in court all morning", "can't today"),
        ("can't take anything new today - Pruitt exhibits, Lowe demand", "can't take anything new today"),
        ("I can't make it at 2, can someone cover?", "i can't make it at 2"),
        ("sounds good, I'll file it tomorrow", "sounds good"),
    ],
)  # fmt: skip
def test_a_thread_reply_opens_with_its_answer(text: str, answer: str) -> None:
    assert _opening(text) == answer


@pytest.mark.parametrize(
    "text",
    [
        "DONE: Okoro disclosures saved\nTODO: request the Ames statement",  # a done/to-do list
        "Lena, draft the Okoro answer by Friday",
        "Happy to report the Ames case settled!",
        "donovan filed the answer",
    ],
)
def test_other_openings_are_no_answer(text: str) -> None:
    assert _opening(text) is None


def test_a_quoted_ask_answered_below_it_is_answered_only() -> None:
    text = "> who can take the Ames letter?\n\nI've got it, draft by 11"
    assert answers_only(fold(text), quoted_spans(text))
    asked = "> who can take the Ames letter?\n\nI've got it. Can someone pull the file?"
    assert not answers_only(fold(asked), quoted_spans(asked))
