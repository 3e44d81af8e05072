"""Clients that send their headers or body too slowly are answered 408 or dropped."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from aiohttp.test_utils import TestServer

from bot.app.bootstrap import build_app
from bot.app.server import connection_options
from tests.security.log_checks import assert_clean
from tests.support import settings_for

LIMIT = 0.5  # seconds, for headers and for a body alike (production: 10 s and 30 s)
DEADLINE = 10 * LIMIT


@asynccontextmanager
async def server_with_limits(database_url: str) -> AsyncIterator[TestServer]:
    """The production app, served with the connection options `lpo-bot serve` uses."""
    settings = settings_for(database_url, LPO_HEADER_TIMEOUT_SECONDS=LIMIT,
                            LPO_BODY_TIMEOUT_SECONDS=LIMIT)
    server = TestServer(build_app(settings))
    await server.start_server(**connection_options(settings))
    try:
        yield server
    finally:
        await server.close()


async def send_and_stall(server: TestServer, data: bytes) -> tuple[bytes, float]:
    """Send `data`, then nothing more; what the server answered before closing, and when."""
    reader, writer = await asyncio.open_connection(server.host, server.port)
    loop = asyncio.get_running_loop()
    started = loop.time()
    writer.write(data)
    await writer.drain()
    try:
        answer = await asyncio.wait_for(reader.read(), timeout=DEADLINE)  # read() ends at close
    finally:
        writer.close()
    return answer, loop.time() - started


async def test_a_client_stalling_in_its_headers_is_disconnected(
        sqlite_url: str, server_log: pytest.LogCaptureFixture) -> None:
    async with server_with_limits(sqlite_url) as server:
        answer, took = await send_and_stall(
            server, b"POST /slack/events HTTP/1.1\r\nHost: lpo.test\r\nContent-Le")
    assert answer == b"" and took < DEADLINE
    assert_clean(server_log)


async def test_a_client_stalling_in_its_body_gets_408_and_is_disconnected(
        sqlite_url: str, server_log: pytest.LogCaptureFixture) -> None:
    head = (b"POST /api/messages HTTP/1.1\r\nHost: lpo.test\r\n"
            b"Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n")
    async with server_with_limits(sqlite_url) as server:
        answer, took = await send_and_stall(server, head + b'{"stalled-marker": 1')
    assert answer.startswith(b"HTTP/1.1 408") and took < DEADLINE
    assert_clean(server_log, "stalled-marker")


async def test_a_prompt_client_is_served(sqlite_url: str) -> None:
    async with server_with_limits(sqlite_url) as server:
        answer, _took = await send_and_stall(
            server, b"GET /healthz HTTP/1.1\r\nHost: lpo.test\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200")
