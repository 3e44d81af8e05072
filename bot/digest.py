"""The managers' daily digest: state counts, deadlines, unassigned work, load and savings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from bot import views
from bot.firm import Firm
from bot.messages import Fact, Message
from storage import reports
from storage.tables import Task

STATE_ORDER = ("unassigned", "offered", "accepted", "changes_requested", "submitted",
               "completed", "cancelled")


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose work a digest covers: everyone (channel) or one manager's reports."""

    title: str
    staff_ids: tuple[int, ...] | None


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def _task_line(task: Task, firm: Firm, zone: str) -> str:
    """Matter numbers only: the digest may go to a channel (Rule 1.6(c))."""
    matter = firm.matter_by_id(task.matter_id)
    holder = firm.by_id(task.assignee_id) if task.assignee_id else None
    parts = [f"#{task.id} {task.title}"]
    if matter:
        parts.append(matter.number)
    parts.append(views.when(task.due_at, zone))
    parts.append(holder.name if holder else "unassigned")
    return " · ".join(parts)


async def build_digest(session: AsyncSession, *, firm: Firm, scope: Scope, now: datetime,
                       zone: ZoneInfo, weekly: bool = False) -> Message:
    today = now.astimezone(zone).date()
    start_today = _midnight(today, zone)
    end_today = _midnight(today + timedelta(days=1), zone)
    ids = list(scope.staff_ids) if scope.staff_ids is not None else None
    counts = await reports.counts_by_state(session, staff_ids=ids)
    new = await reports.count_created_since(session, since=now - timedelta(days=1), staff_ids=ids)
    due_total, due_today = await reports.open_tasks_due_between(
        session, start=now, end=end_today, staff_ids=ids)
    overdue_total, overdue = await reports.open_tasks_due_between(
        session, start=None, end=now, staff_ids=ids)
    unassigned_total, unassigned = await reports.unassigned_tasks(session, staff_ids=ids)
    loads = await reports.load_by_person(session)
    savings = await _savings(session, today=today, zone=zone, now=now, staff_ids=ids)
    lines = [_counts_line(counts), f"New since yesterday: {new}"]
    lines += _section(f"Due today ({due_total})", due_today, firm, zone.key)
    lines += _section(f"Overdue ({overdue_total})", overdue, firm, zone.key)
    lines += _section(f"Unassigned ({unassigned_total})", unassigned, firm, zone.key,
                      reasons=True)
    lines += _load_lines(firm, loads, scope)
    heading = "Weekly summary and daily digest" if weekly else "Daily digest"
    facts = (Fact("Saved yesterday", views.money(float(savings["yesterday"]))),
             Fact("Saved this week", views.money(float(savings["week"]))),
             Fact("Saved this month", views.money(float(savings["month"]))))
    if weekly:
        facts += (Fact("Saved last week", views.money(float(savings["last_week"]))),)
    return Message(title=f"{heading} — {scope.title} — {today:%a %b} {today.day}",
                   facts=facts, lines=tuple(lines), kind="digest")


async def _savings(session: AsyncSession, *, today: date, zone: ZoneInfo, now: datetime,
                   staff_ids: list[int] | None) -> dict[str, Decimal]:
    start_today = _midnight(today, zone)
    week_start = _midnight(today - timedelta(days=today.weekday()), zone)
    month_start = _midnight(today.replace(day=1), zone)
    ranges = {"yesterday": (_midnight(today - timedelta(days=1), zone), start_today),
              "week": (week_start, now), "month": (month_start, now),
              "last_week": (week_start - timedelta(days=7), week_start)}
    return {name: await reports.savings_between(session, start=start, end=end,
                                                staff_ids=staff_ids)
            for name, (start, end) in ranges.items()}


def _counts_line(counts: dict[str, int]) -> str:
    shown = [f"{views.STATE_LABELS.get(s, s)} {counts[s]}" for s in STATE_ORDER if counts.get(s)]
    return "Tasks: " + (", ".join(shown) if shown else "none yet")


def _section(heading: str, tasks: list[Task], firm: Firm, zone: str,
             reasons: bool = False) -> list[str]:
    if not tasks:
        return [f"{heading}: none"]
    lines = [f"{heading}:"]
    for task in tasks:
        lines.append("  • " + _task_line(task, firm, zone))
        if reasons and task.escalation_reason:
            lines.append(f"      why: {task.escalation_reason}")
    return lines


def _load_lines(firm: Firm, loads: dict[int, float], scope: Scope) -> list[str]:
    people = [p for p in firm.staff
              if scope.staff_ids is None or (p.id in scope.staff_ids)]
    busy = sorted(people, key=lambda p: -(loads.get(p.id or 0, 0.0) / max(p.weekly_capacity_hours,
                                                                           0.01)))
    lines = ["Load (open hours / weekly capacity):"]
    for person in busy[:25]:
        lines.append(f"  • {person.name}: {loads.get(person.id or 0, 0.0):g} / "
                     f"{person.weekly_capacity_hours:g} h")
    return lines


def manager_scopes(firm: Firm) -> list[tuple[int, Scope]]:
    """Each manager with the people who report to them (and themselves)."""
    scopes = []
    for manager in firm.staff:
        if not manager.is_manager or manager.id is None:
            continue
        reports_ids = tuple(p.id for p in firm.staff
                            if p.id is not None and (p.manager_email == manager.email
                                                     or p.id == manager.id))
        scopes.append((manager.id, Scope(title=f"your team ({manager.name})",
                                         staff_ids=reports_ids)))
    return scopes
