"""Signatures, retried requests, repeated clicks, rate limits and injection attempts."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select

from adapters.slack.blocks import message_text
from bot.messages import Message
from bot.queries import task_rows
from storage.tables import OutboxMessage
from tests.adapters.slack.slack_world import (
    AVA,
    BEN,
    DELEGATION,
    signed_headers,
    slack_world,
    texts,
)

INJECTION = "<!channel> <!here> <@U0EVIL01> *bold* _it_ <http://evil.test|click> & co"


async def task_count(world: Any) -> int:
    async with world.database.transaction() as session:
        return len(await task_rows(session))


async def test_bad_old_and_missing_signatures_get_401(database_url: str) -> None:
    async with slack_world(database_url) as world:
        body = urlencode({"command": "/delegate", "text": DELEGATION, "user_id": AVA,
                          "team_id": "T0001", "trigger_id": "trigger-x"})
        forged = signed_headers(body, secret="not-the-secret")
        old = signed_headers(body, at=time.time() - 6 * 60)
        future = signed_headers(body, at=time.time() + 6 * 60)
        for headers in (forged, old, future):
            response = await world.http.post("/slack/events", data=body.encode(), headers=headers)
            assert response.status == 401
        missing = await world.http.post("/slack/events", data=body.encode(), headers={
            "Content-Type": "application/x-www-form-urlencoded"})
        assert missing.status == 401
        tampered = signed_headers(body)
        response = await world.http.post("/slack/events", data=(body + "x").encode(),
                                         headers=tampered)
        assert response.status == 401
        assert await task_count(world) == 0
        assert world.fake.to("chat.postMessage") == []


async def test_unreadable_bodies_get_4xx_never_500(database_url: str) -> None:
    async with slack_world(database_url) as world:
        for body in ("payload=%7Bnot-json", "payload=%5B1%2C2%5D", '["a list"]', "\udcff"):
            raw = body.encode("utf-8", "surrogateescape")
            unsigned = await world.http.post("/slack/events", data=raw, headers={
                "Content-Type": "application/x-www-form-urlencoded"})
            assert unsigned.status == 401
            signed = await world.http.post("/slack/events", data=raw,
                                           headers=signed_headers(raw))
            assert 400 <= signed.status < 500, (body, signed.status)


async def test_a_retried_command_creates_one_task(database_url: str) -> None:
    async with slack_world(database_url) as world:
        first = await world.command(AVA, "/delegate", DELEGATION, trigger="trigger-same")
        retry = await world.command(AVA, "/delegate", DELEGATION, trigger="trigger-same",
                                    headers={"X-Slack-Retry-Num": "1",
                                             "X-Slack-Retry-Reason": "http_timeout"})
        assert "offered to Ben Cho" in first["text"]
        assert "Already handled" in retry["text"]
        await world.fake.dm(BEN)
        await world.dispatcher.drain()
        assert await task_count(world) == 1
        assert len(world.fake.to("chat.postMessage", channel="DUBEN0001")) == 1


async def test_repeated_clicks_apply_once(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        await world.command(AVA, "/delegate", DELEGATION)
        offer = await fake.dm(BEN)
        # Slack retrying the same click (same action_ts), then a second, impatient click.
        await world.click(BEN, offer, "Accept", action_ts="1790000001.000100")
        await world.click(BEN, offer, "Accept", action_ts="1790000001.000100")
        await world.click(BEN, offer, "Accept", action_ts="1790000002.000200")
        said = await fake.nth("response_url", 2)
        assert all(call.payload["response_type"] == "ephemeral" for call in said)
        assert all(call.payload["replace_original"] is False for call in said)
        assert all("Already handled" in call.payload["text"] for call in said)
        await fake.dm(AVA)
        await world.dispatcher.drain()
        accepted = [c for c in fake.to("chat.postMessage", channel="DUAVA0001")
                    if "accepted" in c.payload["text"]]
        assert len(accepted) == 1
        assert len(fake.to("chat.update", channel="DUBEN0001")) == 1


async def test_a_retried_event_is_harmless(database_url: str) -> None:
    async with slack_world(database_url) as world:
        event = {"type": "app_home_opened", "user": BEN, "channel": "DUBEN0001", "tab": "home"}
        await world.event(event, event_id="Ev0001")
        await world.event(event, event_id="Ev0001", headers={"X-Slack-Retry-Num": "1",
                                                             "X-Slack-Retry-Reason": "timeout"})
        published = await world.fake.nth("views.publish", 2, user_id=BEN)
        assert published[0].payload["view"] == published[1].payload["view"]


async def test_rate_limited_dm_is_retried_and_delivered_once(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        fake.fail_next("chat.postMessage", 429, headers={"Retry-After": "3"})
        fake.fail_next("chat.postMessage", 503, error="service_unavailable")
        await world.command(AVA, "/delegate", DELEGATION)
        first_try = await retry_scheduled(world, attempts=1)
        assert first_try >= world.clock() + timedelta(seconds=3)  # Retry-After is honoured
        world.clock.set(first_try)
        world.dispatcher.wake()
        world.clock.set(await retry_scheduled(world, attempts=2))
        world.dispatcher.wake()
        await fake.dm(BEN)
        assert [c.status for c in fake.calls if c.method == "chat.postMessage"] == [429, 503, 200]


async def retry_scheduled(world: Any, *, attempts: int) -> datetime:
    """When the outbox will try the DM again, once it has failed `attempts` times."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        async with world.database.transaction() as session:
            row = (await session.execute(select(OutboxMessage).where(
                OutboxMessage.recipient_key == "staff:2"))).scalars().first()
        if row is not None and row.attempts >= attempts and row.state == "pending":
            at = row.next_attempt_at
            return at if at.tzinfo else at.replace(tzinfo=UTC)
        await asyncio.sleep(0.01)
    raise TimeoutError(f"the outbox never failed {attempts} times")


