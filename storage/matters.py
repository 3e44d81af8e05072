"""Matters and their ethical-wall screens: keyword-only queries and upserts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.staff import Change
from storage.tables import Matter, MatterScreen, utcnow
from storage.versions import bump_firm_version


async def count_matters(session: AsyncSession) -> int:
    return (await session.execute(select(func.count()).select_from(Matter))).scalar_one()


async def list_matters(session: AsyncSession) -> list[Matter]:
    return list((await session.execute(select(Matter).order_by(Matter.number))).scalars())


async def get_matter(session: AsyncSession, *, matter_id: int) -> Matter | None:
    return await session.get(Matter, matter_id)


async def get_matter_by_number(session: AsyncSession, *, number: str) -> Matter | None:
    query = select(Matter).where(col(Matter.number) == number.strip())
    return (await session.execute(query)).scalars().first()


async def upsert_matter(session: AsyncSession, *, number: str,
                        values: Mapping[str, Any]) -> tuple[Matter, Change]:
    """Create the matter with this number, or update the given columns of the existing one."""
    number = number.strip()
    existing = await get_matter_by_number(session, number=number)
    if existing is None:
        matter = Matter(**{**values, "number": number})
        session.add(matter)
        await session.flush()
        await bump_firm_version(session)
        return matter, "created"
    changed = {key: value for key, value in values.items() if getattr(existing, key) != value}
    if not changed:
        return existing, "unchanged"
    for key, value in changed.items():
        setattr(existing, key, value)
    existing.updated_at = utcnow()
    session.add(existing)
    await session.flush()
    await bump_firm_version(session)
    return existing, "updated"


# --- ethical walls -----------------------------------------------------------------------


async def list_screens(session: AsyncSession) -> dict[int, set[int]]:
    """matter id -> ids of the staff screened from it (matters without a wall are absent)."""
    screens: dict[int, set[int]] = defaultdict(set)
    for matter_id, staff_id in await session.execute(
            select(col(MatterScreen.matter_id), col(MatterScreen.staff_id))):
        screens[matter_id].add(staff_id)
    return dict(screens)


async def set_screens(session: AsyncSession, *, matter_id: int, staff_ids: Iterable[int]) -> bool:
    """Make exactly these people screened from the matter; True when the wall changed."""
    wanted = set(staff_ids)
    query = select(col(MatterScreen.staff_id)).where(col(MatterScreen.matter_id) == matter_id)
    current = set((await session.execute(query)).scalars())
    if wanted == current:
        return False
    removed = current - wanted
    if removed:
        await session.execute(delete(MatterScreen).where(
            col(MatterScreen.matter_id) == matter_id, col(MatterScreen.staff_id).in_(removed)))
    session.add_all(MatterScreen(matter_id=matter_id, staff_id=staff_id)
                    for staff_id in sorted(wanted - current))
    await session.flush()
    await bump_firm_version(session)
    return True
