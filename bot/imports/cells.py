"""Cell parsers for the CSV imports: each returns the stored value or raises ValueError saying why."""

from __future__ import annotations

import difflib
import re
import unicodedata
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from bot.settings import parse_hours_range
from matching.jurisdictions import describe, jurisdiction_code, suggestions
from matching.model import ROLES, SKILLS
from storage.staff import normalise_email

MAX_RATE = Decimal("99999999.99")  # staff.hourly_rate is NUMERIC(10, 2)
HOURS_IN_A_WEEK = 168.0
DEFAULT_CAPACITY_HOURS = 40.0

_EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")
_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,31}$")
_LIST_SEPARATOR = re.compile(r"[;,]")
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0", ""}

T = TypeVar("T")


def required(value: str) -> str:
    if not value:
        raise ValueError("is empty; this column is required")
    return value


def optional(parse: Callable[[str], T]) -> Callable[[str], T | None]:
    """An empty cell means "not set"; anything else must parse."""

    def parse_or_none(value: str) -> T | None:
        return parse(value) if value else None

    return parse_or_none


def limited(length: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > length:
            raise ValueError(f"is {len(value)} characters long; at most {length} fit")
        return value

    return check


def text(length: int) -> Callable[[str], str]:
    limit = limited(length)
    return lambda value: limit(required(value))


def suggestion(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"did you mean {close[0]!r}? " if close else ""


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _script(letter: str) -> str:
    """The script a letter belongs to, as the first word of its Unicode name (LATIN, CYRILLIC)."""
    return unicodedata.name(letter, "UNNAMED").split()[0].title()


def mixed_scripts(value: str) -> str | None:
    """What mixes in `value` ("Latin letters with Cyrillic 'о' (U+043E)"), or None if nothing.

    A Cyrillic "о" in a Latin address looks the same and is another address: another person.
    """
    scripts = Counter(_script(char) for char in value if char.isalpha())
    if len(scripts) < 2:
        return None
    usual = scripts.most_common(1)[0][0]
    odd = unique(char for char in value if char.isalpha() and _script(char) != usual)
    shown = ", ".join(f"{_script(char)} {char!r} (U+{ord(char):04X})" for char in odd[:3])
    return f"{usual} letters with {shown}"


def email(value: str) -> str:
    address = normalise_email(required(value))
    if len(address) > 254 or not _EMAIL.match(address):
        raise ValueError(f"{value!r} is not an email address")
    mixed = mixed_scripts(address)
    if mixed:
        raise ValueError(f"{value!r} mixes {mixed}: a look-alike of another address; "
                         "type it again in one alphabet")
    return address


def email_list(value: str) -> list[str]:
    return unique(email(part.strip()) for part in _LIST_SEPARATOR.split(value) if part.strip())


def role(value: str) -> str:
    name = re.sub(r"[\s-]+", "_", required(value).lower())
    if name not in ROLES:
        raise ValueError(f"unknown role {value!r}; {suggestion(name, ROLES)}"
                         f"allowed: {', '.join(ROLES)}")
    return name


def rate(value: str) -> Decimal:
    # A leading "$" is what spreadsheets often show; it means nothing more.
    number = required(value).removeprefix("$").strip()
    try:
        amount = Decimal(number)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number (an hourly cost in USD, e.g. 85)") from None
    if not amount.is_finite():
        raise ValueError(f"{value!r} is not a number (an hourly cost in USD, e.g. 85)")
    if amount < 0:
        raise ValueError(f"{value} is negative; an hourly cost is 0 or more")
    if amount > MAX_RATE:
        raise ValueError(f"{value} is too large for an hourly cost")
    return amount.quantize(Decimal("0.01"))


def capacity(value: str) -> float:
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


def skills(value: str) -> dict[str, int]:
    """`drafting:3;legal_research:2` -> {"drafting": 3, "legal_research": 2}, every fault named."""
    levels: dict[str, int] = {}
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
                raise ValueError(f"unknown skill {name!r}; {suggestion(name, SKILLS)}"
                                 f"known skills: {', '.join(SKILLS)}")
            if name in levels:
                raise ValueError(f"{name} is listed twice")
            levels[name] = _skill_level(name, level)
        except ValueError as fault:
            faults.append(str(fault))
    if faults:
        raise ValueError("; ".join(faults))
    return levels


def working_hours(value: str) -> str:
    start, end = parse_hours_range(value)
    return f"{start:%H:%M}-{end:%H:%M}"


def slack_id(value: str) -> str:
    if not _SLACK_ID.match(value):
        raise ValueError(f"{value!r} is not a Slack member ID (like U012AB3CD: in Slack, open "
                         "the profile, then 'Copy member ID')")
    return value


def teams_id(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a Microsoft Entra object ID (a GUID like "
                         "7d2a1c90-0001-4b6e-9d3a-000000000001)") from None


def jurisdiction(value: str) -> str:
    """A US jurisdiction as its postal code: "Florida", "fl" and "Fla." are all FL."""
    code = jurisdiction_code(value)
    if code is not None:
        return code
    close = suggestions(value)
    hint = (f"did you mean {' or '.join(describe(code) for code in close)}? " if close else "")
    raise ValueError(f"{value!r} is not a US jurisdiction; {hint}use a postal code like FL or "
                     "NY, or US for federal practice")


def jurisdictions(value: str) -> list[str]:
    return unique(jurisdiction(part.strip()) for part in _LIST_SEPARATOR.split(value)
                  if part.strip())


def flag(value: str) -> bool:
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ValueError(f"expected true or false, got {value!r}")