def mrkdwn_strings(payload: Any) -> Iterator[str]:
    """Every string Slack would read as mrkdwn: mrkdwn text objects and fallback `text`."""
    if isinstance(payload, dict):
        fallback = payload.get("type") is None and payload.get("mrkdwn") is not False
        if payload.get("type") == "mrkdwn" or (fallback and isinstance(payload.get("text"), str)):
            yield payload["text"]
        for key, value in payload.items():
            if key != "text" or isinstance(value, dict | list):
                yield from mrkdwn_strings(value)
    elif isinstance(payload, list):
        for value in payload:
            yield from mrkdwn_strings(value)


def assert_inert(payload: Any) -> None:
    for text in mrkdwn_strings(payload):
        for raw in ("<!channel>", "<!here>", "<@U0EVIL01>", "<http://evil.test|click>",
                    "*bold*", " & co"):
            assert raw not in text, (raw, text)


async def test_injection_attempts_are_escaped_everywhere(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        answer = await world.command(AVA, "/delegate", f"{DELEGATION} {INJECTION}")
        assert_inert(answer)
        asked = await world.opened_view()  # the mention names nobody on the roster: it asks
        await world.submit(AVA, asked, {
            "task_type": {"selected_option": {"value": "demand_letter"}}})
        offer = await fake.dm(BEN)
        await world.click(BEN, offer, "Decline")
        modal = await world.opened_view(2)
        await world.submit(BEN, modal, {
            "reason": {"selected_option": {"value": "other"}},
            "detail": {"value": INJECTION}})
        declined = await fake.dm(AVA)
        assert INJECTION in texts(declined.payload["blocks"])  # shown, as plain text
        await world.command(AVA, "/delegate", f"sort out the Garcia thing {INJECTION}")
        await world.opened_view(3)
        await world.command(AVA, "/tasks")
        await world.command(AVA, "/lpo", INJECTION)
        await world.event({"type": "app_home_opened", "user": AVA, "tab": "home"})
        await fake.nth("views.publish")
        await world.dispatcher.drain()
        sent = [call.payload for call in fake.calls if call.method in (
            "chat.postMessage", "chat.update", "views.open", "views.publish", "response_url")]
        assert any("<!channel>" in texts(payload) for payload in sent)
        for payload in sent:
            assert_inert(payload)
            assert_inert(json.loads(payload["view"]) if isinstance(payload.get("view"), str)
                         else payload.get("view"))
        # Notification text is the title, built from structured fields: no typed text at all,
        # and what text it could hold is escaped.
        assert "channel" not in json.dumps([p.get("text") for p in sent])
        assert "&lt;!channel&gt;" in message_text(Message(title=INJECTION))
