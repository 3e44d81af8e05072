"""Idempotency keys for inbound events and scheduler slots."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Table, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.core import rowcount, table_of
from storage.dialect import insert_ignoring_conflicts
from storage.tables import JobRun, ProcessedEvent


async def claim_event(session: AsyncSession, *, key: str, now: datetime) -> bool:
    """Record an inbound event id; False when it was already processed (a retry or a double click)."""
    return await _claimed(session, table_of(ProcessedEvent), key=key, now=now)


async def prune_events(session: AsyncSession, *, older_than: datetime) -> int:
    result = await session.execute(delete(ProcessedEvent).where(col(ProcessedEvent.at) < older_than))
    return rowcount(result) or 0


async def claim_job_run(session: AsyncSession, *, key: str, now: datetime) -> bool:
    """Claim a scheduler slot (e.g. one day's digest); False when some instance already ran it."""
    return await _claimed(session, table_of(JobRun), key=key, now=now)


async def job_ran(session: AsyncSession, *, key: str) -> bool:
    """Whether some instance already claimed this scheduler slot."""
    query = select(table_of(JobRun).c.key).where(table_of(JobRun).c.key == key)
    return (await session.execute(query)).first() is not None


async def _claimed(session: AsyncSession, table: Table, *, key: str, now: datetime) -> bool:
    # RETURNING, not rowcount: SQLAlchemy 2.1 on psycopg reports -1 for this INSERT.
    statement = insert_ignoring_conflicts(session, table, table.c.key)
    return (await session.execute(statement, {"key": key, "at": now})).first() is not None
