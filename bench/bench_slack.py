"""Benchmark: signed /delegate over HTTP on SQLite with 1,000 staff, beside a bare Bolt app."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiohttp import ClientSession, TCPConnector, web  # noqa: E402
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request  # noqa: E402
from slack_bolt.async_app import AsyncApp  # noqa: E402
from slack_sdk.web.async_client import AsyncWebClient  # noqa: E402

from bot.bootstrap import SERVICES_KEY, build_app  # noqa: E402
from bot.imports import MATTER_COLUMNS, ROSTER_COLUMNS, import_matters, import_roster  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage.db import upgrade  # noqa: E402

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
_TASK_ID = re.compile(r"#(\d+) ")


# --- a Slack Web API that only records when each DM arrived -----------------------------------


@dataclass
class FakeSlack:
    dm_at: dict[int, float] = field(default_factory=dict)
    posts: int = 0

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/{method}", self.api)
        return app

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await request.json() if request.content_type == "application/json" else {}
        if method == "chat.postMessage":
            self.posts += 1
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


# --- the firm ----------------------------------------------------------------------------------


def roster_csv(rng: random.Random) -> tuple[bytes, list[str]]:
    """1,000 people; returns the CSV and the Slack ids of the attorneys (the delegators)."""
    lines, attorneys = [",".join(ROSTER_COLUMNS)], []
    for n in range(STAFF):
        role, low, high, top, weight = rng.choices(ROLES, weights=[r[4] for r in ROLES])[0]
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


# --- the servers -------------------------------------------------------------------------------


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


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


# --- the load ----------------------------------------------------------------------------------


def signed(body: str) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}",
            "Content-Type": "application/x-www-form-urlencoded"}


@dataclass
class Result:
    latencies: list[float]
    elapsed: float
    acked_at: dict[int, float]
    failures: int

    def line(self, name: str, concurrency: int) -> str:
        ms = sorted(x * 1000 for x in self.latencies)
        p50, p99 = statistics.median(ms), ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        rate = len(ms) / self.elapsed
        bad = f"  ({self.failures} failed)" if self.failures else ""
        return (f"{name:<34} c={concurrency:<3} n={len(ms):<5} p50 {p50:7.2f} ms  "
                f"p99 {p99:7.2f} ms  {rate:8.0f} req/s{bad}")


async def load(url: str, users: list[str], *, total: int, concurrency: int,
               rng: random.Random) -> Result:
    latencies: list[float] = []
    acked_at: dict[int, float] = {}
    failures = 0
    counter = iter(range(total))

    async with ClientSession(connector=TCPConnector(limit=concurrency)) as http:
        async def worker() -> None:
            nonlocal failures
            for n in counter:
                form = {"team_id": "T1", "channel_id": "C1", "user_id": rng.choice(users),
                        "command": "/delegate", "api_app_id": "A1",
                        "text": TEXT.format(matter=f"2027-{rng.randrange(MATTERS):04d}"),
                        "response_url": "http://127.0.0.1:9/unused",
                        "trigger_id": f"trigger-{n}-{rng.random()}"}
                body = urlencode(form)
                started = time.perf_counter()
                async with http.post(f"{url}/slack/events", data=body, headers=signed(body)) as r:
                    answer = await r.read()
                done = time.perf_counter()
                latencies.append(done - started)
                if r.status != 200 or b"Offered to" not in answer and b'"ok"' not in answer:
                    failures += 1
                found = _TASK_ID.search(answer.decode())
                if found:
                    acked_at[int(found[1])] = done

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return Result(latencies, elapsed, acked_at, failures)


async def wait_for_dms(fake: FakeSlack, expected: int, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while len(fake.dm_at) < expected and time.perf_counter() < deadline:
        await asyncio.sleep(0.01)


def ack_to_dm(fake: FakeSlack, result: Result) -> str:
    gaps = sorted((fake.dm_at[t] - at) * 1000 for t, at in result.acked_at.items()
                  if t in fake.dm_at)
    if not gaps:
        return "ack -> DM: no DMs matched"
    p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
    return (f"{'':34} ack -> DM at fake Slack: p50 {statistics.median(gaps):7.2f} ms  "
            f"p99 {p99:7.2f} ms  ({len(gaps)}/{len(result.acked_at)} DMs)")


async def run(args: argparse.Namespace) -> None:
    rng = random.Random(SEED)
    fake = FakeSlack()
    fake_runner, fake_url = await serve(fake.app())
    api = f"{fake_url}/api/"
    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{tmp}/bench.db"
        upgrade(db_url)
        settings = Settings(_env_file=None, LPO_DATABASE_URL=db_url, SLACK_BOT_TOKEN=TOKEN,
                            SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=api,
                            LPO_DIGEST_TIME="23:59")  # type: ignore[call-arg]
        app = build_app(settings)
        roster, attorneys = roster_csv(rng)
        async with app[SERVICES_KEY].database.transaction() as session:
            await import_roster(session, roster)
            first_attorney = f"person{int(attorneys[0][1:])}@firm.test"
            await import_matters(session, matters_csv(first_attorney))
        ours_runner, ours = await serve(app)
        bare_runners = {}
        for mode in (False, True):
            bare_runners[mode] = await serve(bare_bolt(api, process_before_response=mode))
        print(f"SQLite, {STAFF} staff ({len(attorneys)} attorneys delegating), {MATTERS} "
              f"matters; signed POST /slack/events over loopback TCP")
        try:
            for name, url in (("bare Bolt (ack only, default)", bare_runners[False][1]),
                              ("bare Bolt (process_before_resp.)", bare_runners[True][1]),
                              ("lpo-bot /delegate", ours)):
                await load(url, attorneys, total=20, concurrency=1, rng=rng)  # warm up
                for concurrency, total in ((1, args.sequential), (20, args.concurrent)):
                    before = len(fake.dm_at)
                    result = await profiled(args, name, concurrency, lambda: load(
                        url, attorneys, total=total, concurrency=concurrency, rng=rng))
                    print(result.line(name, concurrency))
                    if url == ours:
                        await wait_for_dms(fake, before + len(result.acked_at))
                        print(ack_to_dm(fake, result))
        finally:
            await ours_runner.cleanup()
            for runner, _ in bare_runners.values():
                await runner.cleanup()
            await fake_runner.cleanup()


async def profiled(args: argparse.Namespace, name: str, concurrency: int,
                   work: Callable[[], Awaitable[Result]]) -> Result:
    """Run `work`, under pyinstrument when --profile names this run (e.g. lpo-bot@1)."""
    if args.profile != f"{name.split()[0]}@{concurrency}":
        return await work()
    from pyinstrument import Profiler  # optional: pip install pyinstrument

    profiler = Profiler(async_mode="enabled")
    profiler.start()
    result = await work()
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sequential", type=int, default=300, help="requests at concurrency 1")
    parser.add_argument("--concurrent", type=int, default=2000, help="requests at concurrency 20")
    parser.add_argument("--profile", metavar="NAME@C", help="profile one run, e.g. lpo-bot@1")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
