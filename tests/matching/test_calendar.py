"""Business days with US federal holidays, and working-time arithmetic across DST and weekends."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.calendar import (
    add_business_days,
    add_working_time,
    is_business_day,
    is_first_business_day_of_week,
    last_business_day_of_month,
    next_business_day,
    previous_business_day,
    subtract_working_time,
    working_day_start,
)

NEW_YORK = ZoneInfo("America/New_York")
PHOENIX = ZoneInfo("America/Phoenix")
NINE_TO_FIVE = (time(9), time(17))


def ny(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=NEW_YORK)  # type: ignore[misc]


@pytest.mark.parametrize("day", [
    date(2027, 1, 1),    # New Year's Day
    date(2027, 1, 18),   # Martin Luther King Jr. Day
    date(2027, 6, 18),   # Juneteenth falls on a Saturday: observed on Friday
    date(2027, 7, 5),    # Independence Day falls on a Sunday: observed on Monday
    date(2027, 11, 25),  # Thanksgiving
    date(2027, 12, 24),  # Christmas falls on a Saturday: observed on Friday
    date(2027, 12, 31),  # New Year's Day 2028 falls on a Saturday: observed in 2027
    date(2027, 3, 13), date(2027, 3, 14),  # a weekend, the second day a DST change
])
def test_holidays_and_weekends_are_not_business_days(day: date) -> None:
    assert not is_business_day(day)


@pytest.mark.parametrize("day", [date(2027, 3, 2), date(2027, 3, 15), date(2027, 11, 8),
                                 date(2027, 7, 6), date(2027, 12, 23)])
def test_ordinary_weekdays_are_business_days(day: date) -> None:
    assert is_business_day(day)


def test_next_and_previous_business_day_skip_weekends_and_holidays() -> None:
    assert next_business_day(date(2027, 1, 15)) == date(2027, 1, 19)      # over MLK weekend
    assert previous_business_day(date(2027, 1, 19)) == date(2027, 1, 15)
    assert next_business_day(date(2027, 12, 23)) == date(2027, 12, 27)    # Christmas observed
    assert next_business_day(date(2027, 12, 30)) == date(2028, 1, 3)      # New Year observed
    assert previous_business_day(date(2027, 3, 15)) == date(2027, 3, 12)  # over a DST Sunday
    assert next_business_day(date(2027, 3, 2)) == date(2027, 3, 3)
    assert add_business_days(date(2027, 1, 14), 3) == date(2027, 1, 20)
    assert add_business_days(date(2027, 1, 14), 0) == date(2027, 1, 14)


# Deadlines count on the same calendar (DOMAIN.md: "in N business days", EOM).
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 26), False),  # Thanksgiving
        (date(2026, 11, 27), True),  # the day after Thanksgiving is not a federal holiday
        (date(2026, 12, 25), False),  # Christmas
        (date(2026, 12, 24), True),  # Christmas Eve is a working day
        (date(2026, 11, 11), False),  # Veterans Day
        (date(2028, 11, 10), False),  # Veterans Day observed (11/11/2028 is a Saturday)
        (date(2026, 7, 3), False),  # Independence Day observed
        (date(2026, 12, 12), False),  # Saturday
        (date(2026, 12, 13), False),  # Sunday
        (date(2026, 12, 14), True),
    ],
)
def test_the_deadline_calendar_of_2026(day: date, expected: bool) -> None:
    assert is_business_day(day) is expected


def test_business_day_arithmetic_for_deadlines() -> None:
    assert add_business_days(date(2026, 11, 25), 1) == date(2026, 11, 27)
    assert add_business_days(date(2028, 11, 9), 1) == date(2028, 11, 13)
    assert add_business_days(date(2026, 12, 12), 1) == date(2026, 12, 14)  # from a Saturday
    assert add_business_days(date(2026, 12, 8), 0) == date(2026, 12, 8)
    assert last_business_day_of_month(2027, 1) == date(2027, 1, 29)
    assert last_business_day_of_month(2027, 12) == date(2027, 12, 30)  # 12/31 observes New Year
    assert last_business_day_of_month(2026, 12) == date(2026, 12, 31)


@pytest.mark.parametrize(("day", "first"), [
    (date(2027, 3, 1), True),     # an ordinary Monday
    (date(2027, 3, 2), False),
    (date(2027, 1, 18), False),   # MLK Monday is no business day at all
    (date(2027, 1, 19), True),    # so Tuesday carries the weekly summary
    (date(2027, 9, 7), True),     # the Tuesday after Labor Day
    (date(2027, 3, 15), True),    # the Monday after the spring DST change
    (date(2027, 3, 14), False),   # a Sunday
])
def test_first_business_day_of_the_week(day: date, first: bool) -> None:
    assert is_first_business_day_of_week(day) is first


def test_working_time_within_one_day() -> None:
    assert add_working_time(ny(2027, 3, 2, 10, 0), 30, zone=NEW_YORK,
                            hours=NINE_TO_FIVE) == ny(2027, 3, 2, 10, 30)


def test_an_offer_at_1650_on_friday_runs_on_into_monday() -> None:
    start = ny(2027, 3, 5, 16, 50)
    assert add_working_time(start, 15, zone=NEW_YORK, hours=NINE_TO_FIVE) == ny(2027, 3, 8, 9, 5)
    assert add_working_time(start, 30, zone=NEW_YORK, hours=NINE_TO_FIVE) == ny(2027, 3, 8, 9, 20)


def test_time_before_opening_at_night_and_at_weekends_does_not_count() -> None:
    for start in (ny(2027, 3, 2, 6, 0), ny(2027, 3, 1, 22, 0), ny(2027, 2, 27, 12, 0)):
        end = add_working_time(start, 30, zone=NEW_YORK, hours=NINE_TO_FIVE)
        assert end.time() == time(9, 30)
        assert is_business_day(end.date())


def test_a_holiday_is_skipped() -> None:
    # Friday before MLK day: the rest of the timer runs on Tuesday.
    assert add_working_time(ny(2027, 1, 15, 16, 50), 30, zone=NEW_YORK,
                            hours=NINE_TO_FIVE) == ny(2027, 1, 19, 9, 20)


def test_spring_forward_weekend_lands_on_the_right_utc_instant() -> None:
    end = add_working_time(ny(2027, 3, 12, 16, 50), 30, zone=NEW_YORK, hours=NINE_TO_FIVE)
    assert end == ny(2027, 3, 15, 9, 20)
    assert end.astimezone(UTC) == datetime(2027, 3, 15, 13, 20, tzinfo=UTC)  # EDT, UTC-4


def test_fall_back_weekend_lands_on_the_right_utc_instant() -> None:
    end = add_working_time(ny(2027, 11, 5, 16, 50), 30, zone=NEW_YORK, hours=NINE_TO_FIVE)
    assert end.astimezone(UTC) == datetime(2027, 11, 8, 14, 20, tzinfo=UTC)  # EST, UTC-5


def test_the_offerees_own_zone_and_hours_count() -> None:
    # 10:00 in New York is 08:00 in Phoenix; Dmitri works 07:00-13:00 there.
    end = add_working_time(ny(2027, 3, 2, 15, 50), 30, zone=PHOENIX, hours=(time(7), time(13)))
    assert end.astimezone(PHOENIX) == datetime(2027, 3, 3, 7, 30, tzinfo=PHOENIX)


def test_long_timeouts_span_several_working_days() -> None:
    # Two and a half working days from Thursday noon: Thursday 5 h, Friday 8 h, Monday 7 h.
    end = add_working_time(ny(2027, 3, 4, 12, 0), 20 * 60, zone=NEW_YORK, hours=NINE_TO_FIVE)
    assert end == ny(2027, 3, 8, 16, 0)


def test_subtract_working_time_mirrors_add() -> None:
    assert subtract_working_time(ny(2027, 3, 5, 17, 0), 120, zone=NEW_YORK,
                                 hours=NINE_TO_FIVE) == ny(2027, 3, 5, 15, 0)
    # Monday 10:00 minus two working hours: one on Monday, one at the end of Friday.
    assert subtract_working_time(ny(2027, 3, 8, 10, 0), 120, zone=NEW_YORK,
                                 hours=NINE_TO_FIVE) == ny(2027, 3, 5, 16, 0)
    # A Saturday deadline: counted back from Friday's close.
    assert subtract_working_time(ny(2027, 3, 6, 12, 0), 120, zone=NEW_YORK,
                                 hours=NINE_TO_FIVE) == ny(2027, 3, 5, 15, 0)
    # Over the MLK holiday.
    assert subtract_working_time(ny(2027, 1, 19, 9, 30), 60, zone=NEW_YORK,
                                 hours=NINE_TO_FIVE) == ny(2027, 1, 15, 16, 30)


def test_working_day_start_is_in_the_zone_of_that_day() -> None:
    assert working_day_start(date(2027, 3, 15), zone=NEW_YORK, hours=NINE_TO_FIVE).astimezone(
        UTC) == datetime(2027, 3, 15, 13, 0, tzinfo=UTC)
    assert working_day_start(date(2027, 3, 12), zone=NEW_YORK, hours=NINE_TO_FIVE).astimezone(
        UTC) == datetime(2027, 3, 12, 14, 0, tzinfo=UTC)


def _working_minutes(start: datetime, end: datetime, zone: ZoneInfo,
                     hours: tuple[time, time]) -> float:
    """Working minutes in [start, end), day by day (a slow but obvious reference)."""
    total = 0.0
    day = start.astimezone(zone).date()
    while day <= end.astimezone(zone).date():
        if is_business_day(day):
            opens = datetime.combine(day, hours[0], tzinfo=zone)
            closes = datetime.combine(day, hours[1], tzinfo=zone)
            low, high = max(opens, start), min(closes, end)
            if high > low:
                total += (high - low).total_seconds() / 60
        day += timedelta(days=1)
    return total


# Hypothesis takes naive bounds and attaches the zone itself.
instants = st.datetimes(min_value=datetime(2026, 12, 20), max_value=datetime(2028, 1, 10),  # noqa: DTZ001
                        timezones=st.just(UTC))
spans = st.integers(min_value=1, max_value=5 * 8 * 60)
shifts = st.sampled_from([(time(9), time(17)), (time(7), time(13)), (time(8), time(16, 30))])
zones = st.sampled_from([NEW_YORK, PHOENIX, ZoneInfo("America/Chicago")])


@settings(max_examples=150, deadline=None)
@given(start=instants, minutes=spans, hours=shifts, zone=zones)
def test_added_working_time_is_exactly_the_minutes_asked(start: datetime, minutes: int,
                                                         hours: tuple[time, time],
                                                         zone: ZoneInfo) -> None:
    end = add_working_time(start, minutes, zone=zone, hours=hours)
    assert end > start
    assert _working_minutes(start, end, zone, hours) == pytest.approx(minutes)
    local = end.astimezone(zone)
    assert is_business_day(local.date()) and hours[0] < local.time() <= hours[1]


@settings(max_examples=150, deadline=None)
@given(end=instants, minutes=spans, hours=shifts, zone=zones)
def test_subtracted_working_time_is_exactly_the_minutes_asked(end: datetime, minutes: int,
                                                              hours: tuple[time, time],
                                                              zone: ZoneInfo) -> None:
    start = subtract_working_time(end, minutes, zone=zone, hours=hours)
    assert start < end
    assert _working_minutes(start, end, zone, hours) == pytest.approx(minutes)
    local = start.astimezone(zone)
    assert is_business_day(local.date()) and hours[0] <= local.time() < hours[1]
