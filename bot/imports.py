"""Roster and matters CSV import: validate every row first, then upsert all of it or nothing."""

from __future__ import annotations

import csv
import difflib
import io
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ValidationError
from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

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


def _email_list(value: str) -> list[str]:
    emails: list[str] = []
    for part in _LIST_SEPARATOR.split(value):
        if part.strip() and _email(part.strip()) not in emails:
            emails.append(_email(part.strip()))
    return emails


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


def _timezone(value: str) -> str:
    return check_timezone(value)


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
    codes: list[str] = []
    for part in _LIST_SEPARATOR.split(value):
        if part.strip() and _jurisdiction(part.strip()) not in codes:
            codes.append(_jurisdiction(part.strip()))
    return codes


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
    skills: Annotated[dict[str, int], BeforeValidator(_skills)] = {}
    weekly_capacity_hours: Annotated[float, BeforeValidator(_capacity)] = DEFAULT_CAPACITY_HOURS
    timezone: Annotated[str | None, BeforeValidator(_optional(_timezone))] = None
    working_hours: Annotated[str | None, BeforeValidator(_optional(_working_hours))] = None
    slack_user_id: Annotated[str | None, BeforeValidator(_optional(_slack_id))] = None
    teams_user_id: Annotated[str | None, BeforeValidator(_optional(_teams_id))] = None
    manager_email: Annotated[str | None, BeforeValidator(_optional(_email))] = None
    bar_admissions: Annotated[list[str], BeforeValidator(_jurisdictions)] = []
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
    screened_emails: Annotated[list[str], BeforeValidator(_email_list)] = []

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


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused.__new__(ImportRefused)  # replaced below; keeps mypy quiet
    return data.decode("utf-8-sig")


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
        return Problem(HEADER_LINE, None,
                       f"the file is empty; the first line must name the columns: {', '.join(columns)}")
    return content
