"""The Slack side of the tests: signed requests shaped like Slack's, and a small firm to delegate in."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from aiohttp.test_utils import TestClient, TestServer

from bot.app.bootstrap import APPLICATION_KEY, DISPATCHER_KEY, build_app
from bot.app.server import DB_KEY
from bot.application import Application
from bot.clock import ManualClock
from bot.imports import import_matters, import_roster
from bot.outbox import Dispatcher
from storage.db import Database
from tests.adapters.slack.fake_slack import APP_TOKEN, BOT_TOKEN, Call, FakeSlack
from tests.support import TUESDAY_MORNING, settings_for

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM = "T0001"
AVA, BEN, CARA, ELI = "UAVA0001", "UBEN0001", "UCARA001", "UELI0001"  # Eli: not in the roster CSV

ROSTER = b"""email,name,role,hourly_rate,skills,weekly_capacity_hours,timezone,working_hours,\
slack_user_id,teams_user_id,manager_email,bar_admissions,is_manager
ava.stone@firm.test,Ava Stone,partner,450,drafting:5;legal_research:5;case_analysis:5;\
client_communication:5;litigation_support:4;document_management:3,40,America/New_York,,UAVA0001,,,NY,true
ben.cho@firm.test,Ben Cho,paralegal,55,drafting:3;document_management:3;litigation_support:2;\
client_communication:2,40,America/New_York,,UBEN0001,,ava.stone@firm.test,,false
cara.diaz@firm.test,Cara Diaz,paralegal,70,drafting:3;document_management:2;litigation_support:2;\
client_communication:2,40,America/New_York,,UCARA001,,ava.stone@firm.test,,false
eli.ford@firm.test,Eli Ford,associate,300,drafting:4;legal_research:4;case_analysis:3;\
client_communication:3,40,America/New_York,,,,ava.stone@firm.test,NY,false
"""
MATTERS = b"""matter_number,client_name,title,responsible_attorney_email,jurisdiction,screened_emails
2027-0101,Marisol Garcia,Garcia v. Apex Collections,ava.stone@firm.test,NY,
2027-0102,Henry Garcia,Garcia - credit report dispute,ava.stone@firm.test,NY,
2027-0103,Opal Whitley,Whitley - settlement,ava.stone@firm.test,NY,cara.diaz@firm.test
"""
DELEGATION = "draft demand letter for 2027-0101 by Friday"


def signed_headers(body: str | bytes, *, secret: str = SECRET, at: float | None = None,
                   content_type: str = "application/x-www-form-urlencoded") -> dict[str, str]:
    """The headers Slack sends: X-Slack-Signature = v0=HMAC-SHA256(secret, v0:ts:body)."""
    stamp = str(int(time.time() if at is None else at))
    raw = body.encode() if isinstance(body, str) else body
    digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + raw, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest.hexdigest()}",
            "Content-Type": content_type}


def buttons(message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every button of a message or view, by its label."""
    found = {}
    for block in message.get("blocks", []):
        elements = list(block.get("elements", []))
        if block.get("accessory"):
            elements.append(block["accessory"])
        for element in elements:
            if element.get("type") == "button":
                found[element["text"]["text"]] = {**element, "block_id": block.get("block_id")}
    return found


def texts(payload: Any) -> str:
    """Every string in a payload, joined: what a person could read."""
    if isinstance(payload, dict):
        return "\n".join(texts(value) for value in payload.values())
    if isinstance(payload, list):
        return "\n".join(texts(value) for value in payload)
    return payload if isinstance(payload, str) else ""


