"""Benchmark: the managers' dashboard pages with 100,000 tasks (target: <= 300 ms server time).

Seeds the sample firm with a year of work (bulk inserts), signs a manager in, and times each
page as the server handles it: the request through aiohttp's test client on this machine, so
the time is the server's own (reading, rendering) plus a loopback round trip.

    python bench/bench_dashboard.py [--tasks 100000] [--rounds 7] [--postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from adapters.dashboard.web import mount  # noqa: E402
from bench.postgres_db import create_bench_database, drop_bench_database  # noqa: E402
from bot.app.bootstrap import bootstrap  # noqa: E402
from bot.app.server import init_app  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.replies import Actor  # noqa: E402
from bot.sample import load_sample_firm  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage.db import Database, upgrade  # noqa: E402
from tests.dashboard_support import MIRIAM, NOW  # noqa: E402
from tests.work_history import seed_work  # noqa: E402

TARGET_MS = 300
PAGES = (("overview, team", "/dashboard"), ("overview, firm", "/dashboard?scope=firm"),
         ("people, team", "/dashboard/people"), ("people, firm", "/dashboard/people?scope=firm"),
         ("savings, team", "/dashboard/savings"),
         ("savings, firm", "/dashboard/savings?scope=firm"),
         ("savings, firm, a year", "/dashboard/savings?scope=firm&from=2026-03-02&to=2027-03-02"))


async def bench(url: str, args: argparse.Namespace) -> bool:
    upgrade(url)
    settings = Settings(_env_file=None, LPO_DATABASE_URL=url)  # type: ignore[call-arg]
    database = Database(url)
    await load_sample_firm(database, settings=settings)
    started = time.perf_counter()
    await seed_work(database, now=NOW, count=args.tasks)
    print(f"  seeded {args.tasks:,} tasks in {time.perf_counter() - started:.1f} s")
    bot = bootstrap(settings, clock=ManualClock(NOW), database=database)
    app = init_app(settings, database=database)
    mount(app, bot.application)
    ok = True
    async with TestClient(TestServer(app)) as client:
        reply = await bot.application.dashboard.link_for(Actor(email=MIRIAM))
        link = urlsplit(next(f.value for f in reply.message.facts if f.label == "Link"))
        assert (await client.get(f"{link.path}?{link.query}")).status == 200
        for label, path in PAGES:
            samples = []
            for _ in range(args.rounds + 1):  # the first warms the caches and is dropped
                begun = time.perf_counter()
                response = await client.get(path)
                await response.read()
                samples.append((time.perf_counter() - begun) * 1000)
                assert response.status == 200, (path, response.status)
            p50 = statistics.median(samples[1:])
            ok &= p50 <= TARGET_MS
            print(f"  {label:24} p50 {p50:6.1f} ms   max {max(samples[1:]):6.1f} ms"
                  f"   (target <= {TARGET_MS} ms)")
    await database.dispose()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        print("SQLite:")
        ok &= asyncio.run(bench(f"sqlite:///{folder}/bench.db", args))
    if args.postgres and (url := create_bench_database()):
        print("PostgreSQL:")
        try:
            ok &= asyncio.run(bench(url, args))
        finally:
            drop_bench_database(url)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
