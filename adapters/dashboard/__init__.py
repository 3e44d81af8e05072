"""The managers' dashboard: server-rendered pages with charts, behind one-time sign-in links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from adapters.dashboard.web import dashboard_app, static_app

if TYPE_CHECKING:
    from bot.application import Application
    from bot.outbox import Notifier


def mount(app: web.Application, bot: Application) -> Notifier | None:
    """Serve `/dashboard` (pages, sign-in, CSV) and `/static/dashboard` (our own assets).
    The dashboard sends no chat messages, so it delivers nothing: no notifier."""
    app.add_subapp("/dashboard", dashboard_app(bot.dashboard, bot.settings))
    app.add_subapp("/static/dashboard", static_app())
    return None
