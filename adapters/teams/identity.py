"""Teams user -> staff member: by object id, else by the e-mail the connector reports (cached)."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import TypeVar

import aiohttp
from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema.teams import TeamsChannelAccount
from msrest.exceptions import ClientException, HttpOperationError

from adapters.cache import TtlCache
from adapters.teams.activities import TEAMS
from bot.replies import Actor, unknown_person

log = logging.getLogger(__name__)

T = TypeVar("T")
NO_EMAIL = ""  # the connector answered, but shows no address (a bot, a guest without mail)
EMAIL_TTL = 3600.0
MISS_TTL = 300.0  # short: someone just added to the roster should not wait long
# The user waits on this turn. msrest retries a 5xx itself, with backoff (about 5 s for all
# four tries): the deadline bounds those too, and the next message asks again anyway.
LOOKUP_TIMEOUT_SECONDS = 3.0
NO_SUCH_MEMBER = frozenset({400, 403, 404})  # lasting answers, unlike a 429 or a 5xx
# A guest's UPN (jane_contoso.com#EXT#@firm.onmicrosoft.com) is not where their mail goes.
ADDRESS = re.compile(r"[^@\s#]+@[^@\s#]+\.[^@\s#]+")
# HTTP errors and timeouts from the connector; ValueError and TypeError are botbuilder's own
# refusals when a turn lacks what get_member needs (a connector client, channel data).
LOOKUP_FAILURES = (ClientException, aiohttp.ClientError, OSError, TimeoutError, ValueError,
                   TypeError)


def email_cache() -> TtlCache[str, str]:
    return TtlCache(ttl=EMAIL_TTL)


def member_email(member: TeamsChannelAccount) -> str:
    """The member's mail, else a UPN that is a plain address; lower-cased, or NO_EMAIL."""
    for candidate in (member.email, member.user_principal_name):
        address = (candidate or "").strip()
        if ADDRESS.fullmatch(address):
            return address.lower()
    return NO_EMAIL


def http_status(error: Exception) -> int | None:
    """The connector's HTTP status, when the error is an answer rather than a silence."""
    if not isinstance(error, HttpOperationError):
        return None
    return getattr(getattr(error, "response", None), "status_code", None)


class TeamsIdentity:
    """Runs a use case as a Teams user; the application links the object id on an e-mail match."""

    def __init__(self, cache: TtlCache[str, str] | None = None, *,
                 timeout: float = LOOKUP_TIMEOUT_SECONDS) -> None:
        self.cache = cache or email_cache()
        self.timeout = timeout

    async def act(self, turn_context: TurnContext, actor: Actor,
                  call: Callable[[Actor], Awaitable[T]]) -> T:
        """`call` as this Teams user; when the id is not on the roster, retry with their e-mail."""
        user_id = actor.teams_user_id or ""
        cached = self.cache.get(user_id)
        result = await call(Actor(teams_user_id=user_id, email=cached or None))
        if cached is not None or not unknown_person(result):
            return result
        email = await self.email_of(turn_context, user_id)
        if not email:
            return result
        return await call(Actor(teams_user_id=user_id, email=email))

    async def email_of(self, turn_context: TurnContext, user_id: str) -> str | None:
        """The e-mail Teams reports for the sender of this activity, or None."""
        cached = self.cache.get(user_id)
        if cached is not None:
            return cached or None
        activity = turn_context.activity
        if activity.channel_id != TEAMS or activity.from_property is None:
            return None  # emulators and Web Chat have no directory to ask
        try:
            async with asyncio.timeout(self.timeout):
                member = await TeamsInfo.get_member(turn_context, activity.from_property.id)
        except LOOKUP_FAILURES as error:
            self._failed(user_id, error)
            return None
        email = member_email(member)
        self.cache.put(user_id, email, None if email else MISS_TTL)
        return email or None

    def _failed(self, user_id: str, error: Exception) -> None:
        status = http_status(error)
        if status in NO_SUCH_MEMBER:
            self.cache.put(user_id, NO_EMAIL, MISS_TTL)
            return
        # Not cached: a throttle or an outage must not hide someone for minutes. The error's
        # type and status only, never its text: a request dump could carry the bearer token.
        log.warning("Teams member lookup for %s failed: %s (HTTP %s)", user_id,
                    type(error).__name__, status or "none")
