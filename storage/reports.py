"""Aggregate queries for the daily digest (counts, due and overdue work, load and savings) and
the firm's median actual hours per task type."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import and_, case, func, literal, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from storage.tables import LOAD_TASK_STATES, OPEN_TASK_STATES, Task

WORK_STATES = ("accepted", "changes_requested")


def _scope(staff_ids: Sequence[int] | None) -> ColumnElement[bool]:
    if staff_ids is None:
        return and_(True)
    return or_(Task.assignee_id.in_(staff_ids), Task.delegator_id.in_(staff_ids))


def _scope_by_ids(staff_ids: Sequence[int]) -> ColumnElement[bool]:
    """The same scope as `_scope`, for a query with no other filter: an OR of two IN lists
    would make SQLite scan every task, while each half of this union reads its own index."""
    held = select(Task.id).where(Task.assignee_id.in_(staff_ids))
    delegated = select(Task.id).where(Task.delegator_id.in_(staff_ids))
    return Task.id.in_(union_all(held, delegated))


async def counts_by_state(session: AsyncSession, *, staff_ids: Sequence[int] | None = None
                          ) -> dict[str, int]:
    scope = _scope_by_ids(staff_ids) if staff_ids is not None else and_(True)
    query = select(Task.state, func.count()).where(scope).group_by(Task.state)
    return {state: count for state, count in (await session.execute(query)).all()}


async def count_created_between(session: AsyncSession, *, start: datetime, end: datetime,
                               staff_ids: Sequence[int] | None = None) -> int:
    query = select(func.count()).select_from(Task).where(
        Task.created_at >= start, Task.created_at < end, _scope(staff_ids))
    return (await session.execute(query)).scalar_one()


async def open_tasks_due_between(session: AsyncSession, *, start: datetime | None, end: datetime,
                                 staff_ids: Sequence[int] | None = None, limit: int = 15
                                 ) -> tuple[int, list[Task]]:
    """How many open tasks fall due in [start, end), and the first few of them."""
    window = [Task.state.in_(OPEN_TASK_STATES), Task.due_at < end, _scope(staff_ids)]
    if start is not None:
        window.append(Task.due_at >= start)
    total = (await session.execute(select(func.count()).select_from(Task).where(*window)))
    rows = await session.execute(select(Task).where(*window).order_by(Task.due_at).limit(limit))
    return total.scalar_one(), list(rows.scalars())


async def unassigned_tasks(session: AsyncSession, *, staff_ids: Sequence[int] | None = None,
                           limit: int = 15) -> tuple[int, list[Task]]:
    where = [Task.state == "unassigned", _scope(staff_ids)]
    total = await session.execute(select(func.count()).select_from(Task).where(*where))
    rows = await session.execute(select(Task).where(*where).order_by(Task.id).limit(limit))
    return total.scalar_one(), list(rows.scalars())


async def load_by_person(session: AsyncSession, *, staff_ids: Sequence[int] | None = None
                         ) -> dict[int, float]:
    """Open hours per person (offered or in work), read from a covering index."""
    query = (select(Task.assignee_id, func.sum(Task.est_hours))
             .where(Task.assignee_id.is_not(None), Task.state.in_(LOAD_TASK_STATES))
             .group_by(Task.assignee_id))
    if staff_ids is not None:
        query = query.where(Task.assignee_id.in_(staff_ids))
    return {staff_id: float(hours or 0) for staff_id, hours in (await session.execute(query)).all()}


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
        inside = and_(Task.completed_at >= start, Task.completed_at < end)
        columns += [func.count(case((inside, 1))),
                    func.coalesce(func.sum(case((inside, Task.savings))), 0)]
    query = select(*columns).where(
        Task.state == "completed",
        Task.completed_at >= min(start for start, _ in periods.values()),
        Task.completed_at < max(end for _, end in periods.values()), _scope(staff_ids))
    row = (await session.execute(query)).one()
    return {name: Completed(count=row[2 * n], savings=Decimal(str(row[2 * n + 1] or 0)))
            for n, name in enumerate(periods)}


async def tasks_due_for_reminder(session: AsyncSession, *, now: datetime, limit: int = 200,
                                 exclude: Collection[int] = ()) -> list[Task]:
    """Tasks in work whose next deadline reminder is due, oldest first, claimed for this instance."""
    query = (select(Task).where(Task.next_reminder_at <= now, Task.state.in_(WORK_STATES))
             .order_by(Task.next_reminder_at, Task.id).limit(limit)
             .with_for_update(skip_locked=True))
    if exclude:
        query = query.where(Task.id.not_in(exclude))
    return list((await session.execute(query)).scalars())


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
