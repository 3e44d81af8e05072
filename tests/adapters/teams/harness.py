"""The Teams bot served for real on port 0, a small firm of its own, and Activity JSON builders."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from bot.app.bootstrap import DISPATCHER_KEY, build_app
from bot.clock import ManualClock
from bot.imports import import_matters, import_roster
from bot.outbox import Dispatcher
from storage.db import Database
from tests.adapters.teams.fake_connector import FakeConnector
from tests.support import TUESDAY_MORNING, settings_for

TENANT = "72f988bf-0000-4000-8000-000000000001"
BOT_ID = "28:lpo-bot-test"
AVA = "7d2a1c90-0001-4b6e-9d3a-00000000000a"   # partner, $500/h, manager of everyone
BEN = "7d2a1c90-0001-4b6e-9d3a-00000000000b"   # paralegal, $60/h, drafting 3
CARA = "7d2a1c90-0001-4b6e-9d3a-00000000000c"  # paralegal, $75/h, drafting 3
DAN = "7d2a1c90-0001-4b6e-9d3a-00000000000d"   # paralegal, $50/h, drafting 3: never opened Teams
EVE = "7d2a1c90-0001-4b6e-9d3a-00000000000e"   # not on the roster
FAY = "7d2a1c90-0001-4b6e-9d3a-00000000000f"   # associate, $300/h: on the roster by e-mail only

ROSTER = f"""email,name,role,hourly_rate,skills,weekly_capacity_hours,timezone,working_hours,slack_user_id,teams_user_id,manager_email,bar_admissions,is_manager
ava.stone@firm.test,Ava Stone,partner,500,drafting:5;legal_research:5;case_analysis:5;negotiation:5;client_communication:5;litigation_support:4,40,America/New_York,,,{AVA},,FL,true
ben.ortiz@firm.test,Ben Ortiz,paralegal,60,drafting:3;document_management:3;litigation_support:2,40,America/New_York,,,{BEN},ava.stone@firm.test,,false
cara.diaz@firm.test,Cara Diaz,paralegal,75,drafting:3;document_management:3;litigation_support:2,40,America/New_York,,,{CARA},ava.stone@firm.test,,false
""".encode()
DAN_ROW = f"""dan.kim@firm.test,Dan Kim,paralegal,50,drafting:3;document_management:3,40,America/New_York,,,{DAN},ava.stone@firm.test,,false
""".encode()
FAY_ROW = b"""fay.lane@firm.test,Fay Lane,associate,300,drafting:4;legal_research:4,40,America/New_York,,,,ava.stone@firm.test,FL,false
"""
MATTERS = b"""matter_number,client_name,title,responsible_attorney_email,jurisdiction,screened_emails
2027-0101,Maria Garcia,Garcia v. Apex Recovery (FDCPA),ava.stone@firm.test,FL,
2027-0102,Tom Garcia,Garcia - Northgate validation dispute,ava.stone@firm.test,FL,
2027-0103,Lee Brown,Brown v. Cavalry (FCRA),ava.stone@firm.test,FL,
"""
T = TypeVar("T")
NAMES = {AVA: "Ava Stone", BEN: "Ben Ortiz", CARA: "Cara Diaz", DAN: "Dan Kim", EVE: "Eve X",
         FAY: "Fay Lane"}


async def eventually(probe: Callable[[], Awaitable[T]], check: Callable[[T], bool], *,
                     timeout: float = 15.0) -> T:
    """Probe until the check holds; fail at the deadline (no fixed sleeps)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check(value := await probe()):
        assert asyncio.get_running_loop().time() < deadline, f"still {value!r}"
        await asyncio.sleep(0.02)
    return value


def dm(user: str) -> str:
    """The id of a user's 1:1 chat with the bot, as Teams would give it."""
    return f"a:dm-{user[-2:]}"


def member_id(user: str) -> str:
    """The user's id in the chat (`from.id`), which the bot asks the connector about."""
    return f"29:{user}"


async def load_firm(database: Database, *, with_dan: bool = False,
                    with_fay: bool = False) -> None:
    async with database.transaction() as session:
        await import_roster(session, ROSTER + (DAN_ROW if with_dan else b"")
                            + (FAY_ROW if with_fay else b""))
        await import_matters(session, MATTERS)


@dataclass
class Teams:
    """Plays Microsoft Teams: posts activities to the bot, reads what the connector received."""

    client: TestClient
    connector: FakeConnector
    clock: ManualClock
    dispatcher: Dispatcher
    database: Database

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)

    def activity(self, user: str, *, kind: str = "message", **fields: Any) -> dict[str, Any]:
        """A personal-chat activity from `user`, as Teams sends it."""
        return {
            "type": kind, "id": f"in-{next(self._ids)}", "channelId": "msteams",
            "serviceUrl": self.connector.url, "timestamp": "2027-03-02T15:00:00Z",
            "from": {"id": member_id(user), "name": NAMES[user], "aadObjectId": user},
            "recipient": {"id": BOT_ID, "name": "lpo-bot"},
            "conversation": {"id": dm(user), "conversationType": "personal", "tenantId": TENANT},
            "channelData": {"tenant": {"id": TENANT}}, **fields}

    def in_directory(self, user: str, *, email: str | None = None,
                     upn: str | None = None) -> None:
        """List `user` in the connector's directory, as Teams reports a member."""
        self.connector.members[member_id(user)] = {
            "id": member_id(user), "name": NAMES[user], "aadObjectId": user, "email": email,
            "userPrincipalName": upn, "tenantId": TENANT, "userRole": "user"}

    async def post(self, body: dict[str, Any], **headers: str) -> ClientResponse:
        return await self.client.post("/api/messages", json=body, headers=headers)

    async def say(self, user: str, text: str) -> int:
        """Send a text message; returns the connector mark before it (for `wait_for`)."""
        mark = len(self.connector.calls)
        response = await self.post(self.activity(user, text=text))
        assert response.status == 200, await response.text()
        return mark

    async def click(self, user: str, data: dict[str, Any], *, card_id: str | None = None,
                    **inputs: Any) -> int:
        """Press an Action.Submit: Teams posts a message whose value is the data plus inputs."""
        mark = len(self.connector.calls)
        fields: dict[str, Any] = {"value": {**data, **inputs}}
        if card_id:
            fields["replyToId"] = card_id
        response = await self.post(self.activity(user, **fields))
        assert response.status == 200, await response.text()
        return mark

    async def install(self, user: str) -> None:
        response = await self.post(self.activity(user, kind="installationUpdate", action="add"))
        assert response.status == 200, await response.text()


@asynccontextmanager
async def teams_bot(database_url: str, *, with_dan: bool = False, with_fay: bool = False,
                    **overrides: Any) -> AsyncIterator[Teams]:
    """The production app (build_app) in emulator mode, talking to a fake connector."""
    settings = settings_for(database_url, **{"LPO_TEAMS_ALLOW_UNAUTHENTICATED": True, **overrides})
    clock = ManualClock(TUESDAY_MORNING)
    connector = await FakeConnector().start()
    database = Database(database_url)
    try:
        await load_firm(database, with_dan=with_dan, with_fay=with_fay)
        app = build_app(settings, clock=clock, database=database)
        client = TestClient(TestServer(app, host="127.0.0.1", port=0))
        await client.start_server()
        try:
            yield Teams(client, connector, clock, app[DISPATCHER_KEY], database)
        finally:
            await client.close()
    finally:
        await database.dispose()
        await connector.stop()
