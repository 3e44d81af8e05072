"""Microsoft's own Web Chat, in Debian's Chromium, talks to the bot through a local Direct Line."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiohttp import web
from sqlalchemy import select

from bot.app.bootstrap import build_app
from storage.db import Database, upgrade
from storage.tables import Task
from tests.adapters.teams.harness import AVA, load_firm
from tests.support import settings_for

HERE = Path(__file__).parent / "webchat"
REPO = Path(__file__).resolve().parents[3]
SCREENSHOT = REPO / "artifacts" / "teams-webchat.png"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
PACKAGES = ("botframework-webchat", "offline-directline", "playwright-core", "express")
DRIVE_TIMEOUT_SECONDS = 150


def _missing() -> list[str]:
    missing = [f"node_modules/{name}" for name in PACKAGES
               if not (HERE / "node_modules" / name / "package.json").is_file()]
    if not CHROMIUM.is_file():
        missing.append(str(CHROMIUM))
    if shutil.which("node") is None:
        missing.append("node")
    return missing


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    missing = _missing()
    if not missing:
        return
    reason = (f"Web Chat e2e needs {', '.join(missing)}: "
              "run tests/adapters/teams/webchat/setup.sh")
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason=f"chromium or node_modules unavailable: {reason}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def _bot(url: str) -> AsyncIterator[tuple[str, Database]]:
    settings = settings_for(url, LPO_TEAMS_ALLOW_UNAUTHENTICATED=True)
    database = Database(url)
    await load_firm(database)
    runner = web.AppRunner(build_app(settings, database=database))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/api/messages", database
    finally:
        await runner.cleanup()


@asynccontextmanager
async def _direct_line(bot_url: str) -> AsyncIterator[str]:
    """offline-directline and the Web Chat page, on a port of their own."""
    port = _free_port()
    server = await asyncio.create_subprocess_exec(
        "node", str(HERE / "server.js"), str(port), bot_url, cwd=HERE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        assert server.stdout is not None
        line = await asyncio.wait_for(server.stdout.readline(), 30)
        assert line.strip() == b"ready", line
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        await server.wait()


async def test_web_chat_delegates_through_the_confirmation_card(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'webchat.db'}"
    await asyncio.to_thread(upgrade, url)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    async with _bot(url) as (bot_url, database), _direct_line(bot_url) as page:
        driver = await asyncio.create_subprocess_exec(
            "node", str(HERE / "drive.js"), f"{page}?user={AVA}&name=Ava%20Stone",
            str(SCREENSHOT), cwd=HERE, env={**os.environ, "CHROMIUM": str(CHROMIUM)},
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        output, _ = await asyncio.wait_for(driver.communicate(), DRIVE_TIMEOUT_SECONDS)
        log = output.decode(errors="replace")
        sys.stdout.write(log)
        assert driver.returncode == 0, log
        async with database.transaction() as session:
            task = (await session.execute(select(Task))).scalars().one()
    assert (task.task_type, task.source) == ("demand_letter", "teams")
    assert SCREENSHOT.stat().st_size > 10_000
