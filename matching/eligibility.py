"""The seven eligibility rules (docs/architecture.md, "Matching"): who may take a task now, and
if not, why not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from matching.jurisdictions import is_admitted
from matching.model import StaffProfile

# Open loads are sums of quarter hours in floats; this keeps 34.75 + 0.25 from exceeding 35.
CAPACITY_SLACK = 1e-9


@dataclass(frozen=True, slots=True)
class Requirements:
    """One task's demands at one moment, normalised once so each person is checked cheaply.

    Emails are casefolded and jurisdictions upper-cased: a spelling difference must never let a
    screened person through an ethical wall.
    """

    skills: tuple[tuple[str, int], ...]
    hours: float
    now: datetime
    attorney_only: bool = False
    jurisdiction: str | None = None
    matter_number: str | None = None
    screened: frozenset[str] = frozenset()
    delegator: str = ""
    excluded: frozenset[str] = frozenset()
    unreachable: frozenset[str] = frozenset()
    loads: Mapping[str, float] = field(default_factory=dict)


def reasons_against(person: StaffProfile, req: Requirements) -> tuple[str, ...]:
    """Every rule `person` fails for the task, in rule order; empty when eligible."""
    key = person.email.casefold()
    return (
        *skill_shortfalls(person, req.skills),
        *role_reasons(person, req),
        *screen_reasons(key, req),
        *away_reasons(person, req.now),
        *capacity_reasons(person, req),
        *delegation_reasons(key, req),
        *reach_reasons(person, key, req),
    )


def skill_shortfalls(person: StaffProfile, skills: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    """Rule 1: one reason per required skill below its minimum level."""
    return tuple(
        f"needs {skill.replace('_', ' ')} {minimum}, has {_level_words(person, skill)}"
        for skill, minimum in skills
        if person.skills.get(skill, 0) < minimum
    )


def has_skills(person: StaffProfile, skills: tuple[tuple[str, int], ...]) -> bool:
    """Rule 1 alone: every required skill at or above its minimum."""
    return all(person.skills.get(skill, 0) >= minimum for skill, minimum in skills)


def is_qualified(person: StaffProfile, req: Requirements) -> bool:
    """Qualified in kind (rule 1, and the role half of rule 2): the people whose other
    obstacles are worth explaining; a paralegal passed over for court is not news."""
    return has_skills(person, req.skills) and (person.is_attorney or not req.attorney_only)


def skill_surplus(person: StaffProfile, skills: tuple[tuple[str, int], ...]) -> int:
    """Sum of level minus minimum over the required skills (first tie-break: waste least)."""
    return sum(person.skills.get(skill, 0) - minimum for skill, minimum in skills)


def skill_gap(person: StaffProfile, skills: tuple[tuple[str, int], ...]) -> int:
    """Levels missing in total; orders the 'closest' people when nobody has the skills."""
    return sum(max(0, minimum - person.skills.get(skill, 0)) for skill, minimum in skills)


def role_reasons(person: StaffProfile, req: Requirements) -> tuple[str, ...]:
    """Rule 2: attorney-only work needs an attorney admitted where the matter is (federal: any)."""
    if not req.attorney_only:
        return ()
    if not person.is_attorney:
        return ("attorney-only task",)
    if req.jurisdiction and not is_admitted(person.bar_admissions, req.jurisdiction):
        return (f"not admitted in {req.jurisdiction}",)
    return ()


def screen_reasons(key: str, req: Requirements) -> tuple[str, ...]:
    """Rule 3: the ethical wall, named by matter number only (never the client)."""
    return (f"screened from {req.matter_number}",) if key in req.screened else ()


def away_reasons(person: StaffProfile, now: datetime) -> tuple[str, ...]:
    """Rule 4: away at `now`, with the return date when one is known."""
    period = person.away_at(now)
    if period is None:
        return ()
    if period.ends_at is None:
        return ("away",)
    return (f"away until {_return_date(period.ends_at, person, now)}",)


def capacity_reasons(person: StaffProfile, req: Requirements) -> tuple[str, ...]:
    """Rule 5: open load plus this task must fit the weekly capacity."""
    load = load_of(person, req.loads)
    if fits_capacity(load, req.hours, person.weekly_capacity_hours):
        return ()
    return (
        f"at capacity: {format_hours(load)}/{format_hours(person.weekly_capacity_hours)} h "
        f"(task needs {format_hours(req.hours)} h)",
    )


def delegation_reasons(key: str, req: Requirements) -> tuple[str, ...]:
    """Rule 6: nobody delegates to themselves, and a refused offer is never repeated."""
    reasons = ("is the delegator",) if key == req.delegator else ()
    return (*reasons, "already offered this task") if key in req.excluded else reasons


def reach_reasons(person: StaffProfile, key: str, req: Requirements) -> tuple[str, ...]:
    """Rule 7: an offer nobody can receive is no offer."""
    if person.reachable and key not in req.unreachable:
        return ()
    return ("not reachable on Slack or Teams",)


def fits_capacity(load: float, hours: float, capacity: float) -> bool:
    """The single capacity test shared by the matcher and the optimiser."""
    return load + hours <= capacity + CAPACITY_SLACK


def load_of(person: StaffProfile, loads: Mapping[str, float]) -> float:
    """Open hours of `person` (loads are keyed by roster email)."""
    return loads.get(person.email, 0.0)


def load_ratio(person: StaffProfile, loads: Mapping[str, float]) -> float:
    """Share of the weekly capacity already taken; a zero capacity with any load is full."""
    load = load_of(person, loads)
    if person.weekly_capacity_hours > 0:
        return load / person.weekly_capacity_hours
    return 0.0 if load <= 0 else float("inf")


def format_hours(hours: float) -> str:
    """33.0 -> '33', 32.5 -> '32.5', 0.25 -> '0.25'."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def _level_words(person: StaffProfile, skill: str) -> str:
    level = person.skills.get(skill, 0)
    return str(level) if level > 0 else "none"


def _return_date(ends: datetime, person: StaffProfile, now: datetime) -> str:
    """'Dec 2' in the person's own timezone; the year only when it is not this year."""
    if ends.tzinfo is not None:
        try:
            ends = ends.astimezone(ZoneInfo(person.timezone))
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass  # an unknown zone still gets a date, in the timestamp's own offset
    text = f"{ends:%b} {ends.day}"
    return text if ends.year == now.year else f"{text}, {ends.year}"
