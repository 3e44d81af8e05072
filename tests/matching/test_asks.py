"""Where a text asks: the writer's own acts and purposes, and the words that ask directly."""

from __future__ import annotations

import pytest

from matching.parse.asks import (
    asides,
    asks,
    direct_asks,
    joined_verbs,
    offers,
    status_questions,
)
from matching.text import fold


def _aside_texts(text: str) -> list[str]:
    folded = fold(text)
    return [folded[start:end].strip() for start, end in asides(folded)]


def _after(text: str, positions: list[int]) -> list[str]:
    folded = fold(text)
    return [folded[at:].split()[0] for at in positions if folded[at:].split()]


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        # What the writer will do themself.
        ("pls get the binder ready, I'll argue it", "i'll argue it"),
        ("I will ring Mrs. Lund myself. Could someone calendar the 341", "i will ring mrs"),
        ("ill take the negotiating - can u pull the ledger", "ill take the negotiating"),
        ("im gonna counsel him but pls start the schedules", "im gonna counsel him"),
        ("I shall attend the mediation; kindly draft the brief", "i shall attend the mediation"),
        # What the work is for.
        ("need the stubs by fri so i can redo the means test", "so i can redo the means test"),
        ("Before we sue, I'd like a screen of her calls", "before we sue"),
        ("b4 we file, check the SOL", "b4 we file"),
        # What the writer means to do next.
        ("pls wrap up the schedules by Thu. I want to file Friday", "i want to file friday"),
        ("I need to advise her on the offer, so a memo first", "i need to advise her"),
    ],
)
def test_the_writers_own_acts_and_purposes_are_asides(text: str, aside: str) -> None:
    assert any(found.startswith(aside) for found in _aside_texts(text)), _aside_texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll need a memo on the arbitration clause",
        "we'd like a draft answer by Monday",
        "so I want a demand letter to Pinecrest",
        "I'm hoping someone can pull the docket",
        "we have to file the answer today",
        "I need to know whether the debt is time-barred",
        "I'd like to send Pinecrest a demand",
    ],
)
def test_asking_in_the_first_person_is_no_aside(text: str) -> None:
    assert _aside_texts(text) == []


def test_an_aside_ends_where_the_ask_begins() -> None:
    # "Before I counter" is the purpose; "I need ..." is the ask.
    assert _aside_texts("Before I counter I need the bank statements") == ["before i counter"]


def test_a_sentence_opening_with_a_purpose_asks_after_it() -> None:
    text = "Juniper sued. Before we answer, I'd like a memo on standing."
    folded = fold(text)
    assert [folded[a.at :].split()[0] for a in asks(text, folded)] == ["a"]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("hrg moved. pls dkt it", ["dkt"]),
        ("Separately, could someone docket the 341", ["docket"]),
        ("I need someone to go through the ledger", ["go"]),
        ("what i need is a summary for Ms. Lund", ["a"]),
        ("have Tomas verify the responses", ["verify"]),
        ("ask Bea to calendar it", ["calendar"]),
        ("pls call her + explain the options", ["call", "explain"]),
        ("the clerk asked us to refile the exhibits", ["refile"]),
        ("Redwood answered and served discovery.", []),
        # work handed over
        ("looks good, go ahead and file it Monday", ["file"]),
        ("Sol, you're up on the Fenwick demand", ["the"]),
        ("she asked whether she should go ahead and pay", []),
    ],
)
def test_direct_asks_stand_just_before_the_verb_or_deliverable(text: str, asked: list[str]) -> None:
    assert _after(text, direct_asks(fold(text))) == asked


def test_a_verb_joined_in_another_sentence_is_not_asked_directly() -> None:
    text = "pls call her. Redwood then served discovery"
    assert _after(text, direct_asks(fold(text))) == ["call"]
    assert _after(text, joined_verbs(fold(text))) == ["served"]


def _spans(found: list[tuple[int, int]], text: str) -> list[str]:
    folded = fold(text)
    return [folded[start:end].strip() for start, end in found]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("did the Okoro objection get filed? nothing on PACER", "did the okoro objection get filed?"),
        ("@nadia did Ravi send the Lowe letter?", "@nadia did ravi send the lowe letter?"),
        ("<@U123> has the Ames answer gone out?", "has the ames answer gone out?"),
        ("ravi - whats the status on the SOL memo?", "whats the status on the sol memo?"),
        ("Tomas, any update on the Lowe responses?", "any update on the lowe responses?"),
        ("where are we on the Fenwick production?", "where are we on the fenwick production?"),
        ("how's the Brightwater memo coming?", "how's the brightwater memo coming?"),
    ],
)
def test_a_question_after_works_progress_is_an_aside(text: str, question: str) -> None:
    folded = fold(text)
    assert _spans(status_questions(folded), text) == [question]
    assert question in _aside_texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "pls send the Lowe update to the client",  # no question
        "Can you draft the Okoro answer?",  # asks for the work
        "Before we file, run a screen: did TransUnion reinvestigate?",  # what to research
    ],
)
def test_other_questions_are_no_status_questions(text: str) -> None:
    assert status_questions(fold(text)) == []


@pytest.mark.parametrize(
    ("text", "offer"),
    [
        ("the hrg moved to 4/2. want me to docket it?", "want me to docket it"),
        ("Lowe agreed. Shall I send him the stipulation?", "shall i send him the stipulation?"),
        ("do you need me to call her", "do you need me to call her"),
    ],
)
def test_the_writer_offering_the_work_is_an_aside(text: str, offer: str) -> None:
    assert _spans(offers(fold(text)), text) == [offer]
