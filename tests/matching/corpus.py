"""Labelled delegation corpora — a firm's roster, matters and requests — and the parser's score.

A corpus is scored as the bot reads it: the rule-based parser with the classifier's second
opinion (the shipped model: catalogue plus the labelled firms in bot/data/training.jsonl), or
with `second_opinion=False` the rules alone.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from bot.nicknames import load_nicknames
from bot.request_model import RequestModel, ReviewedParser, model_for
from matching.model import MatterRef, StaffProfile
from matching.parse import Parser
from matching.second_opinion import NameBook
from tests.matching.bundled import BUNDLED_CATALOGUE

TRAINED_AT = datetime(2027, 1, 1, tzinfo=UTC)
TARGETS = {"task_type": 0.95, "due_at": 0.98, "priority": 1.0, "matter": 1.0, "assignee": 1.0}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_roster(path: Path) -> list[StaffProfile]:
    return [
        StaffProfile(
            email=row["email"],
            name=row["name"],
            role=row["role"],
            hourly_rate=float(row["hourly_rate"]),
            skills={skill: int(level) for skill, level in
                    (pair.split(":") for pair in row["skills"].split(";") if pair)},
            weekly_capacity_hours=float(row["weekly_capacity_hours"]),
            timezone=row["timezone"] or "America/New_York",
            slack_user_id=row["slack_user_id"] or None,
            teams_user_id=row["teams_user_id"] or None,
        )
        for row in _rows(path)
    ]


def read_matters(path: Path) -> list[MatterRef]:
    return [
        MatterRef(
            number=row["matter_number"],
            client_name=row["client_name"],
            title=row["title"],
            jurisdiction=row["jurisdiction"] or None,
            responsible_email=row["responsible_attorney_email"] or None,
            screened=frozenset(e for e in row["screened_emails"].split(";") if e),
        )
        for row in _rows(path)
    ]


def firm_parser(firm: Path) -> Parser:
    """A parser over the firm's matters and roster, with the bundled task catalogue."""
    return Parser(
        BUNDLED_CATALOGUE,
        read_matters(firm / "matters.csv"),
        read_roster(firm / "roster.csv"),
        load_nicknames(),
    )


@cache
def shipped_model() -> RequestModel:
    """The model the bot starts with for the bundled catalogue (no firm examples)."""
    return model_for(BUNDLED_CATALOGUE.taxonomy, clock=lambda: TRAINED_AT)


def reviewed_firm_parser(firm: Path) -> ReviewedParser:
    """The firm's parser with the shipped model's second opinion, as the bot runs it."""
    matters, roster = read_matters(firm / "matters.csv"), read_roster(firm / "roster.csv")
    return ReviewedParser(Parser(BUNDLED_CATALOGUE, matters, roster, load_nicknames()),
                          shipped_model(),
                          NameBook.of_firm(matters, roster, BUNDLED_CATALOGUE.shorthand))


@dataclass
class Score:
    """Right answers per field over a corpus, and a line for each miss."""

    name: str
    lines: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TARGETS, 0))
    misses: list[str] = field(default_factory=list)
    # Issue 13's split: a field the parser is unsure of is asked about (right or not); a wrong
    # field it is sure of is silently wrong.
    asked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TARGETS, 0))
    silently_wrong: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TARGETS, 0))

    def accuracy(self, field_name: str) -> float:
        return self.right[field_name] / self.lines if self.lines else 0.0

    def meets_targets(self) -> bool:
        return all(self.accuracy(f) >= target for f, target in TARGETS.items())

    def report(self) -> str:
        rows = [f"{self.name} ({self.lines} requests):"]
        rows += [f"  {f:10s} {self.accuracy(f):7.2%}  (target {t:.0%})" for f, t in TARGETS.items()]
        rows += [f"  miss {miss}" for miss in self.misses]
        return "\n".join(rows)


def score_corpus(firm: Path, *, second_opinion: bool = True) -> Score:
    """Parse every request in `firm/delegations.jsonl` and compare each field with its label."""
    parser: Parser | ReviewedParser = (reviewed_firm_parser(firm) if second_opinion
                                       else firm_parser(firm))
    score = Score(firm.name)
    for line in (firm / "delegations.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        request = json.loads(line)
        draft = parser.parse(request["text"], now=datetime.fromisoformat(request["now"]),
                             tz=request["tz"], writer=request.get("as"))
        expect = request["expect"]
        got = {"task_type": draft.task_type, "priority": draft.priority, "matter": draft.matter,
               "assignee": draft.assignee,
               "due_at": draft.due_at.isoformat() if draft.due_at else None}
        wanted = {**{f: expect[f] for f in TARGETS if f != "due_at"},
                  "due_at": expect["due_at_hand"]}
        score.lines += 1
        for name in TARGETS:
            asked = name in draft.unsure
            score.asked[name] += asked
            if got[name] == wanted[name]:
                score.right[name] += 1
            else:
                score.silently_wrong[name] += not asked
                score.misses.append(f"{request['id']} {name}: got {got[name]!r}, "
                                    f"want {wanted[name]!r}{' (asked)' if asked else ''}  "
                                    f"({request['text']})")
    return score
