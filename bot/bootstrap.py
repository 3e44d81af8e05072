"""Composition root: wires settings, database, services, adapters and workers together."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.server import init_app
from bot.settings import Settings

log = logging.getLogger(__name__)


def build_app(settings: Settings) -> web.Application:
    """The production server for these settings."""
    if not settings.slack_enabled:
        log.info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it")
    return init_app(settings)
