"""`/lpo rebalance`: a manager moves their team's pending offers and unassigned tasks to the
assignment of least total cost, seeing every move first; accepted work never moves.

The plan is the batch optimiser's (matching/rebalance.py) under the rules of single matching.
Applying plans again inside its own transaction and moves only what that fresh plan says: a
plan token names the plan that was shown, and a changed plan is shown again, not applied.
Each move is a manager's reassign (the pending offer withdrawn, its card updated in place)
followed by an offer through the outbox, exactly as a single delegation makes one.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from bot import transitions, views, walls
from bot.digest import manager_scopes
from bot.firm_state import Snapshot
from bot.messages import Action, Fact, Message
from bot.offering import Offering, closed_to
from bot.reasons import REASSIGNED
from bot.replies import Actor, Refusal, Reply
from bot.unit_of_work import UnitOfWork, Units
from matching import lifecycle
from matching.lifecycle import TaskState, Withdrawn
from matching.matcher import Candidate, MatchContext, MatchResult, TaskSpec, format_money
from matching.model import StaffProfile
from matching.rebalance import Movable, Move, RebalancePlan, plan_rebalance
from storage import staff as staff_store
from storage import tasks as task_store
from storage.dialect import is_postgres
from storage.tables import Offer, Task

APPLY = "rebalance"  # the button's action id; its value is `apply:<token>`
SHOWN_MOVES = 40  # lines in one chat message; the totals always count every move
MOVED_AWAY = "Moved to someone else when a manager rebalanced the team's work."


@dataclass(frozen=True, slots=True)
class _Planned:
    """A plan with the rows it moves, as of one transaction."""

    plan: RebalancePlan
    snap: Snapshot
    type_names: Mapping[str, str]
    tasks: Mapping[int, Task]
    looked_at: int
    token: str  # names this plan (see `_token`)

    @property
    def worthwhile(self) -> bool:
        """Saves money, or gives work to someone who can take it."""
        return self.plan.saved > 0 or any(m.cost_before is None for m in self.plan.moves)


@dataclass(frozen=True, slots=True)
class MoveLine:
    """One move as the dashboard lists it: matter numbers and people's names, no client."""

    task_id: int
    task_type: str  # the type's label
    matter: str | None  # the matter number
    before: str | None  # who has the offer now; None for an unassigned task
    after: str
    cost_before: int | None  # cents; None for an unassigned task
    cost_after: int
    saving: int


@dataclass(frozen=True, slots=True)
class PlanView:
    """The plan a manager would apply; `token` is None when it is not worth applying."""

    token: str | None
    moves: tuple[MoveLine, ...]
    saved: int  # cents, on the offers moved
    placed: int  # unassigned tasks given to someone
    stuck: int  # unassigned tasks nobody eligible can take
    looked_at: int


