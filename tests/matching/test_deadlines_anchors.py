"""Days that are no deadline by themselves: counted from an event, a window's start, someone
else's act, a day put right, a thing's due date beside the ask's day."""

from __future__ import annotations

import pytest

from tests.matching.deadline_reading import reading

ANCHORED = [
    # a period counted from an event, not from today
    ("draft the Halvorsen motion within 14 days of the status conference", (None, True)),
    ("send the Abara notice within 5 days of receipt", (None, True)),
    ("the Greer reply, 2 weeks after the mediation", (None, True)),
    # ... but one counted from today is read
    ("send the Abara notice within 5 days from today", ("2026-12-13 17:00", False)),
    # ... and one beside the task's own deadline gives way to it
    ("docs should come in within 10 days of that. pls chase them by Friday",
     ("2026-12-11 17:00", False)),
    # when someone may start is no deadline, unless the ask says the day
    ("pls call Mrs. Ibsen about the budget. she's around Thursday after 2",
     ("2026-12-10 17:00", True)),
    ("can you call Mr. Oduya today after 3?", ("2026-12-08 17:00", False)),
    # what someone else will do, said apart from the ask
    ("could someone scan the leases into the file? the landlord will drop them off Friday at 11",
     ("2026-12-11 11:00", True)),
    ("could someone draft the Lund letter? the client comes back from vacation Monday",
     ("2026-12-14 17:00", True)),
    ("could someone call Mr. Lund? his shutoff is Thursday", ("2026-12-10 17:00", True)),
    ("the Vale discharge order should be out next wk. when it comes, send her a copy",
     ("2026-12-18 17:00", True)),
    # a day named where the writer says there is no deadline: none, unless the day is said
    # as one
    ("she's back in town Dec 20. could you send her an update? whenever works, no rush",
     (None, False)),
    ("anyone in today? could you pull the Ruiz notes from the box. whenever, not urgent",
     (None, False)),
    ("could you pull the Ruiz notes by Friday? whenever works", ("2026-12-11 17:00", False)),
    ("could you skim the Vale disclosures? sometime next week, whenever you get to it",
     ("2026-12-18 17:00", False)),
    # ... but an event someone is asked to be at is the deadline
    ("the Lund hearing is tomorrow at 2 and I have a conflict. Bea, please cover it",
     ("2026-12-09 14:00", False)),
    # ... and a thing's due date is the task's
    ("could someone draft the Lund answer? the answer is due Thursday",
     ("2026-12-10 17:00", False)),
    # ... but when they can be reached is when to reach them
    ("he's free tomorrow at 10, can you set up the intake call?", ("2026-12-09 10:00", False)),
    ("could you ring Ms. Dow back? she can talk tomorrow at 4", ("2026-12-09 16:00", False)),
    # a thing's due date told as news, and another day in the ask
    ("opposition due 12/18. can you get the outline started today?", ("2026-12-18 17:00", True)),
    # ... a day said as past news is no other day
    ("Rasmussen: talked to her Friday, she wants to go ahead. draft the motion, due 12/18.",
     ("2026-12-18 17:00", False)),
    # a day put right
    ("draft the Vance letter by Thursday - sorry, I mean Friday", ("2026-12-10 17:00", True)),
    ("file the Ames answer Thursday (holiday so Friday)", ("2026-12-10 17:00", True)),
    ("Sorry for the delay! Please draft the Ames letter by Friday.", ("2026-12-11 17:00", False)),
    # a weekday with its date: one day when they agree, asked about when they do not
    ("pls have the Wexler reply in by end of day Thursday, Dec 17", ("2026-12-17 17:00", False)),
    ("the Wexler reply is due Fri (12/12)", ("2026-12-12 17:00", True)),
    # two moments offered
    ("have the Roy exhibits ready by 10 or 11 tomorrow", ("2026-12-08 10:00", True)),
    ("the Roy memo by Friday or Monday at the latest", ("2026-12-11 17:00", True)),
    ("the Roy memo by Friday, or sooner if you can", ("2026-12-11 17:00", False)),
    ("pull the 1st or 2nd set of RFPs by Friday", ("2026-12-11 17:00", False)),
    ("the Roy memo: due Friday, maybe Monday", ("2026-12-11 17:00", True)),
    ("could someone draft the Roy memo? maybe Friday? or whenever", ("2026-12-11 17:00", True)),
    ("the Roy memo by Friday or so", ("2026-12-11 17:00", False)),
    # a weekday beside "tomorrow" that is not tomorrow (Tuesday now)
    ("pls e-file the Ness answer by Thu (tomorrow)", ("2026-12-10 17:00", True)),
    ("pls e-file the Ness answer tomorrow (Wed)", ("2026-12-09 17:00", False)),
    # what a third person needs, and another day in the ask
    ("she needs it back signed by 12/20, can you send her the form today",
     ("2026-12-20 17:00", True)),
    # the state wanted by then: "so it's postmarked by Friday"
    ("mail the Ochoa validation request so it's postmarked by Friday", ("2026-12-11 17:00", False)),
    # ... not which events: "calls made before 8"
    ("log every Ochoa call made before 8 a.m.", (None, False)),
    # work for an event known by its day of the month
    ("pls draft the Pratt response for the 28th hearing", (None, True)),
    # "the 3rd by 5": a day of the month, told by the time after it
    ("the Ngo binder the 15th by 5", ("2026-12-15 17:00", False)),
]  # fmt: skip


SMALL_HOURS = "2026-12-09T00:50:00-05:00"  # ten to one, the night after Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "tomorrow" after midnight may be the day just begun
        ("sorry, late one: pls file the Eze stip tomorrow", ("2026-12-10 17:00", True)),
        ("sorry, late one: pls file the Eze stip today", ("2026-12-09 17:00", False)),
    ],
)
def test_tomorrow_said_after_midnight_is_asked(
    text: str, expected: tuple[str | None, bool]
) -> None:
    assert reading(text, SMALL_HOURS) == expected


@pytest.mark.parametrize(("text", "expected"), ANCHORED)
def test_a_day_that_is_no_deadline_alone(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


PERIODS_AND_OTHERS = [
    # when a period runs to is that period's end, beside the day the ask gives
    ("Kovac: the dispute period runs to about 1/14. pls get the validation letter out Thu",
     ("2026-12-10 17:00", False)),
    ("the cure window runs through 12/18", (None, True)),
    # a weekday after a command's object or particle is its day ("out mon")
    ("pls get the Ridley demand out mon", ("2026-12-14 17:00", False)),
    ("please send it wed", ("2026-12-09 17:00", False)),
    # someone else's act, told after a heading or a dash, is asked about
    ("Good news: Harbor Auto agreed - they'll drop the Ng title off on Monday. Can someone tell "
     "Mr. Ng?", ("2026-12-14 17:00", True)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PERIODS_AND_OTHERS)
def test_periods_and_others_acts(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected
