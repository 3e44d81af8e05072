"""Teams conversation references: how to reach each user proactively, or that nobody can."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.core import table_of
from storage.dialect import is_postgres
from storage.tables import ConversationRef

# A row with no conversation records a failed attempt to open one: the user is unreachable
# until they talk to the bot or install it, which overwrites the row with a real reference.
UNREACHABLE = ""


def _upsert(session: AsyncSession, values: dict[str, Any]) -> Any:
    module = postgresql if is_postgres(session) else sqlite
    statement = module.insert(table_of(ConversationRef)).values(**values)
    changes = {key: statement.excluded[key] for key in values if key != "teams_user_id"}
    return statement.on_conflict_do_update(index_elements=["teams_user_id"], set_=changes)


async def save_reference(session: AsyncSession, *, teams_user_id: str, tenant_id: str | None,
                         service_url: str, conversation_id: str, reference: dict[str, Any],
                         now: datetime) -> bool:
    """Store (or refresh) a user's 1:1 conversation; False when nothing changed."""
    current = await get_row(session, teams_user_id=teams_user_id)
    if (current is not None and current.conversation_id == conversation_id
            and current.service_url == service_url and current.tenant_id == tenant_id):
        return False
    await session.execute(_upsert(session, {
        "teams_user_id": teams_user_id, "tenant_id": tenant_id, "service_url": service_url,
        "conversation_id": conversation_id, "reference": reference, "updated_at": now}))
    return True


async def mark_unreachable(session: AsyncSession, *, teams_user_id: str, reason: str,
                           now: datetime) -> bool:
    """Record that no conversation could be opened; False when it was already recorded."""
    current = await get_row(session, teams_user_id=teams_user_id)
    if current is not None and current.conversation_id == UNREACHABLE:
        return False
    await session.execute(_upsert(session, {
        "teams_user_id": teams_user_id, "tenant_id": current.tenant_id if current else None,
        "service_url": UNREACHABLE, "conversation_id": UNREACHABLE,
        "reference": {"unreachable": reason[:500]}, "updated_at": now}))
    return True


async def get_row(session: AsyncSession, *, teams_user_id: str) -> ConversationRef | None:
    query = select(ConversationRef).where(col(ConversationRef.teams_user_id) == teams_user_id)
    return (await session.execute(query)).scalars().first()


async def get_reference(session: AsyncSession, *, teams_user_id: str) -> dict[str, Any] | None:
    """The stored conversation reference, or None when there is none (or it is unreachable)."""
    row = await get_row(session, teams_user_id=teams_user_id)
    if row is None or row.conversation_id == UNREACHABLE:
        return None
    return dict(row.reference)


async def references_for(session: AsyncSession, *,
                         teams_user_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The usable stored references of these Teams users, by user id."""
    wanted = set(teams_user_ids)
    if not wanted:
        return {}
    query = select(ConversationRef).where(col(ConversationRef.teams_user_id).in_(wanted),
                                          col(ConversationRef.conversation_id) != UNREACHABLE)
    return {row.teams_user_id: dict(row.reference)
            for row in (await session.execute(query)).scalars()}


async def latest_reference(session: AsyncSession) -> ConversationRef | None:
    """The most recently stored real reference: its service URL and bot open new 1:1 chats."""
    query = (select(ConversationRef).where(col(ConversationRef.conversation_id) != UNREACHABLE)
             .order_by(col(ConversationRef.updated_at).desc(), col(ConversationRef.id).desc()).limit(1))
    return (await session.execute(query)).scalars().first()


async def unreachable_user_ids(session: AsyncSession) -> set[str]:
    query = select(col(ConversationRef.teams_user_id)).where(
        col(ConversationRef.conversation_id) == UNREACHABLE)
    return set((await session.execute(query)).scalars())


async def delete_reference(session: AsyncSession, *, teams_user_id: str) -> None:
    await session.execute(delete(ConversationRef)
                          .where(col(ConversationRef.teams_user_id) == teams_user_id))