class Rebalancing:
    """Propose and apply a manager's rebalance of their team's movable work."""

    def __init__(self, units: Units, offering: Offering) -> None:
        self.units = units
        self.offering = offering

    async def propose(self, actor: Actor) -> Reply:
        """The plan, with each move's cost before and after and the total saved."""
        try:
            async with self.units.reading() as uow:
                manager = await _manager(uow, actor)
                planned = await self._plan(uow, manager, lock=False)
                return Reply(status="ok", message=_proposal(planned))
        except Refusal as refusal:
            return refusal.reply()

    async def view(self, actor: Actor) -> PlanView:
        """The same plan as `propose`, move by move, for the dashboard (which renders it
        itself). Raises `Refusal` for someone who is not a manager."""
        async with self.units.reading() as uow:
            manager = await _manager(uow, actor)
            planned = await self._plan(uow, manager, lock=False)
        worthwhile = bool(planned.plan.moves) and planned.worthwhile
        plan = planned.plan
        return PlanView(token=planned.token if worthwhile else None,
                        moves=tuple(_move_line(planned, move) for move in plan.moves)
                        if worthwhile else (),
                        saved=plan.saved, placed=plan.placed, stuck=len(plan.stuck),
                        looked_at=planned.looked_at)

    async def apply(self, actor: Actor, token: str | None = None, *,
                    event_key: str | None = None) -> Reply:
        """Plan again and apply it when it is still the plan shown (`token`; typed without
        one, the fresh plan is applied and the answer lists exactly what moved)."""
        async def work(uow: UnitOfWork) -> Reply:
            manager = await _manager(uow, actor)
            await uow.once(event_key)
            planned = await self._plan(uow, manager, lock=True)
            if not planned.plan.moves or not planned.worthwhile:
                if token:
                    raise Refusal("already_handled", "Already handled.",
                                  "That plan was applied or overtaken; nothing is left to move.")
                return Reply(status="ok", message=_proposal(planned))
            if token and token != planned.token:
                return Reply(status="ok", message=_proposal(
                    planned, heading="The plan changed since it was shown; nothing moved"))
            await uow.once(f"rebalance:{manager.id}:{planned.token}")
            await self._hold_room(uow, planned)
            snap = await uow.snapshot()
            for move in planned.plan.moves:
                await self._move(uow, snap, manager, planned, move)
            return Reply(status="ok", message=_applied(planned))

        return await self.units.run(work)

    async def _plan(self, uow: UnitOfWork, manager: StaffProfile, *, lock: bool) -> _Planned:
        snap = await uow.snapshot()
        firm = snap.firm
        team = dict(manager_scopes(firm)).get(manager.id or 0)
        rows = await task_store.movable_tasks(
            uow.session, staff_ids=team.staff_ids if team else (manager.id or 0,),
            lock=lock and is_postgres(uow.session))
        # A screened manager's plan leaves walled matters out altogether.
        kept = [(task, offer, kind) for task, offer in rows
                if not walls.screened(firm, manager.email, task.matter_id)
                and (kind := uow.taxonomy.get(task.task_type)) is not None]
        history = await task_store.offers_of_tasks(
            uow.session, task_ids=[task.id or 0 for task, _, _ in kept])
        movable = [Movable(task_id=task.id or 0, holder=_holder(snap, task, offer),
                           spec=TaskSpec(task_type=kind,
                                         delegator_email=firm.email_of(task.delegator_id) or "",
                                         matter=firm.matter_by_id(task.matter_id),
                                         est_hours=task.est_hours,
                                         excluded=closed_to(firm, history[task.id or 0])))
                   for task, offer, kind in kept]
        workload = await uow.workload(snap)
        ctx = MatchContext(now=uow.now, loads=workload.loads, last_offered=workload.last_offered,
                           unreachable=workload.unreachable)
        # The solver takes up to a second: off the event loop, so chat keeps being answered.
        plan = await asyncio.to_thread(plan_rebalance, movable, snap.index, ctx)
        tasks = {task.id or 0: task for task, _, _ in kept}
        return _Planned(plan=plan, snap=snap, type_names=uow.type_names, tasks=tasks,
                        looked_at=len(kept), token=_token(plan, tasks))

    async def _hold_room(self, uow: UnitOfWork, planned: _Planned) -> None:
        """On PostgreSQL, lock everyone the plan gives work and count their hours again: an
        offer made meanwhile by another transaction must not be overrun (SQLite has one
        writer, so the loads just planned with still hold)."""
        session = uow.session
        if not is_postgres(session):
            return
        firm = (await uow.snapshot()).firm
        incoming: dict[int, float] = {}
        for move in planned.plan.moves:
            staff_id = firm.staff_id(move.after) or 0
            incoming[staff_id] = incoming.get(staff_id, 0.0) + planned.tasks[move.task_id].est_hours
        for staff_id in sorted(incoming):  # one order for everyone: no deadlocks
            await staff_store.lock_staff(session, staff_id=staff_id)
        loads = await task_store.open_loads(session, staff_ids=sorted(incoming))
        leaving: dict[int, float] = {}
        for move in planned.plan.moves:
            task = planned.tasks[move.task_id]
            if task.state == TaskState.OFFERED and task.assignee_id in incoming:
                leaving[task.assignee_id] = leaving.get(task.assignee_id, 0.0) + task.est_hours
        for staff_id, hours in incoming.items():
            person = firm.person(staff_id)
            after = loads.get(staff_id, 0.0) - leaving.get(staff_id, 0.0) + hours
            if after > person.weekly_capacity_hours + 1e-9:
                raise Refusal("already_handled", "The team's work changed while planning.",
                              "Nothing moved. Ask for the plan again: /lpo rebalance")

    async def _move(self, uow: UnitOfWork, snap: Snapshot, manager: StaffProfile,
                    planned: _Planned, move: Move) -> None:
        """A manager's reassign (the pending offer withdrawn in place), then the new offer."""
        task = planned.tasks[move.task_id]
        transition = transitions.decide(
            task, lambda status: lifecycle.reassign(status, transitions.caller(manager)))
        if any(isinstance(event, Withdrawn) for event in transition.events):
            await self.offering.withdraw_pending(uow, snap, task, MOVED_AWAY, REASSIGNED)
        await transitions.apply(uow, task, transition, actor_id=manager.id,
                                reason="rebalanced",
                                detail={"rebalance": planned.token, "to": move.after})
        result = _offer_for(snap, task, move, manager)
        offered = await self.offering.assign(uow, snap, task, result)
        await self.offering.record_offer(uow, snap, task, result, None, offered)


