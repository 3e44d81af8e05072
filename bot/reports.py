"""The managers' dashboard as numbers: overview, people and savings, read with aggregate SQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot import views
from bot.digest import STATE_ORDER, Scope
from bot.firm import Firm
from bot.reasons import decline_label
from matching.model import StaffProfile, Taxonomy
from storage import reports
from storage.tables import Task

WEEKS_SHOWN = 12
MONTHS_SHOWN = 12
REFUSALS_DAYS = 30
LIST_LIMIT = 15


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def day_range(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[first 00:00, the day after last 00:00) in the firm's zone: whole days, both included."""
    return local_midnight(first, zone), local_midnight(last + timedelta(days=1), zone)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class TaskLine:
    """One task in a dashboard list: numbers, type, people; the client only when allowed."""

    task_id: int
    task_type: str
    matter: str | None
    due: str
    holder: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class TaskList:
    total: int
    lines: tuple[TaskLine, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    scope: str
    counts: tuple[tuple[str, int], ...]
    due_today: TaskList
    overdue: TaskList
    unassigned: TaskList
    offers_answered: int
    offers_accepted: int
    median_minutes_to_accept: float | None
    week_of: date

    @property
    def acceptance_rate(self) -> float | None:
        return self.offers_accepted / self.offers_answered if self.offers_answered else None


@dataclass(frozen=True, slots=True)
class PersonLoad:
    name: str
    role: str
    open_hours: float
    capacity_hours: float

    @property
    def percent(self) -> float:
        return 100.0 * self.open_hours / self.capacity_hours if self.capacity_hours else 0.0


@dataclass(frozen=True, slots=True)
class PersonRefusals:
    name: str
    declined: int
    expired: int
    reasons: tuple[tuple[str, int], ...]  # decline reason label -> count, most frequent first


@dataclass(frozen=True, slots=True)
class People:
    scope: str
    loads: tuple[PersonLoad, ...]
    refusals: tuple[PersonRefusals, ...]
    since: date


@dataclass(frozen=True, slots=True)
class PeriodSavings:
    label: str
    count: int
    savings: Decimal


@dataclass(frozen=True, slots=True)
class GroupSavings:
    label: str
    count: int
    est_hours: float
    cost: Decimal
    savings: Decimal
    known_count: int
    known_est_hours: float
    known_actual_hours: float


@dataclass(frozen=True, slots=True)
class Savings:
    scope: str
    weeks: tuple[PeriodSavings, ...]
    months: tuple[PeriodSavings, ...]
    first: date
    last: date
    by_type: tuple[GroupSavings, ...]
    by_delegator: tuple[GroupSavings, ...]
    actual_hours_recorded: bool

    @property
    def total(self) -> Decimal:
        return sum((group.savings for group in self.by_type), Decimal(0))


def _ids(scope: Scope) -> list[int] | None:
    return list(scope.staff_ids) if scope.staff_ids is not None else None


def _matter_label(task: Task, firm: Firm, taxonomy: Taxonomy, viewer: StaffProfile) -> str | None:
    """The matter number, with the client only for a viewer on the matter and not screened."""
    matter = firm.matter_by_id(task.matter_id)
    delegator = firm.by_id(task.delegator_id)
    task_type = taxonomy.get(task.task_type)
    if matter is None or delegator is None or task_type is None:
        return matter.number if matter else None
    holder = firm.by_id(task.assignee_id) if task.state != "unassigned" else None
    view = views.TaskView(task_id=task.id or 0, title=task.title, task_type=task_type,
                          due_at=task.due_at, priority=task.priority, est_hours=task.est_hours,
                          state=task.state, matter=matter, delegator=delegator, holder=holder)
    return view.matter_label(viewer)


def _lines(total_and_tasks: tuple[int, list[Task]], firm: Firm, taxonomy: Taxonomy,
           viewer: StaffProfile, zone: ZoneInfo, *, reasons: bool = False) -> TaskList:
    total, tasks = total_and_tasks
    lines = []
    for task in tasks:
        task_type = taxonomy.get(task.task_type)
        holder = firm.by_id(task.assignee_id) if task.state != "unassigned" else None
        lines.append(TaskLine(
            task_id=task.id or 0, task_type=task_type.name if task_type else task.task_type,
            matter=_matter_label(task, firm, taxonomy, viewer),
            due=views.when(task.due_at, zone.key),
            holder=holder.name if holder else "unassigned",
            reason=task.escalation_reason if reasons else None))
    return TaskList(total=total, lines=tuple(lines))


async def overview(session: AsyncSession, *, firm: Firm, taxonomy: Taxonomy,
                   viewer: StaffProfile, scope: Scope, now: datetime,
                   zone: ZoneInfo) -> Overview:
    """Open tasks by state, today's deadlines, what is late or unplaced, and this week's offers."""
    ids = _ids(scope)
    today = now.astimezone(zone).date()
    counts = await reports.counts_by_state(session, staff_ids=ids)
    due_today = await reports.open_tasks_due_between(
        session, start=now, end=local_midnight(today + timedelta(days=1), zone), staff_ids=ids,
        limit=LIST_LIMIT)
    overdue = await reports.open_tasks_due_between(session, start=None, end=now, staff_ids=ids,
                                                   limit=LIST_LIMIT)
    unassigned = await reports.unassigned_tasks(session, staff_ids=ids, limit=LIST_LIMIT)
    monday = week_start(today)
    offers = await reports.offer_outcomes(session, start=local_midnight(monday, zone), end=now,
                                          staff_ids=ids)
    median = offers.median_seconds_to_accept
    return Overview(
        scope=scope.title,
        counts=tuple((views.STATE_LABELS.get(state, state), counts.get(state, 0))
                     for state in STATE_ORDER),
        due_today=_lines(due_today, firm, taxonomy, viewer, zone),
        overdue=_lines(overdue, firm, taxonomy, viewer, zone),
        unassigned=_lines(unassigned, firm, taxonomy, viewer, zone, reasons=True),
        offers_answered=offers.answered, offers_accepted=offers.accepted,
        median_minutes_to_accept=None if median is None else median / 60.0, week_of=monday)


def _members(firm: Firm, scope: Scope) -> list[StaffProfile]:
    return [person for person in firm.staff
            if person.id is not None and (scope.staff_ids is None or person.id in scope.staff_ids)]


async def people(session: AsyncSession, *, firm: Firm, scope: Scope, now: datetime,
                 zone: ZoneInfo) -> People:
    """Open hours against weekly capacity (busiest first) and offers refused lately, and why."""
    ids = _ids(scope)
    loads = await reports.load_by_person(session, staff_ids=ids)
    members = _members(firm, scope)
    shown = sorted((PersonLoad(name=p.name, role=views.role(p), open_hours=loads.get(p.id or 0, 0.0),
                               capacity_hours=p.weekly_capacity_hours) for p in members),
                   key=lambda load: (-load.percent, -load.open_hours, load.name))
    since = now.astimezone(zone).date() - timedelta(days=REFUSALS_DAYS)
    refused = await reports.refusals_by_person(session, start=local_midnight(since, zone),
                                               end=now, staff_ids=ids)
    return People(scope=scope.title, loads=tuple(shown),
                  refusals=_refusals_per_person(refused, firm), since=since)


def _refusals_per_person(rows: list[reports.Refusals], firm: Firm) -> tuple[PersonRefusals, ...]:
    per_person: dict[int, dict[str, int]] = {}
    for row in rows:
        tally = per_person.setdefault(row.staff_id, {})
        # Reason codes only: a decliner's own words (their note) never reach the dashboard.
        label = "expired" if row.state == "expired" else decline_label(row.reason)
        tally[label] = tally.get(label, 0) + row.count
    result = []
    for staff_id, tally in per_person.items():
        person = firm.by_id(staff_id)
        expired = tally.pop("expired", 0)
        result.append(PersonRefusals(
            name=person.name if person else "a former colleague",
            declined=sum(tally.values()), expired=expired,
            reasons=tuple(sorted(tally.items(), key=lambda item: (-item[1], item[0])))))
    return tuple(sorted(result, key=lambda r: (-(r.declined + r.expired), r.name)))


def _week_periods(today: date, now: datetime, zone: ZoneInfo) -> dict[str, tuple[datetime, datetime]]:
    monday = week_start(today)
    periods = {}
    for back in range(WEEKS_SHOWN - 1, -1, -1):
        start = monday - timedelta(weeks=back)
        end = local_midnight(start + timedelta(weeks=1), zone) if back else now
        periods[f"{start:%b} {start.day}"] = (local_midnight(start, zone), end)
    return periods


def _month_periods(today: date, now: datetime, zone: ZoneInfo) -> dict[str, tuple[datetime, datetime]]:
    periods = {}
    for back in range(MONTHS_SHOWN - 1, -1, -1):
        index = today.year * 12 + today.month - 1 - back
        first = date(index // 12, index % 12 + 1, 1)
        following = date((index + 1) // 12, (index + 1) % 12 + 1, 1)
        periods[f"{first:%b %Y}"] = (local_midnight(first, zone),
                                     local_midnight(following, zone) if back else now)
    return periods


def default_range(now: datetime, zone: ZoneInfo) -> tuple[date, date]:
    """The savings page's default: the weeks its weekly chart shows, up to today."""
    today = now.astimezone(zone).date()
    return week_start(today) - timedelta(weeks=WEEKS_SHOWN - 1), today


async def savings(session: AsyncSession, *, firm: Firm, taxonomy: Taxonomy, scope: Scope,
                  now: datetime, zone: ZoneInfo, first: date, last: date) -> Savings:
    """Savings per week and month, and over [first, last] by task type and by delegator."""
    ids = _ids(scope)
    today = now.astimezone(zone).date()
    weeks = await reports.completed_per_period(
        session, periods=_week_periods(today, now, zone), staff_ids=ids)
    months = await reports.completed_per_period(
        session, periods=_month_periods(today, now, zone), staff_ids=ids)
    start, end = day_range(first, last, zone)
    by_type = await reports.completed_grouped(session, by="task_type", start=start, end=end,
                                              staff_ids=ids)
    by_delegator = await reports.completed_grouped(session, by="delegator", start=start,
                                                   end=end, staff_ids=ids)

    def type_label(key: str | int) -> str:
        task_type = taxonomy.get(str(key))
        return task_type.name if task_type else str(key)

    def person_label(key: str | int) -> str:
        person = firm.by_id(int(key))
        return person.name if person else "a former colleague"

    return Savings(
        scope=scope.title,
        weeks=tuple(PeriodSavings(label, done.count, done.savings) for label, done in weeks.items()),
        months=tuple(PeriodSavings(label, done.count, done.savings)
                     for label, done in months.items()),
        first=first, last=last,
        by_type=tuple(_group(row, type_label) for row in by_type),
        by_delegator=tuple(_group(row, person_label) for row in by_delegator),
        actual_hours_recorded=reports.actual_hours_column() is not None)


def _group(row: reports.CompletedGroup, label: Callable[[str | int], str]) -> GroupSavings:
    return GroupSavings(label=label(row.key), count=row.count, est_hours=row.est_hours, cost=row.cost,
                        savings=row.savings, known_count=row.known_count,
                        known_est_hours=row.known_est_hours,
                        known_actual_hours=row.known_actual_hours)
