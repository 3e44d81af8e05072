"""When to chase a deadline: the business morning before, two working hours before, overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from matching.calendar import previous_business_day, subtract_working_time, working_day_start

DAY_BEFORE, TWO_HOURS, OVERDUE = 1, 2, 3
STAGE_NAMES = {DAY_BEFORE: "day_before", TWO_HOURS: "two_hours", OVERDUE: "overdue"}
SOON_MINUTES = 120


@dataclass(frozen=True, slots=True)
class Reminder:
    stage: int
    at: datetime


def reminder_plan(due_at: datetime, *, zone: ZoneInfo, hours: tuple[time, time]
                  ) -> tuple[Reminder, ...]:
    """Every reminder of a deadline, in order, in the assignee's working calendar.

    "Two hours before" counts working time, like the offer timers: a 5 pm deadline for someone
    who leaves at 1 pm is chased at 11 am, never while they are off. The overdue alert comes
    at the deadline itself, whatever the hour: it is news for the delegator too.
    """
    local_due = due_at.astimezone(zone)
    day_before = working_day_start(previous_business_day(local_due.date()), zone=zone,
                                   hours=hours)
    soon = subtract_working_time(due_at, SOON_MINUTES, zone=zone, hours=hours)
    return (Reminder(DAY_BEFORE, day_before), Reminder(TWO_HOURS, max(soon, day_before)),
            Reminder(OVERDUE, due_at))


def next_reminder(plan: tuple[Reminder, ...], *, after_stage: int) -> Reminder | None:
    return next((r for r in plan if r.stage > after_stage), None)


def due_reminder(plan: tuple[Reminder, ...], *, after_stage: int, now: datetime
                 ) -> Reminder | None:
    """The latest reminder already due and not yet sent: older, missed ones are skipped."""
    due = [r for r in plan if r.stage > after_stage and r.at <= now]
    return due[-1] if due else None


def first_reminder(plan: tuple[Reminder, ...], *, now: datetime) -> Reminder | None:
    """Where to start when work is accepted: skip reminders whose moment passed long ago."""
    upcoming = [r for r in plan if r.at > now]
    if upcoming:
        return upcoming[0]
    return plan[-1]
