"""Outbox rows: enqueue with a dedupe key, claim what is due, record the outcome."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypedDict

from sqlalchemy import and_, bindparam, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from storage.core import rowcount, table_of
from storage.dialect import insert_ignoring_conflicts
from storage.tables import DeliveredMessage, OutboxMessage
from storage.types import UTCDateTime


async def enqueue(session: AsyncSession, *, dedupe_key: str, recipient_key: str,
                  payload: dict[str, Any], now: datetime, recipient_id: int | None = None,
                  channel: str | None = None, thread_key: str | None = None,
                  replaces_key: str | None = None) -> bool:
    """Add a message unless one with this dedupe key exists; True when it was added."""
    row = {"dedupe_key": dedupe_key, "recipient_key": recipient_key,
           "recipient_id": recipient_id, "channel": channel, "thread_key": thread_key,
           "replaces_key": replaces_key, "payload": payload, "state": "pending", "attempts": 0,
           "next_attempt_at": now, "created_at": now}
    result = await session.execute(insert_ignoring_conflicts(session, table_of(OutboxMessage)),
                                   row)
    return rowcount(result) == 1


def _head_of_queue() -> Any:
    """True for a pending row with no earlier pending row for the same recipient."""
    earlier = aliased(OutboxMessage)
    return ~exists().where(and_(col(earlier.recipient_key) == col(OutboxMessage.recipient_key),
                                col(earlier.state) == "pending",
                                col(earlier.id) < col(OutboxMessage.id)))


# Built once: the dispatcher runs this after every delegation.
_DUE = (select(OutboxMessage)
        .where(col(OutboxMessage.state) == "pending",
               OutboxMessage.next_attempt_at <= bindparam("now", type_=UTCDateTime()),
               _head_of_queue())
        .order_by(col(OutboxMessage.id)).limit(bindparam("limit"))
        .with_for_update(skip_locked=True, of=OutboxMessage))
_OUTBOX = table_of(OutboxMessage).c
_LEASE = (update(table_of(OutboxMessage)).where(_OUTBOX.id.in_(bindparam("ids", expanding=True)))
          .values(next_attempt_at=bindparam("until", type_=UTCDateTime())))


async def claim_due(session: AsyncSession, *, now: datetime, lease: timedelta,
                    limit: int = 50) -> list[OutboxMessage]:
    """Lease the due head-of-queue rows so no other dispatcher sends them meanwhile."""
    rows = list((await session.execute(_DUE, {"now": now, "limit": limit})).scalars())
    if rows:
        await session.execute(_LEASE, {"ids": [row.id for row in rows], "until": now + lease})
    return rows


_SENT = (update(table_of(OutboxMessage)).where(_OUTBOX.id.in_(bindparam("ids", expanding=True)))
         .values(state="sent", sent_at=bindparam("now", type_=UTCDateTime()),
                 platform=bindparam("platform"), attempts=_OUTBOX.attempts + 1,
                 last_error=None))


async def mark_sent(session: AsyncSession, *, outbox_ids: Sequence[int], now: datetime,
                    platform: str) -> None:
    await session.execute(_SENT, {"ids": list(outbox_ids), "now": now, "platform": platform})


async def mark_retry(session: AsyncSession, *, outbox_id: int, at: datetime,
                     error: str) -> None:
    await session.execute(update(OutboxMessage).where(col(OutboxMessage.id) == outbox_id).values(
        next_attempt_at=at, attempts=OutboxMessage.attempts + 1, last_error=error[:2000]))


async def mark_failed(session: AsyncSession, *, outbox_id: int, error: str) -> None:
    await session.execute(update(OutboxMessage).where(col(OutboxMessage.id) == outbox_id).values(
        state="failed", attempts=OutboxMessage.attempts + 1, last_error=error[:2000]))


@dataclass(frozen=True, slots=True)
class Pending:
    """How many outbox messages wait, and when the next is due."""

    count: int
    next_due_at: datetime | None


_PENDING = select(func.count(), func.min(OutboxMessage.next_attempt_at)).where(
    col(OutboxMessage.state) == "pending")


async def pending(session: AsyncSession) -> Pending:
    """How many messages wait, and when the next is due (one scan of the pending index)."""
    count, due = (await session.execute(_PENDING)).one()
    return Pending(count=count, next_due_at=due)


async def list_messages(session: AsyncSession, *, state: str | None = None) -> list[OutboxMessage]:
    query = select(OutboxMessage).order_by(col(OutboxMessage.id))
    if state:
        query = query.where(col(OutboxMessage.state) == state)
    return list((await session.execute(query)).scalars())


async def get_delivery_ref(session: AsyncSession, *, thread_key: str,
                           recipient_key: str) -> DeliveredMessage | None:
    query = select(DeliveredMessage).where(col(DeliveredMessage.thread_key) == thread_key,
                                           col(DeliveredMessage.recipient_key) == recipient_key)
    return (await session.execute(query)).scalars().first()


class DeliveryRef(TypedDict):
    """Where a delivered message lives on its platform, so later updates can edit it."""

    thread_key: str
    recipient_key: str
    platform: str
    ref: dict[str, Any]
    at: datetime


async def save_delivery_refs(session: AsyncSession, *, refs: Sequence[DeliveryRef]) -> None:
    """Keep the first ref of each thread and recipient (a retry must not move it)."""
    if refs:
        await session.execute(insert_ignoring_conflicts(session, table_of(DeliveredMessage)),
                              list(refs))
