"""The HTTP server: /healthz reports the database, /metrics speaks Prometheus, and the plain
/privacy and /terms pages the Teams package links to."""

from __future__ import annotations

import socket

import pytest
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


@pytest.mark.parametrize(("path", "heading"), [("/privacy", "lpo-bot: privacy"),
                                               ("/terms", "lpo-bot: terms of use")])
async def test_privacy_and_terms_are_plain_self_contained_pages(
        database_url: str, path: str, heading: str) -> None:
    settings = settings_for(database_url, LPO_PRIVACY_URL="https://www.firm.example/privacy",
                            LPO_TERMS_URL="https://www.firm.example/terms")
    async with TestClient(TestServer(build_app(settings))) as client:
        response = await client.get(path)  # still served when the firm links its own
        assert response.status == 200
        assert response.content_type == "text/html" and response.charset == "utf-8"
        assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
        page = await response.text()
        assert f"<h1>{heading}</h1>" in page
        assert "<script" not in page and "src=" not in page and "http" not in page
