"""The parser's firm-independent vocabulary (shorthand, ignored words, vetoes) read from TOML."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from matching.taxonomy import phrase_elements
from matching.text import fold, words

__all__ = ["Vocabulary", "VocabularyError", "parse_vocabulary"]


class VocabularyError(ValueError):
    """The vocabulary text cannot be used; the message names the key."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What matching/data/vocabulary.toml says; see that file for what each part means."""

    shorthand: Mapping[str, str]
    ignored: frozenset[str]
    topic_markers: frozenset[str]
    vetoes: tuple[str, ...]
    vague: tuple[str, ...] = ()
    nothing_asked: tuple[str, ...] = ()


def parse_vocabulary(toml_text: str) -> Vocabulary:
    """The vocabulary in `toml_text`, validated."""
    try:
        document = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as error:
        raise VocabularyError(f"vocabulary is not valid TOML: {error}") from None
    shorthand = document.get("shorthand", {})
    if not isinstance(shorthand, Mapping) or not all(
        isinstance(v, str) and _one_word(k) and _one_word(v) for k, v in shorthand.items()
    ):
        raise VocabularyError("shorthand must map single words to single words")
    vetoes = document.get("vetoes", {})
    if not isinstance(vetoes, Mapping):
        raise VocabularyError("vetoes must be a table of phrase lists")
    phrases: list[str] = []
    for group, listed in vetoes.items():
        phrases += _phrases(listed, f"vetoes.{group}")
    return Vocabulary(
        shorthand=MappingProxyType(dict(shorthand)),
        ignored=frozenset(_word_list(document, "ignored")),
        topic_markers=frozenset(_word_list(document, "topic_markers")),
        vetoes=tuple(phrases),
        vague=tuple(_phrases(document.get("vague", []), "vague")),
        nothing_asked=tuple(_phrases(document.get("nothing_asked", []), "nothing_asked")),
    )


def _one_word(text: str) -> bool:
    return [w for _, _, w in words(fold(text))] == [text]


def _word_list(document: Mapping[str, Any], key: str) -> list[str]:
    listed = document.get(key, [])
    if not isinstance(listed, list) or not all(isinstance(w, str) and _one_word(w) for w in listed):
        raise VocabularyError(f"{key} must be a list of lower-case single words")
    return listed


def _phrases(listed: Any, key: str) -> list[str]:
    if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
        raise VocabularyError(f"{key} must be a list of phrases")
    for phrase in listed:
        try:
            phrase_elements(phrase)
        except ValueError as error:
            raise VocabularyError(f"{key}: {error}") from None
    return listed
