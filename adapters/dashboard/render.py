"""Jinja2 pages for the dashboard (autoescaped), and the rows its charts and tables share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from bot import reports, views
from matching.matcher import format_money

PAGES = (("/dashboard", "Overview"), ("/dashboard/people", "People"),
         ("/dashboard/savings", "Savings"), ("/dashboard/rebalance", "Rebalance"))
STATIC_PREFIX = "/static/dashboard/"

Cell = tuple[float | int | str, str]  # (the number the chart plots, what the table shows)


def _money(value: Decimal | float | None) -> str:
    return "—" if value is None else views.money(float(value))


def _cents(value: int | None) -> str:
    return "—" if value is None else format_money(value)


def _hours(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") + " h"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _minutes(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 90:
        return f"{value:.0f} min"
    return f"{value / 60:.1f} h"


def _day(value: date) -> str:
    return f"{value:%a %b} {value.day}, {value.year}"


@cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("adapters.dashboard", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(money=_money, cents=_cents, hours=_hours, percent=_percent, minutes=_minutes, day=_day)
    env.globals.update(pages=PAGES, static=lambda name: STATIC_PREFIX + name)
    return env


def render(template: str, **context: Any) -> str:
    context.setdefault("viewer", None)
    context.setdefault("charts", False)
    context.setdefault("back", None)
    context.setdefault("switch", True)
    return environment().get_template(template).render(**context)


def state_rows(page: reports.Overview) -> list[tuple[str, Cell]]:
    return [(label, (count, f"{count:,}")) for label, count in page.counts]


def load_rows(page: reports.People) -> list[tuple[str, Cell, Cell, Cell]]:
    return [(load.name, (round(load.open_hours, 2), _hours(load.open_hours)),
             (load.capacity_hours, _hours(load.capacity_hours)),
             (round(load.percent), f"{load.percent:.0f}%")) for load in page.loads]


def refusal_table(page: reports.People) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Columns: person, one per decline reason seen, expired; one row per person."""
    reasons = sorted({reason for person in page.refusals for reason, _ in person.reasons})
    columns = ["Person", *(f"Declined: {reason}" for reason in reasons), "Expired"]
    rows = []
    for person in page.refusals:
        counts = dict(person.reasons)
        cells = [(counts.get(reason, 0), str(counts.get(reason, 0))) for reason in reasons]
        rows.append((person.name, *cells, (person.expired, str(person.expired))))
    return columns, rows


def period_rows(periods: tuple[reports.PeriodSavings, ...]) -> list[tuple[str, Cell, Cell]]:
    return [(period.label, (float(period.savings), _money(period.savings)),
             (period.count, f"{period.count:,}")) for period in periods]

