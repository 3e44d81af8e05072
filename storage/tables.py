"""SQLModel tables: staff, matters, tasks, offers, audit events, outbox, idempotency keys and
dashboard sign-ins, the request model's labelled examples."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Column, Index, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime

TASK_STATES = ("unassigned", "offered", "accepted", "submitted", "changes_requested",
               "completed", "cancelled")
OPEN_TASK_STATES = ("unassigned", "offered", "accepted", "submitted", "changes_requested")
LOAD_TASK_STATES = ("offered", "accepted", "changes_requested")
OFFER_STATES = ("pending", "accepted", "declined", "expired", "withdrawn")
OUTBOX_STATES = ("pending", "sent", "failed")
# What the dashboard sums over completed tasks, carried in the completion index.
REPORT_COLUMNS = ("savings", "task_type", "delegator_id", "assignee_id", "est_hours", "cost",
                  "actual_hours")


def utcnow() -> datetime:
    """The wall clock for row defaults only; domain logic takes `now` as a parameter."""
    return datetime.now(UTC)


def _utc(**kwargs: Any) -> Any:
    nullable = kwargs.pop("nullable", True)
    index = kwargs.pop("index", False)
    return Field(sa_column=Column(UTCDateTime(), nullable=nullable, index=index), **kwargs)


# --- staff -------------------------------------------------------------------------------


class StaffBase(SQLModel):
    email: str = Field(max_length=254, unique=True, index=True)
    name: str = Field(max_length=200)
    role: str = Field(max_length=32)
    hourly_rate: Decimal = Field(sa_column=Column(Numeric(10, 2), nullable=False))
    skills: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    weekly_capacity_hours: float = 40.0
    timezone: str | None = Field(default=None, max_length=64)
    working_hours: str | None = Field(default=None, max_length=11)
    slack_user_id: str | None = Field(default=None, max_length=32, index=True)
    teams_user_id: str | None = Field(default=None, max_length=64, index=True)
    bar_admissions: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    is_manager: bool = False


class Staff(StaffBase, table=True):
    __tablename__ = "staff"

    id: int | None = Field(default=None, primary_key=True)
    manager_id: int | None = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    active: bool = True
    created_at: datetime = _utc(default_factory=utcnow, nullable=False)
    updated_at: datetime = _utc(default_factory=utcnow, nullable=False)


class StaffPublic(StaffBase):
    """A roster row as `roster list --json` shows it: every CSV column."""

    id: int
    manager_email: str | None = None
    timezone_effective: str | None = None


class AwayPeriod(SQLModel, table=True):
    __tablename__ = "away_periods"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff.id", index=True, ondelete="CASCADE")
    starts_at: datetime = _utc(nullable=False)
    ends_at: datetime | None = _utc()
    note: str | None = Field(default=None, max_length=200)


# --- matters -----------------------------------------------------------------------------


class MatterBase(SQLModel):
    number: str = Field(max_length=64, unique=True, index=True)
    client_name: str = Field(max_length=200)
    title: str = Field(default="", max_length=300)
    jurisdiction: str | None = Field(default=None, max_length=16)


class Matter(MatterBase, table=True):
    __tablename__ = "matters"

    id: int | None = Field(default=None, primary_key=True)
    responsible_attorney_id: int | None = Field(default=None, foreign_key="staff.id",
                                                ondelete="SET NULL")
    created_at: datetime = _utc(default_factory=utcnow, nullable=False)
    updated_at: datetime = _utc(default_factory=utcnow, nullable=False)


class MatterPublic(MatterBase):
    """A matters row as `matters list --json` shows it: every CSV column."""

    id: int
    responsible_attorney_email: str | None = None
    screened_emails: list[str] = []


class MatterScreen(SQLModel, table=True):
    """An ethical wall: this person may never see or work on this matter."""

    __tablename__ = "matter_screens"

    matter_id: int = Field(foreign_key="matters.id", primary_key=True, ondelete="CASCADE")
    staff_id: int = Field(foreign_key="staff.id", primary_key=True, ondelete="CASCADE")


# --- tasks and offers ---------------------------------------------------------------------


class Task(SQLModel, table=True):
    __tablename__ = "tasks"
    # Every due column leads with the state, so rows that left the state (completed tasks with
    # a stale timer, answered offers) never slow down the scheduler's "what is due" queries.
    __table_args__ = (Index("ix_tasks_state_due", "state", "due_at"),
                      Index("ix_tasks_state_reminder", "state", "next_reminder_at"),
                      # Covering: the dashboard's savings (per period, type, delegator, for a
                      # team or the firm) are summed from this index without reading the table.
                      Index("ix_tasks_state_completed", "state", "completed_at", *REPORT_COLUMNS),
                      # Covering: open hours per person are read without touching the table.
                      Index("ix_tasks_assignee_state", "assignee_id", "state", "est_hours"),
                      Index("ix_tasks_delegator_state", "delegator_id", "state"),
                      # Covering: the firm's median actual hours per task type.
                      Index("ix_tasks_type_actual", "task_type", "actual_hours"))

    id: int | None = Field(default=None, primary_key=True)
    text: str
    title: str = Field(max_length=300)
    task_type: str = Field(max_length=64)
    matter_id: int | None = Field(default=None, foreign_key="matters.id", index=True)
    delegator_id: int = Field(foreign_key="staff.id")
    assignee_id: int | None = Field(default=None, foreign_key="staff.id")
    state: str = Field(default="unassigned", max_length=20, index=True)
    priority: str = Field(default="normal", max_length=10)
    due_at: datetime | None = _utc()
    est_hours: float
    # What the work really took, as its holder said when marking it done (optional).
    actual_hours: float | None = None
    cost: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 2)))
    savings: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 2)))
    # Offers made in the current offer round, and that round's number (matching/lifecycle.py).
    offers_made: int = 0
    offer_round: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    # Submissions for review so far: numbers each review's message thread (bot/notifications.py).
    review_round: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Built from reason codes and people's names only: the digest channel shows it.
    escalation_reason: str | None = None
    # Set while the round is over and the task waits for a manager: an EscalationReason code.
    escalation_code: str | None = Field(default=None, max_length=20)
    reminder_stage: int = 0
    next_reminder_at: datetime | None = _utc()
    source: str = Field(default="console", max_length=16)
    created_at: datetime = _utc(default_factory=utcnow, nullable=False, index=True)
    updated_at: datetime = _utc(default_factory=utcnow, nullable=False)
    completed_at: datetime | None = _utc()


class Offer(SQLModel, table=True):
    __tablename__ = "offers"
    __table_args__ = (Index("ix_offers_state_expires", "state", "expires_at"),
                      Index("ix_offers_state_remind", "state", "remind_at"))

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", index=True, ondelete="CASCADE")
    staff_id: int = Field(foreign_key="staff.id", index=True)
    state: str = Field(default="pending", max_length=10)
    explanation: str = ""
    cost: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 2)))
    offered_at: datetime = _utc(nullable=False, index=True)
    remind_at: datetime | None = _utc()
    expires_at: datetime | None = _utc()
    responded_at: datetime | None = _utc()
    # A code (declined: no_capacity, not_my_skill, conflict, other; expired; withdrawn: why);
    # the decliner's own words go in `note`, which only the delegator and the audit trail see.
    reason: str | None = None
    note: str | None = None
    # The task's offer round this offer belongs to: a new round lifts round-only exclusions.
    offer_round: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    task_id: int | None = Field(default=None, foreign_key="tasks.id", index=True,
                                ondelete="CASCADE")
    actor_id: int | None = Field(default=None, foreign_key="staff.id")
    action: str = Field(max_length=40)
    from_state: str | None = Field(default=None, max_length=20)
    to_state: str | None = Field(default=None, max_length=20)
    reason: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    at: datetime = _utc(nullable=False, index=True)


# --- delivery and idempotency ---------------------------------------------------------------


class OutboxMessage(SQLModel, table=True):
    """A message to deliver, written in the same transaction as the change that caused it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_next", "state", "next_attempt_at"),
                      Index("ix_outbox_recipient_state", "recipient_key", "state", "id"))

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(max_length=200, unique=True)
    recipient_key: str = Field(max_length=80)
    recipient_id: int | None = Field(default=None, foreign_key="staff.id")
    channel: str | None = Field(default=None, max_length=64)
    thread_key: str | None = Field(default=None, max_length=100)
    replaces_key: str | None = Field(default=None, max_length=100)
    platform: str | None = Field(default=None, max_length=16)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    state: str = Field(default="pending", max_length=10)
    attempts: int = 0
    next_attempt_at: datetime = _utc(nullable=False)
    last_error: str | None = None
    created_at: datetime = _utc(nullable=False)
    sent_at: datetime | None = _utc()


