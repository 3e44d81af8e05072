"""Delivers outbox messages to Slack: DMs by conversations.open + chat.postMessage, chat.update in place."""

from __future__ import annotations

import re
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import message_payload
from adapters.slack.errors import error_code
from bot.outbox import Delivery, DeliveryError, Recipient

# Errors that no retry can fix: the person or channel is gone, the app lost access, or the
# payload itself is wrong. Anything else (timeouts, 5xx, unknown errors) is retried.
PERMANENT_ERRORS = frozenset({
    "account_inactive", "channel_not_found", "user_not_found", "users_not_found",
    "user_disabled", "is_archived", "not_in_channel", "cannot_dm_bot", "invalid_auth",
    "not_authed", "token_revoked", "token_expired", "no_permission", "missing_scope",
    "restricted_action", "invalid_blocks", "invalid_blocks_format", "msg_too_long",
    "no_text", "too_many_attachments", "invalid_arguments", "team_access_not_granted",
    "ekm_access_denied", "org_login_required",
})
# chat.update on a message Slack no longer lets us edit: post a fresh one instead.
GONE_MESSAGE_ERRORS = frozenset({"message_not_found", "cant_update_message",
                                 "edit_window_closed"})
DEFAULT_RETRY_AFTER = 1.0
_SLACK_CHANNEL = re.compile(r"^[CGD][A-Z0-9]{2,}$")


class SlackNotifier:
    """The outbox's Slack front: one DM channel per person (cached), updates in place."""

    platform = "slack"

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        self._dm_channels: dict[str, str] = {}

    def reaches(self, recipient: Recipient) -> bool:
        if recipient.channel:
            return bool(_SLACK_CHANNEL.match(recipient.channel))
        return bool(recipient.slack_user_id)

    async def deliver(self, delivery: Delivery) -> dict[str, Any] | None:
        payload = message_payload(delivery.message)
        try:
            previous = _slack_ref(delivery.previous_ref)
            if previous:
                updated = await self._update(previous, payload)
                if updated:
                    return updated
            return await self._post(delivery.recipient, payload)
        except SlackApiError as error:
            raise delivery_error(error) from None
        except (aiohttp.ClientError, TimeoutError) as error:
            raise DeliveryError(f"Slack unreachable: {error!r}") from None

    async def _update(self, ref: dict[str, str], payload: dict[str, Any]) -> dict[str, Any] | None:
        """chat.update in place; None when the original can no longer be edited."""
        try:
            await self.client.chat_update(channel=ref["channel"], ts=ref["ts"], **payload)
        except SlackApiError as error:
            if error_code(error) in GONE_MESSAGE_ERRORS:
                return None
            raise
        return ref

    async def _post(self, recipient: Recipient, payload: dict[str, Any]) -> dict[str, Any]:
        channel = recipient.channel or await self._dm_channel(recipient.slack_user_id or "")
        try:
            response = await self.client.chat_postMessage(
                channel=channel, mrkdwn=False, unfurl_links=False, unfurl_media=False, **payload)
        except SlackApiError as error:
            if error_code(error) == "channel_not_found" and not recipient.channel:
                # A cached DM channel went stale: open it afresh on the retry.
                self._dm_channels.pop(recipient.slack_user_id or "", None)
                raise DeliveryError("DM channel not found; reopening it") from None
            raise
        return {"channel": response["channel"], "ts": response["ts"]}

    async def _dm_channel(self, user_id: str) -> str:
        """The DM channel with this person (conversations.open once, then from memory)."""
        channel = self._dm_channels.get(user_id)
        if channel is None:
            response = await self.client.conversations_open(users=user_id)
            channel = response["channel"]["id"]
            self._dm_channels[user_id] = channel
        return channel


def _slack_ref(ref: dict[str, Any] | None) -> dict[str, str] | None:
    """The channel and ts of a message we posted before, if it was a Slack message."""
    if not ref or ref.get("platform", "slack") != "slack":
        return None
    channel, ts = ref.get("channel"), ref.get("ts")
    if isinstance(channel, str) and isinstance(ts, str):
        return {"channel": channel, "ts": ts}
    return None


def retry_after(error: SlackApiError) -> float:
    headers = getattr(error.response, "headers", None) or {}
    value = headers.get("Retry-After") or headers.get("retry-after")
    try:
        return max(0.0, float(value)) if value is not None else DEFAULT_RETRY_AFTER
    except ValueError:
        return DEFAULT_RETRY_AFTER


def delivery_error(error: SlackApiError) -> DeliveryError:
    """Slack's answer as the dispatcher's retry decision (429 and 5xx come back later)."""
    status = getattr(error.response, "status_code", 0) or 0
    code = error_code(error)
    if status == 429 or code == "ratelimited":
        return DeliveryError("Slack rate limit", retry_after=retry_after(error))
    if status >= 500:
        return DeliveryError(f"Slack HTTP {status}")
    return DeliveryError(f"Slack error: {code or status}", permanent=code in PERMANENT_ERRORS)
