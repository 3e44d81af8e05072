"""Hostile requests on /slack/events: refused with a 4xx, and nothing of them in the log."""

from __future__ import annotations

import json
import logging
import time
from urllib.parse import urlencode

import pytest

from tests.adapters.slack.slack_world import AVA, TEAM, signed_headers, slack_world
from tests.security.log_checks import FORGED, assert_clean

FORM = "application/x-www-form-urlencoded"
CLIENT = "Marisol Garcia"  # the client of matter 2027-0101 in slack_world's firm
DEEP = "[" * 50_000 + "]" * 50_000


def delegate_form(text: str) -> str:
    return urlencode({"command": "/delegate", "text": text, "user_id": AVA, "team_id": TEAM,
                      "trigger_id": "trigger-x"})


async def test_unsigned_megabyte_posts_do_not_grow_the_log(
        sqlite_url: str, server_log: pytest.LogCaptureFixture) -> None:
    body = delegate_form("unsigned-marker " + "x" * (1024 * 1024 - 200))
    async with slack_world(sqlite_url) as world:
        server_log.clear()
        for _ in range(10):
            response = await world.http.post("/slack/events", data=body.encode(),
                                              headers={"Content-Type": FORM})
            assert response.status == 401
    assert len(server_log.text) < 10_000  # a line or two per request, not 10 MB
    assert_clean(server_log, "unsigned-marker")


async def test_a_newline_in_a_body_forges_no_log_line(
        sqlite_url: str, server_log: pytest.LogCaptureFixture) -> None:
    body = f"command=/delegate&text=hello\n{FORGED} by a caller&user_id={AVA}&team_id={TEAM}"
    async with slack_world(sqlite_url) as world:
        unsigned = await world.http.post("/slack/events", data=body.encode(),
                                          headers={"Content-Type": FORM})
        stale = await world.http.post("/slack/events", data=body.encode(),
                                      headers=signed_headers(body, at=time.time() - 600))
        assert (unsigned.status, stale.status) == (401, 401)
    assert_clean(server_log, "by a caller")


async def test_a_late_but_genuine_delegate_leaves_no_client_name(
        sqlite_url: str, server_log: pytest.LogCaptureFixture) -> None:
    body = delegate_form(f"draft demand letter for {CLIENT} by Friday")
    async with slack_world(sqlite_url) as world:
        late = await world.http.post("/slack/events", data=body.encode(),
                                     headers=signed_headers(body, at=time.time() - 6 * 60))
        assert late.status == 401
        assert world.fake.to("chat.postMessage") == []
    assert_clean(server_log, CLIENT, "Garcia", "demand letter")


@pytest.mark.parametrize("stamp", ["not-a-number", "", "1e9", "-5", "١٧٠٠٠٠٠٠٠٠", None])
async def test_a_bad_or_missing_timestamp_gets_401(
        sqlite_url: str, server_log: pytest.LogCaptureFixture, stamp: str | None) -> None:
    body = delegate_form(f"draft demand letter for {CLIENT}")
    headers = signed_headers(body)
    if stamp is None:
        del headers["X-Slack-Request-Timestamp"]
    else:
        headers["X-Slack-Request-Timestamp"] = stamp
    async with slack_world(sqlite_url) as world:
        response = await world.http.post("/slack/events", data=body.encode(), headers=headers)
        assert response.status == 401
        assert "went wrong" not in await response.text()
    assert_clean(server_log, CLIENT)


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
async def test_deeply_nested_json_body_gets_4xx(
        sqlite_url: str, server_log: pytest.LogCaptureFixture, signed: bool) -> None:
    body = '{"type": "event_callback", "event": ' + DEEP + "}"
    headers = (signed_headers(body, content_type="application/json") if signed
               else {"Content-Type": "application/json"})
    async with slack_world(sqlite_url) as world:
        response = await world.http.post("/slack/events", data=body.encode(), headers=headers)
        assert response.status == (400 if signed else 401)
    assert_clean(server_log, "[[[[")


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
async def test_deeply_nested_json_in_payload_gets_4xx(
        sqlite_url: str, server_log: pytest.LogCaptureFixture, signed: bool) -> None:
    body = urlencode({"payload": '{"type": "block_actions", "actions": ' + DEEP + "}"})
    headers = signed_headers(body) if signed else {"Content-Type": FORM}
    async with slack_world(sqlite_url) as world:
        response = await world.http.post("/slack/events", data=body.encode(), headers=headers)
        assert response.status == (400 if signed else 401)
    assert_clean(server_log, "[[[[", "%5B%5B")


async def test_what_bolt_does_not_route_is_logged_without_its_payload(
        sqlite_url: str, server_log: pytest.LogCaptureFixture) -> None:
    """Bolt warns about requests no listener takes, with what the user typed in a search."""
    payload = {"type": "block_suggestion", "team": {"id": TEAM}, "user": {"id": AVA},
               "action_id": "no-such-menu", "block_id": "b1", "value": CLIENT}
    body = urlencode({"payload": json.dumps(payload)})
    async with slack_world(sqlite_url) as world:
        response = await world.http.post("/slack/events", data=body.encode(),
                                          headers=signed_headers(body))
        assert response.status == 404
    assert any("Unhandled request" in r.getMessage() for r in server_log.records)
    assert_clean(server_log, CLIENT, level=logging.INFO)
