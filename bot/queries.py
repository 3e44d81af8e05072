"""Read queries: who am I, my tasks, the digest preview, and the task lists of the CLI."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot import views, walls
from bot.digest import Scope, build_digest, manager_scopes
from bot.firm_state import Snapshot
from bot.messages import Action, Message
from bot.notifications import why_you
from bot.offering import closed_to, match_context, task_spec
from bot.replies import Actor, Pick, Refusal, Reply, TaskList
from bot.settings import Settings
from bot.unit_of_work import UnitOfWork, Units
from matching.calendar import is_first_business_day_of_week
from matching.lifecycle import TaskState, holds_work
from matching.matcher import match
from matching.model import StaffProfile
from storage import matters as matter_store
from storage import staff as staff_store
from storage import tasks as task_store
from storage.tables import Task


class Queries:
    """What people ask to see; nothing here changes a task."""

    def __init__(self, units: Units, settings: Settings) -> None:
        self.units = units
        self.settings = settings

    async def whoami(self, actor: Actor) -> StaffProfile | None:
        """The acting person as the firm knows them, or None when they are not on the roster."""
        try:
            async with self.units.begin() as uow:
                return await uow.identify(actor)
        except Refusal:
            return None

    async def my_tasks(self, actor: Actor) -> TaskList | Reply:
        """`/tasks`: my open offers, the work I hold, and what I delegated."""
        try:
            async with self.units.begin() as uow:
                me = await uow.identify(actor)
                return await _task_list(uow, await uow.snapshot(), me)
        except Refusal as refusal:
            return refusal.reply()

    async def digest_preview(self, actor: Actor) -> Reply:
        """`/lpo digest`: a manager's preview of today's digest for their team."""
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            if not person.is_manager:
                raise Refusal("forbidden", "The digest is for managers.",
                              "Ask your manager if you need the team's numbers.")
            snap = await uow.snapshot()
            scope = dict(manager_scopes(snap.firm)).get(person.id or 0)
            message = await build_digest(uow.session, firm=snap.firm, now=uow.now,
                                         zone=self.settings.zone, type_names=uow.type_names,
                                         scope=scope or Scope("you", (person.id or 0,)))
            return Reply(status="ok", message=message)

        return await self.units.run(work)

    async def firm_digest(self) -> Message:
        """Today's firm-wide digest as the channel would get it; nothing is sent or recorded."""
        zone = self.settings.zone
        async with self.units.begin() as uow:
            snap = await uow.snapshot()
            return await build_digest(
                uow.session, firm=snap.firm, now=uow.now, zone=zone,
                scope=Scope(title="the firm", staff_ids=None), type_names=uow.type_names,
                weekly=is_first_business_day_of_week(uow.now.astimezone(zone).date()))


async def _task_list(uow: UnitOfWork, snap: Snapshot, me: StaffProfile) -> TaskList:
    """The person's offers, work and delegations, and a manager's queue, leaving out any
    matter walled off from them now (a wall raised a moment ago holds here too)."""
    offers, working, delegated = [], [], []
    walled: set[int] = set()
    session = uow.session
    queue = await _queue(uow, snap, me, walled) if me.is_manager else {}
    for offer in await task_store.pending_offers_for(session, staff_id=me.id or 0):
        task = await task_store.get_task(session, task_id=offer.task_id)
        if task and walls.screened(snap.firm, me.email, task.matter_id):
            walled.add(task.id or 0)
        elif task:
            offers.append(views.offer(uow.view(snap, task), me, why_you(asked_by_name=False)))
    hours_open = 0.0
    for task in await task_store.tasks_for(session, staff_id=me.id or 0):
        if walls.screened(snap.firm, me.email, task.matter_id):
            walled.add(task.id or 0)
            continue
        view = uow.view(snap, task)
        state = TaskState(task.state)
        if task.assignee_id == me.id and holds_work(state):
            in_hand = state != TaskState.SUBMITTED
            hours_open += task.est_hours if in_hand else 0.0
            actions: tuple[Action, ...] = (views.done_action(task.id or 0),) if in_hand else ()
            working.append(views.offer_closed(view, me, views.STATE_LABELS[task.state],
                                              actions=actions))
        if task.delegator_id == me.id and task.id not in queue:
            actions = views.review_actions(task.id or 0) if state == TaskState.SUBMITTED else ()
            holder = f" — {view.holder.name}" if view.holder else ""
            delegated.append(views.offer_closed(
                view, me, f"{views.STATE_LABELS[task.state]}{holder}", actions=actions))
    notes = (f"{len(walled)} task(s) not shown: you are screened from that matter.",
             ) if walled else ()
    return TaskList(offers=tuple(offers), working=tuple(working), delegated=tuple(delegated),
                    hours_open=hours_open, capacity=me.weekly_capacity_hours, notes=notes,
                    queue=tuple(queue.values()))


# --- the manager's queue ----------------------------------------------------------------------

PICKS_SHOWN = 10  # a picker lists the cheapest few; "cheapest eligible" covers the rest


