"""Day idioms the table does not list, read; spans of days that give no one day, asked about."""

from __future__ import annotations

import pytest

from tests.matching.deadline_reading import reading

IDIOMS = [
    # "<weekday> week": a week after the coming such day
    ("draft the Okonkwo reply Thursday week", ("2026-12-17 17:00", False)),
    # "a week / two weeks from <day>"
    ("need the Pell exhibits a week from Friday pls", ("2026-12-18 17:00", False)),
    ("get the Sato letter out two weeks from tomorrow", ("2026-12-23 17:00", False)),
    # "the week after next": its Friday (dates are literal, Christmas or not)
    ("the Ruiz brief, the week after next", ("2026-12-25 17:00", False)),
    # a fortnight is two weeks
    ("have the Lund memo done in a fortnight", ("2026-12-22 17:00", False)),
    # "this time next week", "same time tomorrow": the same hour, a week or a day on
    ("this time next week works for the Ambrose outline", ("2026-12-15 10:00", False)),
    ("same time tomorrow for the Ferris call summary", ("2026-12-09 10:00", False)),
    # "Mon. next" is next Monday
    ("the Haddix answer, Mon. next", ("2026-12-14 17:00", False)),
    # "the Friday after next" is said two ways: read as a week after the coming one, and asked
    ("the Ostrova petition by the Friday after next", ("2026-12-18 17:00", True)),
    # "first of next month" is the 1st, not the month's last business day
    ("file the Juarez exam request first of next month", ("2027-01-01 17:00", False)),
    # the end of the week or month, said another way
    ("get the Brook intake notes done within the week", ("2026-12-11 17:00", False)),
    ("the Ilse ledger by month's end", ("2026-12-31 17:00", False)),
]


@pytest.mark.parametrize(("text", "expected"), IDIOMS)
def test_a_day_idiom_is_read(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


SPANS = [
    ("by mid-week for the Pike demand", (None, True)),
    ("the Tamsin rogs early next week", (None, True)),
    ("the Tamsin rogs by the beginning of next week", (None, True)),
    # "next week" read inside a span is asked about, not taken for its Friday
    ("the Tamsin rogs by midweek next week", ("2026-12-18 17:00", True)),
    ("the Quill production the week of the 14th", (None, True)),
    ("the Quill production the first week of January", (None, True)),
    ("the Marek accounting by year end", (None, True)),
    ("get the Vidal inventory done by end of the quarter", (None, True)),
    # a holiday by name, said as the deadline
    ("draft the Cole response before Christmas", (None, True)),
    # ... but not one told as news or relayed
    ("office closed Monday for MLK Day", (None, False)),
    ("let her know they'll call back later this week", (None, False)),
    ("we're filing the Ueda petition before Christmas, so pls pull his paystubs", (None, False)),
    # a span beside a deadline that says the day is not asked about
    ("the Soto motion - week of the 14th is fine but by Wed the 16th at the latest",
     ("2026-12-16 17:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_a_span_of_days_is_asked_about(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected
