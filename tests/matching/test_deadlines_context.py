"""The words right before a day: what would have been, a hearing still set, when to start."""

from __future__ import annotations

import pytest

from tests.matching.deadline_reading import reading

LEADS = [
    # what would have been
    ("The Odell hearing is Friday at 9:30; Sam, you're going to handle it. It would have been "
     "tomorrow but the judge is out.", ("2026-12-11 09:30", False)),
    ("it would've been due Monday, but they agreed to an extension. pls draft the stip by Thursday",
     ("2026-12-10 17:00", False)),
    # an event's day, "still" or not
    ("the Lund hearing is still 12/19. pls pull the exhibits", (None, False)),
    # a paper named after an event is no event dated
    ("I want a draft answer with a counterclaim for the missing notice of sale within 10 days.",
     ("2026-12-18 17:00", False)),
    ("the sale is in 10 days. pls call Mr. Ames", (None, False)),
    # when to start, not a deadline
    ("sorry for the late ping, please ignore until tomorrow! could someone draft a short memo on "
     "the Ames lien within 3 business days?", ("2026-12-11 17:00", False)),
    ("pls hold off on the Ames letter till Monday", (None, False)),
    ("the Lund letters will have to wait till Monday", (None, False)),
    # how much time there is, in the negative
    ("could you look over the Pike affidavit when you have time? trial isn't til 1/20",
     (None, False)),
    # the day a period is counted from is not itself the deadline
    ("could you tally the Ruiz calls? within a week of Monday, please", (None, True)),
    # the writer settles on a moment
    ("send the Ames C&D. Thursday morning is fine, let's say Thursday 10am",
     ("2026-12-10 10:00", False)),
    ("pls draft the Ames letter, make it Thursday at 3", ("2026-12-10 15:00", False)),
    # someone coming by is a visit, not "by" a deadline
    ("Mr. Ames is coming by tmrw at 10 with the stubs. pls scan them and get them to the "
     "trustee by 4 tomorrow", ("2026-12-09 16:00", False)),
    # "get it filed today": "it" is what is filed, not who filed it
    ("the Lund answer is signed, please get it filed at the county court today",
     ("2026-12-08 17:00", False)),
    # a sale's or an auction's day is when it happens
    ("the lender is selling his truck at auction 12/19, can we stop it?", (None, False)),
    # an event told further back in a clause that asks nothing still dates its day ...
    ("the client dropped off a box of old bank statements Monday. pls scan them into her folder",
     (None, False)),
    # ... but not an event's new day, nor one in a clause that asks
    ("Ames confirmation got moved up from Jan 21 to Jan 7 at 9:00, same courtroom. You take it",
     ("2027-01-07 09:00", False)),
    ("pls scan the box of old bank statements the client dropped off, by Monday",
     ("2026-12-14 17:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LEADS)
def test_the_words_before_a_day(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


NOT_THE_TASKS = [
    # a participle after "the" describes a thing; the day is still the docketing's
    ("Ms. Lund asked for Tom to put the rescheduled hearing on the calendar today and to send "
     "the new date to the client.", ("2026-12-08 17:00", False)),
    # "from 9:00 until 11:30": a span, no deadline
    ("Per Ms. Ruiz: she will be in court tomorrow from 9:00 until about 11:30. Please send her "
     "calls to Tom.", (None, False)),
    # a day named again ("which is", "that's") is the earlier day's
    ("Kim said responses are due 10 days before, which is 12/15 - that's next Tuesday?? did they "
     "go out", (None, False)),
    # whose turn it is on a rota, not when anything is due
    ("caller on line 1, says Midland froze her account. whoever has intake today can you take "
     "her?", (None, False)),
    ("Morning all. On-duty paralegal this week is Dana. Intake list is on the board.",
     (None, False)),
    # what a paper says
    ("Ames intake done. her shutoff notice says 12/20, husband on oxygen. notes in the folder",
     (None, False)),
    # the writer asking to meet
    ("Dana, can we talk tomorrow at 9 about the Ames offer?", (None, False)),
    # a past event told further back ("like 2am saturday" is when it happened)
    ("the client's car got towed from his work lot like 2am saturday. can someone call him back "
     "today?", ("2026-12-08 17:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NOT_THE_TASKS)
def test_a_day_that_is_not_the_tasks(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


def test_a_goal_aimed_for_is_the_deadline() -> None:
    text = "Please start on the Vance schedules. Let's aim for the end of next week."
    assert reading(text) == ("2026-12-18 17:00", False)
