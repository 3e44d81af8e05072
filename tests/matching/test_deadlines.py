"""Deadline phrases: every row and note of DOMAIN.md's deadline table, hand-checked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from matching.parse.deadlines import PASSED_WARNING, find_deadline
from tests.matching.deadline_reading import reading

NY = "America/New_York"
CHICAGO = "America/Chicago"

# Reference moments (all New York time).
TUE = "2026-12-08T10:00:00-05:00"  # Tuesday, an ordinary week
TUE_EVENING = "2026-12-08T18:30:00-05:00"
FRI = "2026-11-20T09:15:00-05:00"  # Friday morning
FRI_EVENING = "2026-11-20T17:40:00-05:00"
THANKSGIVING_EVE = "2026-11-25T18:30:00-05:00"  # Wednesday; Thursday 11/26 is Thanksgiving
CHRISTMAS_EVE = "2026-12-24T11:00:00-05:00"  # Thursday; Friday 12/25 is Christmas
VETERANS_EVE = "2026-11-10T09:00:00-05:00"  # Tuesday; Wednesday 11/11 is Veterans Day
VETERANS_OBSERVED_EVE = "2028-11-09T09:00:00-05:00"  # Thursday; Fri 11/10 observes Sat 11/11
SATURDAY = "2027-01-30T10:00:00-05:00"
DEC_30 = "2026-12-30T11:00:00-05:00"  # Wednesday; Friday 1/1 is New Year's Day


def due(text: str, now: str, tz: str = NY) -> str | None:
    found = find_deadline(text, now=datetime.fromisoformat(now), tz=tz)
    return found.due_at.strftime("%Y-%m-%d %H:%M") if found else None


ROWS = [
    # no deadline words
    ("draft the demand letter", TUE, None),
    ("order lunch for the depo team", TUE, None),
    # today, EOD, end of day, COB, close of business -> today 17:00
    ("today", TUE, "2026-12-08 17:00"),
    ("EOD", TUE, "2026-12-08 17:00"),
    ("end of day", TUE, "2026-12-08 17:00"),
    ("by the end of the day", TUE, "2026-12-08 17:00"),
    ("COB", TUE, "2026-12-08 17:00"),
    ("close of business", TUE, "2026-12-08 17:00"),
    # tonight -> today 23:59
    ("tonight", TUE, "2026-12-08 23:59"),
    ("get it out tonight at the latest", TUE, "2026-12-08 23:59"),
    # tomorrow -> tomorrow 17:00, a calendar day even when it is a Saturday
    ("tomorrow", TUE, "2026-12-09 17:00"),
    ("by tomorrow", FRI_EVENING, "2026-11-21 17:00"),
    # <weekday>, by/on/this <weekday>: nearest such day whose 17:00 is still ahead
    ("Friday", TUE, "2026-12-11 17:00"),
    ("by Friday", FRI, "2026-11-20 17:00"),
    ("by Friday", FRI_EVENING, "2026-11-27 17:00"),
    ("on Thursday", TUE, "2026-12-10 17:00"),
    ("this Tuesday", TUE, "2026-12-08 17:00"),
    ("Tuesday", TUE_EVENING, "2026-12-15 17:00"),
    ("by Monday", TUE, "2026-12-14 17:00"),
    # next <weekday>: that weekday in the next Monday-to-Sunday week
    ("next Tuesday", TUE, "2026-12-15 17:00"),
    ("next Monday", TUE, "2026-12-14 17:00"),
    ("next Friday", TUE, "2026-12-18 17:00"),
    ("next Thursday", DEC_30, "2027-01-07 17:00"),
    ("next Monday", SATURDAY, "2027-02-01 17:00"),
    # end of week, EOW, by the end of the week -> Friday of this week
    ("end of week", TUE, "2026-12-11 17:00"),
    ("EOW", TUE, "2026-12-11 17:00"),
    ("by the end of the week", TUE, "2026-12-11 17:00"),
    ("EOW", FRI, "2026-11-20 17:00"),
    ("by end of week", DEC_30, "2027-01-01 17:00"),  # a holiday, but dates are literal
    # next week -> Friday of next week
    ("next week", TUE, "2026-12-18 17:00"),
    ("sometime next week", DEC_30, "2027-01-08 17:00"),
    # end of month, EOM -> last business day of this month
    ("end of month", TUE, "2026-12-31 17:00"),
    ("EOM", "2027-01-14T10:00:00-05:00", "2027-01-29 17:00"),  # Jan 30-31 2027 is a weekend
    ("EOM", "2026-11-24T10:00:00-05:00", "2026-11-30 17:00"),
    # in / within N days -> today + N calendar days
    ("in 3 days", TUE, "2026-12-11 17:00"),
    ("within 10 days", "2026-11-24T10:00:00-05:00", "2026-12-04 17:00"),
    ("within 3 days", "2027-01-14T10:00:00-05:00", "2027-01-17 17:00"),  # a Sunday, literal
    # in / within N business days -> skip weekends and federal holidays
    ("in 5 business days", TUE, "2026-12-15 17:00"),
    ("within 13 business days", TUE, "2026-12-28 17:00"),  # skips Christmas
    ("within 2 business days", "2026-11-24T10:00:00-05:00", "2026-11-27 17:00"),  # Thanksgiving
    ("in 5 business days", VETERANS_EVE, "2026-11-18 17:00"),  # Veterans Day 11/11
    ("in 2 business days", DEC_30, "2027-01-04 17:00"),  # New Year's Day
    # in / within N hours -> now + N hours exactly
    ("in 2 hours", TUE, "2026-12-08 12:00"),
    ("within 48 hours", "2027-01-14T10:00:00-05:00", "2027-01-16 10:00"),
    # in / within a week -> today + 7 days
    ("in a week", TUE, "2026-12-15 17:00"),
    ("within a week", TUE, "2026-12-15 17:00"),
    # a time alone -> today at that time
    ("by 3pm", TUE, "2026-12-08 15:00"),
    ("at noon", TUE, "2026-12-08 12:00"),
    ("by 15:30", TUE, "2026-12-08 15:30"),
    # a day with a time
    ("tomorrow 10am", TUE, "2026-12-09 10:00"),
    ("Friday at 2pm", TUE, "2026-12-11 14:00"),
    ("by 2pm Friday", TUE, "2026-12-11 14:00"),
    ("tomorrow at noon", THANKSGIVING_EVE, "2026-11-26 12:00"),
    ("12/15 at 3pm", TUE, "2026-12-15 15:00"),
    # a date -> that date 17:00, US month/day, nearest such date from today on
    ("12/15", TUE, "2026-12-15 17:00"),
    ("Dec 15", TUE, "2026-12-15 17:00"),
    ("December 15th", TUE, "2026-12-15 17:00"),
    ("15 Dec", TUE, "2026-12-15 17:00"),
    ("2026-12-15", TUE, "2026-12-15 17:00"),
    ("by 1/8", TUE, "2027-01-08 17:00"),
    ("by 12/5", TUE, "2027-12-05 17:00"),
    ("by 12/8", TUE, "2026-12-08 17:00"),
    ("the 15th of December", TUE, "2026-12-15 17:00"),
]


@pytest.mark.parametrize(("text", "now", "expected"), ROWS)
def test_table_rows(text: str, now: str, expected: str | None) -> None:
    assert due(text, now) == expected


NOTES = [
    # Dates are literal: nothing rolls off a weekend or holiday except business rows and EOM.
    ("tomorrow", THANKSGIVING_EVE, "2026-11-26 17:00"),
    ("tomorrow", CHRISTMAS_EVE, "2026-12-25 17:00"),
    ("next week", CHRISTMAS_EVE, "2027-01-01 17:00"),
    ("in 1 business day", CHRISTMAS_EVE, "2026-12-28 17:00"),
    ("EOM", SATURDAY, "2027-01-29 17:00"),
    # Abbreviations and number words mean their words.
    ("tmrw", TUE, "2026-12-09 17:00"),
    ("next wk", TUE, "2026-12-18 17:00"),
    ("within 2 hrs", TUE, "2026-12-08 12:00"),
    ("within 5 biz days", TUE, "2026-12-15 17:00"),
    ("by Mon", TUE, "2026-12-14 17:00"),
    ("by Tue", "2026-12-09T10:00:00-05:00", "2026-12-15 17:00"),
    ("by Tues", "2026-12-09T10:00:00-05:00", "2026-12-15 17:00"),
    ("by Wed", TUE, "2026-12-09 17:00"),
    ("by Thu", TUE, "2026-12-10 17:00"),
    ("by Thurs", TUE, "2026-12-10 17:00"),
    ("by Fri", TUE, "2026-12-11 17:00"),
    ("within two business days", TUE, "2026-12-10 17:00"),
    ("in an hour", TUE, "2026-12-08 11:00"),
    ("in a week's time", TUE, "2026-12-15 17:00"),
    ("in two weeks", TUE, "2026-12-22 17:00"),
    ("in 3 weeks", TUE, "2026-12-29 17:00"),
    ("within forty-eight hours", TUE, "2026-12-10 10:00"),
    # EOD <day> / COB <day> is that day at 17:00; "before 5pm" means "by 5pm".
    ("EOD Friday", TUE, "2026-12-11 17:00"),
    ("COB Fri", TUE, "2026-12-11 17:00"),
    ("Friday EOD", TUE, "2026-12-11 17:00"),
    ("EOD tmrw", TUE, "2026-12-09 17:00"),
    ("before 5pm", TUE, "2026-12-08 17:00"),
    # An hour without am/pm: 7-11 morning, 12 noon, 1-6 afternoon.
    ("by 7", TUE, "2026-12-08 07:00"),
    ("at 9", TUE, "2026-12-08 09:00"),
    ("by 11", TUE, "2026-12-08 11:00"),
    ("by 12", TUE, "2026-12-08 12:00"),
    ("by 1", TUE, "2026-12-08 13:00"),
    ("by 4", TUE, "2026-12-08 16:00"),
    ("at 6", TUE, "2026-12-08 18:00"),
    ("by 5:00", TUE, "2026-12-08 17:00"),
    ("at 8:30", TUE, "2026-12-08 08:30"),
    ("tomorrow at 10", TUE, "2026-12-09 10:00"),
    ("tonight at 9", TUE, "2026-12-08 21:00"),
    # A date with a year means that year.
    ("due 1/5/2027", TUE, "2027-01-05 17:00"),
    ("by Jan 5, 2027", TUE, "2027-01-05 17:00"),
    ("by 12/1/26", TUE, "2026-12-01 17:00"),
    # Several dates: the deadline is the one given as the deadline; facts are context.
    ("served 11/20, answer due 12/11", TUE, "2026-12-11 17:00"),
    ("served 11/20", TUE, None),
    ("she was served on 12/1", TUE, None),
    ("the 30-day window closes soon", TUE, None),
    ("4-yr SOL", TUE, None),
    ("docket the answer deadline (21 days from service 11/23) EOD", TUE, "2026-12-08 17:00"),
    ("received 12/1, respond in 30 days", TUE, "2027-01-07 17:00"),
    ("hearing Monday; draft by Friday", TUE, "2026-12-11 17:00"),
    ("last payment was in 2021, is it time-barred? tomorrow", TUE, "2026-12-09 17:00"),
    ("compute the deadline (served by mail 11/24)", TUE, None),
    ("Midland called her 9 times today", TUE, None),
    ("any claims? they called her at 6am", TUE, None),
    ("the hearing moved to 1/12", TUE, None),
    ("SOL check, last pmt 6/15/2019", TUE, None),
    ("charged off 5/1/2021", TUE, None),
    ("get the NOA filed today", TUE, "2026-12-08 17:00"),
    ("answer deadline is 12/28; draft by 12/23", TUE, "2026-12-23 17:00"),
    ("hrg got moved - cover it for me on 12/14 at 10", TUE, "2026-12-14 10:00"),
    ("file the cert of service in the Garcia case tmrw", TUE, "2026-12-09 17:00"),
    ("served by mail 11/24, answer it", TUE, None),
    ("she discovered the tradeline on 3/15/2025", TUE, None),
    ("a collector's letter dated way back in 3/15/2025", TUE, None),
    ("due 3/15/2025", TUE, "2025-03-15 17:00"),
    ("trustee's hearing is 12/16 - by 2pm tmrw", TUE, "2026-12-09 14:00"),
    ("the court extended our time to 2/1), call him by 3pm", TUE, "2026-12-08 15:00"),
    ("intake for the walk-in who came by this afternoon, next week", TUE, "2026-12-18 17:00"),
    # A weekday with its date: the date says which one.
    ("By Friday 12/18 please", TUE, "2026-12-18 17:00"),
    ("by Fri, Dec 18th", TUE, "2026-12-18 17:00"),
    # Spoken numbers, as dictated: times after at/by, ordinal days after a month or "the".
    ("e-file it with the clerk by three", TUE, "2026-12-08 15:00"),
    ("appear next tues at nine thirty", TUE, "2026-12-15 09:30"),
    ("walk in tomorrow at eight am", TUE, "2026-12-09 08:00"),
    ("at three forty-five pm", TUE, "2026-12-08 15:45"),
    ("ready for me by dec fifth", TUE, "2027-12-05 17:00"),
    ("by the twenty first", TUE, "2026-12-21 17:00"),
    ("file seven or thirteen", TUE, None),
    ("in three days", TUE, "2026-12-11 17:00"),
    # A short weekday that is also a word needs a lead-in; common misspellings are read.
    ("need it wed", TUE, "2026-12-09 17:00"),
    ("for sat", TUE, "2026-12-12 17:00"),
    ("the file sat there", TUE, None),
    ("by wensday", TUE, "2026-12-09 17:00"),
    ("thrusday", TUE, "2026-12-10 17:00"),
    ("Happy Friday! C&D for Garcia", TUE, None),
    # ... or a time right after it, or a last clause of its own.
    ("wed 3pm", TUE, "2026-12-09 15:00"),
    ("cover it for me mon at 10am", TUE, "2026-12-14 10:00"),
    ("appear at the pretrial conference, Mon at 8:30", TUE, "2026-12-14 08:30"),
    ("1692c(c) letter, Wed", TUE, "2026-12-09 17:00"),
    ("C&D Ruiz wed", TUE, "2026-12-09 17:00"),
    ("cover Munday hrg tmrw 9", TUE, "2026-12-09 09:00"),
    ("e-file it by 14:30. The garnishment hits Friday.", TUE, "2026-12-08 14:30"),
    ("the sun is out, call Garcia", TUE, None),
    # "the 15th" before a noun is no day of the month.
    ("respond to the 2nd set by the 15th", TUE, "2026-12-15 17:00"),
    ("fix the copier on the 3rd floor", TUE, None),
    ("argue it before the 11th Circuit", TUE, None),
    # Numbers that are not times or dates.
    ("schedules A/B, D, E/F", TUE, None),
    ("$1,000 statutory damages; they offered 60%, counter at 30", TUE, None),
    ("fix the printer on 3", TUE, None),
    ("a 1692g letter and the 341 meeting", TUE, None),
    ("Chapter 7 vs Chapter 13, all 3 credit reports, 40 pages", TUE, None),
]


@pytest.mark.parametrize(("text", "now", "expected"), NOTES)
def test_reading_notes(text: str, now: str, expected: str | None) -> None:
    assert due(text, now) == expected


def test_a_past_moment_is_still_that_moment_with_a_warning() -> None:
    found = find_deadline("EOD", now=datetime.fromisoformat(FRI_EVENING), tz=NY)
    assert found is not None
    assert found.due_at == datetime(2026, 11, 20, 17, tzinfo=ZoneInfo(NY))
    assert PASSED_WARNING in found.warnings


def test_a_deadline_ahead_has_no_warning() -> None:
    found = find_deadline("by Friday", now=datetime.fromisoformat(TUE), tz=NY)
    assert found is not None and found.warnings == ()


def test_times_are_in_the_delegators_zone() -> None:
    now = datetime.fromisoformat(TUE)  # 10:00 New York is 09:00 Chicago
    found = find_deadline("by 3pm", now=now, tz=CHICAGO)
    assert found is not None
    assert found.due_at == datetime(2026, 12, 8, 15, tzinfo=ZoneInfo(CHICAGO))
    assert found.due_at.utcoffset() == timedelta(hours=-6)


def test_today_follows_the_delegators_calendar_day() -> None:
    # 00:30 in New York on Dec 9 is still Dec 8 in Chicago.
    now = datetime(2026, 12, 9, 0, 30, tzinfo=ZoneInfo(NY))
    assert due("today", now.isoformat(), CHICAGO) == "2026-12-08 17:00"


def test_a_naive_now_is_read_as_wall_time_in_the_zone() -> None:
    found = find_deadline("in 2 hours", now=datetime(2026, 12, 8, 10), tz=NY)  # noqa: DTZ001
    assert found is not None
    assert found.due_at == datetime(2026, 12, 8, 12, tzinfo=ZoneInfo(NY))


def test_hours_are_elapsed_time_across_spring_forward() -> None:
    # 2027-03-14 02:00 EST jumps to 03:00 EDT.
    found = find_deadline(
        "in 1 hour", now=datetime.fromisoformat("2027-03-14T01:30:00-05:00"), tz=NY
    )
    assert found is not None
    assert found.due_at.isoformat() == "2027-03-14T03:30:00-04:00"


def test_hours_are_elapsed_time_across_fall_back() -> None:
    # 2026-11-01 02:00 EDT falls back to 01:00 EST.
    found = find_deadline(
        "in 2 hours", now=datetime.fromisoformat("2026-11-01T00:30:00-04:00"), tz=NY
    )
    assert found is not None
    assert found.due_at.isoformat() == "2026-11-01T01:30:00-05:00"
    assert found.due_at - datetime.fromisoformat("2026-11-01T00:30:00-04:00") == timedelta(hours=2)


def test_five_pm_on_dst_days_carries_the_days_offset() -> None:
    spring = find_deadline("today", now=datetime.fromisoformat("2027-03-14T09:00:00-04:00"), tz=NY)
    fall = find_deadline("tomorrow", now=datetime.fromisoformat("2026-10-31T09:00:00-04:00"), tz=NY)
    assert spring is not None and spring.due_at.isoformat() == "2027-03-14T17:00:00-04:00"
    assert fall is not None and fall.due_at.isoformat() == "2026-11-01T17:00:00-05:00"


def test_a_wall_time_dst_skips_moves_forward() -> None:
    found = find_deadline(
        "today at 2:30am", now=datetime.fromisoformat("2027-03-14T01:00:00-05:00"), tz=NY
    )
    assert found is not None
    assert found.due_at.isoformat() == "2027-03-14T03:30:00-04:00"


def test_an_unknown_zone_reads_times_as_utc_with_a_warning() -> None:
    found = find_deadline("by 3pm", now=datetime(2026, 12, 8, 10, tzinfo=UTC), tz="Mars/Base")
    assert found is not None
    assert found.due_at == datetime(2026, 12, 8, 15, tzinfo=UTC)
    assert any("timezone" in w for w in found.warnings)


def test_the_span_points_at_the_deadline_words() -> None:
    text = "draft the answer for Garcia by Friday at 2pm please"
    found = find_deadline(text, now=datetime.fromisoformat(TUE), tz=NY)
    assert found is not None
    assert [text[a:b] for a, b in found.spans] == ["Friday at 2pm"]


def test_business_days_next_to_veterans_day_observed() -> None:
    assert due("in 1 business day", VETERANS_OBSERVED_EVE) == "2028-11-13 17:00"


# A day and a time said together are one moment, whatever stands between them.
DAY_WITH_TIME = [
    ("tmrw 8:15am works", TUE, "2026-12-09 08:15"),
    ("Thursday by 11 a.m.", TUE, "2026-12-10 11:00"),
    ("thurs 4pm", TUE, "2026-12-10 16:00"),
    ("wed at 4", TUE, "2026-12-09 16:00"),
    ("Monday by 9 a.m., ahead of Monday's team meeting", TUE, "2026-12-14 09:00"),
    # The half of the day said with the day, the hour said later: "tmrw am ... by 11".
    ("have the motion ready tmrw am - e-file it by 11", TUE, "2026-12-09 11:00"),
    ("need the motion filed tomorrow morning. get it to the clerk by 11?", TUE, "2026-12-09 11:00"),
    # A hearing moved to a new day is the deadline when someone is asked to appear at it.
    ("the hearing was moved to Thursday at 10:15, need someone to appear", TUE, "2026-12-10 10:15"),
    ("the status call got rescheduled to Friday at 9:45 - can you cover?", TUE, "2026-12-11 09:45"),
    ("the hearing was moved to Thursday at 10:15", TUE, None),
]


@pytest.mark.parametrize(("text", "now", "expected"), DAY_WITH_TIME)
def test_a_day_and_its_time_are_one_moment(text: str, now: str, expected: str | None) -> None:
    assert due(text, now) == expected


# A time or day inside a clause that tells what happens, or what someone else does, is context.
TOLD_AS_FACTS = [
    ("send the C&D tonight, he gets voicemails at 7am every day", TUE, "2026-12-08 23:59"),
    ("send the C&D tonight; the collector rings him at 7am every day", TUE, "2026-12-08 23:59"),
    ("she works until 5, so call her at 5:30pm", TUE, "2026-12-08 17:30"),
    ("call her, she's free tomorrow at 10", TUE, "2026-12-09 10:00"),
    ("call Ms. Ortiz and let her know the answer was filed and that service is planned for "
     "next week", TUE, None),
    ("let her know the depo is tomorrow at 9", TUE, None),
    ("tell Joe to file it Monday", TUE, "2026-12-14 17:00"),
    ("let him know by Friday that the hearing moved", TUE, "2026-12-11 17:00"),
    ("scan the letters she got in the mail today and add them to the file", TUE, None),
    ("no filings tomorrow on the Brown matter, the client asked us to hold", TUE, None),
    ("after this morning's call, prepare the summary. Tomorrow works.", TUE, "2026-12-09 17:00"),
    ("following up on the Tuesday email, please call the client Thursday at 3", TUE,
     "2026-12-10 15:00"),
    ("our answer was due 12/1; the amended one is needed within 10 days", TUE, "2026-12-18 17:00"),
    ("draft a validation letter, we are within the 30 days", TUE, None),
    ("set up the payments - she can pay over 6 months", TUE, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "now", "expected"), TOLD_AS_FACTS)
def test_a_day_told_as_a_fact_is_context(text: str, now: str, expected: str | None) -> None:
    assert due(text, now) == expected


# A fragment of its own states the deadline, and beats a day said in passing.
FRAGMENTS = [
    ("draft the objection. Three weeks.", TUE, "2026-12-29 17:00"),
    ("research memo on the arbitration clause. nxt wk is fine", TUE, "2026-12-18 17:00"),
    ("send Ruiz the update. Wednesday is fine.", TUE, "2026-12-09 17:00"),
    ("C&D for Ruiz. Mon", TUE, "2026-12-14 17:00"),
    ("last one from me today: advice call for Ruiz. Thursday 2pm", TUE, "2026-12-10 14:00"),
    ("served rogs 12/1, responses due in 30 days. draft them pls. 12/18", TUE, "2026-12-18 17:00"),
    ("answer due within 20 days (served 12/3). draft it, b4 mon the 14th", TUE, "2026-12-14 17:00"),
    ("can u do a validation ltr for Ames? their 1st ltr is dated 12/1. mon pls", TUE,
     "2026-12-14 17:00"),
    # the day said again to settle it
    ("let's say within a week of Friday, so the 18th.", TUE, "2026-12-18 17:00"),
    # a statute's section is no time of day
    ("need a demand ltr today, hit the 7-9A-611 notice defects", TUE, "2026-12-08 17:00"),
    ("Response time: 30 days.", TUE, None),
    ("she complained 2 wks after the notice", TUE, None),
]


@pytest.mark.parametrize(("text", "now", "expected"), FRAGMENTS)
def test_a_fragment_of_its_own_is_the_deadline(text: str, now: str, expected: str | None) -> None:
    assert due(text, now) == expected


# Asked to docket, the dates given are the events to docket; the deadline is only what is said
# as the deadline for the docketing.
DOCKETING = [
    ("please docket the status conference: 1/14 at 11am", TUE, None),
    ("calendar the opposition due 12/21 and the hearing on 1/6", TUE, None),
    ("calendar the depo for Friday at 2", TUE, None),
    ("the court ordered Midland to respond by 12/22. pls docket that date and the hearing", TUE,
     None),
    ("docket the pretrial conference, 1/12 at 9:30, by Thursday", TUE, "2026-12-10 17:00"),
    ("put the mediation on the calendar for 1/5 at 10. today if you can", TUE, "2026-12-08 17:00"),
    ("calendar the 12/30 hearing by 3pm", TUE, "2026-12-08 15:00"),
    ("pls calendar the trial date 3/2 by friday", TUE, "2026-12-11 17:00"),
    ("calendar the hearing date by 12/11", TUE, "2026-12-11 17:00"),
    ("calendar the reply due tomorrow", TUE, None),
    # "calendar" and "docket" as nouns ask for no docketing.
    # ... but the hearing's day is the hearing's: "by then" is asked about (test_parser_unsure).
    ("the calendar shows a hearing 12/15; draft the opposition by then", TUE, None),
    ("review the hearing notice on the court's docket by 12/15", TUE, "2026-12-15 17:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "now", "expected"), DOCKETING)
def test_dates_to_docket_are_not_the_deadline(text: str, now: str, expected: str | None) -> None:
    assert due(text, now) == expected


# A message that asks for nothing has no deadline, whatever day it names.
NOTHING_ASKED = [
    ("thanks everyone for this week!", TUE, None),
    ("heads up, I'm out tomorrow", TUE, None),
    ("reminder: firm lunch is thursday at 12:30", TUE, None),
    ("FYI the Ortiz hearing got continued to 1/20", TUE, None),
    ("Pls note: I'm in a deposition all afternoon today. Nothing further.", TUE, None),
    ("The Kwan letter should go by certified mail too. No action needed today.", TUE, None),
    ("reminder that timesheets have to be in by Friday", TUE, "2026-12-11 17:00"),
]


@pytest.mark.parametrize(("text", "now", "expected"), NOTHING_ASKED)
def test_a_message_asking_nothing_has_no_deadline(
    text: str, now: str, expected: str | None
) -> None:
    assert due(text, now) == expected


# Times and days that say which events, what state lasts how long, or what the writer will do
# are context, as are days said in the negative or as someone's absence.
NOT_THE_TASKS = [
    ("list the calls placed before 8am and summarise them, I need the list by Friday", TUE,
     "2026-12-11 17:00"),
    ("flag every letter received before 11/30; summary by Thursday", TUE, "2026-12-10 17:00"),
    ("the e-filing portal is down until 2pm, so file the motion by 4", TUE, "2026-12-08 16:00"),
    ("the courthouse stays closed until Monday", TUE, None),
    ("draft the reply; I will review it Thursday", TUE, None),
    ("call Mr. Diaz today and tell him I'll send the settlement figures by Friday", TUE,
     "2026-12-08 17:00"),
    ("Out sick today. Back Thursday.", TUE, None),
    ("Back Monday. pls file the Ruiz answer by Friday", TUE, "2026-12-11 17:00"),
    ("I've got a mediation at 1, so get the exhibits to me by 11", TUE, "2026-12-08 11:00"),
    ("no response needed today; a summary in 3 weeks is plenty", TUE, "2026-12-29 17:00"),
    ("for Thursday, not Wednesday: can you e-file the motion by 10am?", TUE, "2026-12-10 10:00"),
    ("heading to the 10:30 docket now, pls call Ms. Ruiz back", TUE, None),
    ("the collector called her four times in one day; C&D by Thursday", TUE, "2026-12-10 17:00"),
    ("she says she mailed the forms monday, can you chase them", TUE, None),
    ("Ms. Cho phoned this morning; pls send her the settlement summary", TUE, None),
    ("draft the letter by Wednesday rather than Friday", TUE, "2026-12-09 17:00"),
    ("the client repo'd car was towed at 2am, intake call tomorrow 11am", TUE,
     "2026-12-09 11:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "now", "expected"), NOT_THE_TASKS)
def test_what_others_or_the_writer_do_is_context(
    text: str, now: str, expected: str | None
) -> None:
    assert due(text, now) == expected


# Words that say a day is the deadline, wherever it stands.
SAID_AS_THE_DEADLINE = [
    ("draft the RFAs for Lee. wed is fine", TUE, "2026-12-09 17:00"),
    ("36 hrs please.", TUE, "2026-12-09 22:00"),
    ("research memo on preemption, week from today.", TUE, "2026-12-15 17:00"),
    ("can you e-file the notice? she's covering it for me \U0001f64f tonight works", TUE,
     "2026-12-08 23:59"),
    ("our production is due Monday. Friday at 10 so I can check it.", TUE, "2026-12-11 10:00"),
    ("the response is due 12/18 but I want a draft Monday", TUE, "2026-12-14 17:00"),
    ("research whether it survives, 3 wks is fine, low priority", TUE, "2026-12-29 17:00"),
    ("Summary by Thursday 12/10 please. Also calendar their reply date", TUE, "2026-12-10 17:00"),
    ("Lee needs the motion to convert to Ch. 7 e-filed today", TUE, "2026-12-08 17:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "now", "expected"), SAID_AS_THE_DEADLINE)
def test_words_that_say_this_is_the_deadline(text: str, now: str, expected: str) -> None:
    assert due(text, now) == expected


# A court event's day is its own, unless someone is asked to be there; then its time is the
# deadline, even said in another sentence.
COURT_EVENTS = [
    ("send me the NEF once it's filed. hearing is 1/12 at 2pm.", TUE, None),
    ("the depo is 12/17 at 10", TUE, None),
    ("motion to lift stay is set for hearing Jan 12 at 9:30. could you take it?", TUE,
     "2027-01-12 09:30"),
    ("can you handle the status conference on 12/17? 11am, Judge Ortiz.", TUE, "2026-12-17 11:00"),
    ("Lee status conf still on for Thu 12/17 @ 10, can u cover", TUE, "2026-12-17 10:00"),
    ("dkt the MSJ hearing 1/20 9am pls", TUE, None),
    ("Reply brief came in. Calendar the hearing, 1/20 at 9.", TUE, None),
    ("I'll appear myself at the 1/20 hearing. pls dkt it + our 1/13 reply deadline", TUE, None),
    # a courtroom's letter is no time of day
    ("cover the Pike hearing 12/10 at 9, Courtroom 4A. I'm in a depo all day.", TUE,
     "2026-12-10 09:00"),
    # the prep call "the Monday before" counts from the event, and is not the task's
    ("the Oduya 341 is 12/17 at 10 and I need an attorney to attend. prep call with him the "
     "Monday before.", TUE, "2026-12-17 10:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "now", "expected"), COURT_EVENTS)
def test_a_court_events_day_is_the_deadline_only_to_be_there(
    text: str, now: str, expected: str | None
) -> None:
    assert due(text, now) == expected


# No one's task: a note that says so, thanks, an office social.
NO_ONES_TASK = [
    ("not a task, just sharing: the client got her car back and starts work Monday", TUE, None),
    ("Thank you, Dana, for covering the call on Friday.", TUE, None),
    ("pizza party Friday at noon! RSVP to Sam by Wednesday", TUE, None),
    ("anyone want in on a lunch order? I'm ordering at 11:45", TUE, None),
    ("Out today. Back tomorrow. Call my cell if the trustee calls.", TUE, None),
    # an invitation or an offer to fetch something, however spelt
    ("grabbing tacos on 5th, anybody want some? back by 1", TUE, None),
    ("Anyone free for coffee? Corner cafe at 3:15?", TUE, None),
    ("does anybody want anything from the deli? leaving at 11:40", TUE, None),
]


@pytest.mark.parametrize(("text", "now", "expected"), NO_ONES_TASK)
def test_no_ones_task_has_no_deadline(text: str, now: str, expected: str | None) -> None:
    assert due(text, now) == expected


# What someone is to be told is context, to the end of its sentence; a deadline in a clause of
# its own is the telling's.
RELAYED = [
    ("let Mr. Cho know that his disputes went out and that the bureaus have 30 days (till about "
     "1/8) to respond", TUE, None),
    ("please let her know the date and place, and that Sam will meet her in the lobby at 8:45",
     TUE, None),
    ("tell Ms. Park the trustee moved the 341, EOD", TUE, "2026-12-08 17:00"),
    ("let him know and send him a copy of the order, next Thursday", TUE, "2026-12-17 17:00"),
    ("call her and let her know I'll have the numbers by the end of the week, tomorrow's fine",
     TUE, "2026-12-09 17:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "now", "expected"), RELAYED)
def test_what_is_relayed_is_context(text: str, now: str, expected: str | None) -> None:
    assert due(text, now) == expected


# Of deadlines each said as one, the task's own; two of its own on different days, one after a
# thing's due date, options offered, a later item's, or one asked only if there is such work,
# are asked about (the reading, then whether it is asked).
ASKED_OR_NOT = [
    ("the response is due 12/18 but I want a draft Monday", TUE, ("2026-12-14 17:00", False)),
    ("unless they pay by Friday, draft the complaint by Monday", TUE,
     ("2026-12-14 17:00", False)),
    ("need the plan within 14 days of the order; draft to me by 12/15", TUE,
     ("2026-12-15 17:00", False)),
    ("we're within 30 days but barely. Draft by Thursday", TUE, ("2026-12-10 17:00", False)),
    ("file the Lee answer by Thursday. Also send the Kim letter by Monday.", TUE,
     ("2026-12-10 17:00", True)),
    ("the answer is due Thursday; draft it by Monday", TUE, ("2026-12-14 17:00", True)),
    ("send Mr. Cho an update: Midland's answers are now due 1/4", TUE, (None, True)),
    ("Lee:\n1. pls call her with an update\n2. close the file in 60 days", TUE,
     ("2027-02-06 17:00", True)),
    ("Lee:\n1. the answer is due Friday\n2. pls draft the discovery by Thursday", TUE,
     ("2026-12-10 17:00", False)),
    ("if you have anything that must be e-filed before the outage, tell me by 2 today", TUE,
     ("2026-12-08 14:00", True)),
    ("pls do an intake with Mr. Park, he's free wednesday or thursday", TUE, (None, True)),
    ("prep him before the hearing. hearing is 1/20.", TUE, (None, True)),
    ("reminder: the Lee answer is due Friday", TUE, ("2026-12-11 17:00", True)),
    ("It's for a strategy meeting Thursday.", TUE, (None, True)),
    # a day that says which event ("the 12/15 hearing notice") is no deadline; work for the
    # event so named is asked about; one marked as the deadline is it
    ("review the 12/15 hearing notice on the court's docket", TUE, (None, False)),
    ("prep the exhibit binder for the 12/15 hearing", TUE, (None, True)),
    # a status report, a reply turning work down, a notice: what they want is asked about
    ("Ames update: LVNV offered 40%. he can do 30. they want an answer by 12/11", TUE,
     ("2026-12-11 17:00", True)),
    ("can't take anything new today - Lund cite check, Ames ltr by 3", TUE,
     ("2026-12-08 15:00", True)),
    ("Good morning team! Friendly reminder that it's Election Day, so please take the time you "
     "need this morning. Also, hours need to be entered by Thursday.", TUE,
     ("2026-12-10 17:00", True)),
    # "the Lund docket" is a noun: no docketing is asked
    ("Tate did a careful job on the Lund docket, so maybe him? let's say Friday", TUE,
     ("2026-12-11 17:00", False)),
    ("no rush, but before the 12/15 status conf", TUE, ("2026-12-15 17:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "now", "expected"), ASKED_OR_NOT)
def test_which_deadline_and_whether_it_is_asked(
    text: str, now: str, expected: tuple[str | None, bool]
) -> None:
    assert reading(text, now) == expected


# An event's day and time both said: the deadline is then (or before, which is asked); a time
# alone that has gone by today is more likely when something happened (asked about too).
EVENTS_AND_TIMES_GONE_BY = [
    ("kindly advise Ms. Rowe on the offer; she has asked for a call tomorrow at 4.",
     ("2026-12-09 16:00", True)),
    ("the repo agent cut the lock at 2 a.m. Bob, please draft a demand letter.", (None, True)),
    # ... a deadline said as one is still that moment, warned about
    ("pls send it by 9am", ("2026-12-08 09:00", True)),
    # an ordinal court ("3d Cir.") and a docket number ("MDJ 05-3-10") are no days
    ("research memo on class certification in the 3d Cir. by mon", ("2026-12-14 17:00", False)),
    ("pls efile the entry of appearance, MDJ 05-3-10, by 11", ("2026-12-08 11:00", False)),
    # ... and a day counted from another is asked about
    ("prep call with Mr. Oduya the Monday before his hearing", (None, True)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), EVENTS_AND_TIMES_GONE_BY)
def test_an_events_moment_and_a_time_gone_by(
    text: str, expected: tuple[str | None, bool]
) -> None:
    assert reading(text, TUE) == expected
