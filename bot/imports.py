"""Roster and matters CSV import: validate every row first, then upsert all of it or nothing."""

from __future__ import annotations

import csv
import difflib
import io
import re
import uuid
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, Field, ValidationError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.settings import check_timezone, parse_hours_range
from matching.model import ATTORNEY_ROLES, ROLES, SKILLS
from storage import matters as matter_store
from storage import staff as staff_store
from storage.dialect import is_postgres
from storage.staff import Change, normalise_email
from storage.tables import Staff

ROSTER_COLUMNS = ("email", "name", "role", "hourly_rate", "skills", "weekly_capacity_hours",
                  "timezone", "working_hours", "slack_user_id", "teams_user_id", "manager_email",
                  "bar_admissions", "is_manager")
ROSTER_REQUIRED = ("email", "name", "role", "hourly_rate")
MATTER_COLUMNS = ("matter_number", "client_name", "title", "responsible_attorney_email",
                  "jurisdiction", "screened_emails")
MATTER_REQUIRED = ("matter_number", "client_name")

HEADER_LINE = 1
# Any constant bigint will do: every import, roster or matters, takes the same lock.
IMPORT_LOCK_KEY = 0x4C504F5F494D5054
MAX_RATE = Decimal("99999999.99")  # staff.hourly_rate is NUMERIC(10, 2)
HOURS_IN_A_WEEK = 168.0
DEFAULT_CAPACITY_HOURS = 40.0

_EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")
_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,31}$")
_JURISDICTION = re.compile(r"^[A-Z][A-Z0-9-]{0,15}$")
_LIST_SEPARATOR = re.compile(r"[;,]")
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0", ""}

T = TypeVar("T")


# --- results and problems ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file: where (line, column) and what, in plain words."""

    line: int
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.field}" if self.field else "")
        return f"{where}: {self.message}"


class ImportRefused(Exception):
    """The file has problems; nothing was written. `problems` lists every one, by line."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(sorted(problems, key=lambda problem: problem.line))
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        heading = (f"{self.source}: {count} problem{'s' if count != 1 else ''}, "
                   "nothing was imported")
        return "\n".join([heading, *(f"  {problem}" for problem in self.problems)])


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did, counted per row."""

    what: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def __str__(self) -> str:
        return (f"Imported {self.total} {self.what}: {self.created} created, "
                f"{self.updated} updated, {self.unchanged} unchanged.")


def _summarise(what: str, changes: Iterable[Change]) -> ImportSummary:
    changes = list(changes)
    return ImportSummary(what, created=changes.count("created"),
                         updated=changes.count("updated"), unchanged=changes.count("unchanged"))


# --- cell parsers (each raises ValueError with a message for the user) ---------------------


def _required(value: str) -> str:
    if not value:
        raise ValueError("is empty; this column is required")
    return value


def _optional(parse: Callable[[str], T]) -> Callable[[str], T | None]:
    """An empty cell means "not set"; anything else must parse."""

    def parse_or_none(value: str) -> T | None:
        return parse(value) if value else None

    return parse_or_none


