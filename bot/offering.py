"""The offer engine: offer a task to the cheapest qualified person with room, or escalate.

Delegation, declines, expiry, reassignment, walls and unreachable offerees all end here. Offers
come in rounds (matching/lifecycle.py, "Offer rounds"): the next offer skips whoever declined
the task for conflict or not my skill in any round, and whoever was tried in this round; when
nobody is left, or the round made `max_offers` offers, the round ends: the task is escalated
and the delegator and a manager are told. A manager's reassign starts the next round.
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
from bot.replies import Refusal
from bot.settings import Settings
from bot.unit_of_work import UnitOfWork
from matching import lifecycle
from matching.calendar import add_working_time
from matching.eligibility import fits_capacity
from matching.lifecycle import (
    DeclineReason,
    EscalationReason,
    OfferRecord,
    OfferRound,
    OfferState,
    TaskState,
    Transition,
    WithdrawReason,
    offer_round,
    round_exhausted,
)
from matching.matcher import MatchContext, MatchResult, TaskSpec, match
from matching.model import StaffProfile, Taxonomy
from storage import staff as staff_store
from storage import tasks as task_store
from storage.dialect import is_postgres
from storage.tables import Offer, Task

URGENT_TIMEOUT_SHARE = 0.5


class Offering:
    """Chooses, offers and escalates, inside the caller's unit of work."""

    def __init__(self, settings: Settings, taxonomy: Taxonomy) -> None:
        self.settings = settings
        self.taxonomy = taxonomy

    async def offer_next(self, uow: UnitOfWork, snap: Snapshot, task: Task, *,
                         named: str | None = None,
                         also_exclude: frozenset[str] = frozenset()) -> MatchResult:
        """Offer a stored task to the cheapest eligible person not yet tried in this round, or
        end the round (escalate) when nobody is left or the round made its maximum of offers.

        `also_exclude` is passed over when someone else is eligible, never to leave the task
        without an owner (a reassign prefers anyone but the person it was taken from).
        """
        past = await task_store.offers_of(uow.session, task_id=task.id or 0)
        round_, excluded = round_exclusions(past, snap, current_round=task.offer_round)
        result = await self.choose(uow, snap, task, named=named,
                                   excluded=excluded | also_exclude)
        if result.chosen is None and also_exclude:
            result = await self.choose(uow, snap, task, named=named, excluded=excluded)
        # The match's choice witnesses that someone eligible is left in this round.
        chosen_id = snap.firm.staff_id(result.chosen.email) if result.chosen else None
        left = frozenset() if chosen_id is None else frozenset({chosen_id})
        ended = round_exhausted(round_, eligible=left, max_offers=self.settings.max_offers)
        if ended is not None:
            tried = [o for o in past if o.offer_round == task.offer_round]
            await self.escalate(uow, snap, task, result, offers=tried, code=ended)
            return result
        transition = await self.assign(uow, snap, task, result)
        await self.record_offer(uow, snap, task, result, named, transition)
        return result

    async def choose(self, uow: UnitOfWork, snap: Snapshot, task: Task, *,
                     named: str | None, excluded: frozenset[str]) -> MatchResult:
        """The match, skipping anyone whose last hours another transaction just took."""
        spec = task_spec(self.taxonomy, snap, task, named=named)
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

    @staticmethod
    async def _context(uow: UnitOfWork, snap: Snapshot,
                       excluded: frozenset[str]) -> MatchContext:
        return await match_context(uow, snap, excluded)

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
            offer_round=task.offer_round,
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
                       *, offers: list[Offer], code: EscalationReason) -> None:
        """End the round: the task waits, unassigned, for a manager; the delegator and a
        manager are told.

        The stored reason reaches the digest channel, so it is built from codes and names; the
        matcher's full explanation (which names skills and walls) stays in the audit trail.
        """
        reason = no_takers(offers, snap.firm) if offers else NOBODY_ELIGIBLE
        transition = transitions.decide(task, lambda status: lifecycle.escalate(status, code))
        await transitions.apply(uow, task, transition, actor_id=None, reason=reason,
                                values={"escalation_reason": reason},
                                detail={"explanation": result.explanation,
                                        "reason_code": code.value,
                                        "offer_round": task.offer_round})
        view = uow.view(snap, task)
        readers = told_of(snap, task, view.delegator)
        detail = result.explanation if result.chosen is None else f"Why: {reason}."
        await uow.send(*notifications.escalated(view, readers, detail, code, task.offer_round))

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


def task_spec(taxonomy: Taxonomy, snap: Snapshot, task: Task, *,
              named: str | None = None) -> TaskSpec:
    """A stored task as the matcher takes it."""
    firm = snap.firm
    task_type = taxonomy.get(task.task_type)
    if task_type is None:
        raise Refusal("invalid", f"Task #{task.id} has a type this catalogue no longer has.")
    return TaskSpec(task_type=task_type, delegator_email=firm.email_of(task.delegator_id) or "",
                    matter=firm.matter_by_id(task.matter_id), est_hours=task.est_hours,
                    named_assignee=named)


async def match_context(uow: UnitOfWork, snap: Snapshot,
                        excluded: frozenset[str]) -> MatchContext:
    """The live loads, recent offers and reachability the matcher weighs, as of this unit."""
    workload = await uow.workload(snap)
    return MatchContext(now=uow.now, loads=workload.loads, excluded=excluded,
                        last_offered=workload.last_offered, unreachable=workload.unreachable)


def round_exclusions(offers: Iterable[Offer], snap: Snapshot, *, current_round: int,
                     ) -> tuple[OfferRound, frozenset[str]]:
    """The round's exclusions from the task's offers, and the same people by email."""
    round_ = offer_round((record_of(o) for o in offers), current_round=current_round)
    return round_, _emails(snap.firm, round_.excluded)


def closed_to(firm: Firm, offers: Iterable[Offer]) -> frozenset[str]:
    """Who a new offer round still keeps off the task (a reassign, a rebalancing move):
    whoever declined it for conflict or not my skill, in any round."""
    records = [record_of(offer) for offer in offers]
    next_round = max((record.offer_round for record in records), default=0) + 1
    return _emails(firm, offer_round(records, current_round=next_round).excluded)


def _emails(firm: Firm, staff_ids: Iterable[int]) -> frozenset[str]:
    return frozenset(email for staff_id in staff_ids if (email := firm.email_of(staff_id)))


def record_of(offer: Offer) -> OfferRecord:
    """An offer as the rounds see it: who, how it ended, in which round, and why if declined."""
    state = OfferState(offer.state)
    reason = DeclineReason.parse(offer.reason) if state == OfferState.DECLINED else None
    return OfferRecord(staff_id=offer.staff_id, state=state, offer_round=offer.offer_round,
                       reason=reason)


def told_of(snap: Snapshot, task: Task, person: StaffProfile) -> tuple[StaffProfile, ...]:
    """`person` and their manager, walking around any wall on the task's matter."""
    firm = snap.firm
    manager = walls.unscreened_manager(firm, person, firm.matter_by_id(task.matter_id))
    told = {p.email: p for p in (manager, person)
            if p and not walls.screened(firm, p.email, task.matter_id)}
    return tuple(told.values())


def cents(amount: float) -> Decimal:
    return Decimal(str(round(amount, 2)))
