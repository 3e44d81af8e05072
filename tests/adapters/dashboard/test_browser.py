"""The dashboard in Debian's headless Chromium on a seeded firm: sign in from a chat link, see
every page's charts drawn from the same numbers as `lpo-bot tasks list --json`."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import insert

from bot.app.bootstrap import APPLICATION_KEY, build_app
from bot.application import Application
from bot.clock import ManualClock
from bot.replies import Actor
from bot.views import STATE_LABELS
from storage.db import upgrade
from storage.tables import LOAD_TASK_STATES, MatterScreen, Task
from storage.versions import bump_firm_version
from tests.dashboard_support import JUNE, MIRIAM, NOW, Seeded, seeded_firm

HERE = Path(__file__).parent
REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = REPO / "artifacts"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# playwright-core comes from the Web Chat test's packages (tests/adapters/teams/webchat/setup.sh).
NODE_MODULES = REPO / "tests" / "adapters" / "teams" / "webchat" / "node_modules"
DRIVE_TIMEOUT_SECONDS = 150
WALLED_MATTER = "2027-0308"  # Bernard Ashby; Miriam is its responsible attorney
WALLED_CLIENT = "Bernard Ashby"


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    missing = [str(path) for path in (CHROMIUM, NODE_MODULES / "playwright-core")
               if not path.exists()]
    if shutil.which("node") is None:
        missing.append("node")
    if not missing:
        return
    reason = f"the dashboard browser test needs {', '.join(missing)}: " \
             "run tests/adapters/teams/webchat/setup.sh"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason=f"browser tools unavailable (Chromium, node): {reason}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def _server(seeded: Seeded, clock: ManualClock, port: int
                  ) -> AsyncIterator[tuple[str, Application]]:
    """`lpo-bot serve`'s application on `port` (the one LPO_PUBLIC_URL names)."""
    app = build_app(seeded.settings, clock=clock, database=seeded.database)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        yield f"http://127.0.0.1:{port}", app[APPLICATION_KEY]
    finally:
        await runner.cleanup()


async def _link(application: Application, email: str) -> str:
    reply = await application.dashboard.link_for(Actor(email=email))
    assert reply.ok, reply.message.title
    return next(fact.value for fact in reply.message.facts if fact.label == "Link")


