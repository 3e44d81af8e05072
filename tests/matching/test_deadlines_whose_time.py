"""Whose time a day or an hour is: the task's, an event's, the writer's own, or a meal's."""

from __future__ import annotations

import pytest

from tests.matching.deadline_reading import reading

WRITERS_OWN = [
    # dictated with no stops: what the writer will do, beside an ask of the reader
    ("hearing went fine the judge took it under advisement can someone tell marisol "
     "i'll ring her thursday", (None, False)),
    # ... but a note that asks nothing tells the writer's own task
    ("mr okafor wants to know if he should sign the lease i'll walk him through it "
     "tomorrow at eleven", ("2026-12-09 11:00", False)),
    # where the writer will be, or how busy
    ("quick one - I'm leaving at 3 today for the dentist. Priya has my phones, please text "
     "if anything comes up", (None, False)),
    ("could someone scan the Baptiste exhibits? I'd do it but I'm drowning in intake today",
     (None, False)),
    ("the Lund hearing got continued so can you call the landlord's counsel i'm back in "
     "court at three", (None, False)),
    # a greeting's wish
    ("Hi Dev! Hope Fresno is treating you well today. Could you call Mr. Ames back about his "
     "lease? no rush", (None, False)),
    ("hope you can get the Ames letter out today", ("2026-12-08 17:00", False)),
    # what the writer does not want to happen before a day is no deadline for the task
    ("can you ring Mrs. Tully and go over her options i don't want her signing anything before "
     "thursday", (None, False)),
    # a day said with a stop before "I'll" is read as before
    ("Ana, please send the Wexler letter. I'll review it Thursday.", (None, False)),
]


@pytest.mark.parametrize(("text", "expected"), WRITERS_OWN)
def test_the_writers_own_time_is_no_deadline(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


EVENTS = [
    # an appearance asked for at a case named with its "v."
    ("Tomas, please handle the Midway v. Oduya hearing on 12/17 at 9:30; I'm in Camden",
     ("2026-12-17 09:30", False)),
    # when someone is at court, or comes in for an appointment
    ("pls send the Oyelaran hearing notice and tell him to bring his pay stubs to court on "
     "the 21st", (None, False)),
    ("Rafi, could you call Mrs. Lindqvist and confirm her appointment Friday at 2?",
     (None, False)),
    # what someone else does then, told in a sentence that asks nothing, is asked about
    ("Could you pull Mr. Voss's credit reports and list the disputed accounts? He's coming in "
     "12/10 at 3.", ("2026-12-10 15:00", True)),
    ("Hollis schedules: can someone check every page is signed? Dana files Thu",
     ("2026-12-10 17:00", True)),
    ("Intake calls today, notes to Dana", ("2026-12-08 17:00", False)),
    # what everyone hands in of their own, beside another ask
    ("Two items:\n1. Timesheets are due to me by Friday at noon.\n2. Please check your "
     "parking passes are current.", ("2026-12-11 12:00", True)),
    # an appearance said not to be needed: the event's new day is news
    ("can someone send Petrakis an update - the pretrial moved to 1/14, he doesn't need to "
     "attend. thx", (None, False)),
]


@pytest.mark.parametrize(("text", "expected"), EVENTS)
def test_an_events_day(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


MEALS = [
    ("sandwich order for thursday goes in at noon - reply w/ what u want by tmrw 11",
     (None, False)),
]


@pytest.mark.parametrize(("text", "expected"), MEALS)
def test_a_meal_is_no_ones_task(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


SETTLED = [
    # an explanation of benefits is a paper, not the end of business
    ("can someone get the itemized bill for Mr. Soto? her EOB says $220. by thurs",
     ("2026-12-10 17:00", False)),
    ("EOB Friday pls", ("2026-12-11 17:00", False)),
    # when to start at the earliest is no deadline
    ("no need to look at this before Thursday. can you have the Moss schedules ready by next "
     "Friday?", ("2026-12-18 17:00", False)),
    ("Monday is fine to start, just need it done by 12/18", ("2026-12-18 17:00", False)),
    # which calls: the collector's, before the law's hour
    ("the screen found three calls before 8am and one to her job. pls draft the demand by "
     "Monday", ("2026-12-14 17:00", False)),
    # a day put right after "wait"
    ("send it Thursday, so draft by Wednesday - wait, Wednesday's the office retreat. "
     "Thursday 9am then.", ("2026-12-10 09:00", False)),
]


@pytest.mark.parametrize(("text", "expected"), SETTLED)
def test_the_deadline_settled_among_other_days(
    text: str, expected: tuple[str | None, bool]
) -> None:
    assert reading(text) == expected
