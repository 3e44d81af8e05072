"""The parser's vocabulary file: the bundled one loads, bad ones are refused, vetoes are data."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.parse import Catalogue, Parser, VocabularyError, parse_vocabulary
from tests.matching.bundled import BUNDLED_TAXONOMY, BUNDLED_VOCABULARY

NOW = datetime(2026, 12, 8, 10, 0, tzinfo=ZoneInfo("America/New_York"))


def test_the_bundled_vocabulary_has_shorthand_ignored_words_and_vetoes() -> None:
    assert BUNDLED_VOCABULARY.shorthand["ltr"] == "letter"
    assert "the" in BUNDLED_VOCABULARY.ignored
    assert "for" in BUNDLED_VOCABULARY.topic_markers
    assert "for review" in BUNDLED_VOCABULARY.vetoes


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("ignored = [", "not valid TOML"),
        ('ignored = ["two words"]', "ignored must be a list"),
        ("topic_markers = 3", "topic_markers must be a list"),
        ('[shorthand]\nltr = "a letter"', "shorthand must map single words"),
        ("vetoes = 1", "vetoes must be a table"),
        ("[vetoes]\nchores = [1]", "vetoes.chores must be a list of phrases"),
        ('[vetoes]\nchores = ["... potluck"]', "vetoes.chores: phrase"),
    ],
)
def test_a_bad_vocabulary_is_refused_with_the_key_named(text: str, complaint: str) -> None:
    with pytest.raises(VocabularyError, match=complaint):
        parse_vocabulary(text)


def read(text: str, catalogue: Catalogue) -> str | None:
    return Parser(catalogue, (), ()).parse(text, now=NOW, tz="America/New_York").task_type


def test_a_veto_in_the_data_silences_the_task_word_it_claims() -> None:
    text = "research venues for the retreat"
    assert read(text, Catalogue(BUNDLED_TAXONOMY, BUNDLED_VOCABULARY)) == "legal_research"
    vetoed = replace(BUNDLED_VOCABULARY,
                     vetoes=(*BUNDLED_VOCABULARY.vetoes, "research venue|venues"))
    assert read(text, Catalogue(BUNDLED_TAXONOMY, vetoed)) is None


def test_shorthand_in_the_data_is_spelt_out_before_matching() -> None:
    plain = Catalogue(BUNDLED_TAXONOMY, replace(BUNDLED_VOCABULARY, shorthand={}))
    assert read("sched a depo", plain) is None
    assert read("sched a depo", Catalogue(BUNDLED_TAXONOMY, BUNDLED_VOCABULARY)) == (
        "calendar_deadlines")


@pytest.mark.parametrize("text", [
    "FYI the Grant hearing went fine and the judge signed the order. No action needed.",
    "Not a task, just sharing: the Okoye settlement check cleared this morning",
    "amended schedules for de la Cruz are filed. nothing needed from anyone",
])  # fmt: skip
def test_a_text_that_says_nothing_is_asked_has_no_task_type(text: str) -> None:
    parser = Parser(Catalogue(BUNDLED_TAXONOMY, BUNDLED_VOCABULARY), (), ())
    draft = parser.parse(text, now=NOW, tz="America/New_York")
    assert draft.task_type is None and "task_type" in draft.unsure
    assert draft.candidates  # the task words it uses are still offered