async def _drive(visits: list[dict[str, Any]], plan: Path) -> list[dict[str, Any]]:
    await asyncio.to_thread(plan.write_text, json.dumps({"visits": visits}))
    driver = await asyncio.create_subprocess_exec(
        "node", str(HERE / "drive.js"), str(plan), cwd=HERE,
        env={**os.environ, "CHROMIUM": str(CHROMIUM), "NODE_PATH": str(NODE_MODULES)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    output, errors = await asyncio.wait_for(driver.communicate(), DRIVE_TIMEOUT_SECONDS)
    result = json.loads(output or b"{}")
    assert driver.returncode == 0, (result.get("error"), errors.decode(errors="replace"))
    return list(result["visits"])


def _cli_tasks(database_url: str) -> list[dict[str, Any]]:
    """What `lpo-bot tasks list --json` prints for this database."""
    done = subprocess.run([sys.executable, "-m", "bot", "tasks", "list", "--json"],
                          env={**os.environ, "LPO_DATABASE_URL": database_url,
                               "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, check=True, cwd=REPO)
    return list(json.loads(done.stdout))


async def _walled_task(seeded: Seeded) -> int:
    """A task June holds on Bernard Ashby's matter, long overdue so it heads the list."""
    firm = await seeded.firm()
    june, miriam = firm.by_email(JUNE), firm.by_email(MIRIAM)
    async with seeded.database.transaction() as session:
        return (await session.execute(insert(Task).values(
            text="seeded", title=f"Demand letter — {WALLED_MATTER}", task_type="demand_letter",
            matter_id=firm.matter_id(WALLED_MATTER), delegator_id=miriam.id,
            assignee_id=june.id, state="accepted", due_at=NOW - timedelta(days=30),
            est_hours=1.5, source="seed", created_at=NOW - timedelta(days=31),
            updated_at=NOW - timedelta(days=31)).returning(Task.id))).scalar_one()


async def _screen(seeded: Seeded, email: str, matter: str) -> None:
    firm = await seeded.firm()
    async with seeded.database.transaction() as session:
        await session.execute(insert(MatterScreen).values(
            matter_id=firm.matter_id(matter), staff_id=firm.staff_id(email)))
        await bump_firm_version(session)


def _chart(visit: dict[str, Any], chart_id: str) -> dict[str, Any]:
    chart = next(c for c in visit["charts"] if c["id"] == chart_id)
    assert chart["drawn"] and chart["width"] > 100, chart
    table = next(t for t in visit["tables"] if t["chart"] == chart_id)
    # The chart was drawn with exactly the table's numbers.
    assert chart["labels"] == [row[0] for row in table["rows"]]
    assert chart["datasets"][0]["data"] == [row[1] for row in table["rows"]]
    return {row[0]: row[1:] for row in table["rows"]}


def _check_numbers(visits: dict[str, dict[str, Any]], rows: list[dict[str, Any]],
                   names: dict[str, str]) -> None:
    states = Counter(row["state"] for row in rows)
    by_state = _chart(visits["overview"], "chart-states")
    assert {label: values[0] for label, values in by_state.items()} == \
        {STATE_LABELS[state]: states[state] for state in STATE_LABELS}
    assert visits["overview"]["metrics"]["unassigned"] == str(states["unassigned"])
    hours: dict[str, float] = defaultdict(float)
    for row in rows:
        if row["state"] in LOAD_TASK_STATES and row["assignee"]:
            hours[names[row["assignee"]]] += row["est_hours"]
    loads = _chart(visits["people"], "chart-load")
    assert {name: values[0] for name, values in loads.items()} == \
        {name: round(hours.get(name, 0.0), 2) for name in names.values()}
    months = _chart(visits["savings"], "chart-months")
    completed = sum((Decimal(str(row["savings"] or 0)) for row in rows
                     if row["state"] == "completed"), Decimal(0))
    shown = sum((Decimal(str(values[0])) for values in months.values()), Decimal(0))
    assert shown == completed > 0
    _chart(visits["savings"], "chart-weeks")
    _chart(visits["people"], "chart-refusals")


async def test_a_manager_signs_in_from_chat_and_sees_every_page(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dashboard.db'}"
    await asyncio.to_thread(upgrade, url)
    ARTIFACTS.mkdir(exist_ok=True)
    # 300 days: every completion falls inside the savings page's twelve months.
    port = _free_port()
    async with seeded_firm(url, tasks=700, days=300,
                           LPO_PUBLIC_URL=f"http://127.0.0.1:{port}") as seeded:
        await _walled_task(seeded)
        clock = ManualClock(NOW - timedelta(minutes=11))
        async with _server(seeded, clock, port) as (base, application):
            stale = await _link(application, MIRIAM)
            clock.set(NOW)
            link = await _link(application, MIRIAM)
            firm_pages = {"overview": "/dashboard?scope=firm",
                          "people": "/dashboard/people?scope=firm",
                          "savings": "/dashboard/savings?scope=firm"}
            visits = await _drive(
                [{"url": stale}, {"url": link, "charts": True},
                 *({"url": base + path, "charts": True,
                    "screenshot": str(ARTIFACTS / f"dashboard-{name}.png")}
                   for name, path in firm_pages.items()),
                 {"url": link}], tmp_path / "plan.json")
            expired, team, *pages, reused = visits
            rows = await asyncio.to_thread(_cli_tasks, url)
            # Rebalancing changes the numbers: after the pages were checked against the CLI.
            _, proposed, applied = await _drive(
                [{"url": await _link(application, MIRIAM)},
                 {"url": base + "/dashboard/rebalance",
                  "screenshot": str(ARTIFACTS / "dashboard-rebalance.png")},
                 {"url": base + "/dashboard/rebalance", "click": "form.apply button"}],
                tmp_path / "rebalance.json")
            await _screen(seeded, JUNE, WALLED_MATTER)
            walled = await _drive([{"url": await _link(application, JUNE), "charts": True,
                                    "screenshot": str(ARTIFACTS / "dashboard-screened.png")}],
                                  tmp_path / "walled.json")
    names = {p.email: p.name for p in (await seeded.firm()).staff}
    for visit in (expired, reused):
        assert visit["status"] == 401 and "/lpo dashboard" in visit["text"]
    assert team["url"].endswith("/dashboard") and "your team" in team["text"]
    by_name = dict(zip(firm_pages, pages, strict=True))
    for visit in (team, *pages, *walled):
        assert visit["status"] == 200 and not visit["violations"], visit["violations"]
    for visit in (proposed, applied):
        assert visit["status"] == 200 and not visit["violations"], visit["violations"]
    moves = proposed["tables"][0]["rows"]
    assert moves and "Apply this plan" in proposed["text"]
    assert f"Rebalanced: {len(moves)} move(s)" in applied["text"]
    assert applied["url"].endswith("/dashboard/rebalance")
    assert (ARTIFACTS / "dashboard-rebalance.png").stat().st_size > 20_000
    _check_numbers(by_name, rows, names)
    assert WALLED_CLIENT in by_name["overview"]["text"]  # Miriam is on that matter
    assert WALLED_MATTER in walled[0]["text"] and WALLED_CLIENT not in walled[0]["text"]
    for name in firm_pages:
        assert (ARTIFACTS / f"dashboard-{name}.png").stat().st_size > 20_000
