"""The delegator's and managers' hand on a task: cancel it, or reassign it."""

from __future__ import annotations

from bot import notifications, transitions, views
from bot.offering import Offering
from bot.reasons import CANCELLED, REASSIGNED
from bot.replies import Actor, Refusal, Reply
from bot.unit_of_work import UnitOfWork, Units
from bot.usecases.common import acting_on
from bot.usecases.delegate import offered_headline, sentence
from matching import lifecycle
from matching.lifecycle import Cancelled, Withdrawn


class Manage:
    """Cancel and reassign: only the delegating attorney or a manager may."""

    def __init__(self, units: Units, offering: Offering) -> None:
        self.units = units
        self.offering = offering

    async def cancel(self, actor: Actor, task_id: int, reason: str = "", *,
                     event_key: str | None = None) -> Reply:
        async def work(uow: UnitOfWork) -> Reply:
            person, task = await acting_on(uow, actor, task_id, event_key)
            transition = transitions.decide(task, lambda status: lifecycle.cancel(
                status, transitions.caller(person), reason))
            await transitions.apply(uow, task, transition, actor_id=person.id,
                                    reason=reason or None)
            snap = await uow.snapshot()
            if any(isinstance(event, Withdrawn) for event in transition.events):
                await self.offering.withdraw_pending(uow, snap, task,
                                                     "Cancelled by the delegator.", CANCELLED)
            view = uow.view(snap, task)
            for event in transition.events:
                holder = snap.firm.by_id(event.holder) if isinstance(event, Cancelled) else None
                if holder and holder.id != person.id:  # whoever had the work in hand
                    await uow.send(notifications.cancelled(view, holder, person))
            return Reply(status="ok", task_id=task_id,
                         message=views.plain(f"Cancelled task #{task_id}."))

        return await self.units.run(work)

    async def reassign(self, actor: Actor, task_id: int, to_email: str | None = None, *,
                       event_key: str | None = None) -> Reply:
        """Start a new offer round: offer the task to `to_email`, or to the round's cheapest
        eligible person (preferring anyone but its current holder). Exclusions that held
        only for the last round are lifted; conflicts and missing skills still hold."""
        async def work(uow: UnitOfWork) -> Reply:
            person, task = await acting_on(uow, actor, task_id, event_key)
            transition = transitions.decide(
                task, lambda status: lifecycle.reassign(status, transitions.caller(person)))
            snap = await uow.snapshot()
            wanted = (to_email or "").strip().lower()
            target = snap.firm.by_email(wanted) if wanted not in ("", views.CHEAPEST) else None
            if wanted not in ("", views.CHEAPEST) and target is None:
                raise Refusal("invalid", f"{to_email} is not on the roster.")
            previous_holder = snap.firm.by_id(task.assignee_id) if task.assignee_id else None
            if any(isinstance(event, Withdrawn) for event in transition.events):
                await self.offering.withdraw_pending(uow, snap, task, "Reassigned by a manager.",
                                                     REASSIGNED)
            await transitions.apply(uow, task, transition, actor_id=person.id,
                                    detail={"to": target.email if target else None,
                                            "offer_round": task.offer_round})
            exclude = (frozenset({previous_holder.email}) if previous_holder and not target
                       else frozenset())
            result = await self.offering.offer_next(uow, snap, task,
                                                    named=target.email if target else None,
                                                    also_exclude=exclude)
            if target and (result.chosen is None or result.chosen.email != target.email):
                raise Refusal("invalid", f"{target.name} can't take task #{task_id}.",
                              result.named_assignee_note or result.explanation)
            if result.chosen is None:
                return Reply(status="nobody_eligible", task_id=task_id, message=views.plain(
                    f"Task #{task_id} has no eligible owner.", result.explanation))
            return Reply(status="ok", task_id=task_id, message=views.plain(
                f"{offered_headline(task_id, result)}, round {task.offer_round}.",
                sentence(result.rationale)))

        return await self.units.run(work)
