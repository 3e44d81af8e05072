"""Numbers as people say them: "forty-eight", "a couple of", "by three", "feb fifth"."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "couple": 2, "few": 3,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (
    rf"(?:\d{{1,3}}|(?:{_TENS})(?:[-\s](?:{_ONES}))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
    rf"|{_ONES}|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|an?)"
)

# Spoken times and days ("by three", "at nine thirty", "feb fifth"), as a phone dictates them.
_HOURS = {
    word: n
    for n, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
}
_MINUTES = {
    "oh five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty five": 45,
    "forty-five": 45,
    "fifty": 50,
}
_SPOKEN_CLOCK = re.compile(
    r"\b(?:at|by|before|b4|until|till|around)\s+(?P<h>"
    + "|".join(sorted(_HOURS, key=len, reverse=True))
    + r")(?:[\s-]+(?P<m>"
    + "|".join(sorted(_MINUTES, key=len, reverse=True)).replace(" ", r"[\s-]")
    + r"))?\b(?!\s+(?:days?|hours?|hrs?|weeks?|wks?|months?|business|biz|minutes?|mins?)\b)"
)
_ORDINALS = {
    word: n
    for n, word in enumerate(
        (
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
        ).split(),
        start=1,
    )
}
_ORDINALS |= {f"twenty {w}": 20 + n for w, n in list(_ORDINALS.items())[:9]}
_ORDINALS |= {"thirtieth": 30, "thirty first": 31}
_SPOKEN_DAY = re.compile(
    r"\b(?P<lead>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:the\s+)?"
    r"|the\s+)(?P<ord>"
    + "|".join(sorted(_ORDINALS, key=len, reverse=True)).replace(" ", r"[\s-]")
    + r")\b"
)

# Cheap to look for first: how every spoken hour and ordinal day begins.
_SPOKEN_CUE = re.compile(r"\b(?:one|two|thr|fou|fiv|fif|six|sev|eig|nin|ten|ele|twe|fir|sec|thi)")


def number_value(words: str) -> int | None:
    """The count written as digits or English number words ("48", "two", "forty-eight", "a")."""
    words = words.strip()
    if words.isdigit():
        return int(words)
    parts = [w for w in re.split(r"[\s-]+", words) if w != "of"]
    if len(parts) > 1:
        parts = [w for w in parts if w not in ("a", "an")]
    values = [_UNITS.get(w) for w in parts]
    if not values or None in values:
        return None
    return sum(v for v in values if v is not None)


# Punctuation a dictating phone leaves as words: "... by Wednesday period thanks". Not the
# noun: "the cure period", "the limitations period runs 3/1", "a 30-day period of ...".
_DICTATED = re.compile(
    r"(?P<before>[a-z0-9'-]+)(?P<mark>\s+(?:period|full\s+stop|comma|question\s+mark))\b"
    r"(?!\s+(?:of|for|to|runs?|ran|ends?|ended|expires?|expired|closes?|closed|starts?|begins?"
    r"|lapses?|has|had|is|was|under|applies|from|in\s+which|during)\b)"
)
_NOUN_PERIOD = frozenset(
    {"the", "a", "an", "this", "that", "which", "its", "same", "cure", "notice", "grace",
     "waiting", "review", "pay", "billing", "claims", "fixed", "contract", "day", "days", "month",
     "months", "year", "years", "yr", "yrs", "week", "weeks", "limitations", "reinvestigation",
     "redemption", "rescission", "statutory", "lookback", "look-back", "trial", "oxford"}
)  # fmt: skip
_MARKS = {"period": ".", "full stop": ".", "comma": ",", "question mark": "?"}


def dictated_punctuation(folded: str) -> str:
    """ "tell her Monday period call her today" -> "tell her Monday.       call her today": the
    mark, padded so that every span still points into the text as written."""
    if not any(word in folded for word in ("period", "comma", "stop", "mark")):
        return folded

    def mark(match: re.Match[str]) -> str:
        before = match["before"]
        if before in _NOUN_PERIOD or before.endswith(("-day", "-month", "-year", "-yr")):
            return match.group(0)
        said = _MARKS[" ".join(match["mark"].split())]
        return before + said.ljust(len(match["mark"]))

    return _DICTATED.sub(mark, folded)


# "five p m", "10 a m": a meridiem dictated letter by letter, after an hour said or written.
_SPELT_MERIDIEM = re.compile(
    r"\b(?P<hour>\d{1,2}(?::\d\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirty|fifteen|forty[\s-]five|oh\s+five)\s+(?P<half>[ap])\s+m\b"
)

# What any such meridiem holds, found by a fast scan for its letter.
_MERIDIEM_SAID = re.compile(r"[ap]\s+m\b")


def _joined_meridiem(folded: str) -> str:
    """ "five p m" -> "five pm ": the meridiem as typed, padded to the same length."""
    return _SPELT_MERIDIEM.sub(
        lambda m: f"{m['hour']} {m['half']}m ".ljust(len(m.group(0))), folded
    )


# "half past two", "quarter to 5", "a quarter past ten": the clock as said aloud.
_HOUR_WORDS = "|".join(sorted(_HOURS, key=len, reverse=True))
_CLOCK_PHRASE = re.compile(
    r"\b(?:(?P<half>half)|(?:a\s+)?quarter)\s+(?P<way>past|after|to|till|til|of)\s+"
    rf"(?P<h>\d{{1,2}}|{_HOUR_WORDS})\b(?!:)"
)


def _clock_phrase(match: re.Match[str]) -> str:
    hour = int(match["h"]) if match["h"].isdigit() else _HOURS[match["h"]]
    if not 1 <= hour <= 12:
        return match.group(0)
    if match["half"]:
        if match["way"] not in ("past", "after"):
            return match.group(0)
        said = f"{hour}:30"
    elif match["way"] in ("past", "after"):
        said = f"{hour}:15"
    else:
        said = f"{hour - 1 or 12}:45"
    return said.ljust(len(match.group(0)))


# "3ish", "noon-ish": about that hour, read as the hour (the suffix blanked, spans kept).
_ISH = re.compile(r"(?:(?<=\d)|(?<=noon))-?ish\b")


# Dictation's slips in a deadline: a clock's colon left out ("tomorrow at 8 30"), and a number
# heard as its homophone ("in to business days", "tomorrow by for").
_SPACED_CLOCK = re.compile(
    r"\b(?:at|by|before|b4|until|till|around)\s+(?:1[0-2]|0?[1-9])(?P<gap> )[0-5]\d\b"
    r"(?!\s*(?:%|percent|days?|hours?|hrs?|weeks?|wks?|months?|minutes?|mins?|business|biz|am|pm"
    r"|a\.m|p\.m)\b|[:/.,]?\d)"
)
_DIGITS_APART = re.compile(r"\d \d")
_TO_FOR_TWO = re.compile(
    r"\b(?:in|within)\s+(?P<to>to)\s+(?=(?:business|biz|calendar|court)\s+days?\b"
    r"|(?:days|weeks|hours|hrs|wks)\b)"
)
_FOR_FOR_FOUR = re.compile(r"\b(?:by|at|before)\s+(?P<for>for)(?=\s*(?:$|[.!?]|(?:pm|p\.m)\b))")


def _dictated_numbers(folded: str) -> str:
    """ "at 8 30" -> "at 8:30", "in to business days" -> "in 2  business days", "by for" ->
    "by 4  ": the number dictation meant, padded to the same length."""
    if " to " in folded:
        folded = _TO_FOR_TWO.sub(lambda m: m.group(0).replace(" to ", " 2  ", 1), folded)
    if " for" in folded:
        folded = _FOR_FOR_FOUR.sub(
            lambda m: m.group(0)[: m.start("for") - m.start()] + "4  ", folded
        )
    if _DIGITS_APART.search(folded) is None:  # (the spaced clock's hour, gap and minutes)
        return folded
    return _SPACED_CLOCK.sub(
        lambda m: m.group(0)[: m.start("gap") - m.start()] + ":"
        + m.group(0)[m.end("gap") - m.start() :],
        folded,
    )


def digits_for_spoken(folded: str) -> str:
    """ "by three" -> "by 3    ", "feb fifth" -> "feb 5th  ": digits, padded to the same length
    so that every span still points into the text as written."""

    def clock(match: re.Match[str]) -> str:
        hour = _HOURS[match["h"]]
        minute = _MINUTES[" ".join(match["m"].replace("-", " ").split())] if match["m"] else None
        said = f"{hour}:{minute:02d}" if minute is not None else str(hour)
        lead = match.group(0)[: match.start("h") - match.start()]
        return (lead + said).ljust(len(match.group(0)))

    def day(match: re.Match[str]) -> str:
        number = _ORDINALS[" ".join(match["ord"].replace("-", " ").split())]
        return (match["lead"] + f"{number}th").ljust(len(match.group(0)))

    folded = _dictated_numbers(folded)
    if " m" in folded and _MERIDIEM_SAID.search(folded):
        folded = _joined_meridiem(folded)
    if "half" in folded or "quarter" in folded:
        folded = _CLOCK_PHRASE.sub(_clock_phrase, folded)
    if "ish" in folded:
        folded = _ISH.sub(lambda m: " " * len(m.group()), folded)
    if not _SPOKEN_CUE.search(folded):
        return folded
    return _SPOKEN_DAY.sub(day, _SPOKEN_CLOCK.sub(clock, folded))
