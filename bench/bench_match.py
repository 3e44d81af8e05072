"""Benchmark: one match over a 10,000-person roster, and a 500-task batch over 2,000 staff."""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matching.matcher import MatchContext, StaffIndex, TaskSpec, match  # noqa: E402
from matching.model import AwayPeriod, MatterRef, StaffProfile, TaskType  # noqa: E402
from matching.optimiser import greedy, optimise  # noqa: E402

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
SEED = 20261120

# A slice of the launch catalogue (DOMAIN.md), inlined so the bench needs no taxonomy file.
TASK_TYPES = (
    TaskType("intake_call", "Intake call", {"client_communication": 1}, 0.5, "L110", "A106"),
    TaskType("document_collection", "Collect documents", {"document_management": 1}, 1.5,
             "L140", "A110"),
    TaskType("document_review", "Review documents",
             {"document_management": 2, "case_analysis": 1}, 2, "L140", "A104"),
    TaskType("court_filing", "Court filing", {"litigation_support": 1}, 0.5, "L250", "A110"),
    TaskType("demand_letter", "Demand letter", {"drafting": 2}, 1.5, "L160", "A103"),
    TaskType("answer_complaint", "Answer", {"drafting": 3, "litigation_support": 2}, 3,
             "L210", "A103"),
    TaskType("legal_research", "Research memo", {"legal_research": 3}, 4, "L120", "A102"),
    TaskType("bankruptcy_prep", "Bankruptcy prep",
             {"bankruptcy": 2, "document_management": 1}, 4, "B110", "A103"),
    TaskType("settlement_negotiation", "Negotiate", {"negotiation": 3}, 2, "L160", "A108",
             attorney_only=True),
    TaskType("client_advice", "Advice", {"client_communication": 2}, 1, "L120", "A106",
             attorney_only=True),
)
SKILLS = ("client_communication", "document_management", "litigation_support", "drafting",
          "legal_research", "case_analysis", "bankruptcy", "negotiation")
ROLES = (("legal_assistant", 30, 45, 2), ("paralegal", 45, 90, 3), ("associate", 250, 350, 4),
         ("partner", 450, 550, 5))
STATES = ("GA", "FL", "NY", "TX", "CA")


def roster(size: int, rng: random.Random) -> list[StaffProfile]:
    people = []
    for n in range(size):
        role, low, high, top = rng.choices(ROLES, weights=(35, 40, 18, 7))[0]
        skills = {s: rng.randint(1, top) for s in rng.sample(SKILLS, rng.randint(2, 6))}
        away = ()
        if rng.random() < 0.05:
            away = (AwayPeriod(NOW - timedelta(days=2), NOW + timedelta(days=rng.randint(1, 9))),)
        people.append(StaffProfile(
            email=f"person{n}@firm.test",
            name=f"Person {n}",
            role=role,
            hourly_rate=float(rng.randint(low, high)),
            skills=skills,
            weekly_capacity_hours=float(rng.choice((30, 35, 40))),
            bar_admissions=frozenset(rng.sample(STATES, 2)) if top >= 4 else frozenset(),
            slack_user_id=f"U{n}" if rng.random() < 0.98 else None,
            away=away,
        ))
    return people


def matters(staff: list[StaffProfile], rng: random.Random) -> list[MatterRef]:
    return [
        MatterRef(
            number=f"2026-{m:04d}",
            client_name=f"Client {m}",
            jurisdiction=rng.choice(STATES),
            screened=frozenset(p.email for p in rng.sample(staff, 3)),
        )
        for m in range(200)
    ]


def specs(count: int, staff: list[StaffProfile], rng: random.Random) -> list[TaskSpec]:
    attorneys = [p for p in staff if p.is_attorney]
    files = matters(staff, rng)
    return [
        TaskSpec(
            task_type=rng.choice(TASK_TYPES),
            delegator_email=rng.choice(attorneys).email,
            matter=rng.choice(files) if rng.random() < 0.8 else None,
        )
        for _ in range(count)
    ]


def context(staff: list[StaffProfile], rng: random.Random, busy: float = 0.0) -> MatchContext:
    """Open loads drawn between `busy` and 1 times each person's capacity."""
    return MatchContext(
        now=NOW,
        loads={p.email: rng.uniform(busy, 1.0) * p.weekly_capacity_hours for p in staff},
        last_offered={p.email: NOW - timedelta(hours=rng.randint(1, 500))
                      for p in rng.sample(staff, len(staff) // 3)},
    )


def bench_match() -> None:
    rng = random.Random(SEED)
    staff = roster(10_000, rng)
    started = time.perf_counter()
    index = StaffIndex(staff)
    built = time.perf_counter() - started
    ctx = context(staff, rng)
    tasks = specs(2_000, staff, rng)
    for spec in tasks[:100]:
        match(spec, index, ctx)  # warm-up
    samples = []
    for spec in tasks:
        started = time.perf_counter()
        match(spec, index, ctx)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    print(f"match, 10,000 staff: index built in {built * 1000:.0f} ms; "
          f"median {statistics.median(samples):.3f} ms, "
          f"p99 {samples[int(len(samples) * 0.99)]:.3f} ms, max {samples[-1]:.3f} ms "
          f"over {len(samples)} matches")


def bench_optimise(busy: float) -> None:
    rng = random.Random(SEED + 1)
    staff = roster(2_000, rng)
    index = StaffIndex(staff)
    ctx = context(staff, rng, busy)
    tasks = specs(500, staff, rng)
    started = time.perf_counter()
    baseline = greedy(tasks, index, ctx)
    greedy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    plan = optimise(tasks, index, ctx)
    seconds = time.perf_counter() - started
    saved = plan.greedy_total - plan.total_cost if plan.greedy_total is not None else 0.0
    print(f"optimise, 500 tasks x 2,000 staff, loads {busy:.0%}-100% of capacity: "
          f"{seconds:.2f} s (greedy alone {greedy_seconds:.2f} s)")
    print(f"  optimiser total ${plan.total_cost:,.2f} for {plan.assigned_count} tasks; "
          f"greedy total ${baseline.total_cost:,.2f} for {baseline.assigned_count} tasks; "
          f"saved ${saved:,.2f}")


if __name__ == "__main__":
    bench_match()
    for busy in (0.0, 0.5, 0.8):
        bench_optimise(busy)
