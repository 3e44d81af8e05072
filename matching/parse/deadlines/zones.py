"""Times said in another zone than the delegator's: "by 3 Pacific", "at 10 Boise time", "her time"."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["in_zone_said"]

# US zones by the names and abbreviations people type ...
_ZONES = {
    "pacific": "America/Los_Angeles", "pt": "America/Los_Angeles", "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles", "mountain": "America/Denver", "mt": "America/Denver",
    "mst": "America/Denver", "mdt": "America/Denver", "central": "America/Chicago",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "eastern": "America/New_York", "et": "America/New_York", "est": "America/New_York",
    "edt": "America/New_York", "alaska": "America/Anchorage", "hawaii": "Pacific/Honolulu",
    "arizona": "America/Phoenix", "utc": "UTC", "gmt": "UTC", "zulu": "UTC",
}  # fmt: skip
# ... and a few cities, said as "<city> time".
_CITIES = {
    "phoenix": "America/Phoenix", "boise": "America/Boise",
    "denver": "America/Denver", "chicago": "America/Chicago", "seattle": "America/Los_Angeles",
    "los angeles": "America/Los_Angeles", "portland": "America/Los_Angeles", "dallas": "America/Chicago",
    "houston": "America/Chicago", "ny": "America/New_York", "nyc": "America/New_York",
    "new york": "America/New_York", "salt lake": "America/Denver", "honolulu": "Pacific/Honolulu",
    "anchorage": "America/Anchorage", "atlanta": "America/New_York", "miami": "America/New_York",
    "london": "Europe/London", "dublin": "Europe/Dublin", "paris": "Europe/Paris",
    "berlin": "Europe/Berlin", "toronto": "America/Toronto", "vancouver": "America/Vancouver",
    "tokyo": "Asia/Tokyo", "sydney": "Australia/Sydney", "san francisco": "America/Los_Angeles",
    "boston": "America/New_York", "dc": "America/New_York", "la": "America/Los_Angeles",
}  # fmt: skip
# "by 3pm local time", "10 our time": the delegator's own ("my time" is the writer's).
_OWN_TIME = frozenset({"local", "our", "my", "your", "same", "office", "firm", "usual", "lunch"})


def _alternatives(names: dict[str, str]) -> str:
    return "|".join(sorted((re.escape(name) for name in names), key=len, reverse=True))


_ZONE_AFTER = re.compile(
    rf"\s*\(?\s*(?:(?P<named>{_alternatives(_ZONES)})\b(?!\s+al\b)(?:\s+time\b)?"
    rf"|(?P<city>{_alternatives(_CITIES)})\s+time\b"
    # "by 3 my time": the writer's own zone
    r"|(?P<mine>my)\s+time\b"
    # "3 her time", "10am the client's time": a zone the text does not name
    r"|(?P<whose>her|his|their|(?:the\s+)?[a-z]+'s)\s+time\b"
    # "10am Lisbon time": a zone by a name not known here
    r"|(?P<place>(?!(?:in|on|at|by|any|that|this|the|what|some|no|full|part|real|closing|due"
    r"|dinner|more|less|extra|enough|spare|free|down|up|over|of|for|same|lunch|bed|nap|face"
    r"|screen|tee|show|start|end|quiet|court|filing|billable|travel|prep|drive|response)\s)"
    r"[a-z]{3,})\s+time\b)"
)


_TIME_END = re.compile(r"\d(?!\d)|(?<![a-z])[ap]\.?m\b\.?|\bnoon\b|\bmidnight\b")


def in_zone_said(
    folded: str, spans: tuple[tuple[int, int], ...], due_at: datetime, mine: str | None = None
) -> tuple[datetime, str | None]:
    """`due_at` (a wall time in the delegator's zone, said at `spans`) moved to the zone named
    right after its time, if one is, or to the writer's zone `mine` (when known) for "my time";
    and the doubt when the zone is someone's, not named."""
    for start, end in spans:
        # after the span, or inside it, after its time: "9am MT Monday"
        ends = [end] + [m.end() for m in _TIME_END.finditer(folded, start, end)]
        match = next(filter(None, (_ZONE_AFTER.match(folded, at) for at in ends)), None)
        if match is None:
            continue
        if match["mine"]:
            own = _valid(mine)
            return (due_at if own is None else _moved(due_at, own)), None
        if match["place"] in _OWN_TIME:
            return due_at, None
        if match["whose"] or match["place"]:
            said = " ".join(folded[spans[0][0] : match.end()].split())
            return due_at, f"\u201c{said}\u201d: in which timezone?"
        zone = _ZONES[match["named"]] if match["named"] else _CITIES[match["city"]]
        return _moved(due_at, ZoneInfo(zone)), None
    return due_at, None


def _moved(due_at: datetime, zone: ZoneInfo) -> datetime:
    """The wall time of `due_at` read in `zone`, told in `due_at`'s own zone."""
    wall = due_at.replace(tzinfo=None).replace(tzinfo=zone)
    return wall.astimezone(UTC).astimezone(due_at.tzinfo)


def _valid(name: str | None) -> ZoneInfo | None:
    """The zone called `name`; None when there is no name or no such zone."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return None
