"""Where Teams users can be reached: the bot-layer door to stored conversation references."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot.clock import Clock, system_clock
from storage import conversations as conversation_store
from storage.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Conversation:
    """One user's 1:1 chat with the bot, as an inbound activity or an installation showed it."""

    teams_user_id: str
    tenant_id: str | None
    service_url: str
    conversation_id: str
    reference: dict[str, Any]


class ConversationBook:
    """Adapters never touch storage: they remember and look up conversations through this."""

    def __init__(self, database: Database, *, clock: Clock = system_clock) -> None:
        self.database = database
        self.clock = clock

    async def remember(self, conversation: Conversation) -> bool:
        """Store the reference (idempotent); True when it was new or had changed."""
        async with self.database.transaction() as session:
            changed = await conversation_store.save_reference(
                session, teams_user_id=conversation.teams_user_id,
                tenant_id=conversation.tenant_id, service_url=conversation.service_url,
                conversation_id=conversation.conversation_id,
                reference=conversation.reference, now=self.clock())
        if changed:
            log.info("stored the Teams conversation of user %s", conversation.teams_user_id)
        return changed

    async def forget(self, teams_user_id: str) -> None:
        """Drop a reference the platform no longer accepts (chat deleted, app uninstalled)."""
        async with self.database.transaction() as session:
            await conversation_store.delete_reference(session, teams_user_id=teams_user_id)

    async def seed(self) -> Conversation | None:
        """A known chat whose service URL, bot and tenant can open a new 1:1 chat."""
        async with self.database.transaction() as session:
            row = await conversation_store.latest_reference(session)
        if row is None:
            return None
        return Conversation(teams_user_id=row.teams_user_id, tenant_id=row.tenant_id,
                            service_url=row.service_url, conversation_id=row.conversation_id,
                            reference=dict(row.reference))
