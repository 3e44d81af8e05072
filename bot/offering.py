"""The offer engine: offer a task to the cheapest qualified person with room, or escalate.

Delegation, declines, expiry, reassignment, walls and unreachable offerees all end here: the
next offer skips everyone who already declined, let it expire or had it withdrawn, and after
`max_offers` offers, or when nobody is eligible, the delegator and a manager are told.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from bot import notifications, transitions, walls
from bot.firm import Firm
from bot.firm_state import Snapshot
from bot.reasons import NOBODY_ELIGIBLE, UNREACHABLE, no_takers
from bot.settings import Settings
from bot.unit_of_work import UnitOfWork
from matching import lifecycle
from matching.calendar import add_working_time
from matching.eligibility import fits_capacity
from matching.lifecycle import (
    EscalationReason,
    OfferState,
    TaskState,
    Transition,
    WithdrawReason,
)
from matching.matcher import MatchContext, MatchResult, TaskSpec, match
from matching.model import StaffProfile, Taxonomy
from storage import staff as staff_store
from storage import tasks as task_store
from storage.dialect import is_postgres
from storage.tables import Offer, Task

URGENT_TIMEOUT_SHARE = 0.5
# Whoever declined an offer of the task, let it expire or had it withdrawn is not offered it
# again (a manager may still name them in a reassign).
CLOSED_OFFER_STATES = (OfferState.DECLINED, OfferState.EXPIRED, OfferState.WITHDRAWN)


class Offering:
    """Chooses, offers and escalates, inside the caller's unit of work."""

    def __init__(self, settings: Settings, taxonomy: Taxonomy) -> None:
        self.settings = settings
        self.taxonomy = taxonomy

    async def offer_next(self, uow: UnitOfWork, snap: Snapshot, task: Task, *,
                         named: str | None = None,
                         also_exclude: frozenset[str] = frozenset()) -> MatchResult:
        """Offer a stored task to the cheapest eligible person, or escalate when there is none."""
        firm = snap.firm
        past = await task_store.offers_of(uow.session, task_id=task.id or 0)
        excluded = closed_to(firm, past) | also_exclude
        result = await self.choose(uow, snap, task, named=named, excluded=excluded)
        if not self.offerable(task, result):
            # offers_made, not every offer ever: a manager's reassign starts a fresh round.
            await self.escalate(uow, snap, task, result,
                                offers=past[len(past) - task.offers_made:])
            return result
        transition = await self.assign(uow, snap, task, result)
        await self.record_offer(uow, snap, task, result, named, transition)
        return result

    async def choose(self, uow: UnitOfWork, snap: Snapshot, task: Task, *,
                     named: str | None, excluded: frozenset[str]) -> MatchResult:
        """The match, skipping anyone whose last hours another transaction just took."""
        firm = snap.firm
        spec = TaskSpec(task_type=self.taxonomy.get(task.task_type),  # type: ignore[arg-type]
                        delegator_email=firm.email_of(task.delegator_id) or "",
                        matter=firm.matter_by_id(task.matter_id), est_hours=task.est_hours,
                        named_assignee=named)
        full: set[str] = set()
        while True:
            ctx = await self._context(uow, snap, excluded | frozenset(full))
            result = match(spec, snap.index, ctx)
            chosen = result.chosen
            if chosen is None or not self.offerable(task, result):
                return result
            if await self._still_has_room(uow, snap, chosen.email, task.est_hours):
                return result
            full.add(chosen.email)

    def offerable(self, task: Task, result: MatchResult) -> bool:
        return result.chosen is not None and task.offers_made < self.settings.max_offers

    async def _context(self, uow: UnitOfWork, snap: Snapshot,
                       excluded: frozenset[str]) -> MatchContext:
        workload = await uow.workload(snap)
        return MatchContext(now=uow.now, loads=workload.loads, excluded=excluded,
                            last_offered=workload.last_offered,
                            unreachable=workload.unreachable)

    async def _still_has_room(self, uow: UnitOfWork, snap: Snapshot, email: str,
                              est_hours: float) -> bool:
        """Lock the person, then recount: two matches at once can't both fill the last hours."""
        person = snap.firm.by_email(email)
        if person is None or person.id is None:
            return False
        session = uow.session
        if not is_postgres(session):
            return True  # BEGIN IMMEDIATE: the loads just read cannot have changed since
        await staff_store.lock_staff(session, staff_id=person.id)
        load = (await task_store.open_loads(session, staff_ids=[person.id])).get(person.id, 0.0)
        return fits_capacity(load, est_hours, person.weekly_capacity_hours)

    async def assign(self, uow: UnitOfWork, snap: Snapshot, task: Task,
                     result: MatchResult) -> Transition:
        """Move the task to the chosen person (a new task in memory, to be written once);
        `record_offer` then writes the offer and tells them."""
        chosen = result.chosen
        assert chosen is not None, "only an offerable match is assigned"
        offeree = snap.firm.person(snap.firm.staff_id(chosen.email))
        transition = transitions.decide(task, lambda status: lifecycle.offer(status,
                                                                             offeree.id or 0))
        await transitions.write(uow, task, transition, {"cost": cents(chosen.cost),
                                                        "savings": cents(result.savings)})
        return transition

    async def record_offer(self, uow: UnitOfWork, snap: Snapshot, task: Task,
                           result: MatchResult, named: str | None,
                           transition: Transition) -> None:
        """The offer row, its audit event and the DM, for a task `assign` just moved."""
        now = uow.now
        chosen = result.chosen
        assert chosen is not None, "only an offerable match is assigned"
        offeree = snap.firm.person(task.assignee_id)
        offer = await task_store.add_offer(uow.session, offer=Offer(
            task_id=task.id or 0, staff_id=offeree.id or 0, state=OfferState.PENDING,
            explanation=result.explanation, cost=cents(chosen.cost), offered_at=now,
            remind_at=self._after(now, self._timeout_minutes(task) / 2, offeree),
            expires_at=self._after(now, self._timeout_minutes(task), offeree)))
        await transitions.record(
            uow, task, transition, actor_id=None,
            detail={"offer_id": offer.id, "to": offeree.email, "cost": chosen.cost,
                    "savings": result.savings, "explanation": result.explanation})
        await uow.send(notifications.offered(uow.view(snap, task), offeree, offer.id or 0,
                                             asked_by_name=named == chosen.email))

    def _timeout_minutes(self, task: Task) -> int:
        minutes = self.settings.offer_timeout_minutes
        if task.priority == "urgent":
            minutes = max(1, round(minutes * URGENT_TIMEOUT_SHARE))
        return minutes

    @staticmethod
    def _after(now: datetime, minutes: float, offeree: StaffProfile) -> datetime:
        """`minutes` of the offeree's working time after `now`."""
        return add_working_time(now, minutes, zone=ZoneInfo(offeree.timezone),
                                hours=offeree.working_hours)

    async def escalate(self, uow: UnitOfWork, snap: Snapshot, task: Task, result: MatchResult,
                       *, offers: list[Offer]) -> None:
        """Nobody (else) can take it: unassign it and tell the delegator and a manager.

        The stored reason reaches the digest channel, so it is built from codes and names; the
        matcher's full explanation (which names skills and walls) stays in the audit trail.
        """
        ran_out = len(offers) >= self.settings.max_offers and result.chosen is not None
        if ran_out:
            code, reason = EscalationReason.MAX_OFFERS, no_takers(offers, snap.firm)
        else:
            code = (EscalationReason.EVERYONE_TRIED if task.offers_made
                    else EscalationReason.NOBODY_ELIGIBLE)
            reason = NOBODY_ELIGIBLE
        transition = transitions.decide(task, lambda status: lifecycle.escalate(status, code))
        await transitions.apply(uow, task, transition, actor_id=None, reason=reason,
                                values={"escalation_reason": reason},
                                detail={"explanation": result.explanation,
                                        "reason_code": code.value})
        view = uow.view(snap, task)
        readers = told_of(snap, task, view.delegator)
        detail = f"Why: {reason}." if ran_out else result.explanation
        await uow.send(*notifications.escalated(view, readers, detail, task.offers_made))

    async def reroute(self, uow: UnitOfWork, snap: Snapshot, offer: Offer,
                      person: StaffProfile) -> None:
        """Withdraw an offer its offeree can't see and offer the task to the next person."""
        task = await task_store.get_task(uow.session, task_id=offer.task_id)
        if task is None or task.state != TaskState.OFFERED or not await task_store.resolve_offer(
                uow.session, offer_id=offer.id or 0, to_state=OfferState.WITHDRAWN, at=uow.now,
                reason=UNREACHABLE):
            return
        transition = transitions.decide(
            task, lambda status: lifecycle.withdraw(status, WithdrawReason.UNREACHABLE))
        await transitions.apply(uow, task, transition, actor_id=None,
                                reason=f"{person.name} can't be reached in chat",
                                detail={"offer_id": offer.id})
        result = await self.offer_next(uow, snap, task)
        detail = notifications.next_step(
            task.state, result.chosen.name if result.chosen else None)
        await uow.send(notifications.rerouted(uow.view(snap, task), person, offer.id or 0,
                                              detail))

    async def withdraw_pending(self, uow: UnitOfWork, snap: Snapshot, task: Task,
                               outcome: str, code: str) -> None:
        """Close the task's open offer, if any, once a transition withdrew it (a cancel or a
        reassign), and tell its offeree."""
        offer = await task_store.pending_offer(uow.session, task_id=task.id or 0)
        if offer is None:
            return
        await task_store.resolve_offer(uow.session, offer_id=offer.id or 0,
                                       to_state=OfferState.WITHDRAWN, at=uow.now, reason=code)
        offeree = snap.firm.person(offer.staff_id)
        await uow.send(notifications.offer_withdrawn(uow.view(snap, task), offeree,
                                                     offer.id or 0, outcome))


def closed_to(firm: Firm, offers: Iterable[Offer]) -> frozenset[str]:
    """Who is not offered the task again: whoever declined it, let it expire or had it
    withdrawn (single offers and rebalancing alike)."""
    return frozenset(email for offer in offers if offer.state in CLOSED_OFFER_STATES
                     if (email := firm.email_of(offer.staff_id)))


def told_of(snap: Snapshot, task: Task, person: StaffProfile) -> tuple[StaffProfile, ...]:
    """`person` and their manager, walking around any wall on the task's matter."""
    firm = snap.firm
    manager = walls.unscreened_manager(firm, person, firm.matter_by_id(task.matter_id))
    told = {p.email: p for p in (manager, person)
            if p and not walls.screened(firm, p.email, task.matter_id)}
    return tuple(told.values())


def cents(amount: float) -> Decimal:
    return Decimal(str(round(amount, 2)))