class DeliveredMessage(SQLModel, table=True):
    """Where a delivered message lives on its platform, so it can be updated in place."""

    __tablename__ = "delivered_messages"
    __table_args__ = (UniqueConstraint("thread_key", "recipient_key"),)

    id: int | None = Field(default=None, primary_key=True)
    thread_key: str = Field(max_length=100)
    recipient_key: str = Field(max_length=80)
    platform: str = Field(max_length=16)
    ref: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    at: datetime = _utc(nullable=False)


class ProcessedEvent(SQLModel, table=True):
    """An inbound event id already applied (Slack retries, double clicks, two instances)."""

    __tablename__ = "processed_events"

    key: str = Field(primary_key=True, max_length=200)
    at: datetime = _utc(nullable=False, index=True)


class ConversationRef(SQLModel, table=True):
    """A Teams conversation reference, stored so the bot can message the user proactively."""

    __tablename__ = "conversation_refs"

    id: int | None = Field(default=None, primary_key=True)
    teams_user_id: str = Field(max_length=64, unique=True, index=True)
    tenant_id: str | None = Field(default=None, max_length=64)
    service_url: str = Field(max_length=500)
    conversation_id: str = Field(max_length=500)
    reference: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = _utc(nullable=False)


class FirmVersion(SQLModel, table=True):
    """Cache keys in one row: `version` moves with staff, matters and away periods;
    `work_version` with tasks, offers and reachability (SQLite triggers keep it, see 0002);
    `hours_version` with every actual-hours record (the firm's medians, see 0006)."""

    __tablename__ = "firm_version"

    id: int = Field(default=1, primary_key=True)
    version: int = 0
    work_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    hours_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class JobRun(SQLModel, table=True):
    """A scheduler slot that has run (e.g. the digest of one day), so it runs exactly once."""

    __tablename__ = "job_runs"

    key: str = Field(primary_key=True, max_length=200)
    at: datetime = _utc(nullable=False)


