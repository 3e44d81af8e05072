"""Assign a batch of tasks at the lowest total cost: a MILP over eligible pairs, solved by HiGHS."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult, milp
from scipy.sparse import coo_array

from matching.eligibility import CAPACITY_SLACK, fits_capacity, load_of, reasons_against
from matching.matcher import (
    MatchContext,
    StaffIndex,
    TaskSpec,
    cost_cents,
    eligible_by_cost,
    match,
    requirements_for,
)
from matching.model import StaffProfile

# scipy.optimize.milp statuses we act on.
_OPTIMAL, _LIMIT_REACHED, _INFEASIBLE = 0, 1, 2

# (task index, person, cost in cents)
_Pair = tuple[int, StaffProfile, int]


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """Who takes each task of a batch (None when nobody can) and what the batch costs."""

    assignments: dict[int, str | None]
    total_cost: float
    unassigned: tuple[int, ...]
    greedy_total: float | None = None

    @property
    def assigned_count(self) -> int:
        return len(self.assignments) - len(self.unassigned)


def greedy(specs: Sequence[TaskSpec], index: StaffIndex, ctx: MatchContext) -> BatchPlan:
    """Each task in turn through `match`, each placement using up capacity for the next."""
    loads = dict(ctx.loads)
    running = replace(ctx, loads=loads)
    placed: dict[int, tuple[str, int]] = {}
    for i, spec in enumerate(specs):
        chosen = match(spec, index, running).chosen
        if chosen is not None:
            placed[i] = (chosen.email, round(chosen.cost * 100))
            loads[chosen.email] = loads.get(chosen.email, 0.0) + spec.hours
    return _plan(len(specs), placed)


def optimise(
    specs: Sequence[TaskSpec],
    index: StaffIndex,
    ctx: MatchContext,
    *,
    time_limit: float = 3.0,
) -> BatchPlan:
    """The most tasks placed, then the lowest total cost, under the rules of `match`.

    Named assignees who are eligible keep their tasks (as in `match`); the rest is a
    generalised assignment MILP solved by HiGHS. The greedy plan is computed too: it is
    reported as `greedy_total`, and returned instead should the solver do worse, which
    only happens when `time_limit` (seconds of solver time, on HiGHS's clock) cuts it short.
    """
    baseline = greedy(specs, index, ctx)
    pinned, running = _pin_named_assignees(specs, index, ctx)
    free = [i for i in range(len(specs)) if i not in pinned]
    pairs = _pairs(specs, free, index, running)
    # Greedy placing every task that has someone eligible proves that all can be placed
    # (barring a clash with pinned tasks), which spares the solver the count-first stage.
    greedy_placed_all = all(baseline.assignments[task] for task, _, _ in pairs)
    solved = _solve(pairs, specs, running.loads, time_limit, try_all=greedy_placed_all)
    best = baseline
    if solved is not None:
        plan = _plan(len(specs), {**pinned, **solved})
        if _no_worse(plan, baseline) and _respects_capacity(plan, specs, index, ctx.loads):
            best = plan
    return replace(best, greedy_total=baseline.total_cost)


def _pin_named_assignees(
    specs: Sequence[TaskSpec], index: StaffIndex, ctx: MatchContext
) -> tuple[dict[int, tuple[str, int]], MatchContext]:
    """Give each eligible named assignee their task, in order, and return the loads left."""
    loads = dict(ctx.loads)
    running = replace(ctx, loads=loads)
    pinned: dict[int, tuple[str, int]] = {}
    for i, spec in enumerate(specs):
        person = index.get(spec.named_assignee) if spec.named_assignee else None
        if person is not None and not reasons_against(person, requirements_for(spec, running)):
            pinned[i] = (person.email, cost_cents(person.hourly_rate, spec.hours))
            loads[person.email] = loads.get(person.email, 0.0) + spec.hours
    return pinned, running


def _pairs(
    specs: Sequence[TaskSpec], free: Sequence[int], index: StaffIndex, ctx: MatchContext
) -> list[_Pair]:
    """Each task's cheapest eligible people: enough of them that the optimum is never cut off.

    Exchange argument: if a task's listed people, each after taking the task, would still have
    spare hours summing to at least the hours of all the other tasks, then in any plan one of
    them has room for it and costs no more than anyone unlisted, so moving the task there
    loses nothing. The MILP over these pairs is therefore exact, and far smaller than all pairs.
    """
    total_hours = sum(specs[i].hours for i in free)
    listed: dict[tuple[object, ...], list[tuple[StaffProfile, int]]] = {}
    pairs: list[_Pair] = []
    for i in free:
        spec = specs[i]
        key = _signature(spec)
        if key not in listed:
            listed[key] = _enough_people(spec, index, ctx, total_hours - spec.hours)
        pairs.extend((i, person, cents) for person, cents in listed[key])
    return pairs


def _enough_people(
    spec: TaskSpec, index: StaffIndex, ctx: MatchContext, other_hours: float
) -> list[tuple[StaffProfile, int]]:
    """The cheapest eligible people for `spec` until their spare room covers `other_hours`."""
    room = 0.0
    people: list[tuple[StaffProfile, int]] = []
    for person, cents in eligible_by_cost(spec, index, ctx):
        people.append((person, cents))
        room += person.weekly_capacity_hours - load_of(person, ctx.loads) - spec.hours
        if room >= other_hours:
            break
    return people


def _signature(spec: TaskSpec) -> tuple[object, ...]:
    """Tasks with equal signatures have equal eligible lists."""
    kind = spec.task_type
    return (
        tuple(sorted(kind.skills.items())),
        kind.attorney_only,
        spec.matter,
        spec.hours,
        spec.delegator_email.casefold(),
        spec.excluded,
    )


def _solve(
    pairs: list[_Pair],
    specs: Sequence[TaskSpec],
    loads: Mapping[str, float],
    time_limit: float,
    *,
    try_all: bool,
) -> dict[int, tuple[str, int]] | None:
    """The cheapest way to place every task; failing that, the most tasks, then cheapest."""
    if not pairs:
        return {}
    problem = _Problem(pairs, specs, loads)
    if try_all:
        result = problem.solve(problem.costs, time_limit, everyone_placed=True)
        if result.status != _INFEASIBLE:
            return problem.decode(result)
    # Two stages rather than one weighted objective: big weights would blur cents in HiGHS.
    most = problem.solve(-np.ones(len(pairs)), time_limit / 2)
    if most.x is None:
        return None
    placed = int(round(-most.fun))
    return problem.decode(problem.solve(problem.costs, time_limit / 2, at_least=placed))


class _Problem:
    """The constraint matrix of one batch: one row per task, one per person who could help."""

    def __init__(
        self, pairs: list[_Pair], specs: Sequence[TaskSpec], loads: Mapping[str, float]
    ) -> None:
        tasks = sorted({task for task, _, _ in pairs})
        task_row = {task: row for row, task in enumerate(tasks)}
        people: dict[str, StaffProfile] = {}
        for _, person, _ in pairs:
            people.setdefault(person.email, person)
        person_row = {email: row for row, email in enumerate(people)}
        columns = np.arange(len(pairs))
        self.pairs = pairs
        self.costs = np.array([cents for _, _, cents in pairs], dtype=float)
        self.per_task = coo_array(
            (np.ones(len(pairs)), ([task_row[t] for t, _, _ in pairs], columns)),
            shape=(len(tasks), len(pairs)),
        ).tocsr()
        self.per_person = coo_array(
            (
                [specs[t].hours for t, _, _ in pairs],
                ([person_row[p.email] for _, p, _ in pairs], columns),
            ),
            shape=(len(people), len(pairs)),
        ).tocsr()
        # Room left per person; the slack absorbs float sums of quarter hours.
        self.room = np.array(
            [p.weekly_capacity_hours - load_of(p, loads) + CAPACITY_SLACK for p in people.values()]
        )

    def solve(
        self,
        objective: np.ndarray,
        time_limit: float,
        *,
        everyone_placed: bool = False,
        at_least: int | None = None,
    ) -> OptimizeResult:
        """Binary choice per pair; at most one person per task, nobody over capacity."""
        n_pairs = len(self.pairs)
        constraints = [
            LinearConstraint(self.per_task, 1.0 if everyone_placed else 0.0, 1.0),
            LinearConstraint(self.per_person, -np.inf, self.room),
        ]
        if at_least is not None:
            constraints.append(LinearConstraint(np.ones((1, n_pairs)), at_least, np.inf))
        return milp(
            objective,
            integrality=np.ones(n_pairs, dtype=np.int8),
            bounds=Bounds(0, 1),
            constraints=constraints,
            # Costs are whole cents, so a zero gap is reachable: HiGHS notices integrality.
            options={"time_limit": time_limit, "mip_rel_gap": 0.0},
        )

    def decode(self, result: OptimizeResult) -> dict[int, tuple[str, int]] | None:
        """Task -> (email, cents) from the solver's best solution, if it found one."""
        if result.status not in (_OPTIMAL, _LIMIT_REACHED) or result.x is None:
            return None
        chosen = (self.pairs[j] for j in np.flatnonzero(result.x > 0.5))
        return {task: (person.email, cents) for task, person, cents in chosen}


def _plan(n_tasks: int, placed: Mapping[int, tuple[str, int]]) -> BatchPlan:
    cents = sum(c for _, c in placed.values())
    return BatchPlan(
        assignments={i: placed[i][0] if i in placed else None for i in range(n_tasks)},
        total_cost=cents / 100,
        unassigned=tuple(i for i in range(n_tasks) if i not in placed),
    )


def _no_worse(plan: BatchPlan, baseline: BatchPlan) -> bool:
    """More tasks placed wins; with as many placed, the cheaper total wins."""
    if plan.assigned_count != baseline.assigned_count:
        return plan.assigned_count > baseline.assigned_count
    return plan.total_cost <= baseline.total_cost


def _respects_capacity(
    plan: BatchPlan, specs: Sequence[TaskSpec], index: StaffIndex, loads: Mapping[str, float]
) -> bool:
    """A last check in plain Python that no solver tolerance let anyone over capacity."""
    taken: dict[str, float] = {}
    for i, email in plan.assignments.items():
        if email is not None:
            taken[email] = taken.get(email, 0.0) + specs[i].hours
    for email, hours in taken.items():
        person = index.get(email)
        if person is None:
            return False
        if not fits_capacity(load_of(person, loads), hours, person.weekly_capacity_hours):
            return False
    return True
