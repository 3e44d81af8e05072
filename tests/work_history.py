"""A firm's work history in bulk (tasks in every state, offers, a year of completions) for the
dashboard's tests and its benchmark: rows written straight through SQLAlchemy Core."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, text

from storage.db import Database
from storage.tables import Matter, Offer, Staff, Task

CHUNK = 5_000
# Roughly a firm's mix: most work done, a little of it in every other state.
STATE_WEIGHTS = (("completed", 70), ("cancelled", 4), ("accepted", 10), ("offered", 5),
                 ("unassigned", 3), ("submitted", 4), ("changes_requested", 4))
TASK_TYPES = (("demand_letter", 1.5), ("document_collection", 1.5), ("legal_research", 3.0),
              ("court_filing", 0.5), ("client_update", 0.25), ("document_review", 2.0))
DECLINES = ("no_capacity", "not_my_skill", "conflict", "other")


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(Decimal("0.01"))


class _Firm:
    def __init__(self, staff: Sequence[Staff], matters: Sequence[Matter]) -> None:
        self.delegators = [p for p in staff if p.role in ("partner", "associate")]
        self.workers = [p for p in staff if p.role not in ("partner",)]
        self.matters = [m.id for m in matters]


def _task(n: int, rng: random.Random, firm: _Firm, now: datetime, state: str,
          days: float) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    delegator = rng.choice(firm.delegators)
    worker = rng.choice([p for p in firm.workers if p.id != delegator.id])
    task_type, hours = rng.choice(TASK_TYPES)
    created = now - timedelta(days=rng.uniform(0.2, days))
    holds = state != "unassigned"
    rate, own_rate = float(worker.hourly_rate), float(delegator.hourly_rate)
    completed = created + timedelta(hours=rng.uniform(1, 60)) if state == "completed" else None
    if completed is not None and completed >= now:
        completed = now - timedelta(minutes=rng.uniform(1, 120))
    due = now + timedelta(hours=rng.uniform(-72, 240))
    task = {"id": n, "text": f"seeded task {n}", "title": f"{task_type.replace('_', ' ')} #{n}",
            "task_type": task_type, "matter_id": rng.choice(firm.matters),
            "delegator_id": delegator.id, "assignee_id": worker.id if holds else None,
            "state": state, "priority": "normal", "due_at": due, "est_hours": hours,
            "cost": _money(rate * hours) if holds else None,
            "savings": _money(max(0.0, own_rate - rate) * hours) if holds else None,
            "offers_made": 1, "reminder_stage": 0, "next_reminder_at": None,
            "escalation_reason": "nobody eligible" if state == "unassigned" else None,
            "source": "seed", "created_at": created, "updated_at": created,
            "completed_at": completed}
    offers = []
    if rng.random() < 0.3:  # somebody turned it down first
        refuser = rng.choice([p for p in firm.workers if p.id not in (delegator.id, worker.id)])
        expired = rng.random() < 0.3
        offers.append({"task_id": n, "staff_id": refuser.id,
                       "state": "expired" if expired else "declined", "explanation": "",
                       "cost": None, "offered_at": created, "remind_at": None,
                       "expires_at": created + timedelta(minutes=30),
                       "responded_at": created + timedelta(minutes=rng.uniform(1, 30)),
                       "reason": "expired" if expired else rng.choice(DECLINES)})
    if holds:
        offered = created + timedelta(minutes=31) if offers else created
        pending = state == "offered"
        offers.append({"task_id": n, "staff_id": worker.id,
                       "state": "pending" if pending else "accepted", "explanation": "",
                       "cost": task["cost"], "offered_at": offered, "remind_at": None,
                       "expires_at": offered + timedelta(minutes=30),
                       "responded_at": None if pending
                       else offered + timedelta(minutes=rng.uniform(1, 29)),
                       "reason": None})
    return task, offers


async def seed_work(database: Database, *, now: datetime, count: int, days: float = 365.0,
                    seed: int = 20270302) -> None:
    """`count` tasks over the `days` before `now`, on the firm already in the database."""
    rng = random.Random(seed)
    states = [state for state, weight in STATE_WEIGHTS for _ in range(weight)]
    async with database.transaction() as session:
        staff = list((await session.execute(select(Staff).where(Staff.active))).scalars())
        matters = list((await session.execute(select(Matter))).scalars())
        first = (await session.execute(select(Task.id).order_by(Task.id.desc()).limit(1))
                 ).scalar() or 0
    firm = _Firm(staff, matters)
    tasks, offers = [], []
    for n in range(first + 1, first + count + 1):
        task, its_offers = _task(n, rng, firm, now, rng.choice(states), days)
        tasks.append(task)
        offers.extend(its_offers)
    for table, rows in ((Task.__table__, tasks), (Offer.__table__, offers)):
        for start in range(0, len(rows), CHUNK):
            async with database.transaction() as session:
                await session.execute(insert(table), rows[start:start + CHUNK])  # type: ignore[arg-type]
    if database.dialect == "postgresql":
        async with database.engine.connect() as connection:
            await connection.execute(text(
                "SELECT setval(pg_get_serial_sequence('tasks', 'id'), (SELECT max(id) FROM tasks))"))
            await connection.commit()
    async with database.engine.connect() as connection:
        if database.dialect == "postgresql":
            # As autovacuum would: the visibility map lets index-only scans skip the table.
            auto = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await auto.execute(text("VACUUM ANALYZE"))
        else:
            await connection.execute(text("ANALYZE"))
            await connection.commit()