# --- dashboard sign-in ------------------------------------------------------------------------


class DashboardLink(SQLModel, table=True):
    """A one-time sign-in link a manager asked for in chat; only its sha256 is kept."""

    __tablename__ = "dashboard_links"

    token_hash: str = Field(primary_key=True, max_length=64)
    staff_id: int = Field(foreign_key="staff.id", index=True, ondelete="CASCADE")
    created_at: datetime = _utc(nullable=False)
    expires_at: datetime = _utc(nullable=False, index=True)
    used_at: datetime | None = _utc()


class DashboardSession(SQLModel, table=True):
    """A signed-in browser; the cookie holds the secret, this row only its sha256."""

    __tablename__ = "dashboard_sessions"

    session_hash: str = Field(primary_key=True, max_length=64)
    staff_id: int = Field(foreign_key="staff.id", index=True, ondelete="CASCADE")
    created_at: datetime = _utc(nullable=False)
    expires_at: datetime = _utc(nullable=False, index=True)


# --- the request model ------------------------------------------------------------------------


class RequestExample(SQLModel, table=True):
    """A request the firm labelled by answering: confirmed when asked, or corrected afterwards.

    `text` is normalised (matching/second_opinion.py): clients, people, matter numbers and dates
    are placeholders, so no client name is kept here.
    """

    __tablename__ = "request_examples"

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(max_length=2000)
    task_type: str = Field(max_length=64)
    source: str = Field(max_length=16)  # "confirm" or "correct"
    created_at: datetime = _utc(nullable=False)


class RequestModelTraining(SQLModel, table=True):
    """The last training of the firm's request model, in one row (`lpo-bot model status`)."""

    __tablename__ = "request_model_training"

    id: int = Field(default=1, primary_key=True)
    trained_at: datetime = _utc(nullable=False)
    cv_accuracy: float | None = None
    by_source: dict[str, int] = Field(default_factory=dict,
                                      sa_column=Column(JSON, nullable=False))
