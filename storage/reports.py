"""Aggregate queries for the daily digest: counts, due and overdue work, load and savings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.tables import LOAD_TASK_STATES, OPEN_TASK_STATES, Task

WORK_STATES = ("accepted", "changes_requested")


def _scope(staff_ids: Sequence[int] | None) -> ColumnElement[bool]:
    if staff_ids is None:
        return and_(True)
    return or_(Task.assignee_id.in_(staff_ids), Task.delegator_id.in_(staff_ids))


async def counts_by_state(session: AsyncSession, *, staff_ids: Sequence[int] | None = None
                          ) -> dict[str, int]:
    query = select(Task.state, func.count()).where(_scope(staff_ids)).group_by(Task.state)
    return {state: count for state, count in (await session.execute(query)).all()}


async def count_created_since(session: AsyncSession, *, since: datetime,
                              staff_ids: Sequence[int] | None = None) -> int:
    query = select(func.count()).select_from(Task).where(Task.created_at >= since,
                                                         _scope(staff_ids))
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


async def load_by_person(session: AsyncSession) -> dict[int, float]:
    query = (select(Task.assignee_id, func.sum(Task.est_hours))
             .where(Task.state.in_(LOAD_TASK_STATES), Task.assignee_id.is_not(None))
             .group_by(Task.assignee_id))
    return {staff_id: float(hours or 0) for staff_id, hours in (await session.execute(query)).all()}


async def savings_between(session: AsyncSession, *, start: datetime, end: datetime,
                          staff_ids: Sequence[int] | None = None) -> Decimal:
    query = select(func.coalesce(func.sum(Task.savings), 0)).where(
        Task.state == "completed", Task.completed_at >= start, Task.completed_at < end,
        _scope(staff_ids))
    return Decimal((await session.execute(query)).scalar_one() or 0)


async def tasks_due_for_reminder(session: AsyncSession, *, now: datetime, limit: int = 200
                                 ) -> list[Task]:
    query = (select(Task).where(Task.next_reminder_at <= now, Task.state.in_(WORK_STATES))
             .order_by(Task.next_reminder_at).limit(limit).with_for_update(skip_locked=True))
    return list((await session.execute(query)).scalars())
