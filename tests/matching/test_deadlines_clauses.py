"""Clauses that make a day context rather than the deadline, and fragments that state one."""

from __future__ import annotations

import pytest

from tests.matching.deadline_reading import reading

CONTEXT_CLAUSES = [
    # what is to be told, the one to tell blanked out as the parser blanks a client's name
    ("can someone let          know we got her letter, and that Tom will call her Friday at 11?",
     (None, False)),
    ("would you let Mr. Ruiz know that we sent his hardship request to the lender on Monday?",
     (None, False)),
    # a day the writer says nothing is wanted by
    ("can someone check the SOL for Pike? repo was 2/6/2025. no rush this week.", (None, False)),
    ("could you pull the Lee ledger? not urgent today. Friday is fine",
     ("2026-12-11 17:00", False)),
    # what the writer cannot do then, or offers to do
    ("can someone look into the trustee issue? I can't think straight today", (None, False)),
    ("want me to start the objections? I can have a draft by tomorrow.", (None, False)),
    # ... but "so I can" says why the work is wanted, by when
    ("can you finalize the schedules so I can review next Monday? we file Tuesday.",
     ("2026-12-14 17:00", False)),
    ("can someone prep the amended plan so I can sign it by 5", ("2026-12-08 17:00", False)),
    # a farewell, and a day with nothing to send
    ("Happy holidays! No client calls today please, let folks rest. See everybody Monday.",
     (None, False)),
    # when work may start: no one needs to do anything before then
    ("nobody needs to do a thing until Monday. could someone tally the Lund calls?",
     (None, False)),
    ("no need to do anything til Thursday, but can you cite-check the Ames memo when you're back",
     (None, False)),
    # ... but a thing not needed until a day is due then
    ("the Ames memo isn't needed until Friday", ("2026-12-11 17:00", False)),
    # a reply that cannot, its "I" unsaid, or someone else who cannot
    ("can't do the Lund docs today, the portal is still locked", (None, False)),
    ("Dee can't do the Lund docs today", (None, False)),
    # when the writer will be in
    ("heading to the polls now, should be in by 10:30", (None, False)),
    ("I'll be in by 11, pls start the Lund binder", (None, False)),
    # a deadline gone by, told
    ("if you haven't entered your hours yet, today was the deadline, so please do it asap",
     (None, False)),
    # a list headed by its day
    ("Today's assignments - Tue 12/8\nreply in thread with on it / done", (None, False)),
    # the time of an event the work is before
    ("before your 2pm intake with Mr. Ames, could you send me the lender's name?", (None, True)),
    # the next step's day, in a clause of why, gives way to the deadline said
    ("pls prepare the Ames dispute letters within 3 business days, so they go out before the "
     "12/18 call with her", ("2026-12-11 17:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CONTEXT_CLAUSES)
def test_a_day_in_a_clause_of_context(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


FRAGMENTS = [
    # "<day> for a draft": what is due then, a fragment stating the deadline
    ("the answer is due 12/28. next Wednesday for a draft, please.", ("2026-12-16 17:00", False)),
    ("Can you draft the Ames answer? Answer date is 12/28. Thurs for my review.",
     ("2026-12-10 17:00", False)),
    # "is totally fine": said to be the deadline
    ("could you e-file the Ross exhibit list? Thursday is totally fine", ("2026-12-10 17:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FRAGMENTS)
def test_a_fragment_states_the_deadline(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


MORE_CLAUSES = [
    # a date in digits opening its sentence names the event, as "the" would
    ("Lee - pls call Mr. Ames and tell him the trustee dropped the motion. 12/18 hearing is off.",
     (None, False)),
    # a sign-off after the fragment ends it
    ("can you pull the Ames file and tell me if the notice is any good. Friday 8am. -JT",
     ("2026-12-11 08:00", False)),
    # the writer's next step ("before I call ...") gives way to the day asked for
    ("could you send me the Ames memo tomorrow? I want to read it before I call their lawyer "
     "Thursday.", ("2026-12-09 17:00", False)),
    # "will do", said last
    ("please draft the Ames letter for my signature. Tomorrow will do.",
     ("2026-12-09 17:00", False)),
    # where someone else will be
    ("Per Mr. Cole: he will be at the district court tomorrow morning for the Ames trial. Please "
     "send questions to Ms. Ruiz.", (None, False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MORE_CLAUSES)
def test_more_clauses(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected
