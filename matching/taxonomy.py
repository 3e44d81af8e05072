"""The firm's task catalogue read from TOML text, validated entry by entry."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from matching.model import SKILLS, TaskType, Taxonomy
from matching.text import fold, words

__all__ = ["GAP", "PhraseElement", "TaxonomyError", "parse_taxonomy", "phrase_elements"]

GAP = "..."
MIN_LEVEL, MAX_LEVEL = 1, 5
_ID = re.compile(r"[a-z][a-z0-9_]*")

# One place in a phrase: the words that may stand there, or None for "a few words in between".
PhraseElement = tuple[str, ...] | None


class TaxonomyError(ValueError):
    """The catalogue text cannot be used; the message names the entry and the field."""


def parse_taxonomy(toml_text: str) -> Taxonomy:
    """The catalogue in `toml_text` (an array of `[[task_type]]` tables), validated."""
    try:
        document = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(f"taxonomy is not valid TOML: {error}") from None
    entries = document.get("task_type")
    if not isinstance(entries, list) or not entries:
        raise TaxonomyError("taxonomy has no [[task_type]] entries")
    types: list[TaskType] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        task_type = _task_type(entry, position)
        if task_type.id in seen:
            raise TaxonomyError(f"task type {task_type.id!r}: duplicate id")
        seen.add(task_type.id)
        types.append(task_type)
    return Taxonomy(types=tuple(types))


def phrase_elements(phrase: str) -> tuple[PhraseElement, ...]:
    """The places of one catalogue phrase; raises ValueError when the notation is misused.

    Words are folded and split as the parser splits text. `...` is a gap of a few words;
    `a|b` offers alternative single words for one place.
    """
    elements: list[PhraseElement] = []
    for chunk in phrase.split():
        if chunk == GAP:
            if not elements or elements[-1] is None:
                raise ValueError(f"phrase {phrase!r}: '...' must stand between words")
            elements.append(None)
        elif "|" in chunk:
            elements.append(_alternatives(phrase, chunk))
        else:
            elements.extend((word,) for _, _, word in words(fold(chunk)))
    if not elements:
        raise ValueError(f"phrase {phrase!r} has no words")
    if elements[-1] is None:
        raise ValueError(f"phrase {phrase!r}: '...' must stand between words")
    return tuple(elements)


def _alternatives(phrase: str, chunk: str) -> tuple[str, ...]:
    choices = []
    for option in chunk.split("|"):
        found = [word for _, _, word in words(fold(option))]
        if len(found) != 1:
            raise ValueError(f"phrase {phrase!r}: each of {chunk!r} must be one word")
        choices.append(found[0])
    return tuple(choices)


def _task_type(entry: Any, position: int) -> TaskType:
    if not isinstance(entry, Mapping):
        raise TaxonomyError(f"task type #{position}: expected a table")
    type_id = entry.get("id")
    if not isinstance(type_id, str) or not type_id.strip():
        raise TaxonomyError(f"task type #{position}: missing id")
    if not _ID.fullmatch(type_id):
        raise TaxonomyError(
            f"task type {type_id!r}: id must be lower-case letters, digits and underscores"
        )
    where = f"task type {type_id!r}"
    return TaskType(
        id=type_id,
        name=_text(entry, "name", where, default=type_id.replace("_", " ").capitalize()),
        skills=_skills(entry.get("skills", {}), where),
        est_hours=_est_hours(entry.get("est_hours"), where),
        utbms_task=_text(entry, "utbms_task", where, default=""),
        utbms_activity=_text(entry, "utbms_activity", where, default=""),
        attorney_only=_flag(entry, "attorney_only", where),
        review_required=_flag(entry, "review_required", where),
        phrases=_phrases(entry.get("phrases", []), where),
    )


def _text(entry: Mapping[str, Any], key: str, where: str, *, default: str) -> str:
    value = entry.get(key, default)
    if not isinstance(value, str):
        raise TaxonomyError(f"{where}: {key} must be a string")
    return value.strip() or default


def _flag(entry: Mapping[str, Any], key: str, where: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise TaxonomyError(f"{where}: {key} must be true or false")
    return value


def _est_hours(value: Any, where: str) -> float:
    if value is None:
        raise TaxonomyError(f"{where}: missing est_hours")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TaxonomyError(f"{where}: est_hours must be a number of hours")
    if value < 0 or not math.isfinite(value):
        raise TaxonomyError(f"{where}: est_hours must be zero or more, not {value}")
    return float(value)


def _skills(value: Any, where: str) -> Mapping[str, int]:
    if not isinstance(value, Mapping):
        raise TaxonomyError(f"{where}: skills must be a table of skill = level")
    levels: dict[str, int] = {}
    for skill, level in value.items():
        if skill not in SKILLS:
            raise TaxonomyError(f"{where}: unknown skill {skill!r} (known: {', '.join(SKILLS)})")
        if isinstance(level, bool) or not isinstance(level, int):
            raise TaxonomyError(f"{where}: level of {skill} must be a whole number")
        if not MIN_LEVEL <= level <= MAX_LEVEL:
            raise TaxonomyError(
                f"{where}: level of {skill} must be {MIN_LEVEL}..{MAX_LEVEL}, not {level}"
            )
        levels[skill] = level
    return MappingProxyType(levels)


def _phrases(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise TaxonomyError(f"{where}: phrases must be a list of strings")
    for phrase in value:
        try:
            phrase_elements(phrase)
        except ValueError as error:
            raise TaxonomyError(f"{where}: {error}") from None
    return tuple(p.strip() for p in value)
