"""Business days (US federal holidays) and working-hours arithmetic for offer timers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

_WEEKEND = (5, 6)


@lru_cache(maxsize=64)
def _federal_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("US", years=year, observed=True))


def is_business_day(day: date) -> bool:
    """Monday to Friday and not a US federal holiday (observed dates)."""
    return day.weekday() not in _WEEKEND and day not in _federal_holidays(day.year)


def next_business_day(day: date) -> date:
    """The first business day strictly after `day`."""
    day += timedelta(days=1)
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def previous_business_day(day: date) -> date:
    """The last business day strictly before `day`."""
    day -= timedelta(days=1)
    while not is_business_day(day):
        day -= timedelta(days=1)
    return day


def is_first_business_day_of_week(day: date) -> bool:
    """Monday, or the Tuesday after a Monday holiday: the day of the weekly summary."""
    return is_business_day(day) and (
        previous_business_day(day).isocalendar()[:2] != day.isocalendar()[:2])


def add_business_days(day: date, count: int) -> date:
    """The business day `count` business days after `day` (`day` itself not counted)."""
    for _ in range(count):
        day = next_business_day(day)
    return day


def last_business_day_of_month(year: int, month: int) -> date:
    """The month's last business day: what "end of month" means in a deadline."""
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return previous_business_day(first_of_next)


def _at(day: date, moment: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, moment, tzinfo=zone)


def add_working_time(start: datetime, minutes: float, *, zone: ZoneInfo,
                     hours: tuple[time, time]) -> datetime:
    """`start` plus `minutes` counted only inside working hours on business days, in `zone`."""
    opens, closes = hours
    local = start.astimezone(zone)
    remaining = timedelta(minutes=minutes)
    while True:
        day = local.date()
        day_open, day_close = _at(day, opens, zone), _at(day, closes, zone)
        if not is_business_day(day) or local >= day_close:
            local = _at(next_business_day(day), opens, zone)
            continue
        local = max(local, day_open)
        available = day_close - local
        if remaining <= available:
            return local + remaining
        remaining -= available
        local = _at(next_business_day(day), opens, zone)


def subtract_working_time(end: datetime, minutes: float, *, zone: ZoneInfo,
                          hours: tuple[time, time]) -> datetime:
    """`end` minus `minutes` counted only inside working hours on business days, in `zone`."""
    opens, closes = hours
    local = end.astimezone(zone)
    remaining = timedelta(minutes=minutes)
    while True:
        day = local.date()
        day_open, day_close = _at(day, opens, zone), _at(day, closes, zone)
        if not is_business_day(day) or local <= day_open:
            local = _at(previous_business_day(day), closes, zone)
            continue
        local = min(local, day_close)
        available = local - day_open
        if remaining <= available:
            return local - remaining
        remaining -= available
        local = _at(previous_business_day(day), closes, zone)


def working_day_start(day: date, *, zone: ZoneInfo, hours: tuple[time, time]) -> datetime:
    return _at(day, hours[0], zone)
