"""A local fake of the Slack Web API (and response_url, and Socket Mode) that records every call."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSMsgType, web
from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

T = TypeVar("T")
BOT_TOKEN = "xoxb-test-bot-token"
APP_TOKEN = "xapp-test-app-token"
BOT_USER = "UBOT0001"
WAIT_SECONDS = 10.0


@dataclass
class Call:
    """One request the app made, with what the fake answered."""

    method: str
    payload: dict[str, Any]
    status: int = 200
    answer: dict[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.perf_counter)

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.answer.get("ok", True))


@dataclass
class Failure:
    status: int
    body: dict[str, Any]
    headers: dict[str, str]


def block_problems(blocks: Any, limit: int, where: str) -> list[str]:
    """Why Slack would refuse these blocks (slack_sdk's models plus the rules they skip)."""
    if not isinstance(blocks, list) or not 0 < len(blocks) <= limit:
        return [f"{where}: expected 1..{limit} blocks, got {blocks!r:.80}"]
    problems = []
    block_ids: set[str] = set()
    for raw in blocks:
        parsed = Block.parse(raw)
        if parsed is None:
            problems.append(f"{where}: unknown block {raw!r:.80}")
            continue
        try:
            parsed.validate_json()
        except SlackObjectFormationError as error:
            problems.append(f"{where}: {raw.get('type')} block: {error}")
        if parsed.to_dict() != raw:
            problems.append(f"{where}: block has fields Slack does not know: {raw!r:.200}")
        if raw.get("block_id"):
            if raw["block_id"] in block_ids:
                problems.append(f"{where}: duplicate block_id {raw['block_id']}")
            block_ids.add(raw["block_id"])
        action_ids = [e.get("action_id") for e in raw.get("elements", []) if e.get("action_id")]
        if len(action_ids) != len(set(action_ids)):
            problems.append(f"{where}: duplicate action_id in one block: {action_ids}")
    return problems


def view_problems(view: Any, where: str) -> list[str]:
    if not isinstance(view, dict):
        return [f"{where}: no view"]
    try:
        model = View(**view)
        model.validate_json()
    except SlackObjectFormationError as error:
        return [f"{where}: view: {error}"]
    unknown = set(view) - set(model.to_dict())
    if unknown:
        return [f"{where}: view fields Slack does not know: {sorted(unknown)}"]
    if len(view.get("private_metadata", "")) > 3000:
        return [f"{where}: private_metadata over 3000 characters"]
    return block_problems(view.get("blocks"), 100, where)


class FakeSlack:
    """Answers like Slack: DM channels, message timestamps, views; fails when told to."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.problems: list[str] = []
        self.emails: dict[str, str] = {}
        self.failures: dict[str, list[Failure]] = {}
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}
        self.socket_envelopes: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.socket_acks: dict[str, dict[str, Any]] = {}
        self._ts = itertools.count(1)
        self._views = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.url = ""

    # --- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{token}", self._response_url)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return f"{self.url}/api/"

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    def response_url(self, name: str) -> str:
        return f"{self.url}/response/{name}"

    def fail_next(self, method: str, status: int, *, error: str = "ratelimited",
                  headers: dict[str, str] | None = None) -> None:
        self.failures.setdefault(method, []).append(
            Failure(status, {"ok": False, "error": error}, headers or {}))

    # --- what the tests look at -------------------------------------------------------------

    def to(self, method: str, **match: Any) -> list[Call]:
        """The successful calls of `method` whose payload has these values."""
        return [call for call in self.calls if call.method == method and call.ok
                and all(call.payload.get(k) == v for k, v in match.items())]

    async def wait_for(self, found: Callable[[], T | None], timeout: float = WAIT_SECONDS) -> T:
        """Wait (no sleeping: woken by each recorded call) until `found()` returns something."""
        async with self._changed:
            result = found()
            if result:
                return result
            await asyncio.wait_for(self._changed.wait_for(lambda: bool(found())), timeout)
        return found()  # type: ignore[return-value]

    async def nth(self, method: str, count: int = 1, **match: Any) -> list[Call]:
        return await self.wait_for(
            lambda: calls if len(calls := self.to(method, **match)) >= count else None)

    def dm_channel(self, user: str) -> str:
        return f"D{user}"

    async def dm(self, user: str, count: int = 1) -> Call:
        """The `count`-th message posted in the DM with `user`."""
        return (await self.nth("chat.postMessage", count, channel=self.dm_channel(user)))[
            count - 1]

    async def record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # --- the Web API -------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await _payload(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        expected = APP_TOKEN if method == "apps.connections.open" else BOT_TOKEN
        failure = self.failures.get(method, [None]).pop(0) if self.failures.get(method) else None
        if token != expected:
            failure = Failure(200, {"ok": False, "error": "invalid_auth"}, {})
        if failure is None:
            self._check(method, payload)
            answer = getattr(self, "_" + method.replace(".", "_"), self._unknown)(payload)
            status, headers = 200, {}
        else:
            answer, status, headers = failure.body, failure.status, failure.headers
        await self.record(Call(method, payload, status, answer))
        return web.json_response(answer, status=status, headers=headers)

    def _check(self, method: str, payload: dict[str, Any]) -> None:
        if "blocks" in payload:
            blocks = payload["blocks"]
            blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
            self.problems += block_problems(blocks, 50, method)
        if "view" in payload:
            view = payload["view"]
            self.problems += view_problems(json.loads(view) if isinstance(view, str) else view,
                                           method)

    def _unknown(self, payload: dict[str, Any]) -> dict[str, Any]:
        return {"ok": False, "error": "unknown_method"}

    def _auth_test(self, payload: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "user_id": BOT_USER, "bot_id": "BBOT0001", "team_id": "T0001",
                "user": "lpo-bot", "team": "Test Firm", "url": "https://test-firm.slack.com/"}

    def _conversations_open(self, payload: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "channel": {"id": self.dm_channel(str(payload.get("users")))}}

    def _chat_postMessage(self, payload: dict[str, Any]) -> dict[str, Any]:
        ts = f"1790000000.{next(self._ts):06d}"
        channel = str(payload.get("channel"))
        self.messages[(channel, ts)] = payload
        return {"ok": True, "channel": channel, "ts": ts, "message": payload}

    def _chat_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        key = (str(payload.get("channel")), str(payload.get("ts")))
        if key not in self.messages:
            return {"ok": False, "error": "message_not_found"}
        self.messages[key] = payload
        return {"ok": True, "channel": key[0], "ts": key[1]}

    def _chat_postEphemeral(self, payload: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "message_ts": f"1790000000.{next(self._ts):06d}"}

    def _views_open(self, payload: dict[str, Any]) -> dict[str, Any]:
        if not str(payload.get("trigger_id", "")).startswith("trigger-"):
            return {"ok": False, "error": "invalid_trigger_id"}
        view = payload["view"]
        view = json.loads(view) if isinstance(view, str) else view
        return {"ok": True, "view": {**view, "id": f"V{next(self._views):05d}"}}

    def _views_publish(self, payload: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "view": {"id": f"VHOME{payload.get('user_id')}"}}

    def _users_info(self, payload: dict[str, Any]) -> dict[str, Any]:
        user = str(payload.get("user"))
        if user not in self.emails:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": {"id": user, "deleted": False, "is_bot": False,
                                     "profile": {"email": self.emails[user]}}}

    def _apps_connections_open(self, payload: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": self.url.replace("http", "ws") + "/socket"}

    # --- response_url and Socket Mode ----------------------------------------------------------

    async def _response_url(self, request: web.Request) -> web.Response:
        payload = await request.json()
        if "blocks" in payload:
            self.problems += block_problems(payload["blocks"], 50, "response_url")
        await self.record(Call("response_url", {**payload, "name": request.match_info["token"]}))
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_json({"type": "hello", "num_connections": 1})
        await self.record(Call("socket.hello", {}))
        sender = asyncio.create_task(self._send_envelopes(socket))
        try:
            async for message in socket:
                if message.type == WSMsgType.TEXT:
                    ack = json.loads(message.data)
                    self.socket_acks[ack.get("envelope_id", "")] = ack
                    await self.record(Call("socket.ack", ack))
        finally:
            sender.cancel()
        return socket

    async def _send_envelopes(self, socket: web.WebSocketResponse) -> None:
        while True:
            await socket.send_json(await self.socket_envelopes.get())


async def _payload(request: web.Request) -> dict[str, Any]:
    """What the client sent: JSON, a form, or query parameters, merged."""
    payload: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        payload.update(body if isinstance(body, dict) else {})
    elif request.can_read_body:
        payload.update(dict(await request.post()))
    return payload
