"""What every Slack listener shares: the application, identity, and the follow-ups that run after the ack."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.cache import TtlCache
from adapters.slack.blocks import home_view, message_blocks, message_text, task_list_blocks
from adapters.slack.errors import describe
from adapters.slack.identity import SlackIdentity
from bot.application import Application
from bot.messages import Message
from bot.replies import Choice, Reply

log = logging.getLogger(__name__)

SEARCH_TTL = 3600.0  # as long as someone may keep a confirmation modal open
SHUTDOWN_GRACE_SECONDS = 5.0


class Background:
    """Follow-ups that must not delay the ack (modals, response_url posts, the Home tab).

    With process_before_response the HTTP answer leaves only when the listener returns, so
    network calls to Slack run here instead; failures are logged, never lost silently.
    """

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Slack follow-up failed", exc_info=task.exception())

    async def close(self, grace: float = SHUTDOWN_GRACE_SECONDS) -> None:
        """Let running follow-ups finish (a shutdown should not drop a modal), then cancel."""
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=grace)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


def ephemeral(message: Message) -> dict[str, Any]:
    """An ack or response_url body shown only to the person who acted."""
    return {"response_type": "ephemeral", "text": message_text(message),
            "blocks": message_blocks(message)}


@dataclass
class SlackContext:
    bot: Application
    client: AsyncWebClient
    identity: SlackIdentity
    background: Background = field(default_factory=Background)
    # Choices for modals too big for a static select, found again by a token in the view.
    searches: TtlCache[str, dict[str, tuple[Choice, ...]]] = field(
        default_factory=lambda: TtlCache(ttl=SEARCH_TTL, size=2_000))

    async def respond(self, url: str | None, body: dict[str, Any]) -> None:
        """Post to a response_url (ephemeral answers, /tasks refreshes); errors are logged."""
        if not url:
            return
        try:
            response = await AsyncWebhookClient(url, session=self.client.session).send_dict(body)
        except (aiohttp.ClientError, TimeoutError) as error:
            # Not the error's text: it can quote the URL, a half-hour key to the conversation.
            log.warning("response_url post failed: %s", type(error).__name__)
            return
        if response.status_code != 200:
            log.warning("response_url post answered HTTP %s", response.status_code)

    async def open_view(self, trigger_id: str, view: dict[str, Any], *,
                        fallback_url: str | None = None,
                        fallback: Message | None = None) -> None:
        """views.open; when Slack refuses (the trigger expired), say so in the conversation."""
        try:
            await self.client.views_open(trigger_id=trigger_id, view=view)
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
            log.warning("views.open failed: %s", describe(error))
            if fallback is not None:
                await self.respond(fallback_url, ephemeral(fallback))

    async def publish_home(self, user_id: str, *, page: int = 0, note: str | None = None) -> None:
        listing = await self.identity.act(user_id, self.bot.queries.my_tasks)
        shown = listing.message if isinstance(listing, Reply) else listing
        try:
            await self.client.views_publish(user_id=user_id,
                                            view=home_view(shown, page=page, note=note))
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
            log.warning("views.publish for %s failed: %s", user_id, describe(error))

    async def refresh_list(self, user_id: str, url: str | None, note: str) -> None:
        """Replace an ephemeral /tasks list with a fresh one after a click in it."""
        listing = await self.identity.act(user_id, self.bot.queries.my_tasks)
        if isinstance(listing, Reply):
            await self.respond(url, {"replace_original": True, **ephemeral(listing.message)})
            return
        await self.respond(url, {"replace_original": True, "response_type": "ephemeral",
                                 "text": "Your tasks", "blocks": task_list_blocks(listing, note)})