@dataclass
class SlackWorld:
    """Our server with Slack on, a fake Slack, a stopped clock, and a firm."""

    http: TestClient
    fake: FakeSlack
    clock: ManualClock
    bot: Application
    database: Database
    dispatcher: Dispatcher

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)

    def next_id(self, kind: str) -> str:
        return f"{kind}-{next(self._ids)}"

    async def post(self, body: str, *, content_type: str = "application/x-www-form-urlencoded",
                   headers: dict[str, str] | None = None, at: float | None = None) -> Any:
        merged = {**signed_headers(body, at=at, content_type=content_type), **(headers or {})}
        return await self.http.post("/slack/events", data=body.encode(), headers=merged)

    async def command(self, user: str, command: str, text: str = "", *,
                      trigger: str | None = None, headers: dict[str, str] | None = None) -> Any:
        """A slash command; returns the decoded ack body ({} when empty)."""
        trigger = trigger or self.next_id("trigger")
        form = {"token": "legacy", "team_id": TEAM, "team_domain": "test-firm",
                "channel_id": "C0GENERAL", "channel_name": "general", "user_id": user,
                "user_name": user.lower(), "command": command, "text": text,
                "api_app_id": "A0LPO", "is_enterprise_install": "false",
                "response_url": self.fake.response_url(trigger), "trigger_id": trigger}
        response = await self.post(urlencode(form), headers=headers)
        assert response.status == 200, await response.text()
        return await _json(response)

    async def interact(self, payload: dict[str, Any], *,
                       headers: dict[str, str] | None = None) -> Any:
        body = urlencode({"payload": json.dumps(payload)})
        response = await self.post(body, headers=headers)
        assert response.status == 200, await response.text()
        return await _json(response)

    async def click(self, user: str, message: Call | dict[str, Any], label: str, *,
                    action_ts: str | None = None, ephemeral_url: str | None = None,
                    home_view: dict[str, Any] | None = None) -> Any:
        """Click the button `label` in a DM (a recorded chat.postMessage), an ephemeral
        message (give its response_url) or the Home tab (give the published view)."""
        source = message.payload if isinstance(message, Call) else message
        button = buttons(source)[label]
        trigger = self.next_id("trigger")
        payload: dict[str, Any] = {
            "type": "block_actions", "team": {"id": TEAM, "domain": "test-firm"},
            "user": {"id": user, "username": user.lower(), "team_id": TEAM},
            "api_app_id": "A0LPO", "token": "legacy", "trigger_id": trigger,
            "actions": [{"type": "button", "action_id": button["action_id"],
                         "block_id": button.get("block_id") or "b1", "value": button.get("value"),
                         "text": button["text"],
                         "action_ts": action_ts or f"{time.time():.6f}"}]}
        if home_view is not None:
            payload["container"] = {"type": "view", "view_id": "VHOME"}
            payload["view"] = {**home_view, "id": "VHOME", "type": "home"}
        elif ephemeral_url is not None:
            payload["container"] = {"type": "message", "message_ts": "0", "channel_id": "C0GENERAL",
                                    "is_ephemeral": True}
            payload["response_url"] = ephemeral_url
            payload["channel"] = {"id": "C0GENERAL"}
        else:
            assert isinstance(message, Call)
            channel, ts = message.answer["channel"], message.answer["ts"]
            payload["container"] = {"type": "message", "message_ts": ts, "channel_id": channel,
                                    "is_ephemeral": False}
            payload["channel"] = {"id": channel}
            payload["message"] = {"ts": ts, "blocks": source.get("blocks")}
            payload["response_url"] = self.fake.response_url(trigger)
        return await self.interact(payload)

    async def opened_view(self, count: int = 1) -> dict[str, Any]:
        """The `count`-th modal the app opened, with the id Slack gave it."""
        call = (await self.fake.nth("views.open", count))[count - 1]
        return call.answer["view"]

    async def submit(self, user: str, view: dict[str, Any],
                     values: dict[str, dict[str, Any]]) -> Any:
        """Submit a modal with these input values (block id -> element state)."""
        state = {block: {block: value} for block, value in values.items()}
        payload = {"type": "view_submission", "team": {"id": TEAM, "domain": "test-firm"},
                   "user": {"id": user, "username": user.lower(), "team_id": TEAM},
                   "api_app_id": "A0LPO", "token": "legacy", "trigger_id": self.next_id("trigger"),
                   "view": {**view, "team_id": TEAM, "state": {"values": state},
                            "hash": "h1", "app_id": "A0LPO", "bot_id": "BBOT0001"}}
        return await self.interact(payload)

    async def event(self, event: dict[str, Any], *, event_id: str | None = None,
                    headers: dict[str, str] | None = None) -> Any:
        body = json.dumps({"token": "legacy", "team_id": TEAM, "api_app_id": "A0LPO",
                           "event": event, "type": "event_callback",
                           "event_id": event_id or self.next_id("Ev"),
                           "event_time": int(time.time()),
                           "authorizations": [{"team_id": TEAM, "user_id": "UBOT0001",
                                               "is_bot": True}]})
        response = await self.post(body, content_type="application/json", headers=headers)
        assert response.status == 200, await response.text()
        return await _json(response)


async def _json(response: Any) -> Any:
    text = await response.text()
    return json.loads(text) if text.strip() else {}


async def load_firm(database: Database) -> None:
    async with database.transaction() as session:
        await import_roster(session, ROSTER, source="roster.csv")
        await import_matters(session, MATTERS, source="matters.csv")


@asynccontextmanager
async def slack_world(database_url: str, **overrides: object) -> AsyncIterator[SlackWorld]:
    """The real server (build_app) with Slack pointed at a fake, and our small firm loaded."""
    fake = FakeSlack()
    api = await fake.start()
    fake.emails[ELI] = "eli.ford@firm.test"
    settings = settings_for(database_url, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET,
                            SLACK_API_URL=api, LPO_DIGEST_TIME="23:00", **overrides)
    clock = ManualClock(TUESDAY_MORNING)
    app = build_app(settings, clock=clock)
    database = app[DB_KEY]
    await load_firm(database)
    http = TestClient(TestServer(app))
    await http.start_server()
    try:
        yield SlackWorld(http=http, fake=fake, clock=clock, bot=app[APPLICATION_KEY], database=database,
                         dispatcher=app[DISPATCHER_KEY])
    finally:
        # Let in-flight deliveries finish: a dispatcher cancelled mid-delivery can leave an
        # aiosqlite close pending after the engine is disposed (reported to the lead).
        await app[DISPATCHER_KEY].drain()
        await http.close()
        await fake.stop()
    assert fake.problems == [], "\n".join(fake.problems)


__all__ = ["APP_TOKEN", "AVA", "BEN", "CARA", "DELEGATION", "ELI", "SlackWorld", "buttons",
           "signed_headers", "slack_world", "texts"]
