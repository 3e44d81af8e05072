"""Ethical walls at every moment: offers behind a new wall withdrawn, work taken back, re-offered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot import notifications, transitions, walls
from bot.firm_state import Snapshot
from bot.offering import Offering
from bot.reasons import SCREENED
from bot.unit_of_work import UnitOfWork, Units
from bot.usecases.common import work_thread
from matching import lifecycle
from matching.lifecycle import OfferState, TaskState, WithdrawReason
from matching.model import StaffProfile
from storage import tasks as task_store
from storage.tables import Task


@dataclass(frozen=True, slots=True)
class WallReport:
    """What raising walls undid: offers withdrawn and work taken back."""

    withdrawn: int = 0
    taken_back: int = 0

    def __str__(self) -> str:
        return (f"Walls: {self.withdrawn} pending offer(s) withdrawn, {self.taken_back} task(s) "
                "taken back; each offered to the next eligible person.")


class Screens:
    """Holds every screen: after a matters import, and on each scheduler tick."""

    def __init__(self, units: Units, offering: Offering) -> None:
        self.units = units
        self.offering = offering

    async def hold(self, now: datetime) -> int:
        """Scheduler job: undo whatever a wall raised without an import is in the way of
        (one cheap read when there is nothing to do)."""
        async with self.units.reading(now) as uow:
            if not await task_store.tasks_behind_walls(uow.session):
                return 0
        report = await self.enforce()
        return report.withdrawn + report.taken_back

    async def enforce(self, uow: UnitOfWork | None = None) -> WallReport:
        """Withdraw offers to, and take back work from, anyone screened from its matter; offer
        each task to the next eligible person.

        In the caller's unit of work (a matters import: the wall and its effects commit
        together), or in one of its own.
        """
        if uow is None:
            async with self.units.begin() as own:
                report = await self.enforce(own)
            self.units.wake()
            return report
        uow.forget_snapshot()  # this transaction may have just raised the wall
        snap = await uow.snapshot()
        withdrawn = taken_back = 0
        for task in await task_store.tasks_behind_walls(uow.session):
            person = snap.firm.person(task.assignee_id)
            offers = [o for o in await task_store.offers_of(uow.session, task_id=task.id or 0)
                      if o.staff_id == task.assignee_id]
            held = task.state != TaskState.OFFERED
            if held:
                taken_back += await self._take_back(uow, snap, task, person)
            else:
                withdrawn += await self._withdraw(uow, task, person)
            await self._tell(uow, snap, task, person, held=held,
                             last_offer=offers[-1].id or 0 if offers else 0)
            await self.offering.offer_next(uow, snap, task, also_exclude=frozenset({person.email}))
        return WallReport(withdrawn=withdrawn, taken_back=taken_back)

    @staticmethod
    async def _withdraw(uow: UnitOfWork, task: Task, person: StaffProfile) -> int:
        """Close the pending offer; its message becomes a bare "withdrawn", no client name."""
        offer = await task_store.pending_offer(uow.session, task_id=task.id or 0)
        closed = offer is not None and await task_store.resolve_offer(
            uow.session, offer_id=offer.id or 0, to_state=OfferState.WITHDRAWN, at=uow.now,
            reason=SCREENED)
        transition = transitions.decide(
            task, lambda status: lifecycle.withdraw(status, WithdrawReason.SCREENED))
        await transitions.apply(uow, task, transition, actor_id=None, reason=SCREENED,
                                detail={"offer_id": offer.id if offer else None,
                                        "from": person.email})
        if not closed or offer is None:
            return 0
        await uow.send(notifications.offer_walled(task.id or 0, person, offer.id or 0))
        return 1

    @staticmethod
    async def _take_back(uow: UnitOfWork, snap: Snapshot, task: Task,
                         person: StaffProfile) -> int:
        """Unassign work a newly screened person holds; their work card says so, no more."""
        thread = await work_thread(uow, task, person)
        if thread:
            await uow.send(notifications.work_walled(task.id or 0, person, thread))
        if task.state == TaskState.SUBMITTED:
            await uow.send(notifications.review_closed(uow.view(snap, task), task.review_round,
                                                       "Taken back: not reviewed."))
        transition = transitions.decide(task, lifecycle.take_back)
        await transitions.apply(uow, task, transition, actor_id=None, reason=SCREENED,
                                values={"reminder_stage": 0, "next_reminder_at": None},
                                detail={"from": person.email})
        return 1

    @staticmethod
    async def _tell(uow: UnitOfWork, snap: Snapshot, task: Task, person: StaffProfile, *,
                    held: bool, last_offer: int) -> None:
        """The delegator and the person's (unscreened) manager hear of it: matter number only."""
        matter = snap.firm.matter_by_id(task.matter_id)
        readers = [snap.firm.by_id(task.delegator_id)]
        if held:
            readers.append(walls.unscreened_manager(snap.firm, person, matter))
        for reader in {r.email: r for r in readers if r}.values():
            if not walls.screened(snap.firm, reader.email, task.matter_id):
                await uow.send(notifications.wall_notice(
                    task.id or 0, reader, person, matter.number if matter else "its matter",
                    held=held, last_offer_id=last_offer))
