"""Slack user -> staff member: by slack_user_id, else by the e-mail users.info reports (cached)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.cache import TtlCache
from adapters.slack.errors import describe, error_code
from bot.replies import Actor, unknown_person

log = logging.getLogger(__name__)

T = TypeVar("T")
NO_EMAIL = ""  # users.info answered, but shows no e-mail (a bot, a guest, a deleted user)
EMAIL_TTL = 3600.0
MISS_TTL = 300.0  # short: someone just added to the roster should not wait long
NO_SUCH_USER = frozenset({"user_not_found", "user_not_visible"})


def email_cache() -> TtlCache[str, str]:
    return TtlCache(ttl=EMAIL_TTL)


class SlackIdentity:
    """Runs a use case as a Slack user; the application links the Slack id on an e-mail match."""

    def __init__(self, client: AsyncWebClient, cache: TtlCache[str, str] | None = None) -> None:
        self.client = client
        self.cache = cache or email_cache()

    async def act(self, user_id: str, call: Callable[[Actor], Awaitable[T]]) -> T:
        """`call` as this Slack user; when the id is not on the roster, retry with their e-mail."""
        cached = self.cache.get(user_id)
        result = await call(Actor(slack_user_id=user_id, email=cached or None))
        if cached is not None or not unknown_person(result):
            return result
        email = await self.email_of(user_id)
        if not email:
            return result
        return await call(Actor(slack_user_id=user_id, email=email))

    async def email_of(self, user_id: str) -> str | None:
        cached = self.cache.get(user_id)
        if cached is not None:
            return cached or None
        try:
            response = await self.client.users_info(user=user_id)
        except SlackApiError as error:
            if error_code(error) in NO_SUCH_USER:
                self.cache.put(user_id, NO_EMAIL, MISS_TTL)
            else:  # a rate limit or an outage must not hide someone for 5 minutes
                log.warning("users.info for %s failed: %s", user_id, describe(error))
            return None
        except (aiohttp.ClientError, TimeoutError) as error:
            log.warning("users.info for %s failed: %s", user_id, describe(error))
            return None
        user = response.get("user") or {}
        email = (user.get("profile") or {}).get("email") or NO_EMAIL
        if user.get("deleted") or user.get("is_bot"):
            email = NO_EMAIL
        email = email.lower()
        self.cache.put(user_id, email, None if email else MISS_TTL)
        return email or None