def _token(plan: RebalancePlan, tasks: Mapping[int, Task]) -> str:
    """Names a plan: the same tasks, unchanged since, going to the same people at the same
    costs. Any transition of a task moves its `updated_at`, and so the token."""
    parts = [f"{m.task_id}@{tasks[m.task_id].updated_at.isoformat()}:{m.before}>{m.after}"
             f":{m.cost_after}" for m in plan.moves]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:10]


async def _manager(uow: UnitOfWork, actor: Actor) -> StaffProfile:
    person = await uow.identify(actor)
    if not person.is_manager:
        raise Refusal("forbidden", "Rebalancing is for managers.",
                      "Ask your manager if the team's work looks lopsided.")
    return person


def _holder(snap: Snapshot, task: Task, offer: Offer | None) -> str | None:
    """The offeree of a pending offer (whoever the task row names, should the offer be gone)."""
    if task.state != TaskState.OFFERED:
        return None
    return snap.firm.email_of(offer.staff_id if offer else task.assignee_id)


def _offer_for(snap: Snapshot, task: Task, move: Move, manager: StaffProfile) -> MatchResult:
    """The match a single delegation would have recorded, for the person the plan chose."""
    firm = snap.firm
    person = firm.by_email(move.after)
    assert person is not None, "plans only name people on the roster"
    delegator = firm.person(task.delegator_id)
    cost = move.cost_after / 100
    savings = max(0.0, round((delegator.hourly_rate - person.hourly_rate) * task.est_hours, 2))
    before = (f"; it was offered at {format_money(move.cost_before)}"
              if move.cost_before is not None else "")
    explanation = (f"{person.name} ({views.role(person)}, {views.money(person.hourly_rate)}/h): "
                   f"{manager.name} rebalanced the team's open work at the least total cost; "
                   f"this task costs {format_money(move.cost_after)} here{before}.")
    chosen = Candidate(email=person.email, name=person.name, role=person.role,
                       hourly_rate=person.hourly_rate, cost=cost, eligible=True, reasons=())
    return MatchResult(chosen=chosen, savings=savings, est_hours=task.est_hours,
                       candidates=(chosen,), explanation=explanation, named_assignee_note=None)


# --- wording: task numbers, type labels, matter numbers, names and costs; never a client ---


