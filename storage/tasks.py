"""Tasks, offers and the audit trail: keyword-only queries and conditional updates."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Insert, Table, and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import col

from storage.core import rowcount, table_of
from storage.tables import (
    LOAD_TASK_STATES,
    OPEN_TASK_STATES,
    AuditEvent,
    MatterScreen,
    Offer,
    Task,
)

# States in which a task is someone's: offered to them or in their hands.
HELD_TASK_STATES = ("offered", "accepted", "changes_requested", "submitted")

Row = TypeVar("Row", Task, Offer)


async def add_task(session: AsyncSession, *, task: Task) -> Task:
    return await _insert(session, task)


async def _insert(session: AsyncSession, row: Row) -> Row:
    """One prepared INSERT ... RETURNING id, then the row joins the session as persistent.

    A unit-of-work flush costs several times more, and delegation inserts on the hot path.
    """
    table = table_of(type(row))
    values = {column.key: getattr(row, column.key) for column in table.columns
              if column.key != "id"}
    row.id = (await session.execute(_insert_returning_id(table), values)).scalar_one()
    make_transient_to_detached(row)
    session.add(row)
    return row


@cache
def _insert_returning_id(table: Table) -> Insert:
    return insert(table).returning(table.c.id)


async def get_task(session: AsyncSession, *, task_id: int, for_update: bool = False) -> Task | None:
    query = select(Task).where(col(Task.id) == task_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalars().first()


async def list_tasks(session: AsyncSession, *, state: str | None = None,
                     states: Sequence[str] | None = None, limit: int | None = None) -> list[Task]:
    query = select(Task).order_by(col(Task.id))
    if state:
        query = query.where(col(Task.state) == state)
    if states:
        query = query.where(col(Task.state).in_(states))
    if limit:
        query = query.limit(limit)
    return list((await session.execute(query)).scalars())


async def tasks_for(session: AsyncSession, *, staff_id: int, open_only: bool = True) -> list[Task]:
    """Tasks this person holds or delegated."""
    query = select(Task).where(or_(col(Task.assignee_id) == staff_id, col(Task.delegator_id) == staff_id))
    if open_only:
        query = query.where(col(Task.state).in_(OPEN_TASK_STATES))
    return list((await session.execute(query.order_by(col(Task.due_at), col(Task.id)))).scalars())


async def tasks_behind_walls(session: AsyncSession) -> list[Task]:
    """Open tasks offered to or held by someone screened from their matter, oldest first."""
    screen = and_(col(MatterScreen.matter_id) == col(Task.matter_id),
                  col(MatterScreen.staff_id) == col(Task.assignee_id))
    query = (select(Task).join(MatterScreen, screen)
             .where(col(Task.state).in_(HELD_TASK_STATES)).order_by(col(Task.id)))
    return list((await session.execute(query)).scalars())


async def movable_tasks(session: AsyncSession, *, staff_ids: Sequence[int] | None,
                        lock: bool = False) -> list[tuple[Task, Offer | None]]:
    """Unassigned tasks and pending offers delegated by or offered to `staff_ids` (everyone's
    when None), each with its pending offer; `lock` holds the rows until commit."""
    task_id, state = col(Task.id), col(Task.state)
    query = (select(Task, Offer)
             .outerjoin(Offer, and_(col(Offer.task_id) == task_id,
                                    col(Offer.state) == "pending"))
             .where(state.in_(("unassigned", "offered"))).order_by(task_id))
    if staff_ids is not None:
        query = query.where(or_(col(Task.delegator_id).in_(staff_ids),
                                col(Task.assignee_id).in_(staff_ids)))
    if lock:
        query = query.with_for_update(of=Task)
    return [(task, offer) for task, offer in (await session.execute(query)).all()]


async def record_actual_hours(session: AsyncSession, *, task_id: int, hours: float,
                              states: Iterable[str]) -> bool:
    """Store what the work took, while the task is in one of `states`; True when stored."""
    statement = (update(Task).where(col(Task.id) == task_id, col(Task.state).in_(tuple(states)))
                 .values(actual_hours=hours))
    return rowcount(await session.execute(statement)) == 1


async def transition_task(session: AsyncSession, *, task_id: int, from_states: Iterable[str],
                          values: dict[str, Any]) -> bool:
    """Move a task only if it is still in one of `from_states`; True for the one winner."""
    statement = (update(Task).where(col(Task.id) == task_id, col(Task.state).in_(tuple(from_states)))
                 .values(**values))
    return rowcount(await session.execute(statement)) == 1


async def open_loads(session: AsyncSession, *, staff_ids: Sequence[int] | None = None
                     ) -> dict[int, float]:
    """Open hours per person: est_hours of tasks they are offered or working on."""
    query = (select(col(Task.assignee_id), func.sum(col(Task.est_hours)))
             .where(col(Task.state).in_(LOAD_TASK_STATES), col(Task.assignee_id).is_not(None))
             .group_by(col(Task.assignee_id)))
    if staff_ids is not None:
        query = query.where(col(Task.assignee_id).in_(staff_ids))
    rows = (await session.execute(query)).all()
    # The query already skips unassigned tasks; the test only narrows the type.
    return {staff_id: float(hours or 0) for staff_id, hours in rows if staff_id is not None}


async def last_offered(session: AsyncSession, *, since: datetime) -> dict[int, datetime]:
    """When each person was last offered anything since `since` (a bounded, indexed scan)."""
    query = (select(col(Offer.staff_id), func.max(col(Offer.offered_at)))
             .where(col(Offer.offered_at) >= since).group_by(col(Offer.staff_id)))
    return {staff_id: at for staff_id, at in (await session.execute(query)).all()}


async def add_offer(session: AsyncSession, *, offer: Offer) -> Offer:
    return await _insert(session, offer)


async def get_offer(session: AsyncSession, *, offer_id: int) -> Offer | None:
    return (await session.execute(select(Offer).where(col(Offer.id) == offer_id))).scalars().first()


async def offers_of(session: AsyncSession, *, task_id: int) -> list[Offer]:
    query = select(Offer).where(col(Offer.task_id) == task_id).order_by(col(Offer.id))
    return list((await session.execute(query)).scalars())


async def offers_of_tasks(session: AsyncSession, *, task_ids: Sequence[int]
                          ) -> dict[int, list[Offer]]:
    """Every offer of each task, oldest first (one query for a batch)."""
    found: dict[int, list[Offer]] = {task_id: [] for task_id in task_ids}
    for start in range(0, len(task_ids), _IN_LIST):
        query = (select(Offer).where(col(Offer.task_id).in_(task_ids[start:start + _IN_LIST]))
                 .order_by(col(Offer.id)))
        for offer in (await session.execute(query)).scalars():
            found[offer.task_id].append(offer)
    return found


# Ids per IN list: far under every driver's limit on bound parameters.
_IN_LIST = 500


async def pending_offer(session: AsyncSession, *, task_id: int) -> Offer | None:
    query = select(Offer).where(col(Offer.task_id) == task_id, col(Offer.state) == "pending")
    return (await session.execute(query)).scalars().first()


async def pending_offers_for(session: AsyncSession, *, staff_id: int) -> list[Offer]:
    query = (select(Offer).where(col(Offer.staff_id) == staff_id, col(Offer.state) == "pending")
             .order_by(col(Offer.id)))
    return list((await session.execute(query)).scalars())


async def resolve_offer(session: AsyncSession, *, offer_id: int, to_state: str, at: datetime,
                        reason: str | None = None, note: str | None = None,
                        staff_id: int | None = None) -> bool:
    """Close a pending offer (accept/decline/expire/withdraw); True for the one winner.

    `reason` is a code; `note` is what the offeree typed, kept for the delegator and the audit.
    """
    statement = update(Offer).where(col(Offer.id) == offer_id, col(Offer.state) == "pending")
    if staff_id is not None:
        statement = statement.where(col(Offer.staff_id) == staff_id)
    result = await session.execute(statement.values(state=to_state, responded_at=at,
                                                     reason=reason, note=note))
    return rowcount(result) == 1


async def claim_offer_reminder(session: AsyncSession, *, offer_id: int) -> bool:
    """Clear a pending offer's reminder time; True for the one instance that sends it."""
    statement = (update(Offer).where(col(Offer.id) == offer_id, col(Offer.remind_at).is_not(None))
                 .values(remind_at=None))
    return rowcount(await session.execute(statement)) == 1


