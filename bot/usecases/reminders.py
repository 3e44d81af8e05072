"""Reminders: offers halfway to their timeout, deadlines in the holder's working time, overdue."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import notifications, walls
from bot.firm_state import Snapshot
from bot.unit_of_work import UnitOfWork, Units
from bot.views import TaskView
from matching.model import StaffProfile
from matching.reminders import OVERDUE, Reminder, due_reminder, first_reminder, next_reminder
from matching.reminders import reminder_plan as plan_for
from storage import reports
from storage import tasks as task_store
from storage.tables import Offer, Task


def reminder_plan(due_at: datetime, person: StaffProfile) -> tuple[Reminder, ...]:
    """The deadline reminders for `person`, in their timezone and working hours."""
    return plan_for(due_at, zone=ZoneInfo(person.timezone), hours=person.working_hours)


def schedule_reminders(task: Task, person: StaffProfile | None, now: datetime) -> None:
    """Set the task's first deadline reminder for its new holder (none without a deadline)."""
    if task.due_at is None or person is None:
        task.next_reminder_at = None
        return
    first = first_reminder(reminder_plan(task.due_at, person), now=now)
    task.reminder_stage = first.stage - 1 if first else 0
    task.next_reminder_at = first.at if first else None


class Reminders:
    """Scheduler jobs: each due offer or task is claimed and handled in its own unit of work."""

    def __init__(self, units: Units) -> None:
        self.units = units

    async def remind_offers(self, now: datetime) -> int:
        """Nudge offerees halfway through the timeout (their working time)."""
        async def claim(uow: UnitOfWork, seen: Collection[int]) -> Offer | None:
            due = await task_store.offers_to_remind(uow.session, now=now, limit=1, exclude=seen)
            return due[0] if due else None

        return await self.units.each_due(now, claim, self._remind_offer)

    async def _remind_offer(self, uow: UnitOfWork, offer: Offer) -> int:
        if not await task_store.claim_offer_reminder(uow.session, offer_id=offer.id or 0):
            return 0  # another instance got there first
        task = await task_store.get_task(uow.session, task_id=offer.task_id)
        snap = await uow.snapshot()
        person = snap.firm.by_id(offer.staff_id)
        if task is None or person is None or walls.screened(snap.firm, person.email, task.matter_id):
            return 0  # a wall raised since the offer: the walls job withdraws it
        await uow.send(notifications.offer_reminder(uow.view(snap, task), person, offer.id or 0,
                                                    offer.explanation or "", offer.expires_at))
        return 1

    async def remind_deadlines(self, now: datetime) -> int:
        """Business-morning-before, two-hours-before and overdue reminders, once each."""
        async def claim(uow: UnitOfWork, seen: Collection[int]) -> Task | None:
            due = await reports.tasks_due_for_reminder(uow.session, now=now, limit=1,
                                                       exclude=seen)
            return due[0] if due else None

        async def remind(uow: UnitOfWork, task: Task) -> int:
            return await self._remind_deadline(uow, await uow.snapshot(), task)

        return await self.units.each_due(now, claim, remind)

    async def _remind_deadline(self, uow: UnitOfWork, snap: Snapshot, task: Task) -> int:
        now = uow.now
        person = snap.firm.by_id(task.assignee_id)
        if (person is None or task.due_at is None
                or walls.screened(snap.firm, person.email, task.matter_id)):
            task.next_reminder_at = None  # nobody to remind; a screened holder loses the work
            uow.session.add(task)
            return 0
        plan = reminder_plan(task.due_at, person)
        reminder = due_reminder(plan, after_stage=task.reminder_stage, now=now)
        scheduled_for = task.next_reminder_at or now
        if reminder is None:
            upcoming = next_reminder(plan, after_stage=task.reminder_stage)
            task.next_reminder_at = upcoming.at if upcoming else None
            uow.session.add(task)
            return 0
        following = next_reminder(plan, after_stage=reminder.stage)
        task.reminder_stage = reminder.stage
        task.next_reminder_at = following.at if following else None
        uow.session.add(task)
        view = uow.view(snap, task)
        away = person.away_at(now) is not None
        if reminder.stage == OVERDUE:
            return await self._overdue(uow, snap, view, person, away)
        if away:
            return 0
        await uow.send(notifications.deadline_reminder(view, person, reminder.stage,
                                                       scheduled_for, now))
        return 1

    @staticmethod
    async def _overdue(uow: UnitOfWork, snap: Snapshot, view: TaskView,
                       holder: StaffProfile, away: bool) -> int:
        """To the delegator, and to the holder or, while they are away, to their manager
        (walking around any wall on the matter)."""
        told = [view.delegator,
                walls.unscreened_manager(snap.firm, holder, view.matter) if away else holder]
        readers = {reader.email: reader for reader in told
                   if reader and not (view.matter and reader.email in view.matter.screened)}
        await uow.send(*(notifications.overdue(view, reader, holder, holder_away=away)
                         for reader in readers.values()))
        return len(readers)
