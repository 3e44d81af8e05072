"""Answering an offer: accept, decline, let it expire, or be unreachable in chat."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from bot import notifications, transitions, views
from bot.firm_state import Snapshot
from bot.offering import Offering
from bot.reasons import EXPIRED, decline_label, split_decline
from bot.replies import Actor, Refusal, Reply
from bot.unit_of_work import UnitOfWork, Units, already
from bot.usecases.common import offered_to
from bot.usecases.reminders import schedule_reminders
from matching import lifecycle
from matching.lifecycle import DeclineReason, OfferState, TaskState
from matching.model import StaffProfile
from storage import conversations as conversation_store
from storage import tasks as task_store
from storage.tables import Offer, Task


class Respond:
    """The offeree's side of an offer, and what happens when they don't answer."""

    def __init__(self, units: Units, offering: Offering) -> None:
        self.units = units
        self.offering = offering

    async def accept(self, actor: Actor, task_id: int, *, event_key: str | None = None) -> Reply:
        """`accept 12`: take the task numbered 12, offered to the actor."""
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            await uow.once(event_key)
            offer, task = await offered_to(uow, task_id, person)
            offer_id = offer.id or 0
            if not await task_store.resolve_offer(uow.session, offer_id=offer_id,
                                                  to_state=OfferState.ACCEPTED, at=uow.now,
                                                  staff_id=person.id):
                raise already(f"task #{task_id}", task.state)
            transition = transitions.decide(
                task, lambda status: lifecycle.accept(status, transitions.caller(person)))
            await transitions.apply(uow, task, transition, actor_id=person.id,
                                    detail={"offer_id": offer_id})
            snap = await uow.snapshot()
            schedule_reminders(task, person, uow.now)
            view = uow.view(snap, task)
            update = notifications.offer_accepted(view, person, offer_id)
            await uow.send(update, notifications.accepted_for_delegator(view, person, offer_id))
            # The answer is the work card itself: Teams shows it in place of the clicked card.
            return Reply(status="ok", task_id=task.id, message=update.message)

        return await self.units.run(work)

    async def decline(self, actor: Actor, task_id: int, reason: str = "",
                      *, note: str | None = None, event_key: str | None = None) -> Reply:
        """`decline 12 no capacity`: `reason` is a code, or a code or label followed by
        words, or just words (`other`). Conflict and not my skill keep the task from the
        decliner for good; other reasons only for this offer round."""
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            await uow.once(event_key)
            offer, task = await offered_to(uow, task_id, person)
            offer_id = offer.id or 0
            code, typed = split_decline(reason)
            words = "\n".join(part for part in (typed, (note or "").strip()) if part) or None
            if not await task_store.resolve_offer(uow.session, offer_id=offer_id,
                                                  to_state=OfferState.DECLINED, at=uow.now,
                                                  reason=code, note=words, staff_id=person.id):
                raise already(f"task #{task_id}", task.state)
            transition = transitions.decide(task, lambda status: lifecycle.decline(
                status, transitions.caller(person), DeclineReason(code), words or ""))
            await transitions.apply(uow, task, transition, actor_id=person.id, reason=code,
                                    detail={"offer_id": offer_id, "note": words})
            why = decline_label(code)
            # The note may name a client: it goes to the delegator alone.
            await self._moved_on(uow, await uow.snapshot(), task, offer_id, person,
                                 outcome=f"You declined ({why}).",
                                 headline=f"{person.name} declined task #{task.id} ({why})",
                                 note=f"{person.name}'s note: {words}" if words else "")
            return Reply(status="ok", task_id=task.id,
                         message=views.plain(f"Declined task #{task.id} ({why}).",
                                             "Thanks — it goes to the next person."))

        return await self.units.run(work)

    async def expire_due_offers(self, now: datetime) -> int:
        """Time out offers in expiry order; each one moves on to the next cheapest person."""
        async def claim(uow: UnitOfWork, seen: Collection[int]) -> Offer | None:
            due = await task_store.due_offers(uow.session, now=now, limit=1, exclude=seen)
            return due[0] if due else None

        async def expire(uow: UnitOfWork, offer: Offer) -> int:
            return int(await self.expire_offer(uow, offer))

        return await self.units.each_due(now, claim, expire)

    async def expire_offer(self, uow: UnitOfWork, offer: Offer) -> bool:
        """Time out one pending offer and move on (the caller owns the unit of work)."""
        if not await task_store.resolve_offer(uow.session, offer_id=offer.id or 0,
                                              to_state=OfferState.EXPIRED, at=uow.now,
                                              reason=EXPIRED):
            return False
        task = await task_store.get_task(uow.session, task_id=offer.task_id)
        if task is None or task.state != TaskState.OFFERED:
            return True
        transition = transitions.decide(task, lifecycle.expire)
        await transitions.apply(uow, task, transition, actor_id=None,
                                reason="no answer before the timeout",
                                detail={"offer_id": offer.id})
        snap = await uow.snapshot()
        offeree = snap.firm.person(offer.staff_id)
        await self._moved_on(uow, snap, task, offer.id or 0, offeree,
                             outcome="This offer expired and went to someone else.",
                             headline=f"{offeree.name} didn't answer in time on task #{task.id}")
        return True

    async def _moved_on(self, uow: UnitOfWork, snap: Snapshot, task: Task, offer_id: int,
                        offeree: StaffProfile, *, outcome: str, headline: str,
                        note: str = "") -> None:
        """Close the offer for its offeree, offer the task onwards, tell the delegator (with
        the decliner's note, which only they see)."""
        await uow.send(notifications.offer_closed(uow.view(snap, task), offeree, offer_id,
                                                  outcome))
        result = await self.offering.offer_next(uow, snap, task)
        detail = notifications.next_step(
            task.state, result.chosen.name if result.chosen else None)
        detail = f"{note}\n{detail}" if note else detail
        await uow.send(notifications.moved_on(uow.view(snap, task), offer_id, headline, detail))

    async def staff_unreachable(self, staff_id: int, reason: str) -> Reply:
        """Teams can't reach this person: skip them for now, move their offers, tell the manager."""
        async def work(uow: UnitOfWork) -> Reply:
            snap = await uow.snapshot()
            person = snap.firm.by_id(staff_id)
            if person is None or not person.teams_user_id:
                raise Refusal("not_found", f"Staff member {staff_id} has no Teams identity.")
            newly = await conversation_store.mark_unreachable(
                uow.session, teams_user_id=person.teams_user_id, reason=reason, now=uow.now)
            for offer in await task_store.pending_offers_for(uow.session, staff_id=staff_id):
                await self.offering.reroute(uow, snap, offer, person)
            manager = snap.firm.by_email(person.manager_email) if person.manager_email else None
            if newly and manager:
                await uow.send(notifications.unreachable(person, manager, reason, uow.now))
            return Reply(status="ok", message=views.plain(f"{person.name} is unreachable."))

        return await self.units.run(work)