async def due_offers(session: AsyncSession, *, now: datetime, limit: int = 100,
                     exclude: Collection[int] = ()) -> list[Offer]:
    """Pending offers whose timeout has passed, oldest first, claimed for this instance."""
    query = (select(Offer).where(col(Offer.state) == "pending", col(Offer.expires_at) <= now)
             .order_by(col(Offer.expires_at), col(Offer.id)).limit(limit)
             .with_for_update(skip_locked=True))
    if exclude:
        query = query.where(col(Offer.id).not_in(exclude))
    return list((await session.execute(query)).scalars())


async def offers_to_remind(session: AsyncSession, *, now: datetime, limit: int = 200,
                           exclude: Collection[int] = ()) -> list[Offer]:
    query = (select(Offer).where(col(Offer.state) == "pending", col(Offer.remind_at) <= now)
             .order_by(col(Offer.remind_at), col(Offer.id)).limit(limit).with_for_update(skip_locked=True))
    if exclude:
        query = query.where(col(Offer.id).not_in(exclude))
    return list((await session.execute(query)).scalars())


async def record_event(session: AsyncSession, *, task_id: int | None, actor_id: int | None,
                       action: str, at: datetime, from_state: str | None = None,
                       to_state: str | None = None, reason: str | None = None,
                       detail: dict[str, Any] | None = None) -> None:
    await session.execute(_INSERT_EVENT, {
        "task_id": task_id, "actor_id": actor_id, "action": action, "at": at,
        "from_state": from_state, "to_state": to_state, "reason": reason,
        "detail": detail or {}})


_INSERT_EVENT = insert(table_of(AuditEvent))


async def events_of(session: AsyncSession, *, task_id: int) -> list[AuditEvent]:
    query = select(AuditEvent).where(col(AuditEvent.task_id) == task_id).order_by(col(AuditEvent.id))
    return list((await session.execute(query)).scalars())
