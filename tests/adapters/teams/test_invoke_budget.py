"""An invoke is answered within Teams' 5 seconds even when the work takes longer."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from adapters.teams.app import sdk_configuration
from adapters.teams.endpoint import MessagesEndpoint
from adapters.teams.handler import TeamsBot
from bot.conversations import Conversation
from bot.replies import Actor, Reply
from bot.views import plain
from tests.adapters.teams.harness import eventually
from tests.support import settings_for


class SlowResponses:
    """Accepting takes as long as the test says."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.accepted: list[int] = []

    async def accept(self, actor: Actor, offer_id: int, *, event_key: str) -> Reply:
        await self.release.wait()
        self.accepted.append(offer_id)
        return Reply(status="ok", message=plain("You accepted."))


@dataclass
class SlowBot:
    respond: SlowResponses


class Book:
    async def remember(self, conversation: Conversation) -> bool:
        return False


async def test_slow_work_gets_a_holding_answer_and_still_finishes() -> None:
    slow = SlowResponses()
    settings = settings_for("sqlite:///unused.db", LPO_TEAMS_ALLOW_UNAUTHENTICATED=True)
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(sdk_configuration(settings)))
    bot = TeamsBot(SlowBot(slow), Book(), invoke_budget=0.05)  # type: ignore[arg-type]
    app = web.Application()
    app.router.add_post("/api/messages", MessagesEndpoint(adapter, bot).handle)
    invoke: dict[str, Any] = {
        "type": "invoke", "name": "adaptiveCard/action", "id": "1", "channelId": "msteams",
        "serviceUrl": "http://127.0.0.1:9/", "from": {"id": "29:x", "aadObjectId": "x"},
        "recipient": {"id": "28:bot"}, "conversation": {"id": "a:1", "conversationType": "personal"},
        "value": {"action": {"type": "Action.Execute", "data": {"action": "accept", "value": "4"}}}}
    async with TestClient(TestServer(app)) as client:
        response = await client.post("/api/messages", json=invoke)
        assert response.status == 200
        body = await response.json()
        assert body["type"] == "application/vnd.microsoft.activity.message"
        assert "Working on it" in body["value"]
        assert slow.accepted == []
        slow.release.set()
        await eventually(lambda: asyncio.sleep(0, slow.accepted), lambda done: done == [4])
