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
