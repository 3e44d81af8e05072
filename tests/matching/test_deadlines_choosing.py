"""Which of several days is the deadline: the one the ask says, the one put right, not the next
step's."""

from __future__ import annotations

import pytest

from tests.matching.deadline_reading import reading

AFTERNOON = "2026-12-08T16:00:00-05:00"  # Tuesday, 4 p.m.
MORNING = "2026-12-08T10:00:00-05:00"

CHOSEN = [
    # a day said in the ask, beside one told as news
    ("Opposing counsel filed their motion this afternoon. I need someone to read it tonight.",
     AFTERNOON, ("2026-12-08 23:59", False)),
    ("Ulroan MSJ: hearing is still Dec 19. can you review their exhibits tonight?", AFTERNOON,
     ("2026-12-08 23:59", False)),
    # ... but the writer's own "I can" asks no one
    ("you're covering the Kessler hearing, right? Jan 20 at 10:00 in Rapid City. I can prep you "
     "Tuesday.", AFTERNOON, ("2027-01-20 10:00", False)),
    # two deadlines, one in the ask and one told of another step
    ("Can someone e-file the Dorn answer Monday by 10? Lee's signed copy will be in the folder "
     "by tonight.", AFTERNOON, ("2026-12-14 10:00", False)),
    ("can you draft the Dorn letter by Thursday? the client has to sign it by Friday.", AFTERNOON,
     ("2026-12-10 17:00", False)),
    # two days told alike, neither in an ask: still asked about
    ("Garcia: hearing got moved. client in Monday, draft Friday", AFTERNOON,
     ("2026-12-11 17:00", True)),
    # a day put right, then said to be fine
    ("can someone e-file the Ross exhibits by tomorrow? oh wait, tomorrow's a holiday. Thursday "
     "is totally fine then", AFTERNOON, ("2026-12-10 17:00", False)),
    ("can someone update Schedule I? by tmrw 3pm if you can... oh wait tmrw is the holiday. "
     "Fri 3pm then", AFTERNOON, ("2026-12-11 15:00", False)),
    # ... a correction alone is still asked about
    ("draft the Vance letter by Thursday - sorry, I mean Friday", AFTERNOON,
     ("2026-12-10 17:00", True)),
    # a deadline time gone by today is that of the later day the ask names
    ("can you call Ms. Ruiz tmrw about the offer? by 9 if you can", MORNING,
     ("2026-12-09 09:00", False)),
    ("can you call Ms. Ruiz about the offer? by 9 if you can", MORNING, ("2026-12-08 09:00", True)),
    # the next step's day, in a clause of why, gives way to the deadline said
    ("could someone update the schedules? by noon please, so Dana can review before Thursday's "
     "filing.", "2026-12-08T08:00:00-05:00", ("2026-12-08 12:00", False)),
    ("please send the Ames packet to Dana so she can sign it by Friday", AFTERNOON,
     ("2026-12-11 17:00", False)),
    # EOD is a deadline by its word, not the time of a day told as a fact
    ("pls mail Mr. Ames a copy of everything we sent out this wk, eod", MORNING,
     ("2026-12-08 17:00", False)),
    # asked to docket, a day told as news is the event docketed ...
    ("possession granted, the writ can issue in 5 days. pls calendar it", MORNING, (None, False)),
    ("they accepted - truck back by Friday, $4,000. please calendar the truck return", MORNING,
     (None, False)),
    # ... not a day said in the ask, nor a bare command's
    ("the writ can issue in 5 days. can you calendar it by Friday?", MORNING,
     ("2026-12-11 17:00", False)),
    ("Calendar the response deadline (1/13). Circulate the draft to me by Friday.", MORNING,
     ("2026-12-11 17:00", False)),
    # a day told of what someone else does gives way to the ask's
    ("can you e-file the Ames exemption request today? her next paycheck hits Friday", MORNING,
     ("2026-12-08 17:00", False)),
    ("could you cover the Ames scheduling conference today at 2? our position is that discovery "
     "should close on March 30", MORNING, ("2026-12-08 14:00", False)),
    # when to start, beside the day it is due
    ("Lund spreadsheet due 12/18. start on it today pls", MORNING, ("2026-12-18 17:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "now", "expected"), CHOSEN)
def test_which_day_is_the_deadline(text: str, now: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text, now) == expected


SUNDAY_EVENING = "2026-12-06T19:30:00-05:00"
MORE_CHOICES = [
    # a time asked for, beside a thing's due day in a clause of its own
    ("Ames answer is signed. Kim pls e-file it by 2pm, answer's due friday", MORNING,
     ("2026-12-08 14:00", False)),
    # a day worked back, with "so", from one said before it
    ("their counsel wants it by 12/18 but I want to review first, so next Tues. thx", MORNING,
     ("2026-12-15 17:00", False)),
    ("I want it before the 12/22 conference, so by 12/18.", MORNING, ("2026-12-18 17:00", False)),
    # ... but not a period counted out
    ("the hearing is 20 days out so 12/28. can someone draft the answer by Friday", MORNING,
     ("2026-12-11 17:00", False)),
    # one day said twice, once with its time
    ("Mr. Cole will be in Topeka next Wednesday. He asks that Ms. Ruiz attend the Ames status "
     "conference on December 16 at 1:30 p.m.", MORNING, ("2026-12-16 13:30", False)),
    # the writer settles it last, the other day told of someone else
    ("Could you call Mrs. Ames? Her first payment is due 1/5 and she needs 9 more. By tomorrow is "
     "fine.", MORNING, ("2026-12-09 17:00", False)),
    # the first item's ask, not a later item's
    ("Good morning Dana,\n\n1. Ames: please have Kim draft the interrogatories by the end of the "
     "week.\n\n2. Separately, Lee may take until Monday on the Lund answer.\n\nThanks", MORNING,
     ("2026-12-11 17:00", False)),
    # work for an event named by its time is due when it starts
    ("tomorrow can you pull the Ames payment history into one PDF for my 10am call? thx",
     SUNDAY_EVENING, ("2026-12-07 10:00", False)),
    # an event that stays as it was is not the one to cover
    ("Ames settlement conference moved up to this Thursday at 11:00. Please cover it. The 12/21 "
     "pretrial stays on.", MORNING, ("2026-12-10 11:00", False)),
    # what someone else can pay asks no one
    ("Marcus, could you call the lender's lawyer about a lump sum? Ames can do $2,500 by the "
     "first of the month. Try to have a number for me by EOD tomorrow.", MORNING,
     ("2026-12-09 17:00", False)),
    # a deal's terms are no deadline of the task's: "paid within 60 days", "they release ..."
    ("Please take the counteroffer to Crestline on Ames: 25% lump sum, paid within 60 days, "
     "dismissal with prejudice. By Friday if possible.", MORNING, ("2026-12-11 17:00", False)),
    ("Please check the draft against our terms ($9,000, mutual release, they return the title "
     "within 10 days) and flag what is missing. By 4.", MORNING, ("2026-12-08 16:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "now", "expected"), MORE_CHOICES)
def test_more_choices(text: str, now: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text, now) == expected