async def _queue(uow: UnitOfWork, snap: Snapshot, me: StaffProfile,
                 walled: set[int]) -> dict[int, Message]:
    """The unassigned tasks whose escalations reach this manager, each with a Reassign picker;
    a matter they are screened from stays out (and is counted in `walled`)."""
    queue: dict[int, Message] = {}
    for task in await task_store.list_tasks(uow.session, state=TaskState.UNASSIGNED):
        if not _reaches(snap, task, me):
            continue
        if walls.screened(snap.firm, me.email, task.matter_id):
            walled.add(task.id or 0)
            continue
        picks = await _picks(uow, snap, task)
        queue[task.id or 0] = views.queue_item(uow.view(snap, task), me, task.escalation_code,
                                               task.offer_round, task.escalation_reason, picks)
    return queue


def _reaches(snap: Snapshot, task: Task, me: StaffProfile) -> bool:
    """Whether a task that needs an owner is this manager's to place: one they delegated, one
    their team delegated, one whose delegator's own manager is walled off from it, or one
    whose delegator has left the roster (every manager may place that)."""
    firm = snap.firm
    delegator = firm.by_id(task.delegator_id)
    if delegator is None or delegator.email == me.email or delegator.manager_email == me.email:
        return True
    told = walls.unscreened_manager(firm, delegator, firm.matter_by_id(task.matter_id))
    return told is not None and told.email == me.email


async def _picks(uow: UnitOfWork, snap: Snapshot, task: Task) -> tuple[Pick, ...]:
    """Who a reassign could hand the task to, cheapest first: the matcher's eligible
    candidates for the next round (only the for-good exclusions of past rounds hold)."""
    past = await task_store.offers_of(uow.session, task_id=task.id or 0)
    ctx = await match_context(uow, snap, closed_to(snap.firm, past))
    result = match(task_spec(uow.taxonomy, snap, task), snap.index, ctx, evaluate_all=True)
    eligible = [c for c in result.candidates if c.eligible][:PICKS_SHOWN]
    cheapest = eligible[0].cost if eligible else 0.0
    picks = []
    for candidate in eligible:
        person = snap.firm.by_email(candidate.email)
        extra = candidate.cost - cheapest
        why = ("cheapest eligible" if extra <= 0
               else f"{views.money(extra)} more than the cheapest")
        picks.append(Pick(email=candidate.email, name=candidate.name, cost=candidate.cost,
                          load=ctx.loads.get(candidate.email, 0.0),
                          capacity=person.weekly_capacity_hours if person else 0.0, why=why))
    return tuple(picks)



# --- the command line's read models ------------------------------------------------------------


async def _names(session: AsyncSession) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    people = await staff_store.list_staff(session, active_only=False)
    matters = await matter_store.list_matters(session)
    emails = {p.id or 0: p.email for p in people}
    names = {p.id or 0: p.name for p in people}
    numbers = {m.id or 0: m.number for m in matters}
    return emails, names, numbers


def _money(value: Any) -> float | None:
    return None if value is None else float(value)


def _row(task: Task, emails: dict[int, str], numbers: dict[int, str]) -> dict[str, Any]:
    holder = task.assignee_id if task.state != TaskState.UNASSIGNED else None
    return {"id": task.id, "title": task.title, "task_type": task.task_type, "state": task.state,
            "assignee": emails.get(holder) if holder else None,
            "delegator": emails.get(task.delegator_id),
            "matter": numbers.get(task.matter_id) if task.matter_id else None,
            "due_at": task.due_at.isoformat() if task.due_at else None,
            "priority": task.priority, "est_hours": task.est_hours,
            "savings": _money(task.savings)}


async def task_rows(session: AsyncSession, *, state: str | None = None) -> list[dict[str, Any]]:
    """The `tasks list --json` contract (README, "Command line")."""
    emails, _names_, numbers = await _names(session)
    return [_row(task, emails, numbers)
            for task in await task_store.list_tasks(session, state=state)]


async def task_detail(session: AsyncSession, *, task_id: int) -> dict[str, Any] | None:
    """One task with its offers and audit trail."""
    task = await task_store.get_task(session, task_id=task_id)
    if task is None:
        return None
    emails, names, numbers = await _names(session)
    detail = _row(task, emails, numbers)
    detail.update({"text": task.text, "cost": _money(task.cost),
                   "escalation_reason": task.escalation_reason,
                   "escalation_code": task.escalation_code, "offer_round": task.offer_round,
                   "created_at": task.created_at.isoformat(),
                   "completed_at": task.completed_at.isoformat() if task.completed_at else None})
    detail["offers"] = [
        {"id": o.id, "to": emails.get(o.staff_id), "state": o.state, "round": o.offer_round,
         "offered_at": o.offered_at.isoformat(),
         "expires_at": o.expires_at.isoformat() if o.expires_at else None,
         "responded_at": o.responded_at.isoformat() if o.responded_at else None,
         "reason": o.reason, "note": o.note, "cost": _money(o.cost)}
        for o in await task_store.offers_of(session, task_id=task_id)]
    detail["history"] = [
        {"at": e.at.isoformat(), "actor": names.get(e.actor_id) if e.actor_id else "lpo-bot",
         "action": e.action, "from_state": e.from_state, "to_state": e.to_state,
         "reason": e.reason, "detail": e.detail}
        for e in await task_store.events_of(session, task_id=task_id)]
    return detail
