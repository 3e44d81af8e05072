"""The managers' daily digest: state counts, deadlines, unassigned work, load and savings.

It may be posted to a channel, so every line is built from structured fields: task numbers,
task type labels, matter numbers, people's names and reason codes. Never a title or text a
person typed (Rule 1.6(c)).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot import views
from bot.firm import Firm
from bot.messages import Fact, Message
from matching.calendar import previous_business_day
from matching.lifecycle import TaskState
from storage import reports
from storage.tables import Task

STATE_ORDER = (TaskState.UNASSIGNED, TaskState.OFFERED, TaskState.ACCEPTED,
               TaskState.CHANGES_REQUESTED, TaskState.SUBMITTED, TaskState.COMPLETED,
               TaskState.CANCELLED)


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose work a digest covers: everyone (channel) or one manager's reports."""

    title: str
    staff_ids: tuple[int, ...] | None


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def _task_line(task: Task, firm: Firm, zone: str, type_names: Mapping[str, str]) -> str:
    """`#12 Demand letter · 2027-0302 · due · holder`: matter numbers, never clients."""
    matter = firm.matter_by_id(task.matter_id)
    holder = firm.by_id(task.assignee_id) if task.assignee_id else None
    parts = [f"#{task.id} {type_names.get(task.task_type, 'Task')}"]
    if matter:
        parts.append(matter.number)
    parts.append(views.when(task.due_at, zone))
    parts.append(holder.name if holder else "unassigned")
    return " · ".join(parts)


async def build_digest(session: AsyncSession, *, firm: Firm, scope: Scope, now: datetime,
                       zone: ZoneInfo, type_names: Mapping[str, str],
                       weekly: bool = False) -> Message:
    """The digest for `scope`; `type_names` maps task type ids to their catalogue labels."""
    today = now.astimezone(zone).date()
    end_today = _midnight(today + timedelta(days=1), zone)
    ids = list(scope.staff_ids) if scope.staff_ids is not None else None
    counts = await reports.counts_by_state(session, staff_ids=ids)
    since_day = previous_business_day(today)
    new = await reports.count_created_between(session, start=_same_time_on(since_day, now, zone),
                                              end=now, staff_ids=ids)
    due_total, due_today = await reports.open_tasks_due_between(
        session, start=now, end=end_today, staff_ids=ids)
    overdue_total, overdue = await reports.open_tasks_due_between(
        session, start=None, end=now, staff_ids=ids)
    unassigned_total, unassigned = await reports.unassigned_tasks(session, staff_ids=ids)
    loads = await reports.load_by_person(session, staff_ids=ids)
    periods = _periods(today, zone, now)
    done = await reports.completed_between(session, periods=periods, staff_ids=ids)
    lines = [_counts_line(counts), f"New since {_day_name(since_day, today)}: {new}"]
    lines += _section(f"Due today ({due_total})", due_today, firm, zone.key, type_names)
    lines += _section(f"Overdue ({overdue_total})", overdue, firm, zone.key, type_names)
    lines += _section(f"Unassigned ({unassigned_total})", unassigned, firm, zone.key,
                      type_names, reasons=True)
    lines += _load_lines(firm, loads, scope)
    facts: tuple[Fact, ...] = (
        Fact("Saved yesterday", views.money(float(done["yesterday"].savings))),
        Fact("Saved this week", views.money(float(done["week"].savings))),
        Fact("Saved this month", views.money(float(done["month"].savings))))
    heading = "Daily digest"
    if weekly:
        heading = "Weekly summary and daily digest"
        summary, saved = await _last_week(session, periods["last_week"], done["last_week"], ids)
        lines.insert(0, summary)
        facts += (saved,)
    return Message(title=f"{heading} — {scope.title} — {today:%a %b} {today.day}",
                   facts=facts, lines=tuple(lines), kind="digest")


async def _last_week(session: AsyncSession, period: tuple[datetime, datetime],
                     completed: reports.Completed, ids: list[int] | None) -> tuple[str, Fact]:
    """The weekly summary: last week's new work, completed work and savings."""
    created = await reports.count_created_between(session, start=period[0], end=period[1],
                                                  staff_ids=ids)
    saved = views.money(float(completed.savings))
    return (f"Last week: {created} new, {completed.count} completed, {saved} saved",
            Fact("Saved last week", saved))


def _same_time_on(day: date, now: datetime, zone: ZoneInfo) -> datetime:
    """Now's wall-clock time on `day`: "new since" reaches back over weekends and holidays."""
    return datetime.combine(day, now.astimezone(zone).time(), tzinfo=zone)


def _day_name(day: date, today: date) -> str:
    return "yesterday" if day == today - timedelta(days=1) else f"{day:%A}"


def _periods(today: date, zone: ZoneInfo, now: datetime) -> dict[str, tuple[datetime, datetime]]:
    """The savings periods: yesterday, week to date, month to date, and last week."""
    start_today = _midnight(today, zone)
    week_start = _midnight(today - timedelta(days=today.weekday()), zone)
    return {"yesterday": (_midnight(today - timedelta(days=1), zone), start_today),
            "week": (week_start, now),
            "month": (_midnight(today.replace(day=1), zone), now),
            "last_week": (_midnight(today - timedelta(days=today.weekday() + 7), zone),
                          week_start)}


def _counts_line(counts: dict[str, int]) -> str:
    shown = [f"{views.STATE_LABELS.get(s, s)} {counts[s]}" for s in STATE_ORDER if counts.get(s)]
    return "Tasks: " + (", ".join(shown) if shown else "none yet")


def _section(heading: str, tasks: list[Task], firm: Firm, zone: str,
             type_names: Mapping[str, str], reasons: bool = False) -> list[str]:
    if not tasks:
        return [f"{heading}: none"]
    lines = [f"{heading}:"]
    for task in tasks:
        lines.append("  • " + _task_line(task, firm, zone, type_names))
        # Escalation reasons are stored as codes and names (see bot/reasons.py).
        if reasons and task.escalation_reason:
            escalated = (f" ({task.escalation_code}, round {task.offer_round})"
                         if task.escalation_code else "")
            lines.append(f"      why: {task.escalation_reason}{escalated}")
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
