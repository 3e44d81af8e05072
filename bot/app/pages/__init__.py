"""The plain /privacy and /terms pages the Teams package links to (a firm may link its own)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib.resources import files

from aiohttp import web

PAGES = {"/privacy": "privacy.html", "/terms": "terms.html"}
# Self-contained pages: nothing loads from anywhere, their own <style> aside.
HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
           "Cache-Control": "public, max-age=3600"}


def _serving(html: str) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def serve(_request: web.Request) -> web.Response:
        return web.Response(text=html, content_type="text/html", charset="utf-8",
                            headers=HEADERS)

    return serve


def add_pages(app: web.Application) -> None:
    """GET /privacy and GET /terms, each read once when the server is built."""
    for path, name in PAGES.items():
        app.router.add_get(path, _serving(files(__name__).joinpath(name).read_text("utf-8")))
