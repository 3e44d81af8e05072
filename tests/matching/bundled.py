"""What the matching tests share: the bundled catalogue and vocabulary, loaded once, parser
roster entries, an invented firm's parser and reader, and what a draft says of its matter and
assignee."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path
from typing import Protocol

import matching
from bot.nicknames import load_nicknames
from matching.model import MatterRef, StaffProfile, TaskDraft
from matching.parse import Catalogue, Parser, parse_vocabulary
from matching.taxonomy import parse_taxonomy

BUNDLED_TAXONOMY_FILE = Path(matching.__file__).parent / "data" / "taxonomy.toml"
BUNDLED_TAXONOMY = parse_taxonomy(BUNDLED_TAXONOMY_FILE.read_text(encoding="utf-8"))
BUNDLED_VOCABULARY_FILE = BUNDLED_TAXONOMY_FILE.with_name("vocabulary.toml")
BUNDLED_VOCABULARY = parse_vocabulary(BUNDLED_VOCABULARY_FILE.read_text(encoding="utf-8"))
# Compiled once for the whole test run, as the bot compiles it once per process.
BUNDLED_CATALOGUE = Catalogue(BUNDLED_TAXONOMY, BUNDLED_VOCABULARY)


def named_person(email: str, name: str, role: str, slack: str | None = None) -> StaffProfile:
    """A roster entry for parser tests: only the name, role and Slack id matter there."""
    return StaffProfile(
        email=email, name=name, role=role, hourly_rate=60.0, skills={},
        weekly_capacity_hours=40.0, working_hours=(time(9), time(17)), slack_user_id=slack,
    )  # fmt: skip


def firm_parser(
    matters: Sequence[MatterRef], roster: Sequence[StaffProfile], *, nicknames: bool = True
) -> Parser:
    """An invented firm's parser on the bundled catalogue, knowing given names' short forms as
    the bot does unless `nicknames` is off (tests written before the bot passed them)."""
    return Parser(BUNDLED_CATALOGUE, matters, roster, load_nicknames() if nicknames else None)


class Reader(Protocol):
    """Reads a text with a firm's parser: `read(parser, text)`, or with another writer, moment
    or zone for one call."""

    def __call__(
        self, parser: Parser, text: str, writer: str | None = ..., *, now: datetime = ...,
        tz: str = ...,
    ) -> TaskDraft: ...  # fmt: skip


def reader(now: datetime, tz: str, writer: str | None = None) -> Reader:
    """How a firm's tests read a text: written at `now` in zone `tz`, by `writer` unless a call
    names another (None: the writer is unknown)."""

    def read(
        parser: Parser, text: str, writer: str | None = writer, *, now: datetime = now,
        tz: str = tz,
    ) -> TaskDraft:  # fmt: skip
        return parser.parse(text, now=now, tz=tz, writer=writer)

    return read


def sure_matter(draft: TaskDraft) -> tuple[str | None, bool]:
    """The matter read, and whether the bot would ask about it."""
    return draft.matter, "matter" in draft.unsure


def sure_assignee(draft: TaskDraft) -> tuple[str | None, bool]:
    """The assignee read, and whether the bot would ask about it."""
    return draft.assignee, "assignee" in draft.unsure
