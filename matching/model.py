"""Frozen value types shared by the parser, the matcher and the optimiser."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time

ROLES = ("legal_assistant", "paralegal", "associate", "partner")
ATTORNEY_ROLES = frozenset({"associate", "partner"})
SKILLS = (
    "client_communication",
    "document_management",
    "litigation_support",
    "drafting",
    "legal_research",
    "case_analysis",
    "bankruptcy",
    "negotiation",
)
PRIORITIES = ("low", "normal", "high", "urgent")
# The fields of a parse the bot asks about when the parser is unsure of them (`TaskDraft.unsure`).
UNSURE_FIELDS = ("task_type", "due_at", "matter", "assignee")
# What the bot says of an unsure field when no more precise reason was given.
DEFAULT_UNSURE_REASONS = {
    "task_type": "I could not tell what kind of task this is",
    "due_at": "I could not read the deadline",
    "matter": "I could not tell which matter this is for",
    "assignee": "I could not tell who you named",
}


@dataclass(frozen=True, slots=True)
class TaskType:
    """One entry of the task catalogue."""

    id: str
    name: str
    skills: Mapping[str, int]
    est_hours: float
    utbms_task: str
    utbms_activity: str
    attorney_only: bool = False
    review_required: bool = False
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The firm's task catalogue, indexed by id."""

    types: tuple[TaskType, ...]

    def get(self, type_id: str | None) -> TaskType | None:
        return next((t for t in self.types if t.id == type_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.types)


@dataclass(frozen=True, slots=True)
class AwayPeriod:
    """A span when someone takes no work; `ends_at` None means until they say they are back."""

    starts_at: datetime
    ends_at: datetime | None = None

    def covers(self, moment: datetime) -> bool:
        return self.starts_at <= moment and (self.ends_at is None or moment < self.ends_at)


@dataclass(frozen=True, slots=True)
class StaffProfile:
    """What the matcher needs to know about one person."""

    email: str
    name: str
    role: str
    hourly_rate: float
    skills: Mapping[str, int]
    weekly_capacity_hours: float
    timezone: str = "America/New_York"
    working_hours: tuple[time, time] = (time(9), time(17))
    bar_admissions: frozenset[str] = frozenset()
    is_manager: bool = False
    manager_email: str | None = None
    slack_user_id: str | None = None
    teams_user_id: str | None = None
    away: tuple[AwayPeriod, ...] = ()
    id: int | None = None

    @property
    def is_attorney(self) -> bool:
        return self.role in ATTORNEY_ROLES

    @property
    def reachable(self) -> bool:
        return bool(self.slack_user_id or self.teams_user_id)

    def away_at(self, moment: datetime) -> AwayPeriod | None:
        return next((p for p in self.away if p.covers(moment)), None)


@dataclass(frozen=True, slots=True)
class MatterRef:
    """A matter as the parser and the matcher see it (screened = ethical wall, by email)."""

    number: str
    client_name: str
    title: str = ""
    jurisdiction: str | None = None
    responsible_email: str | None = None
    screened: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TaskDraft:
    """What the parser understood of one delegation text."""

    task_type: str | None
    confidence: float
    title: str
    due_at: datetime | None
    priority: str = "normal"
    matter: str | None = None
    assignee: str | None = None
    warnings: tuple[str, ...] = field(default=())
    unsure: tuple[str, ...] = ()  # fields to ask about before offering; each may hold a guess
    candidates: tuple[str, ...] = ()  # task type ids, best first, at most 3
    # (field, what could not be read) for fields in `unsure`, in the delegator's terms. It may
    # quote the request, so it belongs in the delegator's own view only, escaped.
    unsure_reasons: tuple[tuple[str, str], ...] = ()
    # False: the text asks no one for any work (a notice, thanks, a greeting, an invitation, an
    # offer); read as delegating nothing, it then names no deadline and no assignee either.
    asks_work: bool = True

    def reason(self, field_name: str) -> str:
        """Why `field_name` is unsure: the parser's own words, else a plain default."""
        said = next((why for name, why in self.unsure_reasons if name == field_name), None)
        return said or DEFAULT_UNSURE_REASONS.get(field_name, "I could not read this")

    def as_contract(self) -> dict[str, object]:
        """The `lpo-bot parse` JSON result (README, "Command line"), one reason per unsure field."""
        return {
            "task_type": self.task_type,
            "confidence": round(self.confidence, 3),
            "title": self.title,
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "priority": self.priority,
            "matter": self.matter,
            "assignee": self.assignee,
            "unsure": list(self.unsure),
            "candidates": list(self.candidates),
            "unsure_reasons": {name: self.reason(name) for name in self.unsure},
        }
