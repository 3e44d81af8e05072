"""The delegator's and managers' hand on a task: cancel it, or reassign it."""

from __future__ import annotations

from bot import notifications, views
from bot.offering import Offering
from bot.replies import Actor, Refusal, Reply
from bot.transitions import move
from bot.unit_of_work import UnitOfWork, Units, already
from bot.usecases.common import supervised
from storage import tasks as task_store
from storage.tables import OPEN_TASK_STATES

REASSIGNABLE_STATES = ("unassigned", "offered", "accepted", "changes_requested")


class Manage:
    """Cancel and reassign: only the delegating attorney or a manager may."""

    def __init__(self, units: Units, offering: Offering) -> None:
        self.units = units
        self.offering = offering

    async def cancel(self, actor: Actor, task_id: int, reason: str = "", *,
                     event_key: str | None = None) -> Reply:
        async def work(uow: UnitOfWork) -> Reply:
            person, task = await supervised(uow, actor, task_id, event_key, "cancel")
            previous = task.state
            await move(uow, task, OPEN_TASK_STATES, "cancelled", actor_id=person.id,
                       reason=reason or None)
            snap = await uow.snapshot()
            await self.offering.withdraw_pending(uow, snap, task, "Cancelled by the delegator.")
            view = uow.view(snap, task)
            if view.holder and view.holder.id != person.id and previous != "offered":
                await uow.send(notifications.cancelled(view, view.holder, person))
            return Reply(status="ok", task_id=task_id,
                         message=views.plain(f"Cancelled task #{task_id}."))

        return await self.units.run(work)

    async def reassign(self, actor: Actor, task_id: int, to_email: str | None = None, *,
                       event_key: str | None = None) -> Reply:
        """Take the task back and offer it anew: to `to_email`, or to the next cheapest person
        (never straight back to its current holder)."""
        async def work(uow: UnitOfWork) -> Reply:
            person, task = await supervised(uow, actor, task_id, event_key, "reassign")
            if task.state not in REASSIGNABLE_STATES:
                raise already(f"task #{task_id}", task.state)
            snap = await uow.snapshot()
            target = snap.firm.by_email(to_email.lower()) if to_email else None
            if to_email and target is None:
                raise Refusal("invalid", f"{to_email} is not on the roster.")
            previous_holder = snap.firm.by_id(task.assignee_id) if task.assignee_id else None
            await self.offering.withdraw_pending(uow, snap, task, "Reassigned by a manager.")
            await task_store.record_event(uow.session, task_id=task_id, actor_id=person.id,
                                          action="reassigned", from_state=task.state,
                                          to_state="unassigned", at=uow.now,
                                          detail={"to": to_email})
            task.state, task.assignee_id, task.offers_made = "unassigned", None, 0
            uow.session.add(task)
            exclude = (frozenset({previous_holder.email}) if previous_holder and not target
                       else frozenset())
            result = await self.offering.offer_next(uow, snap, task,
                                                    named=target.email if target else None,
                                                    also_exclude=exclude)
            if target and (result.chosen is None or result.chosen.email != target.email):
                raise Refusal("invalid", f"{target.name} can't take task #{task_id}.",
                              result.named_assignee_note or result.explanation)
            title = (f"Task #{task_id} offered to {result.chosen.name}." if result.chosen
                     else f"Task #{task_id} has no eligible owner.")
            return Reply(status="ok", task_id=task_id,
                         message=views.plain(title, result.explanation))

        return await self.units.run(work)
