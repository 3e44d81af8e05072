"""The Matters CSV (README, "Configuration"): its rows, the people it names, the upsert."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field
from sqlalchemy.ext.asyncio import AsyncSession

from bot.imports import cells
from bot.imports.pipeline import FileKind, People, cell, duplicates, import_file
from bot.imports.reading import Line, Table
from bot.imports.results import ImportSummary, Problem, summarise
from matching.model import ATTORNEY_ROLES
from storage import matters as matter_store
from storage.staff import Change

MATTER_COLUMNS = ("matter_number", "client_name", "title", "responsible_attorney_email",
                  "jurisdiction", "screened_emails")
MATTER_REQUIRED = ("matter_number", "client_name")
MATTER_FREE_TEXT = ("matter_number", "client_name", "title")


class MatterRow(BaseModel):
    """One matters line, validated; fields the file has no column for stay unset."""

    matter_number: Annotated[str, BeforeValidator(cells.text(64))]
    client_name: Annotated[str, BeforeValidator(cells.text(200))]
    title: Annotated[str, BeforeValidator(cells.limited(300))] = ""
    responsible_attorney_email: Annotated[str | None,
                                          BeforeValidator(cells.optional(cells.email))] = None
    jurisdiction: Annotated[str | None, BeforeValidator(cells.optional(cells.jurisdiction))] = None
    screened_emails: Annotated[list[str], BeforeValidator(cells.email_list)] = Field(
        default_factory=list)

    def matter_values(self) -> dict[str, Any]:
        """The matter columns this file sets (people are resolved to ids separately)."""
        return self.model_dump(include=self.model_fields_set & {"client_name", "title",
                                                                "jurisdiction"})


def _matter_problems(table: Table, people: People) -> list[Problem]:
    """Duplicate numbers, and people who are not on the roster or cannot hold the role."""
    problems = duplicates(table.lines, "matter_number", str.strip)
    hint = "" if people else " (import the roster first)"
    for line in table.lines:
        attorney = cell(line, "responsible_attorney_email", cells.email)
        person = people.get(attorney) if attorney else None
        if attorney and person is None:
            problems.append(Problem(line.number, "responsible_attorney_email",
                                    f"{attorney} is not on the roster{hint}"))
        elif person is not None and person.role not in ATTORNEY_ROLES:
            problems.append(Problem(line.number, "responsible_attorney_email",
                                    f"{attorney} is a {person.role.replace('_', ' ')}, "
                                    "not an attorney (associate or partner)"))
        screened = cell(line, "screened_emails", cells.email_list) or []
        unknown = [email for email in screened if email not in people]
        if unknown:
            verb = "is" if len(unknown) == 1 else "are"
            problems.append(Problem(line.number, "screened_emails",
                                    f"{', '.join(unknown)} {verb} not on the roster{hint}"))
        if attorney and attorney in screened:
            problems.append(Problem(line.number, "screened_emails", "the responsible attorney "
                                    "cannot be screened from their own matter"))
    return problems


async def _write_matters(session: AsyncSession, rows: Sequence[tuple[Line, MatterRow]],
                         people: People, columns: Sequence[str]) -> ImportSummary:
    changes: list[Change] = []
    for _, row in rows:
        values = row.matter_values()
        if "responsible_attorney_email" in columns:
            attorney = row.responsible_attorney_email
            values["responsible_attorney_id"] = people[attorney].id if attorney else None
        matter, change = await matter_store.upsert_matter(session, number=row.matter_number,
                                                          values=values)
        if "screened_emails" in columns:
            walled = await matter_store.set_screens(
                session, matter_id=matter.id or 0,
                staff_ids=[people[email].id or 0 for email in row.screened_emails])
            change = "updated" if walled and change == "unchanged" else change
        changes.append(change)
    return summarise("matters", changes)


MATTERS = FileKind(columns=MATTER_COLUMNS, required=MATTER_REQUIRED, free_text=MATTER_FREE_TEXT,
                   model=MatterRow, problems_with=_matter_problems, write=_write_matters)


async def import_matters(session: AsyncSession, data: bytes, *,
                         source: str = "matters.csv") -> ImportSummary:
    """Upsert matters by number from a Matters CSV inside the caller's transaction.

    People are looked up on the roster, so import the roster first. Raises ImportRefused,
    listing every problem, before anything is written.
    """
    return await import_file(session, data, source=source, kind=MATTERS)
