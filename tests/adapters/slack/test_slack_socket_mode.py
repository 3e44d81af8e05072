"""Socket Mode: with SLACK_APP_TOKEN the app connects out and answers envelopes, no public URL."""

from __future__ import annotations

from tests.adapters.slack.slack_world import APP_TOKEN, AVA, BEN, DELEGATION, slack_world


async def test_delegate_over_socket_mode(database_url: str) -> None:
    async with slack_world(database_url, SLACK_APP_TOKEN=APP_TOKEN) as world:
        fake = world.fake
        await fake.nth("socket.hello")
        assert fake.to("apps.connections.open")
        await fake.socket_envelopes.put({
            "envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True,
            "payload": {"team_id": "T0001", "channel_id": "C0GENERAL", "user_id": AVA,
                        "command": "/delegate", "text": DELEGATION, "api_app_id": "A0LPO",
                        "response_url": fake.response_url("socket"),
                        "trigger_id": "trigger-socket-1"}})
        ack = (await fake.nth("socket.ack"))[0].payload
        assert ack["envelope_id"] == "env-1"
        assert "offered to Ben Cho" in ack["payload"]["text"]
        await fake.dm(BEN)
