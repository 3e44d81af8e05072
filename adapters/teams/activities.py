"""Reading and writing Bot Framework activities: who acts, which 1:1 chat, card messages."""

from __future__ import annotations

import hashlib
import uuid

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity

from adapters.teams.cards import Card
from bot.conversations import Conversation
from bot.replies import Actor

TEAMS = "msteams"
MAX_ATTACHMENTS = 10  # Teams renders at most ten cards in one message


def _canonical(user_id: str) -> str:
    """Object ids as the roster stores them: a lower-case GUID."""
    try:
        return str(uuid.UUID(user_id))
    except ValueError:
        return user_id


def user_id_of(activity: Activity) -> str | None:
    """Teams: the AAD object id (the roster's teams_user_id). Emulators have none: their id."""
    account = activity.from_property
    if account is None:
        return None
    if account.aad_object_id:
        return _canonical(account.aad_object_id)
    return _canonical(account.id) if activity.channel_id != TEAMS and account.id else None


def actor_of(activity: Activity) -> Actor | None:
    user_id = user_id_of(activity)
    return Actor(teams_user_id=user_id) if user_id else None


def tenant_of(activity: Activity) -> str | None:
    if activity.conversation and activity.conversation.tenant_id:
        return str(activity.conversation.tenant_id)
    tenant = (activity.channel_data or {}).get("tenant") if isinstance(
        activity.channel_data, dict) else None
    tenant_id = tenant.get("id") if isinstance(tenant, dict) else None
    return tenant_id if isinstance(tenant_id, str) else None


def is_personal(activity: Activity) -> bool:
    """A 1:1 chat with the bot; emulators and Web Chat don't say, and are always 1:1."""
    kind = activity.conversation.conversation_type if activity.conversation else None
    return kind == "personal" or (kind is None and activity.channel_id != TEAMS)


def personal_conversation(activity: Activity) -> Conversation | None:
    """The user's 1:1 chat this activity came through, to message them proactively later."""
    user_id = user_id_of(activity)
    if not user_id or not is_personal(activity) or not activity.service_url:
        return None
    tenant = tenant_of(activity)
    if len(user_id) > 64 or len(tenant or "") > 64 or max(
            len(activity.service_url), len(activity.conversation.id)) > 500:
        return None  # not a Teams chat the table can hold (a Teams id is a 36-character GUID)
    reference = TurnContext.get_conversation_reference(activity)
    reference.activity_id = None  # a proactive message starts a new thread, not a reply
    return Conversation(teams_user_id=user_id, tenant_id=tenant,
                        service_url=activity.service_url,
                        conversation_id=activity.conversation.id,
                        reference=reference.serialize())


def event_key(activity: Activity) -> str:
    """An idempotency key for a redelivered activity; ids are unique per conversation only."""
    conversation = activity.conversation.id if activity.conversation else ""
    digest = hashlib.sha256(f"{conversation}\n{activity.id}".encode()).hexdigest()[:40]
    return f"teams:activity:{digest}"


def card_messages(cards: list[Card], summary: str) -> list[Activity]:
    """Cards as messages: one card each, or lists of up to ten."""
    activities = []
    for start in range(0, len(cards), MAX_ATTACHMENTS):
        chunk = [CardFactory.adaptive_card(card) for card in cards[start:start + MAX_ATTACHMENTS]]
        activity = MessageFactory.list(chunk)
        activity.summary = summary[:200]
        activities.append(activity)
    return activities


def card_message(card: Card, summary: str) -> Activity:
    return card_messages([card], summary)[0]
