"""Counters that tell in-process caches when to reload: the firm's, the work's, the hours'."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.core import table_of
from storage.dialect import insert_ignoring_conflicts, is_postgres
from storage.tables import FirmVersion


class Versions(NamedTuple):
    firm: int
    work: int | None  # None where nothing counts changes to the work: read it live
    hours: int = 0  # actual-hour records: the firm's medians per task type


_ROW = table_of(FirmVersion).c  # Core columns: the ORM layer adds nothing to a three-int read
_ALL = select(_ROW.version, _ROW.work_version, _ROW.hours_version).where(_ROW.id == 1)


async def get_versions(session: AsyncSession) -> Versions:
    """Every counter in one statement (it runs at the start of every unit of work).

    Only SQLite counts the work, with triggers that cost nothing there because it has one
    writer anyway. On PostgreSQL a shared counter would serialize every writer.
    """
    row = (await session.execute(_ALL)).first()
    if row is None:
        return Versions(firm=0, work=None)  # no row, so the triggers have nothing to bump
    firm, work, hours = row
    return Versions(firm=firm, work=None if is_postgres(session) else work, hours=hours)


async def bump_firm_version(session: AsyncSession) -> None:
    """Call in the same transaction as the change, so caches reload exactly when it commits."""
    await session.execute(insert_ignoring_conflicts(session, table_of(FirmVersion))
                          .values(id=1, version=0, work_version=0, hours_version=0))
    await session.execute(update(FirmVersion).where(col(FirmVersion.id) == 1)
                          .values(version=FirmVersion.version + 1))


async def bump_hours_version(session: AsyncSession) -> None:
    """Actual hours were recorded: the medians are read again once this commits.

    Only recordings bump it (a tap after finishing work), so PostgreSQL's writers rarely meet
    on this row.
    """
    await session.execute(insert_ignoring_conflicts(session, table_of(FirmVersion))
                          .values(id=1, version=0, work_version=0, hours_version=0))
    await session.execute(update(FirmVersion).where(col(FirmVersion.id) == 1)
                          .values(hours_version=FirmVersion.hours_version + 1))
