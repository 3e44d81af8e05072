"""Benchmark: a scheduler tick with 100,000 open tasks and nothing due, and the daily digest."""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text  # noqa: E402

from bench.postgres_db import create_bench_database, drop_bench_database  # noqa: E402
from bot.app.bootstrap import Bot, bootstrap  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.digest import Scope, build_digest, manager_scopes  # noqa: E402
from bot.scheduler import run_due_jobs  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage.db import upgrade  # noqa: E402
from storage.tables import Matter, Offer, Staff, Task  # noqa: E402

SEED = 20270302
# A Tuesday 15:00 in New York: no digest is due, and every timer below lies in the future.
NOW = datetime(2027, 3, 2, 20, 0, tzinfo=UTC)
OPEN_STATES = (("unassigned", 5), ("offered", 15), ("accepted", 55), ("submitted", 10),
               ("changes_requested", 15))
TASK_TYPES = ("demand_letter", "document_collection", "legal_research", "court_filing",
              "client_intake")
CHUNK = 5_000
MANAGERS = 20
DELEGATORS = 80  # the partners and the associates delegate; everyone else does the work


def _staff_rows(count: int) -> list[dict[str, Any]]:
    """Partners (who manage), then associates, then paralegals; every team mixes them."""
    rows = []
    for n in range(count):
        manager = n < MANAGERS
        role = "partner" if manager else "associate" if n < DELEGATORS else "paralegal"
        rows.append({"id": n + 1, "email": f"person{n}@bench.test", "name": f"Person {n}",
                     "role": role,
                     "hourly_rate": Decimal(400 if n < DELEGATORS else 40 + n % 60),
                     "skills": {"drafting": 3, "document_management": 3},
                     "weekly_capacity_hours": 40.0, "timezone": "America/New_York",
                     "working_hours": None, "slack_user_id": f"U{n:06d}", "teams_user_id": None,
                     "bar_admissions": [], "is_manager": manager,
                     "manager_id": None if manager else 1 + n % MANAGERS, "active": True,
                     "created_at": NOW, "updated_at": NOW})
    return rows


def _task_row(n: int, rng: random.Random, staff: int, state: str) -> dict[str, Any]:
    created = NOW - timedelta(days=rng.uniform(0, 60))
    due = NOW + timedelta(days=rng.uniform(-5, 30))
    holder = rng.randint(DELEGATORS + 1, staff) if state != "unassigned" else None
    working = state in ("accepted", "changes_requested")
    completed = state == "completed"
    return {"id": n, "text": f"task {n}", "title": f"Demand letter {n}",
            "task_type": rng.choice(TASK_TYPES), "matter_id": rng.randint(1, 500),
            "delegator_id": rng.randint(1, DELEGATORS), "assignee_id": holder, "state": state,
            "priority": "normal", "due_at": due, "est_hours": 1.5,
            "cost": Decimal("72.00"), "savings": Decimal("400.00"), "offers_made": 1,
            "escalation_reason": "nobody eligible" if state == "unassigned" else None,
            "reminder_stage": 0,
            # Nothing due now; closed tasks keep the stale timer their last reminder left.
            "next_reminder_at": (NOW + timedelta(hours=rng.uniform(1, 48)) if working
                                 else NOW - timedelta(days=rng.uniform(1, 30)) if completed
                                 else None),
            "source": "bench", "created_at": created, "updated_at": created,
            "completed_at": created + timedelta(days=1) if completed else None}


def _offer_row(n: int, task: dict[str, Any]) -> dict[str, Any]:
    pending = task["state"] == "offered"
    offered = NOW - timedelta(minutes=10) if pending else task["created_at"]
    return {"id": n, "task_id": task["id"], "staff_id": task["assignee_id"],
            "state": "pending" if pending else "accepted", "explanation": "cheapest",
            "cost": Decimal("72.00"), "offered_at": offered,
            # Accepted before the halfway reminder: remind_at is left as it was.
            "remind_at": offered + timedelta(minutes=15),
            "expires_at": offered + timedelta(minutes=30),
            "responded_at": None if pending else offered + timedelta(minutes=5), "reason": None}


