"""Batch assignment: greedy one-by-one versus the MILP optimum, capacity, unassigned tasks."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime

from matching.eligibility import fits_capacity, reasons_against
from matching.matcher import MatchContext, StaffIndex, TaskSpec, cost_cents, requirements_for
from matching.model import MatterRef, StaffProfile, TaskType
from matching.optimiser import BatchPlan, greedy, optimise

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
LETTER = TaskType("demand_letter", "Demand letter", {"drafting": 1}, 2.0, "L160", "A103")
PETITION = TaskType("bankruptcy_prep", "Petition", {"bankruptcy": 2}, 2.0, "B110", "A103")
BOSS = "boss@f.test"


def person(email: str, rate: float, skills: dict[str, int], capacity: float = 35.0,
           **fields: object) -> StaffProfile:
    return StaffProfile(email=email, name=email.split("@")[0].title(), role="paralegal",
                        hourly_rate=rate, skills=skills, weekly_capacity_hours=capacity,
                        slack_user_id="U" + email, **fields)


def task(kind: TaskType, **fields: object) -> TaskSpec:
    return TaskSpec(kind, BOSS, **fields)


def test_optimiser_beats_greedy_when_order_matters() -> None:
    # Ann is the cheapest for both tasks but has room for one; only she and Cy do petitions.
    ann = person("ann@f.test", 50.0, {"drafting": 1, "bankruptcy": 2}, capacity=2.0)
    bea = person("bea@f.test", 60.0, {"drafting": 1})
    cy = person("cy@f.test", 200.0, {"bankruptcy": 2})
    index, ctx = StaffIndex([ann, bea, cy]), MatchContext(NOW)
    specs = [task(LETTER), task(PETITION)]

    assert greedy(specs, index, ctx) == BatchPlan(
        assignments={0: "ann@f.test", 1: "cy@f.test"}, total_cost=500.0, unassigned=()
    )
    assert optimise(specs, index, ctx) == BatchPlan(
        assignments={0: "bea@f.test", 1: "ann@f.test"},
        total_cost=220.0,
        unassigned=(),
        greedy_total=500.0,
    )


def test_more_tasks_placed_comes_before_a_lower_cost() -> None:
    ann = person("ann@f.test", 50.0, {"drafting": 1, "bankruptcy": 2}, capacity=2.0)
    bea = person("bea@f.test", 60.0, {"drafting": 1})
    index, ctx = StaffIndex([ann, bea]), MatchContext(NOW)
    specs = [task(LETTER), task(PETITION)]

    by_greedy = greedy(specs, index, ctx)
    assert by_greedy.unassigned == (1,) and by_greedy.total_cost == 100.0
    plan = optimise(specs, index, ctx)
    assert plan.assignments == {0: "bea@f.test", 1: "ann@f.test"}
    assert plan.unassigned == () and plan.total_cost == 220.0 and plan.greedy_total == 100.0


def test_task_nobody_can_take_is_reported_not_fatal() -> None:
    bea = person("bea@f.test", 60.0, {"drafting": 1})
    plan = optimise([task(PETITION), task(LETTER)], StaffIndex([bea]), MatchContext(NOW))
    assert plan.assignments == {0: None, 1: "bea@f.test"}
    assert plan.unassigned == (0,)
    assert plan.assigned_count == 1


def test_capacity_is_consumed_by_earlier_tasks_of_the_batch() -> None:
    ann = person("ann@f.test", 50.0, {"drafting": 1}, capacity=10.0)
    bea = person("bea@f.test", 60.0, {"drafting": 1}, capacity=10.0)
    specs = [task(LETTER, est_hours=h) for h in (3.0, 3.0, 3.0, 2.5, 2.5)]
    ctx = MatchContext(NOW, loads={"ann@f.test": 2.0})
    plan = optimise(specs, StaffIndex([ann, bea]), ctx)
    taken = {"ann@f.test": 2.0, "bea@f.test": 0.0}
    for i, email in plan.assignments.items():
        assert email is not None
        taken[email] += specs[i].hours
    assert taken["ann@f.test"] <= 10.0 and taken["bea@f.test"] <= 10.0
    # Ann's 8 free hours hold 3 + 2.5 + 2.5, the cheapest split.
    assert plan.total_cost == 50 * 8 + 60 * 6


def test_named_assignee_keeps_their_task_in_a_batch() -> None:
    ann = person("ann@f.test", 50.0, {"drafting": 1})
    bea = person("bea@f.test", 60.0, {"drafting": 1})
    plan = optimise([task(LETTER, named_assignee="bea@f.test"), task(LETTER)],
                    StaffIndex([ann, bea]), MatchContext(NOW))
    assert plan.assignments == {0: "bea@f.test", 1: "ann@f.test"}


def test_rules_apply_in_batches_too() -> None:
    ann = person("ann@f.test", 50.0, {"drafting": 1})
    bea = person("bea@f.test", 60.0, {"drafting": 1})
    walled = MatterRef("2026-0101", "Garcia", screened=frozenset({"ann@f.test"}))
    plan = optimise([task(LETTER, matter=walled)], StaffIndex([ann, bea]), MatchContext(NOW))
    assert plan.assignments == {0: "bea@f.test"}


def test_empty_batch() -> None:
    plan = optimise([], StaffIndex([]), MatchContext(NOW))
    assert plan == BatchPlan(assignments={}, total_cost=0.0, unassigned=(), greedy_total=0.0)


def test_greedy_plan_reports_no_greedy_total_of_its_own() -> None:
    assert greedy([], StaffIndex([]), MatchContext(NOW)).greedy_total is None


def brute_force(
    specs: list[TaskSpec], staff: list[StaffProfile], ctx: MatchContext
) -> tuple[int, int]:
    """(tasks placed, cents) of the best plan among all plans, by enumeration."""
    options = []
    for spec in specs:
        req = requirements_for(spec, ctx)
        options.append([None, *(p for p in staff if not reasons_against(p, req))])
    best = (0, 0)
    for choice in itertools.product(*options):
        taken: dict[str, float] = {}
        for spec, who in zip(specs, choice):
            if who is not None:
                taken[who.email] = taken.get(who.email, 0.0) + spec.hours
        if all(fits_capacity(ctx.loads.get(p.email, 0.0), taken[p.email],
                             p.weekly_capacity_hours) for p in staff if p.email in taken):
            placed = sum(who is not None for who in choice)
            cents = sum(cost_cents(w.hourly_rate, s.hours) for s, w in zip(specs, choice) if w)
            if (placed, -cents) > (best[0], -best[1]):
                best = (placed, cents)
    return best


def test_optimiser_matches_exhaustive_search_on_small_random_firms() -> None:
    rng = random.Random(5)
    kinds = [LETTER, PETITION,
             TaskType("review", "Review", {"drafting": 2, "bankruptcy": 1}, 1.5, "L140", "A104")]
    for _ in range(40):
        staff = [
            person(f"p{n}@f.test", float(rng.choice((40, 50, 60, 75, 90))),
                   {"drafting": rng.randint(0, 3), "bankruptcy": rng.randint(0, 3)},
                   capacity=float(rng.choice((2, 3, 4, 6))))
            for n in range(rng.randint(1, 4))
        ]
        specs = [task(rng.choice(kinds), est_hours=rng.choice((None, 1.0, 2.5)))
                 for _ in range(rng.randint(1, 5))]
        ctx = MatchContext(NOW, loads={p.email: rng.choice((0.0, 1.0)) for p in staff})
        plan = optimise(specs, StaffIndex(staff), ctx)
        assert (plan.assigned_count, round(plan.total_cost * 100)) == brute_force(specs, staff, ctx)
