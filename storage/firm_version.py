"""A counter that changes whenever the roster, matters or away periods change."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialect import insert_ignoring_conflicts
from storage.tables import FirmVersion


async def get_firm_version(session: AsyncSession) -> int:
    query = select(FirmVersion.version).where(FirmVersion.id == 1)
    return (await session.execute(query)).scalar_one_or_none() or 0


async def bump_firm_version(session: AsyncSession) -> None:
    """Call in the same transaction as the change, so caches reload exactly when it commits."""
    await session.execute(insert_ignoring_conflicts(session, FirmVersion.__table__)
                          .values(id=1, version=0))
    await session.execute(update(FirmVersion).where(FirmVersion.id == 1)
                          .values(version=FirmVersion.version + 1))
