"""A local stand-in for the Bot Framework connector: records what the bot sends, on port 0."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Call:
    method: str
    path: str
    conversation_id: str | None
    activity_id: str | None
    body: dict[str, Any]
    status: int = 200
    answered_id: str | None = None

    @property
    def text(self) -> str:
        """Every TextRun and TextBlock of the activity's cards, plus its text, in one string."""
        return " ".join(_texts(self.body))

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [a["content"] for a in self.body.get("attachments") or ()]

    def actions(self) -> list[dict[str, Any]]:
        """Every action on the cards, ShowCard forms included."""
        found: list[dict[str, Any]] = []
        stack = [action for card in self.cards for action in card.get("actions", ())]
        while stack:
            action = stack.pop(0)
            found.append(action)
            stack.extend(action.get("card", {}).get("actions", ()))
        return found

    def submit(self, title: str) -> dict[str, Any]:
        """The data of the Action.Submit with this title."""
        for action in self.actions():
            if action.get("type") == "Action.Submit" and action.get("title") == title:
                return dict(action["data"])
        raise AssertionError(f"no {title!r} button in {[a.get('title') for a in self.actions()]}")


def _texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["text"]] if isinstance(node.get("text"), str) else []
        return own + [t for key, value in node.items() if key != "text" for t in _texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return []


@dataclass
class FakeConnector:
    """Answers like Teams' connector; `refuse` users can't get a 1:1; `fail` queues errors.

    `members` are the directory (member JSON by the id the bot asks with); `member_errors`
    answer a member lookup with that HTTP status instead, until removed.
    """

    refuse: set[str] = field(default_factory=set)
    failures: list[tuple[str, str | None, int, dict[str, str]]] = field(default_factory=list)
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    member_errors: dict[str, int] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    url: str = ""
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None

    async def start(self) -> FakeConnector:
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._activity)
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}",
                            self._activity)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}",
                           self._activity)
        app.router.add_get("/v3/conversations/{conversation}/members/{member}", self._member)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _create(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.calls.append(Call("POST", request.path, None, None, body))
        member = body["members"][0]["id"]
        if member in self.refuse:
            return web.json_response({"error": {"code": "Forbidden",
                                                "message": "User blocked the bot"}}, status=403)
        return web.json_response({"id": f"a:opened-{member}", "activityId": None})

    async def _activity(self, request: web.Request) -> web.Response:
        body = await request.json() if request.can_read_body else {}
        call = Call(request.method, request.path, request.match_info["conversation"],
                    request.match_info.get("activity"), body)
        self.calls.append(call)
        failure = next((f for f in self.failures if f[0] == request.method
                        and f[1] in (None, call.conversation_id)), None)
        if failure is not None:
            self.failures.remove(failure)
            call.status = failure[2]
            return web.json_response({"error": {"code": "Refused", "message": "not now"}},
                                     status=failure[2], headers=failure[3])
        call.answered_id = (call.activity_id if request.method == "PUT"
                            else f"act-{next(self._ids)}")
        return web.json_response({"id": call.answered_id})

    async def _member(self, request: web.Request) -> web.Response:
        """GET one member of a conversation: the directory entry, or an error status."""
        member_id = request.match_info["member"]
        call = Call("GET", request.path, request.match_info["conversation"], None, {})
        self.calls.append(call)
        known = member_id in self.members
        call.status = self.member_errors.get(member_id) or (200 if known else 404)
        if call.status != 200:
            code = "NotFound" if call.status == 404 else "ServiceError"
            return web.json_response({"error": {"code": code, "message": "no such member"}},
                                     status=call.status)
        return web.json_response(self.members[member_id])

    def fail(self, method: str, status: int, *, conversation: str | None = None,
             **headers: str) -> None:
        """The next `method` (POST or PUT) call on an activity (in `conversation`) fails."""
        self.failures.append((method, conversation, status,
                              {k.replace("_", "-"): v for k, v in headers.items()}))

    # --- reading what happened ----------------------------------------------------------------

    def to(self, conversation_id: str) -> list[Call]:
        return [c for c in self.calls if c.conversation_id == conversation_id]

    def member_lookups(self, member_id: str | None = None) -> list[Call]:
        """The member lookups the bot made (of one member id, when given)."""
        return [c for c in self.calls if c.method == "GET" and "/members/" in c.path
                and (member_id is None or c.path.endswith(f"/members/{member_id}"))]

    def since(self, mark: int) -> list[Call]:
        return self.calls[mark:]

    async def wait_for(self, predicate: Any, *, after: int = 0, timeout: float = 15.0) -> Call:
        """The first call after `after` that matches; polls until the deadline."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            for call in self.calls[after:]:
                if predicate(call):
                    return call
            if asyncio.get_running_loop().time() > deadline:
                seen = "\n".join(f"{c.method} {c.path}: {c.text[:160]}" for c in self.calls[after:])
                raise AssertionError(f"no matching connector call; saw:\n{seen}")
            await asyncio.sleep(0.02)
