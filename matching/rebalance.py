"""Rebalancing: the least-cost placement of a team's movable tasks, as moves from where they are.

Movable tasks are pending offers (held by their offeree until answered) and unassigned tasks;
accepted work never moves. The batch optimiser places them all at once under the rules of
single matching, with the offerees' own hours for these tasks freed first, so staying put is
one of the choices. A move that saves nothing is undone whenever the offeree still has room,
so a plan only churns offers for a reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from matching.eligibility import CAPACITY_SLACK, reasons_against
from matching.matcher import MatchContext, StaffIndex, TaskSpec, cost_cents, requirements_for
from matching.optimiser import optimise

# Seconds of solver time for one plan: the answer is awaited in chat.
PLAN_TIME_LIMIT = 0.5


@dataclass(frozen=True, slots=True)
class Movable:
    """One task a rebalance may move: `holder` is its offeree, None when it is unassigned."""

    task_id: int
    spec: TaskSpec
    holder: str | None = None


@dataclass(frozen=True, slots=True)
class Move:
    """One task to another person; costs in cents, `cost_before` None for an unassigned task."""

    task_id: int
    before: str | None
    after: str
    cost_before: int | None
    cost_after: int

    @property
    def saving(self) -> int:
        """What the move saves; placing an unassigned task saves nothing (it costs)."""
        return 0 if self.cost_before is None else self.cost_before - self.cost_after


@dataclass(frozen=True, slots=True)
class RebalancePlan:
    """The moves, in task order, and the unassigned tasks nobody can take."""

    moves: tuple[Move, ...]
    stuck: tuple[int, ...] = ()

    @property
    def saved(self) -> int:
        """Cents saved on the offers moved (negative when placing work needed dearer people)."""
        return sum(move.saving for move in self.moves if move.before is not None)

    @property
    def placed(self) -> int:
        """Unassigned tasks the plan gives to someone."""
        return sum(1 for move in self.moves if move.before is None)


def plan_rebalance(tasks: Sequence[Movable], index: StaffIndex, ctx: MatchContext, *,
                   time_limit: float = PLAN_TIME_LIMIT) -> RebalancePlan:
    """The least total cost for `tasks`, every other load as it is in `ctx`."""
    freed = replace(ctx, loads=_freed(tasks, index, ctx.loads))
    batch = optimise([task.spec for task in tasks], index, freed, time_limit=time_limit)
    chosen = {task.task_id: batch.assignments[i] for i, task in enumerate(tasks)}
    # An offer the plan cannot place, not even with its offeree (away now, say), stays put.
    for task in tasks:
        if task.holder is not None and chosen[task.task_id] is None:
            chosen[task.task_id] = task.holder
    chosen = _within_capacity(tasks, chosen, index, ctx)
    chosen = _stay_where_no_dearer(tasks, chosen, index, freed)
    moves = tuple(move for task in tasks if (move := _move(task, chosen[task.task_id], index)))
    stuck = tuple(task.task_id for task in tasks if chosen[task.task_id] is None)
    return RebalancePlan(moves=moves, stuck=stuck)


def _within_capacity(tasks: Sequence[Movable], chosen: dict[int, str | None],
                     index: StaffIndex, ctx: MatchContext) -> dict[int, str | None]:
    """Undo moves onto anyone an offer left in place now overfills: the plan counted on the
    hours that offer would free. Each undo puts a task back where it was, so this ends."""
    result = dict(chosen)
    while True:
        planned = dict(_freed(tasks, index, ctx.loads))
        for task in tasks:
            _add(planned, index, result[task.task_id], task.spec.hours)
        over = {person.email for person in index.staff
                if planned.get(person.email, 0.0) > person.weekly_capacity_hours + CAPACITY_SLACK}
        undo = next((task for task in tasks if result[task.task_id] in over
                     and result[task.task_id] != task.holder), None)
        if undo is None:
            return result
        result[undo.task_id] = undo.holder


def _freed(tasks: Sequence[Movable], index: StaffIndex,
           loads: Mapping[str, float]) -> dict[str, float]:
    """The loads with each movable offer's hours taken off its offeree."""
    freed = dict(loads)
    for task in tasks:
        _add(freed, index, task.holder, -task.spec.hours)
    return freed


def _add(loads: dict[str, float], index: StaffIndex, email: str | None, hours: float) -> None:
    person = index.get(email) if email else None
    if person is not None:
        loads[person.email] = loads.get(person.email, 0.0) + hours


def _stay_where_no_dearer(tasks: Sequence[Movable], chosen: dict[int, str | None],
                          index: StaffIndex, ctx: MatchContext) -> dict[int, str | None]:
    """Undo each move that saves nothing while the offeree still qualifies and has room.

    Equal-cost optima are many; the solver's pick among them must not withdraw an offer for
    nothing. A move kept here was needed to make room elsewhere.
    """
    planned = dict(ctx.loads)
    for task in tasks:
        _add(planned, index, chosen[task.task_id], task.spec.hours)
    result = dict(chosen)
    for task in tasks:
        after = result[task.task_id]
        holder = index.get(task.holder) if task.holder else None
        if holder is None or after is None or holder.email == after:
            continue
        if cost_cents(holder.hourly_rate, task.spec.hours) > _cents(index, after, task.spec):
            continue
        _add(planned, index, after, -task.spec.hours)
        if reasons_against(holder, requirements_for(task.spec, replace(ctx, loads=planned))):
            _add(planned, index, after, task.spec.hours)
            continue
        _add(planned, index, holder.email, task.spec.hours)
        result[task.task_id] = holder.email
    return result


def _cents(index: StaffIndex, email: str, spec: TaskSpec) -> int:
    person = index.get(email)
    assert person is not None, "the optimiser only places people of the index"
    return cost_cents(person.hourly_rate, spec.hours)


def _move(task: Movable, after: str | None, index: StaffIndex) -> Move | None:
    holder = index.get(task.holder) if task.holder else None
    if after is None or (holder is not None and holder.email == after):
        return None
    before = holder.email if holder else task.holder
    return Move(task_id=task.task_id, before=before, after=after,
                cost_before=cost_cents(holder.hourly_rate, task.spec.hours) if holder else None,
                cost_after=_cents(index, after, task.spec))
