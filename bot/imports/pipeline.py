"""One import, start to end: read, validate every row against the roster, then write all or none."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.imports.reading import Line, Table, read_csv
from bot.imports.results import ImportRefused, ImportSummary, Problem
from storage import staff as staff_store
from storage.dialect import is_postgres
from storage.tables import Staff

# Any constant bigint will do: every import, roster or matters, takes the same lock.
IMPORT_LOCK_KEY = 0x4C504F5F494D5054

T = TypeVar("T")
Row = TypeVar("Row", bound=BaseModel)
People = dict[str, Staff]


@dataclass(frozen=True, slots=True)
class FileKind:
    """What one kind of import file holds and how its rows are checked and written."""

    columns: tuple[str, ...]
    required: tuple[str, ...]
    free_text: tuple[str, ...]  # cells checked for spreadsheet formulas
    model: type[BaseModel]
    problems_with: Callable[[Table, People], list[Problem]]
    write: Callable[..., Awaitable[ImportSummary]]


def _validation_problems(number: int, error: ValidationError) -> list[Problem]:
    return [Problem(number, str(detail["loc"][0]) if detail["loc"] else None,
                    str(detail["msg"]).removeprefix("Value error, "))
            for detail in error.errors()]


def validate_rows(table: Table, model: type[Row]) -> tuple[list[tuple[Line, Row]], list[Problem]]:
    """Every line through the row model; all problems of every line are kept."""
    rows: list[tuple[Line, Row]] = []
    problems: list[Problem] = list(table.problems)
    for line in table.lines:
        try:
            rows.append((line, model.model_validate(line.cells)))
        except ValidationError as error:
            problems.extend(_validation_problems(line.number, error))
    return rows, problems


def cell(line: Line, column: str, parse: Callable[[str], T]) -> T | None:
    """A cell parsed for cross-checks; None when absent, empty or invalid (validation says why)."""
    value = line.cells.get(column, "")
    if not value:
        return None
    try:
        return parse(value)
    except ValueError:
        return None


def duplicates(lines: Iterable[Line], column: str, key: Callable[[str], str]) -> list[Problem]:
    first_seen: dict[str, int] = {}
    problems: list[Problem] = []
    for line in lines:
        value = cell(line, column, key)
        if value is None:
            continue
        if value in first_seen:
            problems.append(Problem(line.number, column,
                                    f"{value} is already on line {first_seen[value]}"))
        else:
            first_seen[value] = line.number
    return problems


def _in_column_order(problems: Iterable[Problem], columns: Sequence[str]) -> list[Problem]:
    def position(problem: Problem) -> tuple[int, int]:
        column = columns.index(problem.field) if problem.field in columns else -1
        return problem.line, column

    return sorted(problems, key=position)


async def lock_imports(session: AsyncSession) -> None:
    """Serialise imports, so two at once leave one consistent roster.

    PostgreSQL: a transaction-scoped advisory lock, released at commit or rollback.
    SQLite needs nothing: the first statement's BEGIN IMMEDIATE already admits one writer.
    """
    if is_postgres(session):
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                              {"key": IMPORT_LOCK_KEY})


async def import_file(session: AsyncSession, data: bytes, *, source: str,
                      kind: FileKind) -> ImportSummary:
    """Read, validate everything against the stored roster, then write — or refuse whole."""
    table = read_csv(data, source=source, columns=kind.columns, required=kind.required,
                     free_text=kind.free_text)
    if not table.columns:  # no usable header: there is nothing to check further
        raise ImportRefused(source, table.problems)
    rows, problems = validate_rows(table, kind.model)
    await lock_imports(session)
    people = {staff.email: staff
              for staff in await staff_store.list_staff(session, active_only=False)}
    problems += kind.problems_with(table, people)
    if problems:
        raise ImportRefused(source, _in_column_order(problems, kind.columns))
    return await kind.write(session, rows, people, table.columns)
