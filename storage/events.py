"""Idempotency keys for inbound events and scheduler slots."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialect import insert_ignoring_conflicts
from storage.tables import JobRun, ProcessedEvent


async def claim_event(session: AsyncSession, *, key: str, now: datetime) -> bool:
    """Record an inbound event id; False when it was already processed (a retry or a double click)."""
    statement = insert_ignoring_conflicts(session, ProcessedEvent.__table__)
    # RETURNING, not rowcount: SQLAlchemy 2.1 on psycopg reports -1 for this INSERT.
    claimed = await session.execute(statement.returning(ProcessedEvent.key),
                                    {"key": key, "at": now})
    return claimed.first() is not None


async def prune_events(session: AsyncSession, *, older_than: datetime) -> int:
    result = await session.execute(delete(ProcessedEvent).where(ProcessedEvent.at < older_than))
    return result.rowcount or 0


async def claim_job_run(session: AsyncSession, *, key: str, now: datetime) -> bool:
    """Claim a scheduler slot (e.g. one day's digest); False when some instance already ran it."""
    statement = insert_ignoring_conflicts(session, JobRun.__table__).values(key=key, at=now)
    return (await session.execute(statement.returning(JobRun.key))).first() is not None
