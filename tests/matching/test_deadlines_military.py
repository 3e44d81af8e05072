"""Military and office-manager notation: "NLT 1400 10DEC", "SUSPENSE 1500 today", "3 biz days"."""

from __future__ import annotations

import pytest

from tests.matching.deadline_reading import reading

# Said on Tuesday 8 December 2026, 10:00 in New York.
TIMES_AND_DATES = [
    # four digits of the 24-hour clock, after a cue or beside a day
    ("TASKER: KOVAC. Pull the lien records for Amberly. NLT 1400 10DEC. v/r Sam",
     ("2026-12-10 14:00", False)),
    ("Orbit file: cross-check the schedules. Suspense 1500 today.", ("2026-12-08 15:00", False)),
    ("Pls review + sign the Lyle answer by 1600, Ana files right after",
     ("2026-12-08 16:00", False)),
    ("Demand ltr to Crestline out NLT 0900 tmrw. RB", ("2026-12-09 09:00", False)),
    ("Exhibit binder for Farrow, NLT 1100 Fri.", ("2026-12-11 11:00", False)),
    ("Counter at 40%. Response to them by Thurs 1330.", ("2026-12-10 13:30", False)),
    ("Sent it up at 0730 tomorrow? no, send the packet NLT 1200 Wed.", ("2026-12-09 12:00", False)),
    # military dates: a day and a month run together, perhaps with a year
    ("Research memo on the exemption. NLT 18DEC.", ("2026-12-18 17:00", False)),
    ("Validation request, certified. NLT 14DEC26.", ("2026-12-14 17:00", False)),
    ("Client got a ltr dated 01DEC from Orbit Recovery. Send the 1692g request NLT 11DEC.",
     ("2026-12-11 17:00", False)),
    # two dates: the internal one, for the assignee, is the task's
    ("Due to Crestline counsel 22DEC; on my desk NLT 1400 16DEC.", ("2026-12-16 14:00", False)),
    ("Rogs served on us. Due 04JAN, draft to me NLT 28DEC.", ("2026-12-28 17:00", False)),
    # an event to appear at: its own day and time
    ("Wage ded hearing 15DEC 1330 Macon Co. I'm in Peoria that PM. Will appear for me.",
     ("2026-12-15 13:30", False)),
    ("Hearing 16DEC 0930, Ctrm 4 (Logan docket). You appear.", ("2026-12-16 09:30", False)),
]  # fmt: skip

NOT_TIMES = [
    # a statute, a section, an amount, a year, a room: no time of day
    ("Cite 735 ILCS 5/12-1001 in the memo by Friday", ("2026-12-11 17:00", False)),
    ("Send the 1692g letter by Friday", ("2026-12-11 17:00", False)),
    ("They want $1500 by Friday, counter at $900", ("2026-12-11 17:00", False)),
    ("Pull her 2025 return and call her Friday", ("2026-12-11 17:00", False)),
    ("Drop the file at Suite 1400 tomorrow", ("2026-12-09 17:00", False)),
    ("Serve them at 1200 Main St tomorrow", ("2026-12-09 17:00", False)),
    ("Check the loan (all 2025-2026 stmts) by Friday", ("2026-12-11 17:00", False)),
]  # fmt: skip

SPANS = [
    ("Pre-filing eval on the warranty claim. Ben. 3 biz days. RB", ("2026-12-11 17:00", False)),
    ("E-file the exemption claim w/in 4 hrs.", ("2026-12-08 14:00", False)),
    ("14 voicemails from the collector, some b4 8am. Memo to me in a week.",
     ("2026-12-15 17:00", False)),
    # a period of what someone did, told as a fact, is no deadline
    ("Eval whether the sticker survives when they sold a svc contract w/in 90 days. 3 biz days.",
     ("2026-12-11 17:00", False)),
    # when a filing was accepted, when someone is back, when a message is read: no deadline
    ("Lyle answer filed, envelope accepted 11:02. can u mail the client a copy? tmrw is fine",
     ("2026-12-09 17:00", False)),
    ("Heading to Macon Co. Back Thurs. Call cell if urgent.", (None, False)),
    ("Ana if you see this before fri — can you check the answer date is on the calendar?",
     (None, False)),
    # when a third party's offer lapses is asked about, not taken
    ("Their atty will take $500 if paid by 20DEC. Counter at $300.", (None, True)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TIMES_AND_DATES)
def test_military_times_and_dates_are_read(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(("text", "expected"), NOT_TIMES)
def test_four_digits_that_are_no_time_are_left(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_terse_spans_are_read(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected
