"""`lpo-bot serve`: run the HTTP server until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import errno
import logging
import socket

from aiohttp import web

from bot.app.bootstrap import build_app
from bot.app.commands import fail
from bot.app.commands._shared import check_database
from bot.app.server import connection_options
from bot.settings import Settings

log = logging.getLogger(__name__)
BACKLOG = 128  # aiohttp's own default


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port and listening; OSError (port in use, no such address,
    not allowed) before anything has started or claimed to listen."""
    family, kind, protocol, _name, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    listening = socket.socket(family, kind, protocol)
    try:
        # As aiohttp does: a restarted server may bind while old connections still linger.
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(BACKLOG)
    except OSError:
        listening.close()
        raise
    return listening


def _why_not(error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return f"{error.strerror} (is lpo-bot already running? choose another with --port)"
    return error.strerror or str(error)


def run(args: argparse.Namespace, settings: Settings) -> int:
    check_database(settings)
    try:
        listening = listen(args.host, args.port)
    except OSError as error:
        return fail(f"cannot listen on {args.host}:{args.port}: {_why_not(error)}")
    app = build_app(settings)
    log.info("lpo-bot listening on http://%s:%d", args.host, args.port)
    # run_app installs SIGINT/SIGTERM handlers and runs every cleanup_ctx on the way out.
    web.run_app(app, sock=listening, print=None, handle_signals=True,
                **connection_options(settings))
    return 0