async def populate(bot: Bot, *, open_tasks: int, closed_tasks: int, staff: int) -> None:
    """Bulk rows through SQLAlchemy Core: staff, matters, tasks and their offers."""
    rng = random.Random(SEED)
    states = [s for s, weight in OPEN_STATES for _ in range(weight)]
    async with bot.database.transaction() as session:
        await session.execute(insert(Staff.__table__), _staff_rows(staff))
        await session.execute(insert(Matter.__table__), [
            {"id": m, "number": f"2027-{m:04d}", "client_name": f"Client {m}", "title": "",
             "jurisdiction": "FL", "created_at": NOW, "updated_at": NOW}
            for m in range(1, 501)])
    tasks = [_task_row(n, rng, staff, rng.choice(states)) for n in range(1, open_tasks + 1)]
    tasks += [_task_row(n, rng, staff, "completed")
              for n in range(open_tasks + 1, open_tasks + closed_tasks + 1)]
    offers = [_offer_row(i, task) for i, task in enumerate(
        (t for t in tasks if t["assignee_id"] is not None), start=1)]
    for table, rows in ((Task.__table__, tasks), (Offer.__table__, offers)):
        for start in range(0, len(rows), CHUNK):
            async with bot.database.transaction() as session:
                await session.execute(insert(table), rows[start:start + CHUNK])
    if bot.database.dialect == "postgresql":
        async with bot.database.engine.connect() as connection:
            for table in ("staff", "tasks", "offers"):
                await connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"))
            await connection.commit()
    async with bot.database.engine.connect() as connection:
        await connection.execute(text("ANALYZE"))
        await connection.commit()


async def timed(work: Callable[[], Awaitable[object]], rounds: int) -> list[float]:
    await work()  # warm caches: the firm snapshot, statement compilation, the page cache
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        await work()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def report(label: str, samples: list[float], target: float | None = None) -> None:
    goal = f" (target <= {target:.0f} ms)" if target else ""
    print(f"  {label}: median {statistics.median(samples):.1f} ms, "
          f"max {max(samples):.1f} ms over {len(samples)} runs{goal}")


async def bench(url: str, args: argparse.Namespace) -> None:
    upgrade(url)
    settings = Settings(_env_file=None, LPO_DATABASE_URL=url)  # type: ignore[call-arg]
    clock = ManualClock(NOW)
    bot = bootstrap(settings, notifiers=[], clock=clock)
    try:
        started = time.perf_counter()
        await populate(bot, open_tasks=args.open, closed_tasks=args.closed, staff=args.staff)
        print(f"  inserted {args.open:,} open + {args.closed:,} completed tasks, "
              f"{args.staff} staff in {time.perf_counter() - started:.1f} s")

        async def tick() -> None:
            done = await run_due_jobs(bot.application, NOW)
            if any(done.values()):
                raise SystemExit(f"something was due: {done}")

        report("tick, nothing due", await timed(tick, args.rounds), 50)
        async with bot.application.units.begin() as uow:
            firm, type_names = (await uow.snapshot()).firm, uow.type_names
        scopes = manager_scopes(firm)

        async def digest(scope: Scope) -> None:
            async with bot.database.transaction() as session:
                await build_digest(session, firm=firm, scope=scope, now=NOW,
                                   zone=settings.zone, type_names=type_names, weekly=True)

        report("digest, whole firm (channel)",
               await timed(lambda: digest(Scope("the firm", None)), args.rounds), 500)
        report(f"digest, one manager's team ({len(scopes[0][1].staff_ids or ())} people)",
               await timed(lambda: digest(scopes[0][1]), args.rounds), 500)

        async def every_digest() -> None:
            await digest(Scope("the firm", None))
            for _, scope in scopes:
                await digest(scope)

        report(f"the day's digests, channel + {len(scopes)} managers",
               await timed(every_digest, max(1, args.rounds // 5)))
    finally:
        await bot.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--open", type=int, default=100_000, help="open tasks")
    parser.add_argument("--closed", type=int, default=50_000, help="completed tasks")
    parser.add_argument("--staff", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print("SQLite:")
        asyncio.run(bench(f"sqlite:///{folder}/bench.db", args))
    url = None if args.no_postgres else create_bench_database()
    if url:
        print("PostgreSQL:")
        try:
            asyncio.run(bench(url, args))
        finally:
            drop_bench_database(url)


if __name__ == "__main__":
    main()
