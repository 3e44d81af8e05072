"""What the matching tests share: the bundled catalogue and vocabulary, loaded once, and parser
roster entries, and what a draft says of its matter and assignee."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import matching
from matching.model import StaffProfile, TaskDraft
from matching.parse import Catalogue, parse_vocabulary
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


def sure_matter(draft: TaskDraft) -> tuple[str | None, bool]:
    """The matter read, and whether the bot would ask about it."""
    return draft.matter, "matter" in draft.unsure


def sure_assignee(draft: TaskDraft) -> tuple[str | None, bool]:
    """The assignee read, and whether the bot would ask about it."""
    return draft.assignee, "assignee" in draft.unsure
