"""Benchmark: signed /delegate over HTTP on SQLite with 1,000 staff, beside a bare Bolt app.

Three processes, so neither the load nor the fake Slack steals the server's event loop:
the servers under test (lpo-bot, lpo-bot with its use cases stubbed out, a bare Bolt app
that only acks, in both of Bolt's ack modes), a fake Slack Web API that notes when each offer
DM arrives, and this process, which sends the signed requests and prints the numbers.
Usage: python bench/bench_slack.py [--sequential 300] [--concurrent 2000] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import multiprocessing
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiohttp import ClientSession, TCPConnector, web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import Column, Integer, MetaData, String, Table, insert

from bot.app.bootstrap import APPLICATION_KEY, DISPATCHER_KEY, build_app
from bot.app.server import DB_KEY
from bot.application import Application
from bot.imports import MATTER_COLUMNS, ROSTER_COLUMNS, import_matters, import_roster
from bot.replies import Actor, Reply
from bot.settings import Settings
from storage.db import make_async_engine, upgrade

SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench-token"
SEED = 20261126
STAFF = 1000
MATTERS = 50
TEXT = "draft demand letter for {matter} by Friday"
ROLES = (("legal_assistant", 30, 45, 2, 30), ("paralegal", 45, 90, 4, 40),
         ("associate", 250, 350, 4, 20), ("partner", 450, 550, 5, 10))
SKILLS = ("client_communication", "document_management", "litigation_support", "drafting",
          "legal_research", "case_analysis", "bankruptcy", "negotiation")
ROWS = (("bare Bolt, ack only (default mode)", "bare_default"),
        ("bare Bolt, ack only (process_before)", "bare_before"),
        ("floor: Bolt + 1 SQLite row + DM", "floor"),
        ("lpo-bot Slack layer, use cases stubbed", "stubbed"),
        ("lpo-bot /delegate", "lpo"))
_TASK_ID = re.compile(r"#(\d+) ")
FLOOR_IDS = 10_000_000  # the floor's task numbers, apart from lpo-bot's at the fake Slack


# --- the fake Slack (its own process) ---------------------------------------------------------


@dataclass
class FakeSlack:
    """Answers the few Web API methods a delegation uses; notes when each offer DM arrives."""

    dm_at: dict[int, float] = field(default_factory=dict)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/{method}", self.api)
        app.router.add_get("/dm_at", self.arrivals)
        return app

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await request.json() if request.content_type == "application/json" else {}
        if method == "chat.postMessage":
            found = _TASK_ID.search(json.dumps(body.get("blocks", [])))
            if found and "New task" in body.get("text", ""):
                self.dm_at.setdefault(int(found[1]), time.perf_counter())
            return web.json_response({"ok": True, "channel": body.get("channel"),
                                      "ts": f"{time.time():.6f}"})
        if method == "conversations.open":
            return web.json_response({"ok": True, "channel": {"id": "D" + body.get("users", "")}})
        if method == "auth.test":
            return web.json_response({"ok": True, "user_id": "UBOT", "bot_id": "BBOT",
                                      "team_id": "T1"})
        return web.json_response({"ok": True})

    async def arrivals(self, _request: web.Request) -> web.Response:
        return web.json_response(self.dm_at)


def run_fake_slack(urls: Any) -> None:
    async def main() -> None:
        _runner, url = await serve(FakeSlack().app())
        urls.put(url)
        await asyncio.Event().wait()

    asyncio.run(main())


# --- the servers under test (their own process) ------------------------------------------------


def roster_csv(rng: random.Random) -> tuple[bytes, list[str]]:
    """1,000 people; the CSV, and the Slack ids of the attorneys (who delegate)."""
    lines, attorneys = [",".join(ROSTER_COLUMNS)], []
    for n in range(STAFF):
        role, low, high, top, _weight = rng.choices(ROLES, weights=[r[4] for r in ROLES])[0]
        skills = {s: rng.randint(1, top) for s in rng.sample(SKILLS, rng.randint(2, 6))}
        skills["drafting"] = max(skills.get("drafting", 0), rng.randint(1, top))
        slack_id = f"U{n:07d}"
        if role in ("associate", "partner"):
            attorneys.append(slack_id)
        cells = {"email": f"person{n}@firm.test", "name": f"Person {n}", "role": role,
                 "hourly_rate": str(rng.randint(low, high)),
                 "skills": ";".join(f"{k}:{v}" for k, v in skills.items()),
                 "weekly_capacity_hours": "40", "timezone": "", "working_hours": "",
                 "slack_user_id": slack_id, "teams_user_id": "", "manager_email": "",
                 "bar_admissions": "NY" if role in ("associate", "partner") else "",
                 "is_manager": "false"}
        lines.append(",".join(cells[c] for c in ROSTER_COLUMNS))
    return ("\n".join(lines) + "\n").encode(), attorneys


def matters_csv(attorney_email: str) -> bytes:
    rows = [",".join(MATTER_COLUMNS)] + [
        f"2027-{n:04d},Client {n} Example,Matter {n},{attorney_email},NY," for n in range(MATTERS)]
    return ("\n".join(rows) + "\n").encode()


def bare_bolt(api_url: str, *, process_before_response: bool) -> web.Application:
    """Bolt with one /delegate listener that only acks: the floor under any Bolt app."""
    bolt = AsyncApp(client=AsyncWebClient(token=TOKEN, base_url=api_url), signing_secret=SECRET,
                    process_before_response=process_before_response)

    @bolt.command("/delegate")
    async def delegate(ack) -> None:  # type: ignore[no-untyped-def]
        await ack(response_type="ephemeral", text="ok")

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", events)
    return app


def floor_bolt(api_url: str, db_url: str) -> web.Application:
    """The least any durable delegation on this stack does: verify, write one row, ack, DM.

    Bolt in `process_before_response` mode, one INSERT committed through SQLAlchemy on the same
    inline SQLite engine lpo-bot uses, and the DM posted with slack_sdk as soon as the ack is
    out. No parse, no match, no outbox: a lower bound, not an alternative design.
    """
    client = AsyncWebClient(token=TOKEN, base_url=api_url)
    bolt = AsyncApp(client=client, signing_secret=SECRET, process_before_response=True)
    engine = make_async_engine(db_url)
    rows = Table("floor_tasks", MetaData(), Column("id", Integer, primary_key=True),
                 Column("delegator", String), Column("text", String))
    insert_row = insert(rows).returning(rows.c.id)
    posting: set[asyncio.Task[Any]] = set()

    @bolt.command("/delegate")
    async def delegate(ack, command) -> None:  # type: ignore[no-untyped-def]
        async with engine.begin() as connection:
            number = FLOOR_IDS + (await connection.execute(
                insert_row, {"delegator": command["user_id"], "text": command["text"]})).scalar_one()
        await ack(response_type="ephemeral", text=f"Offered to Person 1: #{number} ")
        post = asyncio.create_task(client.chat_postMessage(
            channel=command["user_id"], text="New task", blocks=[
                {"type": "section", "text": {"type": "mrkdwn", "text": f"#{number} "}}]))
        posting.add(post)
        post.add_done_callback(posting.discard)

    async def create_table(_app: web.Application) -> AsyncIterator[None]:
        async with engine.begin() as connection:
            await connection.run_sync(rows.metadata.create_all)
        yield
        await engine.dispose()

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", events)
    app.cleanup_ctx.append(create_table)
    return app


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


async def delegation_only(bot: Application, users: list[str], rng: random.Random,
                          total: int) -> list[float]:
    """The delegate use case alone, no HTTP and no Slack: what the adapter cannot speed up."""
    latencies = []
    for n in range(total):
        started = time.perf_counter()
        await bot.delegation.delegate(Actor(slack_user_id=rng.choice(users)),
                                TEXT.format(matter=f"2027-{rng.randrange(MATTERS):04d}"),
                                source="slack", event_key=f"bench:direct:{n}")
        latencies.append(time.perf_counter() - started)
    return latencies


def control_app(profile: bool) -> web.Application:
    """Start and stop pyinstrument in this process, from the load process."""
    app = web.Application()
    state: dict[str, Any] = {}

    async def start(_request: web.Request) -> web.Response:
        if profile:
            from pyinstrument import Profiler  # optional: pip install pyinstrument

            state["profiler"] = Profiler(async_mode="disabled", interval=0.0005)
            state["profiler"].start()
        return web.Response(text="started")

    async def stop(_request: web.Request) -> web.Response:
        profiler = state.pop("profiler", None)
        if profiler is None:
            return web.Response(text="")
        profiler.stop()
        return web.Response(text=profiler.output_text(unicode=False, color=False))

    async def cpu(_request: web.Request) -> web.Response:
        return web.Response(text=str(time.process_time()))

    app.router.add_post("/start", start)
    app.router.add_post("/stop", stop)
    app.router.add_get("/cpu", cpu)
    return app


def run_servers(api_url: str, profile: bool, sequential: int, urls: Any) -> None:
    async def main() -> None:
        rng = random.Random(SEED)
        with tempfile.TemporaryDirectory() as tmp:
            real, stub = f"sqlite:///{tmp}/bench.db", f"sqlite:///{tmp}/stub.db"
            floor = f"sqlite:///{tmp}/floor.db"
            upgrade(real)
            upgrade(stub)
            settings = Settings(_env_file=None, LPO_DATABASE_URL=real, SLACK_BOT_TOKEN=TOKEN,
                                SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=api_url + "/api/",
                                LPO_DIGEST_TIME="23:59")  # type: ignore[call-arg]
            app = build_app(settings)
            application = app[APPLICATION_KEY]
            roster, attorneys = roster_csv(rng)
            async with app[DB_KEY].transaction() as session:
                await import_roster(session, roster)
                await import_matters(session, matters_csv(f"person{int(attorneys[0][1:])}"
                                                          "@firm.test"))
            canned = await application.delegation.delegate(
                Actor(slack_user_id=attorneys[0]), TEXT.format(matter="2027-0000"),
                source="slack")
            stubbed = build_app(settings.model_copy(update={"database_url": stub}))
            stubbed[APPLICATION_KEY].delegation.delegate = (  # type: ignore[method-assign]
                _canned(canned))
            direct = await delegation_only(application, attorneys, rng, sequential)
            found = {"attorneys": attorneys, "direct": direct}
            apps = {"lpo": app, "stubbed": stubbed, "control": control_app(profile),
                    "bare_default": bare_bolt(api_url + "/api/", process_before_response=False),
                    "bare_before": bare_bolt(api_url + "/api/", process_before_response=True),
                    "floor": floor_bolt(api_url + "/api/", floor)}
            runners = []
            for name, served in apps.items():
                runner, found[name] = await serve(served)
                runners.append(runner)
            await app[DISPATCHER_KEY].drain()  # the direct run's DMs, before anything is timed
            urls.put(found)
            await asyncio.Event().wait()

    asyncio.run(main())


def _canned(reply: Reply):  # type: ignore[no-untyped-def]
    async def delegate(*_args: object, **_kwargs: object) -> Reply:
        return reply

    return delegate


# --- the load (this process) -------------------------------------------------------------------


def signed(body: str) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}",
            "Content-Type": "application/x-www-form-urlencoded"}


@dataclass
class Result:
    latencies: list[float]
    elapsed: float
    acked_at: dict[int, float] = field(default_factory=dict)
    failures: int = 0

    def line(self, name: str, concurrency: int) -> str:
        ms = sorted(x * 1000 for x in self.latencies)
        rate = len(ms) / self.elapsed
        bad = f"  ({self.failures} failed)" if self.failures else ""
        return (f"{name:<38} c={concurrency:<3} n={len(ms):<5} p50 {percentile(ms, 50):7.2f} ms"
                f"  p99 {percentile(ms, 99):7.2f} ms  {rate:7.0f}/s{bad}")


def percentile(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


async def load(url: str, users: list[str], *, total: int, concurrency: int,
               rng: random.Random) -> Result:
    """`total` signed /delegate requests from `concurrency` clients on kept-alive connections."""
    result = Result([], 0.0)
    numbers = iter(range(total))

    async with ClientSession(connector=TCPConnector(limit=concurrency)) as http:
        async def client() -> None:
            for n in numbers:
                form = {"team_id": "T1", "channel_id": "C1", "user_id": rng.choice(users),
                        "command": "/delegate", "api_app_id": "A1",
                        "text": TEXT.format(matter=f"2027-{rng.randrange(MATTERS):04d}"),
                        "response_url": "http://127.0.0.1:9/unused",
                        "trigger_id": f"trigger-{n}-{rng.random()}"}
                body = urlencode(form)
                started = time.perf_counter()
                async with http.post(f"{url}/slack/events", data=body,
                                     headers=signed(body)) as response:
                    answer = (await response.read()).decode()
                done = time.perf_counter()
                result.latencies.append(done - started)
                if response.status != 200 or not ("offered to" in answer.lower() or '"ok"' in answer):
                    result.failures += 1
                if (found := _TASK_ID.search(answer)) and "offered to" in answer.lower():
                    result.acked_at[int(found[1])] = done

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        result.elapsed = time.perf_counter() - started
    return result


async def ack_to_dm(http: ClientSession, fake_url: str, result: Result) -> str:
    """From the ack leaving our server to the offer DM reaching the fake Slack."""
    deadline = time.perf_counter() + 60
    while True:
        async with http.get(f"{fake_url}/dm_at") as response:
            arrived = {int(k): v for k, v in (await response.json()).items()}
        gaps = [(arrived[t] - at) * 1000 for t, at in result.acked_at.items() if t in arrived]
        if len(gaps) == len(result.acked_at) or time.perf_counter() > deadline:
            break
        await asyncio.sleep(0.1)
    if not gaps:
        return "no DMs arrived"
    return (f"{'':38}       ack -> DM at fake Slack: p50 {statistics.median(gaps):7.2f} ms  "
            f"p99 {percentile(gaps, 99):7.2f} ms  ({len(gaps)}/{len(result.acked_at)} DMs)")


async def server_cpu(http: ClientSession, control_url: str) -> float:
    async with http.get(f"{control_url}/cpu") as response:
        return float(await response.text())


async def measure(args: argparse.Namespace, fake_url: str, found: dict[str, Any]) -> None:
    rng = random.Random(SEED + 1)
    users = found["attorneys"]
    print(f"SQLite, {STAFF} staff ({len(users)} attorneys delegating), {MATTERS} matters; "
          "signed POST /slack/events over loopback TCP; load, servers and fake Slack in "
          "separate processes")
    print(Result(found["direct"], sum(found["direct"])).line("delegate use case alone (no HTTP)",
                                                              1))
    async with ClientSession() as http:
        for title, key in ROWS:
            await load(found[key], users, total=30, concurrency=1, rng=rng)  # warm up
            for concurrency, total in ((1, args.sequential), (20, args.concurrent)):
                profiling = args.profile and key == "lpo"
                if profiling:
                    await http.post(f"{found['control']}/start")
                cpu_before = await server_cpu(http, found["control"])
                result = await load(found[key], users, total=total, concurrency=concurrency,
                                    rng=rng)
                print(result.line(title, concurrency))
                if key in ("lpo", "floor"):
                    print(await ack_to_dm(http, fake_url, result))
                    spent = await server_cpu(http, found["control"]) - cpu_before
                    print(f"{'':38}       server CPU per delegation, its DM included: "
                          f"{spent / total * 1000:.2f} ms")
                if profiling:
                    async with http.post(f"{found['control']}/stop") as response:
                        print(await response.text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sequential", type=int, default=300, help="requests at concurrency 1")
    parser.add_argument("--concurrent", type=int, default=2000,
                        help="requests at concurrency 20")
    parser.add_argument("--profile", action="store_true",
                        help="profile the lpo-bot server during its runs (needs pyinstrument)")
    args = parser.parse_args()
    spawn = multiprocessing.get_context("spawn")
    urls = spawn.Queue()
    fake = spawn.Process(target=run_fake_slack, args=(urls,), daemon=True)
    fake.start()
    fake_url = urls.get(timeout=60)
    servers = spawn.Process(target=run_servers, daemon=True,
                            args=(fake_url, args.profile, args.sequential, urls))
    servers.start()
    try:
        asyncio.run(measure(args, fake_url, urls.get(timeout=600)))
    finally:
        servers.terminate()
        fake.terminate()


if __name__ == "__main__":
    main()
