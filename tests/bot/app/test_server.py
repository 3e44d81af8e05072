"""The HTTP server: /healthz reports the database, /metrics speaks Prometheus."""

from __future__ import annotations

import socket

from aiohttp.test_utils import TestClient, TestServer

from bot.app.bootstrap import build_app
from tests.support import settings_for


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_healthz_is_up_with_the_database(database_url: str) -> None:
    app = build_app(settings_for(database_url))
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/healthz")
        assert response.status == 200
        assert await response.json() == {"status": "ok", "database": "ok"}


async def test_healthz_is_503_when_the_database_is_unreachable() -> None:
    url = f"postgresql://nobody@127.0.0.1:{_closed_port()}/none"
    app = build_app(settings_for(url))
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/healthz")
        assert response.status == 503
        assert (await response.json())["database"] == "unreachable"


async def test_metrics_are_prometheus_text(database_url: str) -> None:
    app = build_app(settings_for(database_url))
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/metrics")
        assert response.status == 200
        assert response.content_type == "text/plain"
        body = await response.text()
        assert "lpo_outbox_delivered_total" in body or "lpo_outbox_pending" in body
