"""Delivers outbox messages as Adaptive Cards in Teams 1:1 chats, opening a chat when needed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
)
from msrest.exceptions import ClientRequestError, HttpOperationError

from adapters.teams.activities import card_message
from adapters.teams.cards import message_card
from adapters.teams.pacing import Busy, Pacer
from bot.conversations import Conversation, ConversationBook
from bot.outbox import Delivery, DeliveryError, Recipient

log = logging.getLogger(__name__)

DELIVERY_TIMEOUT_SECONDS = 30.0
CONNECTOR_TIMEOUT_SECONDS = 20.0
RETRYABLE = frozenset({401, 408, 412, 429, 500, 502, 503, 504})
GONE = frozenset({403, 404})     # chat deleted, app uninstalled or blocked by the user
NOT_EDITABLE = frozenset({400, 403, 404})

Unreachable = Callable[[int, str], Awaitable[object]]


def _status(error: HttpOperationError) -> int | None:
    response = getattr(error, "response", None)
    return getattr(response, "status_code", None)


def _retry_after(error: HttpOperationError) -> float | None:
    """Retry-After in seconds, from either of its forms (delta seconds or an HTTP date)."""
    response = getattr(error, "response", None)
    value = (getattr(response, "headers", None) or {}).get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _bounded(context: TurnContext) -> TurnContext:
    """Cap the connector's HTTP calls: they run in worker threads a hung Teams would pin."""
    connector = context.turn_state.get(BotAdapter.BOT_CONNECTOR_CLIENT_KEY)
    if connector is not None:
        connector.config.connection.timeout = CONNECTOR_TIMEOUT_SECONDS
    return context


def _delivery_error(error: HttpOperationError) -> DeliveryError:
    status = _status(error)
    if status is None or status in RETRYABLE:
        return DeliveryError(f"Teams answered {status or 'nothing'}",
                             retry_after=_retry_after(error))
    return DeliveryError(f"Teams refused the message ({status})", permanent=True)


class TeamsNotifier:
    """Sends through `continue_conversation`, edits in place, and paces each conversation."""

    platform = "teams"

    def __init__(self, adapter: BotAdapter, conversations: ConversationBook, *,
                 app_id: str | None, on_unreachable: Unreachable,
                 pacer: Pacer | None = None,
                 timeout: float = DELIVERY_TIMEOUT_SECONDS) -> None:
        self.adapter = adapter
        self.conversations = conversations
        self.app_id = app_id
        self.on_unreachable = on_unreachable
        self.pacer = pacer or Pacer()
        self.timeout = timeout

    def reaches(self, recipient: Recipient) -> bool:
        return bool(recipient.teams_user_id)

    async def deliver(self, delivery: Delivery) -> dict[str, Any] | None:
        activity = card_message(message_card(delivery.message, managed=True),
                                delivery.message.title)
        try:
            # asyncio.timeout, not wait_for, which on 3.11 can swallow the dispatcher's cancel.
            async with asyncio.timeout(self.timeout):
                return await self._deliver(delivery, activity)
        except TimeoutError:
            raise DeliveryError("Teams did not answer in time") from None
        except Busy as busy:
            raise DeliveryError(str(busy), retry_after=busy.retry_after) from None
        except ClientRequestError as error:
            raise DeliveryError(f"could not reach Teams: {error}") from None
        except HttpOperationError as error:
            raise _delivery_error(error) from None

    async def _deliver(self, delivery: Delivery, activity: Activity) -> dict[str, Any]:
        previous = delivery.previous_ref or {}
        editable = bool(previous.get("reference") and previous.get("activity_id"))
        if editable and await self._update(previous, activity):
            return previous
        recipient = delivery.recipient
        if recipient.teams_reference:
            return await self._send(recipient, recipient.teams_reference, activity)
        return await self._open_and_send(recipient, activity)

    async def _update(self, previous: dict[str, Any], activity: Activity) -> bool:
        """Edit the earlier card in place; False when it can't be edited (then send anew)."""
        reference = ConversationReference.deserialize(previous["reference"])
        await self.pacer.acquire(reference.conversation.id)
        activity.id = previous["activity_id"]

        async def update(context: TurnContext) -> None:
            await _bounded(context).update_activity(activity)

        try:
            await self.adapter.continue_conversation(reference, update, self.app_id)
        except HttpOperationError as error:
            if _status(error) not in NOT_EDITABLE:
                raise
            log.info("card %s can't be edited (%s); sending anew", activity.id, _status(error))
            return False
        finally:
            activity.id = None
        return True

    async def _send(self, recipient: Recipient, stored: dict[str, Any],
                    activity: Activity) -> dict[str, Any]:
        reference = ConversationReference.deserialize(stored)
        await self.pacer.acquire(reference.conversation.id)
        sent: dict[str, str | None] = {}

        async def send(context: TurnContext) -> None:
            context.activity.id = None  # a new message in the chat, not a reply to one
            response = await _bounded(context).send_activity(activity)
            sent["id"] = getattr(response, "id", None)

        try:
            await self.adapter.continue_conversation(reference, send, self.app_id)
        except HttpOperationError as error:
            if _status(error) in GONE and recipient.teams_user_id:
                # The stored chat is gone: forget it, so the retry opens a new one.
                await self.conversations.forget(recipient.teams_user_id)
                raise DeliveryError(f"the stored Teams chat is gone ({_status(error)})") from None
            raise
        return {"reference": stored, "activity_id": sent.get("id")}

    async def _open_and_send(self, recipient: Recipient, activity: Activity) -> dict[str, Any]:
        """No stored chat: open a 1:1 (tenant + user) like one the firm already has."""
        seed = await self.conversations.seed()
        if seed is None or not recipient.teams_user_id:
            return await self._unreachable(
                recipient, "nobody at the firm has opened lpo-bot in Teams yet")
        template = ConversationReference.deserialize(seed.reference)
        tenant = seed.tenant_id
        parameters = ConversationParameters(
            is_group=False, bot=template.bot, tenant_id=tenant,
            members=[ChannelAccount(id=recipient.teams_user_id)],
            channel_data={"tenant": {"id": tenant}} if tenant else None)
        opened: dict[str, Any] = {}

        async def send(context: TurnContext) -> None:
            context.activity.id = None  # a new message in the chat, not a reply to one
            reference = TurnContext.get_conversation_reference(context.activity)
            reference.user = ChannelAccount(id=recipient.teams_user_id,
                                            aad_object_id=recipient.teams_user_id)
            opened["reference"] = reference.serialize()
            await self.conversations.remember(Conversation(
                teams_user_id=recipient.teams_user_id or "", tenant_id=tenant,
                service_url=template.service_url, conversation_id=reference.conversation.id,
                reference=opened["reference"]))
            await self.pacer.acquire(reference.conversation.id)
            response = await _bounded(context).send_activity(activity)
            opened["activity_id"] = getattr(response, "id", None)

        try:
            await self.adapter.create_conversation(self.app_id, send, parameters,
                                                   template.channel_id, template.service_url)
        except HttpOperationError as error:
            if "reference" in opened or _status(error) in RETRYABLE:
                raise
            return await self._unreachable(
                recipient, f"Teams would not open a chat with them ({_status(error)})")
        return opened

    async def _unreachable(self, recipient: Recipient, reason: str) -> dict[str, Any]:
        log.warning("Teams can't reach %s: %s", recipient.key, reason)
        if recipient.staff_id is not None:
            await self.on_unreachable(recipient.staff_id, reason)
        raise DeliveryError(f"unreachable in Teams: {reason}", permanent=True)
