"""`lpo-bot serve`: run the HTTP server until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import logging

from aiohttp import web

from bot.app.bootstrap import build_app
from bot.app.server import connection_options
from bot.settings import Settings

log = logging.getLogger(__name__)


def run(args: argparse.Namespace, settings: Settings) -> int:
    app = build_app(settings)
    log.info("lpo-bot listening on http://%s:%d", args.host, args.port)
    # run_app installs SIGINT/SIGTERM handlers and runs every cleanup_ctx on the way out.
    web.run_app(app, host=args.host, port=args.port, print=None, handle_signals=True,
                **connection_options(settings))
    return 0
