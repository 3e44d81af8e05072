"""The App Home tab: published on app_home_opened, after the ack."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp

from adapters.slack.context import SlackContext


class Home:
    def __init__(self, ctx: SlackContext) -> None:
        self.ctx = ctx

    def register(self, app: AsyncApp) -> None:
        app.event("app_home_opened")(self.opened)

    async def opened(self, event: dict[str, Any]) -> None:
        # The event also fires for the Messages tab, which shows our DMs as they are.
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        self.ctx.background.spawn(self.ctx.publish_home(str(event["user"])))
