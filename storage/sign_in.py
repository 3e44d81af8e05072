"""Dashboard sign-in links and sessions, stored by hash: issue, use once, look up, revoke."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.tables import DashboardLink, DashboardSession


async def add_link(session: AsyncSession, *, token_hash: str, staff_id: int, now: datetime,
                   expires_at: datetime) -> None:
    session.add(DashboardLink(token_hash=token_hash, staff_id=staff_id, created_at=now,
                              expires_at=expires_at))
    await session.flush()


async def use_link(session: AsyncSession, *, token_hash: str, now: datetime) -> int | None:
    """Mark an unused, unexpired link used and return whose it is; a second use gets None
    (one conditional UPDATE, so two clicks at once cannot both sign in)."""
    claimed = await session.execute(
        update(DashboardLink)
        .where(col(DashboardLink.token_hash) == token_hash,
               col(DashboardLink.used_at).is_(None),
               col(DashboardLink.expires_at) > now)
        .values(used_at=now).returning(col(DashboardLink.staff_id)))
    return claimed.scalar_one_or_none()


async def add_session(session: AsyncSession, *, session_hash: str, staff_id: int,
                      now: datetime, expires_at: datetime) -> None:
    session.add(DashboardSession(session_hash=session_hash, staff_id=staff_id, created_at=now,
                                 expires_at=expires_at))
    await session.flush()


async def session_owner(session: AsyncSession, *, session_hash: str,
                        now: datetime) -> int | None:
    """Whose session this is, while it lasts."""
    query = select(col(DashboardSession.staff_id)).where(
        col(DashboardSession.session_hash) == session_hash,
        col(DashboardSession.expires_at) > now)
    return (await session.execute(query)).scalar_one_or_none()


async def end_session(session: AsyncSession, *, session_hash: str) -> None:
    await session.execute(delete(DashboardSession).where(
        col(DashboardSession.session_hash) == session_hash))


async def revoke_all(session: AsyncSession) -> tuple[int, int]:
    """End every session and forget every link: (sessions ended, unused links cancelled)."""
    sessions = await session.execute(delete(DashboardSession))
    unused = await session.execute(delete(DashboardLink).where(
        col(DashboardLink.used_at).is_(None)))
    await session.execute(delete(DashboardLink))
    return sessions.rowcount or 0, unused.rowcount or 0  # type: ignore[attr-defined]


async def prune(session: AsyncSession, *, now: datetime) -> None:
    """Forget expired links and sessions."""
    await session.execute(delete(DashboardLink).where(
        col(DashboardLink.expires_at) <= now))
    await session.execute(delete(DashboardSession).where(
        col(DashboardSession.expires_at) <= now))
