"""Spanish deadline phrases ("para el lunes que viene", "mañana a las 3") rewritten as English ones."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

# Folded (accents dropped) Spanish day and month names, and the English short forms the
# readers know.
_WEEKDAYS = {"lunes": "mon", "martes": "tue", "miercoles": "wed", "jueves": "thu",
             "viernes": "fri", "sabado": "sat", "domingo": "sun"}  # fmt: skip
_MONTHS = {"enero": "jan", "febrero": "feb", "marzo": "mar", "abril": "apr", "mayo": "may",
           "junio": "jun", "julio": "jul", "agosto": "aug", "septiembre": "sep",
           "setiembre": "sep", "octubre": "oct", "noviembre": "nov", "diciembre": "dec"}  # fmt: skip
_NUMBERS = {"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
            "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11,
            "doce": 12, "quince": 15, "veinte": 20, "treinta": 30}  # fmt: skip
_WEEKDAY = "(?P<wd>" + "|".join(_WEEKDAYS) + ")"
_MONTH = "(?P<mon>" + "|".join(_MONTHS) + ")"
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + ")"
# What a deadline is said after: "para", "antes de(l)", "a más tardar", "hasta".
_LEAD = (r"(?:(?P<lead>para(?:\s+el)?|antes\s+del?|a\s+mas\s+tardar(?:\s+el)?|hasta(?:\s+el)?)"
         r"\s+)?")
_HOUR = r"(?P<h>2[0-3]|1\d|0?[1-9])(?::(?P<mm>[0-5]\d))?"
_HALF = r"(?:\s+(?:de\s+la|en\s+la|por\s+la)\s+(?P<half>manana|tarde|noche))?"
# "a las 3", "a la 1", "antes de las 4": a time of day.
_TIME = r"(?:\s+(?P<tlead>a|antes\s+de)\s+las?\s+" + _HOUR + _HALF + r")?"


class Spanish(NamedTuple):
    """The text with its Spanish deadline phrases in English, and the days read day-first that
    are asked about."""

    text: str
    asked: list[Rewritten]


class Rewritten(NamedTuple):
    """A day read another way than the readers would read it as written ("el 8/3" as 8 March),
    and why that is asked about."""

    start: int
    end: int
    doubt: str


def _lead(match: re.Match[str]) -> str:
    lead = match["lead"]
    if lead is None:
        return ""
    if lead.startswith("antes"):
        return "before "
    return "for " if lead.startswith("para") else "by "


def _time(match: re.Match[str]) -> str:
    if match["h"] is None:
        return ""
    said = match["h"] + (f":{match['mm']}" if match["mm"] else "")
    hour = int(match["h"])
    if hour > 12 and not match["mm"]:
        said += ":00"  # "a las 15": a 24-hour clock
    elif hour <= 12 and match["half"] == "manana":
        said += "am"
    elif hour < 12 and match["half"] in ("tarde", "noche"):
        said += "pm"
    return (" before " if match["tlead"] != "a" else " at ") + said


def _count(word: str) -> str:
    return word if word.isdigit() else str(_NUMBERS[word])


def _weekday(match: re.Match[str]) -> str:
    if match["past"]:
        return "last " + _WEEKDAYS[match["wd"]]  # "el viernes pasado": a day gone by
    ahead = "next " if match["next"] or match["next2"] else ""
    return _lead(match) + ahead + _WEEKDAYS[match["wd"]] + (" " + match["dom"] if match["dom"] else "")


def _dated(match: re.Match[str]) -> str:
    year = f" {match['year']}" if match["year"] else ""
    return _lead(match) + f"{_MONTHS[match['mon']]} {match['day']}{year}"


def _relative(match: re.Match[str]) -> str:
    word = {"hoy": "today", "manana": "tmrw"}[match["rel"]]
    return _lead(match) + word


def _today_or_tomorrow(match: re.Match[str]) -> str:
    """ "hoy a las 11" -> "today at 11"; "hoy" alone is too short for "today": "eod"."""
    said = _relative(match) + (" am" if match["relhalf"] == "manana" else "") + _time(match)
    if len(said) > len(match.group(0)) and match["rel"] == "hoy":
        return said.replace("today", "eod", 1)
    return said


def _counted(match: re.Match[str]) -> str:
    lead = "within " if match["within"] else "in "
    unit = {"dia": "days", "dias": "days", "semana": "weeks", "semanas": "weeks",
            "hora": "hrs", "horas": "hrs"}[match["unit"]]  # fmt: skip
    if match["habiles"]:
        unit = "biz days"
    return f"{lead}{_count(match['n'])} {unit}"


def _phrase(english: str) -> Callable[[re.Match[str]], str]:
    return lambda match: _lead(match) + english


# Most specific first; each is rewritten once, padded to its own length, so that every span
# still points into the text as written.
_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\b" + _LEAD + r"(?<!los\s)(?:(?:el|este)\s+)?(?P<next>proximo\s+)?" + _WEEKDAY
                + r"(?:\s+(?P<dom>[1-3]?\d)\b)?(?P<next2>\s+(?:que\s+viene|proximo))?"
                + r"(?P<past>\s+pasado)?" + _TIME),
     lambda m: _weekday(m) + _time(m)),
    (re.compile(r"\b" + _LEAD + r"(?:el\s+)?(?P<day>[1-3]?\d)\s+de\s+" + _MONTH
                + r"(?:\s+(?:de(?:l)?\s+)?(?P<year>20\d\d))?\b" + _TIME),
     lambda m: _dated(m) + _time(m)),
    # "no es para hoy": no deadline today
    (re.compile(r"\bno\s+(?:es|hace\s+falta)\s+(?:para\s+)?(?P<rel>hoy|manana)\b"),
     lambda m: "no need " + ("today" if m["rel"] == "hoy" else "tmrw")),
    (re.compile(r"\b" + _LEAD + r"(?<!la\s)(?<!la\s\s)(?P<rel>hoy|manana)\b"
                + _HALF.replace("half", "relhalf") + _TIME),
     _today_or_tomorrow),
    (re.compile(r"\b" + _LEAD + r"esta\s+noche\b"), _phrase("tonight")),
    (re.compile(r"\b(?:la\s+)?semana\s+pasada\b"), lambda m: "last week"),
    (re.compile(r"\b" + _LEAD + r"(?:la\s+semana\s+que\s+viene|la\s+proxima\s+semana"
                r"|la\s+semana\s+proxima)\b"), _phrase("next week")),
    (re.compile(r"\b" + _LEAD + r"(?:esta\s+semana|(?:el\s+)?fin\s+de\s+(?:esta|la)\s+semana)\b"),
     _phrase("eow")),
    (re.compile(r"\b" + _LEAD + r"(?:a\s+)?(?:el\s+)?fin(?:al)?\s+de(?:l)?\s+mes\b"), _phrase("eom")),
    (re.compile(r"\b(?:(?P<within>dentro\s+de|en\s+(?:un\s+)?(?:maximo|plazo)\s+de)|en)\s+"
                + _COUNT + r"\s+(?P<unit>dias?|semanas?|horas?)(?P<habiles>\s+(?:habiles|laborables))?\b"),
     _counted),
    (re.compile(r"\b" + _LEAD + r"(?:(?P<tlead>a|antes\s+de)\s+las?\s+)" + _HOUR
                + _HALF + r"\b"),
     lambda m: (_lead(m) + _time(m)).strip()),
    (re.compile(r"\b(?:a|al|para\s+el|antes\s+del)\s+mediodia\b"), lambda m: "by noon"),
    (re.compile(r"\b(?:" + _LEAD + r"|el\s+)(?=[0-3]?\d/[01]?\d\b)"), lambda m: _lead(m) or "on "),
)
# Words one of the rules needs, looked for first (as plain strings, which is quick): most texts
# hold none. The short ones are looked for as words begun.
_CUES = ("hoy", "manana", "noche", "semana", "de mes", "del mes", " dia", " hora", " las ",
         " la 1", "mediodia", *_WEEKDAYS)  # fmt: skip
_OFFERED = re.compile(
    r"\b(?P<day>mon|tue|wed|thu|fri|sat|sun)\s+o\s+(?=(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)\b)"
)
# "el 14/3", "antes del 8/3", "para el 1/3": a slash date after a Spanish lead.
_SLASH_DATE = re.compile(
    r"\b(?:el|del|para\s+el|hasta\s+el|antes\s+del)\s+(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![/\d])"
)


def in_english(folded: str, today: date) -> Spanish:
    """`folded` with its Spanish deadline phrases rewritten as the English the readers know,
    padded to the same length, and the days read day-first that are asked about: "el 14/3"
    can only be 14 March; "el 8/3", said when 8 March is nearer than 3 August, is read as
    8 March and asked about (the documented order is month first)."""
    begun = " " + folded
    said = any(cue in begun for cue in _CUES) or (
        " de " in folded and any(month in folded for month in _MONTHS)
    )
    dated = "/" in folded and "el " in folded
    if not said and not dated:
        return Spanish(folded, [])
    asked: list[Rewritten] = []
    for match in _SLASH_DATE.finditer(folded) if dated else ():
        first, second = int(match["a"]), int(match["b"])
        if not (1 <= second <= 12 and 1 <= first <= 31) or first == second:
            continue
        if first <= 12 and _days_to(today, first, second) <= _days_to(today, second, first):
            continue  # the documented month/day reading is the nearer one
        start, end = match.start("a"), match.end("b")
        swapped = f"{second}/{first}".ljust(end - start)
        folded = folded[:start] + swapped + folded[end:]
        if first <= 12:
            asked.append(Rewritten(start, end, _doubt(first, second)))
    for pattern, english in _RULES:
        for match in reversed(list(pattern.finditer(folded))):
            english_said = _padded(match, english(match))
            if english_said != match.group(0):
                folded = folded[: match.start()] + english_said + folded[match.end() :]
    # "martes o miércoles": two days offered
    folded = _OFFERED.sub(_or, folded)
    return Spanish(folded, asked)


def _days_to(today: date, month: int, day: int) -> int:
    """Days from today to the nearest such date from today on (a large number if none)."""
    for year in (today.year, today.year + 1):
        try:
            then = date(year, month, day)
        except ValueError:
            return 10_000
        if then >= today:
            return (then - today).days
    return 10_000


def _doubt(day: int, month: int) -> str:
    said = date(2000, month, 1).strftime("%B")
    return f"I read \u201c{day}/{month}\u201d day first, as {said} {day}"


def _or(match: re.Match[str]) -> str:
    said = match["day"] + " or "
    return said.ljust(len(match.group(0))) if len(said) <= len(match.group(0)) else match.group(0)


def _padded(match: re.Match[str], english: str) -> str:
    written = match.group(0)
    if len(english) > len(written):
        return written
    return english.ljust(len(written))
