"""Who can take work when: away and back, and snoozing a deadline reminder."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot import views
from bot.replies import NOT_ON_ROSTER, Actor, Refusal, Reply
from bot.unit_of_work import UnitOfWork, Units
from bot.usecases.common import unwalled_task
from matching.availability import resolve_until
from matching.calendar import next_business_day, working_day_start
from matching.lifecycle import TaskState
from matching.reminders import OVERDUE
from storage import staff as staff_store
from storage import tasks as task_store
from storage.versions import bump_firm_version

TRY_AWAY = "Try: away until Monday, away until Dec 2, or just away."


class Availability:
    """Away periods keep offers from someone; a snooze puts one reminder off."""

    def __init__(self, units: Units) -> None:
        self.units = units

    async def away(self, actor: Actor, until_text: str = "", *,
                   event_key: str | None = None) -> Reply:
        """`away until Dec 2`: the phrase is read in the person's own timezone."""
        try:
            async with self.units.begin() as uow:
                person = await uow.identify(actor)
        except Refusal:
            return NOT_ON_ROSTER.reply()
        until = None
        if until_text.strip():
            until = resolve_until(until_text, now=self.units.clock(), tz=person.timezone,
                                  day_starts=person.working_hours[0])
            if until is None:
                return Refusal("invalid", f"I couldn't read \u201c{until_text}\u201d as a date.",
                               TRY_AWAY).reply()
        return await self.set_away(actor, until, event_key=event_key)

    async def set_away(self, actor: Actor, until: datetime | None, note: str | None = None,
                       *, event_key: str | None = None) -> Reply:
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            await uow.once(event_key)
            if until is not None and until <= uow.now:
                raise Refusal("invalid", "That date is already past.", TRY_AWAY)
            await staff_store.end_away(uow.session, staff_id=person.id or 0, at=uow.now)
            await staff_store.add_away_period(uow.session, staff_id=person.id or 0,
                                              starts_at=uow.now, ends_at=until, note=note)
            await bump_firm_version(uow.session)
            back = (f"until {views.when(until, person.timezone)}" if until
                    else "until you say /lpo back")
            return Reply(status="ok", message=views.plain(
                f"You're away {back}.", "No new offers will come to you meanwhile."))

        return await self.units.run(work)

    async def back(self, actor: Actor, *, event_key: str | None = None) -> Reply:
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            await uow.once(event_key)
            await staff_store.end_away(uow.session, staff_id=person.id or 0, at=uow.now)
            await bump_firm_version(uow.session)
            return Reply(status="ok", message=views.plain("Welcome back!",
                                                          "You can receive offers again."))

        return await self.units.run(work)

    async def snooze(self, actor: Actor, task_id: int, choice: str, *,
                     event_key: str | None = None) -> Reply:
        """Push the next deadline reminder back an hour, or to the next working morning."""
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            await uow.once(event_key)
            task = await unwalled_task(uow, person, task_id)
            in_hand = (TaskState.ACCEPTED, TaskState.CHANGES_REQUESTED)
            if task.assignee_id != person.id or task.state not in in_hand:
                raise Refusal("forbidden", "Only the person working on it can snooze it.")
            now = uow.now
            zone = ZoneInfo(person.timezone)
            if choice == "morning":
                until = working_day_start(next_business_day(now.astimezone(zone).date()),
                                          zone=zone, hours=person.working_hours)
            else:
                until = now + timedelta(hours=1)
            if 0 < task.reminder_stage < OVERDUE:
                task.reminder_stage -= 1  # the snoozed reminder comes back at `until`
            # A snooze never holds back the overdue alert: the delegator is waiting for it.
            task.next_reminder_at = min(until, task.due_at) if task.due_at else until
            uow.session.add(task)
            await task_store.record_event(uow.session, task_id=task_id, actor_id=person.id,
                                          action="snoozed", at=now,
                                          detail={"until": until.isoformat()})
            return Reply(status="ok", task_id=task_id, message=views.plain(
                f"Snoozed until {views.when(until, person.timezone)}."))

        return await self.units.run(work)