def _line(planned: _Planned, move: Move) -> str:
    """`#12 Demand letter · 2027-0302: Dmitri Albescu $72 → Priscilla Yuen $54 (saves $18)`."""
    firm, task = planned.snap.firm, planned.tasks[move.task_id]
    matter = firm.matter_by_id(task.matter_id)
    label = planned.type_names.get(task.task_type, "Task")
    what = f"#{move.task_id} {label}" + (f" \u00b7 {matter.number}" if matter else "")
    after = f"{_name(planned, move.after)} {format_money(move.cost_after)}"
    if move.cost_before is None:
        before = "unassigned" if move.before is None else _name(planned, move.before)
        return f"{what}: {before} \u2192 {after}"
    change = (f"saves {format_money(move.saving)}" if move.saving > 0
              else f"costs {format_money(-move.saving)} more" if move.saving < 0
              else "same cost")
    return (f"{what}: {_name(planned, move.before)} {format_money(move.cost_before)} "
            f"\u2192 {after} ({change})")


def _move_line(planned: _Planned, move: Move) -> MoveLine:
    task = planned.tasks[move.task_id]
    matter = planned.snap.firm.matter_by_id(task.matter_id)
    return MoveLine(task_id=move.task_id,
                    task_type=planned.type_names.get(task.task_type, "Task"),
                    matter=matter.number if matter else None,
                    before=_name(planned, move.before) if move.before else None,
                    after=_name(planned, move.after), cost_before=move.cost_before,
                    cost_after=move.cost_after, saving=move.saving)


def _name(planned: _Planned, email: str | None) -> str:
    person = planned.snap.firm.by_email(email) if email else None
    return person.name if person else "a former colleague"


def _lines(planned: _Planned) -> tuple[str, ...]:
    moves = planned.plan.moves
    lines = [_line(planned, move) for move in moves[:SHOWN_MOVES]]
    if len(moves) > SHOWN_MOVES:
        lines.append(f"\u2026and {len(moves) - SHOWN_MOVES} more moves.")
    if planned.plan.stuck:
        lines.append(f"{len(planned.plan.stuck)} unassigned task(s) still have nobody eligible.")
    return tuple(lines)


def _facts(planned: _Planned) -> tuple[Fact, ...]:
    plan = planned.plan
    moved = [m for m in plan.moves if m.cost_before is not None]
    facts = [Fact("Moves", str(len(plan.moves))),
             Fact("Offers moved", f"{format_money(sum(m.cost_before or 0 for m in moved))} "
                                  f"\u2192 {format_money(sum(m.cost_after for m in moved))}"),
             Fact("Saved", format_money(max(plan.saved, 0)))]
    if plan.placed:
        placed = sum(m.cost_after for m in plan.moves if m.before is None)
        facts.append(Fact("Unassigned tasks placed", f"{plan.placed} ({format_money(placed)})"))
    return tuple(facts)


def _nothing(planned: _Planned) -> Message:
    return Message(
        title="Nothing to rebalance: the plan would save nothing.",
        body=(f"Looked at {planned.looked_at} pending offer(s) and unassigned task(s) of your "
              "team: they are already with the least expensive qualified people who have room. "
              "Accepted work is never moved."),
        lines=tuple(line for line in _lines(planned) if not line.startswith("#")))


def _proposal(planned: _Planned, heading: str | None = None) -> Message:
    """The plan, with the Apply button; or, when it would save nothing, that it would not."""
    if not planned.plan.moves or not planned.worthwhile:
        return _nothing(planned)
    saved = planned.plan.saved
    title = heading or (f"Rebalance your team's open work: saves {format_money(saved)}"
                        if saved > 0 else "Rebalance your team's open work")
    token = planned.token
    return Message(
        title=title,
        body=("Pending offers and unassigned tasks go to the least total cost within everyone's "
              "capacity; accepted work stays where it is. Nothing moves until you apply."),
        facts=_facts(planned), lines=_lines(planned),
        actions=(Action(APPLY, "Apply", f"apply:{token}", style="primary"),),
        footer=f"Or type: /lpo rebalance apply {token}", kind="rebalance")


def _applied(planned: _Planned) -> Message:
    saved = planned.plan.saved
    title = (f"Rebalanced: {len(planned.plan.moves)} move(s)"
             + (f", saving {format_money(saved)}" if saved > 0 else ""))
    return Message(title=title, body="The new offers are on their way; withdrawn offers were "
                                     "updated for the people who had them.",
                   facts=_facts(planned), lines=_lines(planned), kind="rebalance")
