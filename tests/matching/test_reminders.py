"""The deadline reminder plan: business morning before, two working hours before, overdue."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from matching.reminders import (
    DAY_BEFORE,
    OVERDUE,
    TWO_HOURS,
    Reminder,
    due_reminder,
    first_reminder,
    next_reminder,
    reminder_plan,
)

NEW_YORK = ZoneInfo("America/New_York")
PHOENIX = ZoneInfo("America/Phoenix")
NINE_TO_FIVE = (time(9), time(17))


def ny(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=NEW_YORK)  # type: ignore[misc]


def plan_for(due: datetime, zone: ZoneInfo = NEW_YORK,
             hours: tuple[time, time] = NINE_TO_FIVE) -> tuple[Reminder, ...]:
    return reminder_plan(due, zone=zone, hours=hours)


def test_a_friday_deadline() -> None:
    plan = plan_for(ny(2027, 3, 5, 17, 0))
    assert plan == (Reminder(DAY_BEFORE, ny(2027, 3, 4, 9, 0)),
                    Reminder(TWO_HOURS, ny(2027, 3, 5, 15, 0)),
                    Reminder(OVERDUE, ny(2027, 3, 5, 17, 0)))


def test_a_monday_deadline_is_chased_on_friday_morning() -> None:
    day_before, soon, overdue = plan_for(ny(2027, 3, 8, 17, 0))
    assert day_before.at == ny(2027, 3, 5, 9, 0)
    assert soon.at == ny(2027, 3, 8, 15, 0)
    assert overdue.at == ny(2027, 3, 8, 17, 0)


def test_a_holiday_is_skipped_for_the_day_before() -> None:
    # Due Tuesday after MLK day: the business morning before is Friday.
    day_before, _, _ = plan_for(ny(2027, 1, 19, 17, 0))
    assert day_before.at == ny(2027, 1, 15, 9, 0)


def test_two_hours_before_counts_working_time() -> None:
    # Due Monday 10:00: one working hour on Monday, one at the end of Friday.
    _, soon, _ = plan_for(ny(2027, 3, 8, 10, 0))
    assert soon.at == ny(2027, 3, 5, 16, 0)
    # A 5 pm New York deadline for someone in Phoenix who leaves at 1 pm: 11:00 their time.
    _, soon, _ = plan_for(ny(2027, 3, 5, 17, 0), PHOENIX, (time(7), time(13)))
    assert soon.at.astimezone(PHOENIX) == datetime(2027, 3, 5, 11, 0, tzinfo=PHOENIX)


def test_the_soon_reminder_never_comes_before_the_day_before_one() -> None:
    # Someone with one working hour a day: two working hours reach back past the day before.
    day_before, soon, _ = plan_for(ny(2027, 3, 9, 9, 30), hours=(time(9), time(10)))
    assert soon.at == day_before.at == ny(2027, 3, 8, 9, 0)


def test_dst_weekends_keep_local_times() -> None:
    # Spring forward on Sunday 2027-03-14: Friday is EST, Monday is EDT.
    day_before, soon, overdue = plan_for(ny(2027, 3, 15, 17, 0))
    assert day_before.at.astimezone(UTC) == datetime(2027, 3, 12, 14, 0, tzinfo=UTC)
    assert soon.at.astimezone(UTC) == datetime(2027, 3, 15, 19, 0, tzinfo=UTC)
    assert overdue.at.astimezone(UTC) == datetime(2027, 3, 15, 21, 0, tzinfo=UTC)
    # Fall back on Sunday 2027-11-07: Friday is EDT, Monday is EST.
    day_before, soon, _ = plan_for(ny(2027, 11, 8, 10, 0))
    assert day_before.at.astimezone(UTC) == datetime(2027, 11, 5, 13, 0, tzinfo=UTC)
    assert soon.at.astimezone(UTC) == datetime(2027, 11, 5, 20, 0, tzinfo=UTC)  # Fri 16:00 EDT


def test_a_deadline_on_the_dst_sunday_itself() -> None:
    # Due at 03:30 EDT on the spring-forward Sunday, an hour after the clocks jumped.
    due = ny(2027, 3, 14, 3, 30)
    day_before, soon, overdue = plan_for(due)
    assert day_before.at == ny(2027, 3, 12, 9, 0)
    assert soon.at == ny(2027, 3, 12, 15, 0)
    assert overdue.at.astimezone(UTC) == datetime(2027, 3, 14, 7, 30, tzinfo=UTC)


def test_due_reminder_sends_only_the_latest_missed_one() -> None:
    plan = plan_for(ny(2027, 3, 5, 17, 0))
    assert due_reminder(plan, after_stage=0, now=ny(2027, 3, 4, 8, 59)) is None
    assert due_reminder(plan, after_stage=0, now=ny(2027, 3, 4, 9, 0)).stage == DAY_BEFORE
    # Nothing ran since Wednesday: Friday 15:30 sends "soon", not yesterday's reminder too.
    assert due_reminder(plan, after_stage=0, now=ny(2027, 3, 5, 15, 30)).stage == TWO_HOURS
    assert due_reminder(plan, after_stage=TWO_HOURS, now=ny(2027, 3, 5, 16, 0)) is None
    assert due_reminder(plan, after_stage=TWO_HOURS, now=ny(2027, 3, 6)).stage == OVERDUE
    assert due_reminder(plan, after_stage=OVERDUE, now=ny(2027, 3, 9)) is None


def test_next_reminder_follows_the_stage() -> None:
    plan = plan_for(ny(2027, 3, 5, 17, 0))
    assert next_reminder(plan, after_stage=0) == plan[0]
    assert next_reminder(plan, after_stage=DAY_BEFORE) == plan[1]
    assert next_reminder(plan, after_stage=OVERDUE) is None


def test_first_reminder_skips_moments_already_past() -> None:
    plan = plan_for(ny(2027, 3, 5, 17, 0))
    assert first_reminder(plan, now=ny(2027, 3, 2, 10, 0)) == plan[0]
    assert first_reminder(plan, now=ny(2027, 3, 4, 12, 0)) == plan[1]
    assert first_reminder(plan, now=ny(2027, 3, 5, 16, 0)) == plan[2]
    # Accepted after the deadline: the overdue alert is still to come (at once).
    assert first_reminder(plan, now=ny(2027, 3, 5, 17, 0) + timedelta(hours=1)) == plan[2]
