"""Aggregate queries for the digest and the dashboard (counts, deadlines, load, offers,
savings) and the firm's median actual hours per task type."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Float, and_, case, cast, func, literal, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from storage.dialect import is_postgres
from storage.tables import LOAD_TASK_STATES, OPEN_TASK_STATES, Offer, Task
from storage.types import UTCDateTime

WORK_STATES = ("accepted", "changes_requested")


def _scope(staff_ids: Sequence[int] | None) -> ColumnElement[bool]:
    if staff_ids is None:
        return and_(True)
    return or_(col(Task.assignee_id).in_(staff_ids), col(Task.delegator_id).in_(staff_ids))


async def counts_by_state(session: AsyncSession, *, staff_ids: Sequence[int] | None = None
                          ) -> dict[str, int]:
    # The completion index holds every task's state and people, so even a team that spans the
    # firm is counted from the index alone (SQLite: 14 ms for 100,000 tasks; PostgreSQL: a
    # bitmap OR of the two person indexes).
    scope = _scope(staff_ids)
    query = select(col(Task.state), func.count()).where(scope).group_by(col(Task.state))
    return {state: count for state, count in (await session.execute(query)).all()}


async def count_created_between(session: AsyncSession, *, start: datetime, end: datetime,
                               staff_ids: Sequence[int] | None = None) -> int:
    query = select(func.count()).select_from(Task).where(
        col(Task.created_at) >= start, col(Task.created_at) < end, _scope(staff_ids))
    return (await session.execute(query)).scalar_one()


async def open_tasks_due_between(session: AsyncSession, *, start: datetime | None, end: datetime,
                                 staff_ids: Sequence[int] | None = None, limit: int = 15
                                 ) -> tuple[int, list[Task]]:
    """How many open tasks fall due in [start, end), and the first few of them."""
    window = [col(Task.state).in_(OPEN_TASK_STATES), col(Task.due_at) < end, _scope(staff_ids)]
    if start is not None:
        window.append(col(Task.due_at) >= start)
    total = (await session.execute(select(func.count()).select_from(Task).where(*window)))
    rows = await session.execute(select(Task).where(*window).order_by(col(Task.due_at)).limit(limit))
    return total.scalar_one(), list(rows.scalars())


async def unassigned_tasks(session: AsyncSession, *, staff_ids: Sequence[int] | None = None,
                           limit: int = 15) -> tuple[int, list[Task]]:
    where = [col(Task.state) == "unassigned", _scope(staff_ids)]
    total = await session.execute(select(func.count()).select_from(Task).where(*where))
    rows = await session.execute(select(Task).where(*where).order_by(col(Task.id)).limit(limit))
    return total.scalar_one(), list(rows.scalars())


async def load_by_person(session: AsyncSession, *, staff_ids: Sequence[int] | None = None
                         ) -> dict[int, float]:
    """Open hours per person (offered or in work), read from a covering index."""
    query = (select(col(Task.assignee_id), func.sum(col(Task.est_hours)))
             .where(col(Task.assignee_id).is_not(None), col(Task.state).in_(LOAD_TASK_STATES))
             .group_by(col(Task.assignee_id)))
    if staff_ids is not None:
        query = query.where(col(Task.assignee_id).in_(staff_ids))
    rows = (await session.execute(query)).all()
    # The query already skips unassigned tasks; the test only narrows the type.
    return {staff_id: float(hours or 0) for staff_id, hours in rows if staff_id is not None}


@dataclass(frozen=True, slots=True)
class Completed:
    """Tasks completed in one period and what delegating them saved."""

    count: int
    savings: Decimal


async def completed_between(session: AsyncSession, *,
                            periods: Mapping[str, tuple[datetime, datetime]],
                            staff_ids: Sequence[int] | None = None) -> dict[str, Completed]:
    """Completions per named [start, end) period, in one pass over the earliest to the latest."""
    if not periods:
        return {}
    columns = []
    for start, end in periods.values():
        inside = and_(col(Task.completed_at) >= start, col(Task.completed_at) < end)
        columns += [func.count(case((inside, 1))),
                    func.coalesce(func.sum(case((inside, Task.savings))), 0)]
    query = select(*columns).where(
        col(Task.state) == "completed",
        col(Task.completed_at) >= min(start for start, _ in periods.values()),
        col(Task.completed_at) < max(end for _, end in periods.values()), _scope(staff_ids))
    row = (await session.execute(query)).one()
    return {name: Completed(count=row[2 * n], savings=Decimal(str(row[2 * n + 1] or 0)))
            for n, name in enumerate(periods)}


async def tasks_due_for_reminder(session: AsyncSession, *, now: datetime, limit: int = 200,
                                 exclude: Collection[int] = ()) -> list[Task]:
    """Tasks in work whose next deadline reminder is due, oldest first, claimed for this instance."""
    query = (select(Task).where(col(Task.next_reminder_at) <= now, col(Task.state).in_(WORK_STATES))
             .order_by(col(Task.next_reminder_at), col(Task.id)).limit(limit)
             .with_for_update(skip_locked=True))
    if exclude:
        query = query.where(col(Task.id).not_in(exclude))
    return list((await session.execute(query)).scalars())


# --- the managers' dashboard ---------------------------------------------------------------

ANSWERED_OFFER_STATES = ("accepted", "declined", "expired")
REFUSED_OFFER_STATES = ("declined", "expired")


def actual_hours_column() -> ColumnElement[float] | None:
    """`tasks.actual_hours` when the schema has it (hours people report when marking work
    done); until then the dashboard and the export show estimates only."""
    column = Task.__table__.c.get("actual_hours")  # type: ignore[attr-defined]
    return column if column is not None else None


def _seconds_between(session: AsyncSession, start: Any, end: Any) -> ColumnElement[float]:
    if is_postgres(session):
        return cast(func.extract("epoch", end - start), Float)
    return cast((func.julianday(end) - func.julianday(start)) * 86400.0, Float)


@dataclass(frozen=True, slots=True)
class OfferOutcomes:
    """Offers made in a period that were answered, how many were accepted, and how fast."""

    answered: int
    accepted: int
    median_seconds_to_accept: float | None


async def offer_outcomes(session: AsyncSession, *, start: datetime, end: datetime,
                         staff_ids: Sequence[int] | None = None) -> OfferOutcomes:
    """Acceptance over offers made in [start, end); the median read as the middle row(s)
    of the accepted offers ordered by wait, so no database needs a percentile function."""
    window: list[ColumnElement[bool]] = [col(Offer.offered_at) >= start,
                                         col(Offer.offered_at) < end]
    if staff_ids is not None:
        window.append(col(Offer.staff_id).in_(staff_ids))
    counts = select(func.count(case((col(Offer.state).in_(ANSWERED_OFFER_STATES), 1))),
                    func.count(case((col(Offer.state) == "accepted", 1)))).where(*window)
    answered, accepted = (await session.execute(counts)).one()
    if not accepted:
        return OfferOutcomes(answered=answered, accepted=0, median_seconds_to_accept=None)
    wait = _seconds_between(session, col(Offer.offered_at), col(Offer.responded_at))
    middle = (select(wait).where(*window, col(Offer.state) == "accepted",
                                 col(Offer.responded_at).is_not(None))
              .order_by(wait).offset((accepted - 1) // 2).limit(2 - accepted % 2))
    waits = [float(value) for value in (await session.execute(middle)).scalars()]
    median = sum(waits) / len(waits) if waits else None
    return OfferOutcomes(answered=answered, accepted=accepted, median_seconds_to_accept=median)


@dataclass(frozen=True, slots=True)
class Refusals:
    """How often one person declined or let an offer expire, for one reason."""

    staff_id: int
    state: str
    reason: str | None
    count: int


async def refusals_by_person(session: AsyncSession, *, start: datetime, end: datetime,
                             staff_ids: Sequence[int] | None = None) -> list[Refusals]:
    """Offers made in [start, end) that were declined or expired, per person and reason."""
    query = (select(col(Offer.staff_id), col(Offer.state), col(Offer.reason), func.count())
             .where(col(Offer.offered_at) >= start, col(Offer.offered_at) < end,
                    col(Offer.state).in_(REFUSED_OFFER_STATES))
             .group_by(col(Offer.staff_id), col(Offer.state), col(Offer.reason)))
    if staff_ids is not None:
        query = query.where(col(Offer.staff_id).in_(staff_ids))
    return [Refusals(staff_id=staff_id, state=state, reason=reason, count=count)
            for staff_id, state, reason, count in (await session.execute(query)).all()]


async def completed_per_period(session: AsyncSession, *,
                               periods: Mapping[str, tuple[datetime, datetime]],
                               staff_ids: Sequence[int] | None = None) -> dict[str, Completed]:
    """Like `completed_between`, for many periods (weeks, months): the periods are a small
    derived table joined on ranges, so each is one range scan of the completion index
    instead of one CASE per period evaluated on every row."""
    if not periods:
        return {}
    bounds = union_all(*(select(literal(name).label("name"),
                                literal(start, UTCDateTime()).label("starts"),
                                literal(end, UTCDateTime()).label("ends"))
                         for name, (start, end) in periods.items())).subquery("periods")
    query = (select(bounds.c.name, func.count(col(Task.id)), func.coalesce(func.sum(col(Task.savings)), 0))
             .join_from(bounds, Task, and_(col(Task.state) == "completed",
                                           col(Task.completed_at) >= bounds.c.starts,
                                           col(Task.completed_at) < bounds.c.ends))
             .where(_scope(staff_ids)).group_by(bounds.c.name))
    found = {name: Completed(count=count, savings=Decimal(str(saved or 0)))
             for name, count, saved in (await session.execute(query)).all()}
    return {name: found.get(name, Completed(count=0, savings=Decimal(0))) for name in periods}


@dataclass(frozen=True, slots=True)
class CompletedGroup:
    """Completed work of one task type or one delegator in a period."""

    key: str | int
    count: int
    est_hours: float
    savings: Decimal
    cost: Decimal
    # Over the tasks whose actual hours are known (none until the schema records them).
    known_count: int = 0
    known_est_hours: float = 0.0
    known_actual_hours: float = 0.0


async def completed_grouped(session: AsyncSession, *, by: str, start: datetime, end: datetime,
                            staff_ids: Sequence[int] | None = None) -> list[CompletedGroup]:
    """Completed tasks in [start, end) grouped `by` "task_type" or "delegator", most saved first."""
    key = col(Task.task_type) if by == "task_type" else col(Task.delegator_id)
    columns: list[Any] = [key, func.count(), func.coalesce(func.sum(col(Task.est_hours)), 0),
                          func.coalesce(func.sum(col(Task.savings)), 0),
                          func.coalesce(func.sum(col(Task.cost)), 0)]
    actual = actual_hours_column()
    if actual is not None:
        known = actual.is_not(None)
        columns += [func.count(case((known, 1))),
                    func.coalesce(func.sum(case((known, col(Task.est_hours)))), 0),
                    func.coalesce(func.sum(actual), 0)]
    query = (select(*columns)
             .where(col(Task.state) == "completed", col(Task.completed_at) >= start,
                    col(Task.completed_at) < end, _scope(staff_ids))
             .group_by(key).order_by(func.sum(col(Task.savings)).desc(), key))
    return [CompletedGroup(key=row[0], count=row[1], est_hours=float(row[2]),
                           savings=Decimal(str(row[3])), cost=Decimal(str(row[4])),
                           known_count=row[5] if actual is not None else 0,
                           known_est_hours=float(row[6]) if actual is not None else 0.0,
                           known_actual_hours=float(row[7]) if actual is not None else 0.0)
            for row in (await session.execute(query)).all()]


@dataclass(frozen=True, slots=True)
class CompletedRow:
    """One completed task as the export writes it (names are resolved by the caller)."""

    task_id: int
    completed_at: datetime
    task_type: str
    matter_id: int | None
    delegator_id: int
    assignee_id: int | None
    est_hours: float
    actual_hours: float | None
    cost: Decimal | None
    savings: Decimal | None


async def completed_rows(session: AsyncSession, *, start: datetime, end: datetime,
                         staff_ids: Sequence[int] | None = None,
                         batch: int = 2000) -> AsyncIterator[CompletedRow]:
    """Tasks completed in [start, end), oldest first, streamed in batches."""
    actual = actual_hours_column()
    columns: list[Any] = [col(Task.id), col(Task.completed_at), col(Task.task_type),
                          col(Task.matter_id), col(Task.delegator_id), col(Task.assignee_id),
                          col(Task.est_hours),
                          actual if actual is not None else literal(None).label("actual_hours"),
                          col(Task.cost), col(Task.savings)]
    query = (select(*columns)
             .where(col(Task.state) == "completed", col(Task.completed_at) >= start,
                    col(Task.completed_at) < end, _scope(staff_ids))
             .order_by(col(Task.completed_at), col(Task.id))
             .execution_options(yield_per=batch))
    result = await session.stream(query)
    async for row in result:
        yield CompletedRow(task_id=row[0], completed_at=row[1], task_type=row[2],
                           matter_id=row[3], delegator_id=row[4], assignee_id=row[5],
                           est_hours=float(row[6]),
                           actual_hours=None if row[7] is None else float(row[7]),
                           cost=row[8], savings=row[9])


@dataclass(frozen=True, slots=True)
class TypeMedian:
    """The median actual hours of one task type over `records` tasks."""

    task_type: str
    hours: float
    records: int


async def median_actual_hours(session: AsyncSession, *, min_records: int
                              ) -> list[TypeMedian]:
    """Per task type with at least `min_records` actual-hour records, their median.

    Window functions both databases have (SQLite has no median aggregate): rank each type's
    hours, then average the middle one or two.
    """
    hours, kind = col(Task.actual_hours), col(Task.task_type)
    ranked = (select(kind.label("task_type"), hours.label("hours"),
                     func.row_number().over(partition_by=kind, order_by=hours).label("n"),
                     func.count().over(partition_by=kind).label("total"))
              .where(hours.is_not(None)).subquery())
    # Integer halves: the middle rank of an odd count, the two middle ranks of an even one.
    lower = (ranked.c.total + literal(1)) // literal(2)
    upper = (ranked.c.total + literal(2)) // literal(2)
    query = (select(ranked.c.task_type, func.avg(ranked.c.hours), func.max(ranked.c.total))
             .where(ranked.c.total >= min_records, ranked.c.n.in_([lower, upper]))
             .group_by(ranked.c.task_type))
    return [TypeMedian(task_type=kind, hours=float(median), records=int(total))
            for kind, median, total in (await session.execute(query)).all()]
