"""The Slack manifest matches what the app serves: its commands, its event, one URL, few scopes."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import yaml

from adapters.slack.server import EVENTS_PATH
from tests.adapters.slack.slack_world import BEN, slack_world

MINIMUM_SCOPES = {"commands", "chat:write", "im:write", "im:history", "users:read",
                  "users:read.email"}


SAMPLE_EVENTS = {
    "app_home_opened": {"type": "app_home_opened", "user": BEN, "tab": "home"},
    "message.im": {"type": "message", "channel_type": "im", "channel": f"D{BEN}", "user": BEN,
                   "text": "help", "ts": "1790000000.000001"},
}


def manifest() -> dict[str, Any]:
    return yaml.safe_load(files("adapters").joinpath("slack/manifest.yml").read_text("utf-8"))


def urls(node: object) -> list[str]:
    if isinstance(node, dict):
        return [u for key, value in node.items() for u in (
            [value] if key.endswith("url") and isinstance(value, str) else urls(value))]
    if isinstance(node, list):
        return [u for value in node for u in urls(value)]
    return []


def test_manifest_asks_for_the_minimum() -> None:
    found = manifest()
    assert set(found["oauth_config"]["scopes"]["bot"]) == MINIMUM_SCOPES
    assert found["settings"]["event_subscriptions"]["bot_events"] == ["app_home_opened",
                                                                      "message.im"]
    assert found["features"]["app_home"] == {"home_tab_enabled": True,
                                             "messages_tab_enabled": True,
                                             "messages_tab_read_only_enabled": False}
    assert found["settings"]["interactivity"]["is_enabled"] is True
    assert urls(found) and all(url.endswith(EVENTS_PATH) for url in urls(found))
    assert 175 <= len(found["display_information"]["long_description"]) <= 4000


async def test_every_manifest_command_and_event_is_served(database_url: str) -> None:
    found = manifest()
    async with slack_world(database_url) as world:
        for command in found["features"]["slash_commands"]:
            answer = await world.command(BEN, command["command"], "help")  # asserts HTTP 200
            assert answer.get("response_type") == "ephemeral" or command["command"] == "/delegate"
        for event in found["settings"]["event_subscriptions"]["bot_events"]:
            await world.event(SAMPLE_EVENTS[event])
        await world.fake.nth("views.publish", user_id=BEN)
        await world.fake.dm(BEN)  # the answer to "help" typed in the Messages tab


async def test_slack_can_verify_the_request_url(database_url: str) -> None:
    async with slack_world(database_url) as world:
        body = json.dumps({"token": "legacy", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWM",
                           "type": "url_verification"})
        response = await world.post(body, content_type="application/json")
        assert response.status == 200
        assert (await response.json())["challenge"] == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWM"
