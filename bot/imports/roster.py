"""The Roster CSV (README, "Configuration"): its rows, its whole-file checks, the upsert."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field
from sqlalchemy.ext.asyncio import AsyncSession

from bot.imports import cells
from bot.imports.pipeline import FileKind, People, cell, duplicates, import_file
from bot.imports.reading import Line, Table
from bot.imports.results import ImportSummary, Problem, summarise
from bot.settings import check_timezone
from storage import staff as staff_store
from storage.staff import Change

ROSTER_COLUMNS = ("email", "name", "role", "hourly_rate", "skills", "weekly_capacity_hours",
                  "timezone", "working_hours", "slack_user_id", "teams_user_id", "manager_email",
                  "bar_admissions", "is_manager")
ROSTER_REQUIRED = ("email", "name", "role", "hourly_rate")
ROSTER_FREE_TEXT = ("name",)


class RosterRow(BaseModel):
    """One roster line, validated; fields the file has no column for stay unset."""

    email: Annotated[str, BeforeValidator(cells.email)]
    name: Annotated[str, BeforeValidator(cells.text(200))]
    role: Annotated[str, BeforeValidator(cells.role)]
    hourly_rate: Annotated[Decimal, BeforeValidator(cells.rate)]
    skills: Annotated[dict[str, int], BeforeValidator(cells.skills)] = Field(default_factory=dict)
    weekly_capacity_hours: Annotated[float, BeforeValidator(cells.capacity)] = (
        cells.DEFAULT_CAPACITY_HOURS)
    timezone: Annotated[str | None, BeforeValidator(cells.optional(check_timezone))] = None
    working_hours: Annotated[str | None, BeforeValidator(cells.optional(cells.working_hours))] = None
    slack_user_id: Annotated[str | None, BeforeValidator(cells.optional(cells.slack_id))] = None
    teams_user_id: Annotated[str | None, BeforeValidator(cells.optional(cells.teams_id))] = None
    manager_email: Annotated[str | None, BeforeValidator(cells.optional(cells.email))] = None
    bar_admissions: Annotated[list[str], BeforeValidator(cells.jurisdictions)] = Field(
        default_factory=list)
    is_manager: Annotated[bool, BeforeValidator(cells.flag)] = False

    def staff_values(self) -> dict[str, Any]:
        """The staff columns this file sets (manager_email is resolved to an id separately)."""
        return self.model_dump(include=self.model_fields_set - {"email", "manager_email"})


def _manager_problems(lines: Iterable[Line], known: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for line in lines:
        manager = cell(line, "manager_email", cells.email)
        if manager is None:
            continue
        if manager == cell(line, "email", cells.email):
            problems.append(Problem(line.number, "manager_email",
                                    "a person cannot be their own manager"))
        elif manager not in known:
            problems.append(Problem(line.number, "manager_email",
                                    f"{manager} is not in this file nor on the roster"))
    return problems


def _identity_problems(lines: Iterable[Line], existing: People, file_emails: set[str],
                       column: str, parse: Callable[[str], str]) -> list[Problem]:
    """A chat identity must lead to one person once the import is done."""
    holders: dict[str, list[tuple[str, int | None]]] = {}
    for email, staff in existing.items():
        value = getattr(staff, column)
        if value and email not in file_emails:  # people in the file get the file's value
            holders.setdefault(value, []).append((email, None))
    for line in lines:
        value, owner = cell(line, column, parse), cell(line, "email", cells.email)
        if value and owner:
            holders.setdefault(value, []).append((owner, line.number))
    problems: list[Problem] = []
    for value, owners in holders.items():
        for email, number in owners:
            others = [f"{other} ({f'line {at}' if at else 'already on the roster'})"
                      for other, at in owners if other != email]
            if number is not None and others:
                problems.append(Problem(number, column,
                                        f"{value} also belongs to {', '.join(others)}"))
    return problems


def _roster_problems(table: Table, existing: People) -> list[Problem]:
    """What only the whole file and the roster together can tell: duplicates and references."""
    file_emails = {email for line in table.lines
                   if (email := cell(line, "email", cells.email)) is not None}
    problems = duplicates(table.lines, "email", cells.email)
    problems += _manager_problems(table.lines, set(existing) | file_emails)
    for column, parse in (("slack_user_id", cells.slack_id), ("teams_user_id", cells.teams_id)):
        if column in table.columns:
            problems += _identity_problems(table.lines, existing, file_emails, column, parse)
    return problems


async def _write_roster(session: AsyncSession, rows: Sequence[tuple[Line, RosterRow]],
                        existing: People, columns: Sequence[str]) -> ImportSummary:
    people = dict(existing)
    changes: dict[str, Change] = {}
    for _, row in rows:
        staff, change = await staff_store.upsert_staff(session, email=row.email,
                                                       values=row.staff_values())
        people[row.email] = staff
        changes[row.email] = change
    # Managers second: a manager may be created further down the same file.
    if "manager_email" in columns:
        for _, row in rows:
            manager_id = people[row.manager_email].id if row.manager_email else None
            moved = await staff_store.update_staff(session, staff=people[row.email],
                                                   values={"manager_id": manager_id})
            if moved and changes[row.email] == "unchanged":
                changes[row.email] = "updated"
    return summarise("staff", changes.values())


ROSTER = FileKind(columns=ROSTER_COLUMNS, required=ROSTER_REQUIRED, free_text=ROSTER_FREE_TEXT,
                  model=RosterRow, problems_with=_roster_problems, write=_write_roster)


async def import_roster(session: AsyncSession, data: bytes, *,
                        source: str = "roster.csv") -> ImportSummary:
    """Upsert staff by email from a Roster CSV inside the caller's transaction.

    Raises ImportRefused, listing every problem, before anything is written.
    """
    return await import_file(session, data, source=source, kind=ROSTER)
