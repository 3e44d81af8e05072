"""US jurisdictions as postal codes (README, "Configuration"): the table, spellings, admission."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

FEDERAL = "US"

# Postal code -> name: the 50 states, DC, the five inhabited territories, and federal practice.
JURISDICTIONS: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington State",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
    FEDERAL: "federal practice",
}

# Other unambiguous spellings, folded as `_folded` leaves them: the traditional (GPO / AP)
# abbreviations lawyers write in signature blocks, and common long forms.
_ALIASES: dict[str, str] = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "cal": "CA", "calif": "CA", "colo": "CO",
    "conn": "CT", "del": "DE", "fla": "FL", "ill": "IL", "ind": "IN", "kan": "KS",
    "kans": "KS", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mont": "MT",
    "neb": "NE", "nebr": "NE", "nev": "NV", "okla": "OK", "ore": "OR", "oreg": "OR",
    "penn": "PA", "tenn": "TN", "tex": "TX", "wash": "WA", "wva": "WV", "wis": "WI",
    "wisc": "WI", "wyo": "WY",
    "washington dc": "DC", "dist of columbia": "DC", "virgin islands": "VI",
    "usvi": "VI", "northern marianas": "MP", "cnmi": "MP",
    "federal": FEDERAL, "fed": FEDERAL, "usa": FEDERAL, "united states": FEDERAL,
    "federal courts": FEDERAL,
}
# Spellings that name two places: refused, with both choices.
_AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "washington": ("WA", "DC"),
}


def _folded(text: str) -> str:
    """Lower case, dots dropped, other punctuation and runs of spaces as one space."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.replace(".", "")).lower().split())


def _spellings() -> dict[str, str]:
    spellings = {code.lower(): code for code in JURISDICTIONS}
    for code, name in JURISDICTIONS.items():
        spellings[_folded(name)] = code
        if code != FEDERAL:
            spellings.update({f"{_folded(name)} state": code, f"state of {_folded(name)}": code})
    spellings.update(_ALIASES)
    for spelling in _AMBIGUOUS:
        spellings.pop(spelling, None)
    return spellings


_SPELLINGS = _spellings()


def jurisdiction_code(text: str) -> str | None:
    """The postal code `text` unambiguously names ("Florida", "fl", "N.Y.", "Federal"), or None."""
    return _SPELLINGS.get(_folded(text))


def describe(code: str) -> str:
    """`FL (Florida)`, for messages."""
    return f"{code} ({JURISDICTIONS[code]})"


def suggestions(text: str) -> tuple[str, ...]:
    """The codes `text` may have meant: both places of an ambiguous name, else close spellings."""
    folded = _folded(text)
    if folded in _AMBIGUOUS:
        return _AMBIGUOUS[folded]
    close = difflib.get_close_matches(folded, list(_SPELLINGS), n=3, cutoff=0.75)
    return tuple(dict.fromkeys(_SPELLINGS[spelling] for spelling in close))


def is_admitted(admissions: Iterable[str], jurisdiction: str) -> bool:
    """A licence is per jurisdiction; federal (US) matters take an admission anywhere."""
    held = {admission.strip().upper() for admission in admissions}
    if jurisdiction == FEDERAL:
        return bool(held)
    return jurisdiction in held