def _limited(length: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > length:
            raise ValueError(f"is {len(value)} characters long; at most {length} fit")
        return value

    return check


def _suggestion(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"did you mean {close[0]!r}? " if close else ""


def _email(value: str) -> str:
    email = normalise_email(_required(value))
    if len(email) > 254 or not _EMAIL.match(email):
        raise ValueError(f"{value!r} is not an email address")
    return email


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _email_list(value: str) -> list[str]:
    return _unique(_email(part.strip()) for part in _LIST_SEPARATOR.split(value) if part.strip())


def _role(value: str) -> str:
    role = re.sub(r"[\s-]+", "_", _required(value).lower())
    if role not in ROLES:
        raise ValueError(f"unknown role {value!r}; {_suggestion(role, ROLES)}"
                         f"allowed: {', '.join(ROLES)}")
    return role


def _rate(value: str) -> Decimal:
    # A leading "$" is what spreadsheets often show; it means nothing more.
    number = _required(value).removeprefix("$").strip()
    try:
        rate = Decimal(number)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number (an hourly cost in USD, e.g. 85)") from None
    if not rate.is_finite():
        raise ValueError(f"{value!r} is not a number (an hourly cost in USD, e.g. 85)")
    if rate < 0:
        raise ValueError(f"{value} is negative; an hourly cost is 0 or more")
    if rate > MAX_RATE:
        raise ValueError(f"{value} is too large for an hourly cost")
    return rate.quantize(Decimal("0.01"))


def _capacity(value: str) -> float:
    if not value:
        return DEFAULT_CAPACITY_HOURS
    try:
        hours = float(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a number of hours per week") from None
    if not 0 <= hours <= HOURS_IN_A_WEEK:  # also rejects nan
        raise ValueError(f"{value} is not between 0 and {HOURS_IN_A_WEEK:g} hours per week")
    return hours


def _skill_level(name: str, level: str) -> int:
    try:
        number = int(level)
    except ValueError:
        number = 0
    if not 1 <= number <= 5:
        raise ValueError(f"level of {name} must be a whole number from 1 to 5, got {level!r}")
    return number


def _skills(value: str) -> dict[str, int]:
    """`drafting:3;legal_research:2` -> {"drafting": 3, "legal_research": 2}, every fault named."""
    skills: dict[str, int] = {}
    faults: list[str] = []
    for part in (piece.strip() for piece in value.split(";")):
        if not part:
            continue
        name, colon, level = (piece.strip() for piece in part.partition(":"))
        name = re.sub(r"[\s-]+", "_", name.lower())
        try:
            if not colon:
                raise ValueError(f"{part!r} is not skill:level (e.g. drafting:3)")
            if name not in SKILLS:
                raise ValueError(f"unknown skill {name!r}; {_suggestion(name, SKILLS)}"
                                 f"known skills: {', '.join(SKILLS)}")
            if name in skills:
                raise ValueError(f"{name} is listed twice")
            skills[name] = _skill_level(name, level)
        except ValueError as fault:
            faults.append(str(fault))
    if faults:
        raise ValueError("; ".join(faults))
    return skills


def _working_hours(value: str) -> str:
    start, end = parse_hours_range(value)
    return f"{start:%H:%M}-{end:%H:%M}"


def _slack_id(value: str) -> str:
    if not _SLACK_ID.match(value):
        raise ValueError(f"{value!r} is not a Slack member ID (like U012AB3CD: in Slack, open "
                         "the profile, then 'Copy member ID')")
    return value


def _teams_id(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a Microsoft Entra object ID (a GUID like "
                         "7d2a1c90-0001-4b6e-9d3a-000000000001)") from None


def _jurisdiction(value: str) -> str:
    code = value.upper()
    if not _JURISDICTION.match(code):
        raise ValueError(f"{value!r} is not a jurisdiction code (like FL or NY)")
    return code


def _jurisdictions(value: str) -> list[str]:
    return _unique(_jurisdiction(part.strip()) for part in _LIST_SEPARATOR.split(value)
                   if part.strip())


def _flag(value: str) -> bool:
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def _text(length: int) -> Callable[[str], str]:
    limit = _limited(length)
    return lambda value: limit(_required(value))


# --- row models --------------------------------------------------------------------------


class RosterRow(BaseModel):
    """One roster line, validated; fields the file has no column for stay unset."""

    email: Annotated[str, BeforeValidator(_email)]
    name: Annotated[str, BeforeValidator(_text(200))]
    role: Annotated[str, BeforeValidator(_role)]
    hourly_rate: Annotated[Decimal, BeforeValidator(_rate)]
    skills: Annotated[dict[str, int], BeforeValidator(_skills)] = Field(default_factory=dict)
    weekly_capacity_hours: Annotated[float, BeforeValidator(_capacity)] = DEFAULT_CAPACITY_HOURS
    timezone: Annotated[str | None, BeforeValidator(_optional(check_timezone))] = None
    working_hours: Annotated[str | None, BeforeValidator(_optional(_working_hours))] = None
    slack_user_id: Annotated[str | None, BeforeValidator(_optional(_slack_id))] = None
    teams_user_id: Annotated[str | None, BeforeValidator(_optional(_teams_id))] = None
    manager_email: Annotated[str | None, BeforeValidator(_optional(_email))] = None
    bar_admissions: Annotated[list[str], BeforeValidator(_jurisdictions)] = Field(
        default_factory=list)
    is_manager: Annotated[bool, BeforeValidator(_flag)] = False

    def staff_values(self) -> dict[str, Any]:
        """The staff columns this file sets (manager_email is resolved to an id separately)."""
        return self.model_dump(include=self.model_fields_set - {"email", "manager_email"})


class MatterRow(BaseModel):
    """One matters line, validated; fields the file has no column for stay unset."""

    matter_number: Annotated[str, BeforeValidator(_text(64))]
    client_name: Annotated[str, BeforeValidator(_text(200))]
    title: Annotated[str, BeforeValidator(_limited(300))] = ""
    responsible_attorney_email: Annotated[str | None, BeforeValidator(_optional(_email))] = None
    jurisdiction: Annotated[str | None, BeforeValidator(_optional(_jurisdiction))] = None
    screened_emails: Annotated[list[str], BeforeValidator(_email_list)] = Field(
        default_factory=list)

    def matter_values(self) -> dict[str, Any]:
        """The matter columns this file sets (people are resolved to ids separately)."""
        return self.model_dump(include=self.model_fields_set & {"client_name", "title",
                                                                "jurisdiction"})


@dataclass(frozen=True, slots=True)
class Line:
    """A data line of the file: its first line number and its cells by column name."""

    number: int
    cells: dict[str, str]


Row = TypeVar("Row", bound=BaseModel)


# --- reading the file ----------------------------------------------------------------------


def decode_csv(data: bytes, *, columns: Sequence[str]) -> str | Problem:
    """The file as text, or the one problem that makes it unreadable."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem(HEADER_LINE, None, "the file is UTF-16 text; save it as 'CSV UTF-8'")
    if b"\x00" in data:
        return Problem(HEADER_LINE, None, "this is not a CSV text file (an Excel workbook?); "
                                          "save it as 'CSV UTF-8'")
    try:
        content = data.decode("utf-8-sig")  # a UTF-8 byte-order mark (Excel writes one) is fine
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return Problem(line, None, f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); "
                                   "save it as 'CSV UTF-8'")
    if not content.strip():
        return _no_header(columns)
    return content


def _no_header(columns: Sequence[str]) -> Problem:
    return Problem(HEADER_LINE, None, "the file is empty; the first line must name the "
                                      f"columns: {', '.join(columns)}")


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file read against a column contract: its header, its data lines, its problems."""

    columns: tuple[str, ...]
    lines: tuple[Line, ...]
    problems: tuple[Problem, ...]


def _header_problems(names: list[str], line: int, *, columns: Sequence[str],
                     required: Sequence[str]) -> list[Problem]:
    if len(names) == 1 and ";" in names[0]:
        return [Problem(line, None, "the columns are separated by semicolons; save the file as "
                                    "'CSV UTF-8 (comma delimited)'")]
    problems: list[Problem] = []
    for position, name in enumerate(names):
        if not name:
            problems.append(Problem(line, None, f"column {position + 1} has no name"))
        elif name not in columns:
            problems.append(Problem(line, None, f"unknown column {name!r}; "
                                                f"{_suggestion(name, columns)}"
                                                f"the columns are: {', '.join(columns)}"))
        elif names.index(name) != position:
            problems.append(Problem(line, name, "this column appears twice"))
    problems.extend(Problem(line, None, f"missing required column {name!r}")
                    for name in required if name not in names)
    return problems


def _data_line(record: list[str], number: int, header: Sequence[str]) -> Line | Problem:
    # Spreadsheets often leave empty cells after the last column; they carry nothing.
    if len(record) > len(header) and not any(cell.strip() for cell in record[len(header):]):
        record = record[:len(header)]
    if len(record) != len(header):
        return Problem(number, None, f"has {len(record)} values but the header names "
                                     f"{len(header)} columns (a value with a comma needs "
                                     "\"double quotes\")")
    return Line(number, {name: cell.strip() for name, cell in zip(header, record, strict=True)})


def read_csv(data: bytes, *, columns: Sequence[str], required: Sequence[str]) -> Table:
    """Split the file into lines of named cells; line numbers are file lines (header = 1)."""
    content = decode_csv(data, columns=columns)
    if isinstance(content, Problem):
        return Table((), (), (content,))
    reader = csv.reader(io.StringIO(content, newline=""))
    header: list[str] | None = None
    lines: list[Line] = []
    problems: list[Problem] = []
    last_line = 0
    try:
        for record in reader:
            # A quoted value may span lines: the row starts where the previous one ended.
            first_line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue  # blank lines, and lines of bare commas, are not rows
            if header is None:
                names = [cell.strip().lower() for cell in record]
                while names and not names[-1]:
                    names.pop()
                header_problems = _header_problems(names, first_line, columns=columns,
                                                   required=required)
                if header_problems:
                    return Table((), (), tuple(header_problems))
                header = names
                continue
            parsed = _data_line(record, first_line, header)
            if isinstance(parsed, Problem):
                problems.append(parsed)
            else:
                lines.append(parsed)
    except csv.Error as error:
        problems.append(Problem(reader.line_num, None, f"this is not valid CSV: {error}"))
    if header is None:
        return Table((), (), tuple(problems) or (_no_header(columns),))
    return Table(tuple(header), tuple(lines), tuple(problems))


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


def _cell(line: Line, column: str, parse: Callable[[str], T]) -> T | None:
    """A cell parsed for cross-checks; None when absent, empty or invalid (validation says why)."""
    value = line.cells.get(column, "")
    if not value:
        return None
    try:
        return parse(value)
    except ValueError:
        return None


def _duplicates(lines: Iterable[Line], column: str, key: Callable[[str], str]) -> list[Problem]:
    first_seen: dict[str, int] = {}
    problems: list[Problem] = []
    for line in lines:
        value = _cell(line, column, key)
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


# --- the database side -------------------------------------------------------------------


async def lock_imports(session: AsyncSession) -> None:
    """Serialise imports, so two at once leave one consistent roster.

    PostgreSQL: a transaction-scoped advisory lock, released at commit or rollback.
    SQLite needs nothing: the first statement's BEGIN IMMEDIATE already admits one writer.
    """
    if is_postgres(session):
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                              {"key": IMPORT_LOCK_KEY})


def _manager_problems(lines: Iterable[Line], known: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for line in lines:
        manager = _cell(line, "manager_email", _email)
        if manager is None:
            continue
        if manager == _cell(line, "email", _email):
            problems.append(Problem(line.number, "manager_email",
                                    "a person cannot be their own manager"))
        elif manager not in known:
            problems.append(Problem(line.number, "manager_email",
                                    f"{manager} is not in this file nor on the roster"))
    return problems


def _identity_problems(lines: Iterable[Line], existing: dict[str, Staff], file_emails: set[str],
                       column: str, parse: Callable[[str], str]) -> list[Problem]:
    """A chat identity must lead to one person once the import is done."""
    holders: dict[str, list[tuple[str, int | None]]] = {}
    for email, staff in existing.items():
        value = getattr(staff, column)
        if value and email not in file_emails:  # people in the file get the file's value
            holders.setdefault(value, []).append((email, None))
    for line in lines:
        value, email = _cell(line, column, parse), _cell(line, "email", _email)
        if value and email:
            holders.setdefault(value, []).append((email, line.number))
    problems: list[Problem] = []
    for value, owners in holders.items():
        for email, number in owners:
            others = [f"{other} ({f'line {at}' if at else 'already on the roster'})"
                      for other, at in owners if other != email]
            if number is not None and others:
                problems.append(Problem(number, column,
                                        f"{value} also belongs to {', '.join(others)}"))
    return problems


def _roster_problems(table: Table, existing: dict[str, Staff]) -> list[Problem]:
    """What only the whole file and the roster together can tell: duplicates and references."""
    file_emails = {email for line in table.lines
                   if (email := _cell(line, "email", _email)) is not None}
    problems = _duplicates(table.lines, "email", _email)
    problems += _manager_problems(table.lines, set(existing) | file_emails)
    for column, parse in (("slack_user_id", _slack_id), ("teams_user_id", _teams_id)):
        if column in table.columns:
            problems += _identity_problems(table.lines, existing, file_emails, column, parse)
    return problems


async def _write_roster(session: AsyncSession, rows: Sequence[tuple[Line, RosterRow]],
                        existing: dict[str, Staff], columns: Sequence[str]) -> ImportSummary:
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
    return _summarise("staff", changes.values())


async def _import(session: AsyncSession, data: bytes, *, source: str, columns: Sequence[str],
                  required: Sequence[str], model: type[Row],
                  problems_with: Callable[[Table, dict[str, Staff]], list[Problem]],
                  write: Callable[..., Awaitable[ImportSummary]]) -> ImportSummary:
    """Read, validate everything against the stored roster, then write — or refuse whole."""
    table = read_csv(data, columns=columns, required=required)
    if not table.columns:  # unreadable, or no usable header: there is nothing to check further
        raise ImportRefused(source, table.problems)
    rows, problems = validate_rows(table, model)
    await lock_imports(session)
    people = {staff.email: staff
              for staff in await staff_store.list_staff(session, active_only=False)}
    problems += problems_with(table, people)
    if problems:
        raise ImportRefused(source, _in_column_order(problems, columns))
    return await write(session, rows, people, table.columns)


async def import_roster(session: AsyncSession, data: bytes, *,
                        source: str = "roster.csv") -> ImportSummary:
    """Upsert staff by email from a Roster CSV (DESIGN.md §4) inside the caller's transaction.

    Raises ImportRefused, listing every problem, before anything is written.
    """
    return await _import(session, data, source=source, columns=ROSTER_COLUMNS,
                         required=ROSTER_REQUIRED, model=RosterRow,
                         problems_with=_roster_problems, write=_write_roster)


def _matter_problems(table: Table, people: dict[str, Staff]) -> list[Problem]:
    """Duplicate numbers, and people who are not on the roster or cannot hold the role."""
    problems = _duplicates(table.lines, "matter_number", str.strip)
    hint = "" if people else " (import the roster first)"
    for line in table.lines:
        attorney = _cell(line, "responsible_attorney_email", _email)
        person = people.get(attorney) if attorney else None
        if attorney and person is None:
            problems.append(Problem(line.number, "responsible_attorney_email",
                                    f"{attorney} is not on the roster{hint}"))
        elif person is not None and person.role not in ATTORNEY_ROLES:
            problems.append(Problem(line.number, "responsible_attorney_email",
                                    f"{attorney} is a {person.role.replace('_', ' ')}, "
                                    "not an attorney (associate or partner)"))
        screened = _cell(line, "screened_emails", _email_list) or []
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
                         people: dict[str, Staff], columns: Sequence[str]) -> ImportSummary:
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
                session, matter_id=matter.id,
                staff_ids=[people[email].id for email in row.screened_emails])
            change = "updated" if walled and change == "unchanged" else change
        changes.append(change)
    return _summarise("matters", changes)


async def import_matters(session: AsyncSession, data: bytes, *,
                         source: str = "matters.csv") -> ImportSummary:
    """Upsert matters by number from a Matters CSV (DESIGN.md §4) inside the caller's transaction.

    People are looked up on the roster, so import the roster first. Raises ImportRefused,
    listing every problem, before anything is written.
    """
    return await _import(session, data, source=source, columns=MATTER_COLUMNS,
                         required=MATTER_REQUIRED, model=MatterRow,
                         problems_with=_matter_problems, write=_write_matters)
