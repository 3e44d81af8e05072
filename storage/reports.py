"""Aggregate queries for the daily digest: counts, due and overdue work, load and savings."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import and_, case, func, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from storage.tables import LOAD_TASK_STATES, OPEN_TASK_STATES, Task

WORK_STATES = ("accepted", "changes_requested")


def _scope(staff_ids: Sequence[int] | None) -> ColumnElement[bool]:
    if staff_ids is None:
        return and_(True)
    return or_(col(Task.assignee_id).in_(staff_ids), col(Task.delegator_id).in_(staff_ids))


def _scope_by_ids(staff_ids: Sequence[int]) -> ColumnElement[bool]:
    """The same scope as `_scope`, for a query with no other filter: an OR of two IN lists
    would make SQLite scan every task, while each half of this union reads its own index."""
    held = select(col(Task.id)).where(col(Task.assignee_id).in_(staff_ids))
    delegated = select(col(Task.id)).where(col(Task.delegator_id).in_(staff_ids))
    return col(Task.id).in_(union_all(held, delegated))


async def counts_by_state(session: AsyncSession, *, staff_ids: Sequence[int] | None = None
                          ) -> dict[str, int]:
    scope = _scope_by_ids(staff_ids) if staff_ids is not None else and_(True)
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
