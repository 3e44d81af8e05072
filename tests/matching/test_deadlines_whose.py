"""Whose deadline a day is: the task's own, another person's, an event's, or no one's."""

from __future__ import annotations

import pytest

from tests.matching.deadline_reading import reading

NO_ONES = [
    # a request taken back, or kept by the writer
    ("can someone join the Alvarez call at 2? nvm, I'll handle it myself", (None, False)),
    ("could you prep the Quist binder by 4? ignore that, I can do it myself", (None, False)),
    ("pls call Ms. Haile before Friday. never mind, she just called me", (None, False)),
    # "don't forget", "ignore that letter" take nothing back
    ("don't forget that the Lister answer is due Friday", ("2026-12-11 17:00", False)),
    ("tell him to ignore that letter from Midland. call him today", ("2026-12-08 17:00", False)),
    # ... and a day said after it may be a new ask's
    ("that's an advice call, I'll do it myself. Jo, just pull his plan for me by 2",
     ("2026-12-08 14:00", False)),
    # ... unless the writer asks again after
    ("pls mail the Reyes letter today. scratch that - email it instead, by tomorrow",
     ("2026-12-09 17:00", False)),
    # an invitation to everyone
    ("pizza run at 1:15, reply with your order", (None, False)),
    ("coffee? thinking the corner cafe at 3", (None, False)),
    ("please order lunch for the Kim mediation by 11:30", ("2026-12-08 11:30", False)),
    # the writer's own absence
    ("I'm off Thursday, back Monday 12/14. Dana has my files", (None, False)),
    # a question about what was done
    ("Park: served 12/1, so our answer is due 12/21. has anyone started it?",
     ("2026-12-21 17:00", True)),
    # greetings and sign-offs
    ("Happy Thanksgiving all! see everyone Monday", (None, False)),
    ("welcome back, team. focus today: the Oyelaran and Birch files", (None, False)),
    ("signing off, have a good weekend. phones go to voicemail until Mon 9am",
     ("2026-12-14 09:00", True)),
    ("bagels in the kitchen, come get some before 11", (None, False)),
    ("Pho for lunch at 12:15, reply here if you're in", (None, False)),
    # said to be no one's
    ("everyone pls finish your CLE forms by EOM. not assigned to anyone", ("2026-12-31 17:00", True)),
    # asked only if the reader has such work
    ("office closes early Thursday. Anything that must go out Thursday, tell me by 3 today",
     ("2026-12-08 15:00", True)),
    # a reminder of what everyone must do
    ("Reminder that all expense reports must be submitted by Friday so accounting can close "
     "the books.", ("2026-12-11 17:00", True)),
    # the writer's absence, said after a greeting or a dash, and their return
    ("Odile here - out Wednesday for a CLE. Back Thursday.", (None, False)),
    ("heading to the courthouse for the Pryce trial, back tomorrow around 2", (None, False)),
    ("I won't be in tomorrow. can someone draft the Kerr letter?", (None, False)),
    ("going dark - depositions in Camden all day Mon. call if urgent", (None, False)),
    # a round-up with nothing to assign, an offer to run errands
    ("quick rundown: (1) Kerr letter went out. (2) Moss brief due EOM. nothing new to assign",
     ("2026-12-31 17:00", True)),
    ("headed to the recorder's office at 2 for certified copies. anyone need anything while "
     "I'm there?", (None, False)),
    # what everyone must hand in
    ("EOM: all Nov time entries in. no excuses", ("2026-12-31 17:00", True)),
    # how often, not when
    ("third time this month the copier jammed. can someone call the vendor?", (None, False)),
    # a schedule that slips is news
    ("out sick today. the Yusuf opposition draft will slip to Monday, sorry", (None, False)),
    # a reminder to set is docketing: the day it names is the event's
    ("can someone set a reminder to check the Lindqvist docket? the deadline to respond runs "
     "1/15.", (None, False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NO_ONES)
def test_a_day_no_one_is_asked_for_is_no_deadline_or_asked(
    text: str, expected: tuple[str | None, bool]
) -> None:
    assert reading(text) == expected


FACTS = [
    # events counted over a period ("22 calls in 6 days") say how often, not when
    ("screen the Lowry voicemails (22 calls in 6 days) for 1692d, no rush", (None, False)),
    ("draft 3 dispute letters in 2 days", ("2026-12-10 17:00", False)),
    # the period after an event says when the event is
    ("trial in 2 wks. pls pull the exhibits together tomorrow", ("2026-12-09 17:00", False)),
    # what an event does on its day
    ("the levy starts on the 15th and the motion has to be filed first. pls gather the "
     "exemption papers", (None, False)),
    # what a day is
    ("reminder Friday is Christmas, office closed. pls calendar the Lutz 341 on 1/6 at 9",
     (None, False)),
    # where the writer is, in a clause of its own after "and"
    ("can someone call Mr. Ibarra back? he's upset and I'm in depositions til 3", (None, False)),
    # news to pass on, to a long-named recipient
    ("could someone let the Pinecrest tenants association know we filed their complaint on "
     "Monday?", (None, False)),
    ("email Mr. Ross a note that the court continued the 12/18 hearing", (None, False)),
    # a weekday with "a": the kind of day a date falls on
    ("30 days from 12/1 is 12/31, a Thursday. pls docket it", (None, False)),
    # a past date said without its year, months ahead of now, is asked about
    ("the bank froze it after she disputed on 11/2. draft the demand", (None, False)),
    ("the lender says the car goes back to her 11/30", ("2027-11-30 17:00", True)),
    # an auction's or a sale's day is when it happens
    ("the lender says the car goes to auction 11/30", (None, False)),
    ("the car goes to auction 12/30, can we stop it?", (None, False)),
    # a day that says which deadline, with a want said in the negative
    ("is the Pike reply going out today or Friday? don't want to get near the 12/18 deadline",
     (None, True)),
    # news to pass on after a dash
    ("call Ms. Dunn and let her know - lien released within 30 days, fees waived", (None, False)),
    # what to put on the calendar
    ("can someone add the Duarte reply deadline to the calendar? served 12/1, 14 days -> 12/15",
     (None, False)),
    # a tickler's day, and a period counted from a date told, are the docket's
    ("calendar for Ilves: their reply is due 1/4, the order should follow within 30 days of "
     "that. tickler on 1/5.", (None, True)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FACTS)
def test_a_day_told_as_a_fact_is_context(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


SOMEONE_ELSES = [
    # what is to be passed on to whoever reads it is the ask itself
    ("let whoever's on filings know the Dimitrov stipulation must go in before Thursday at noon",
     ("2026-12-10 12:00", False)),
    # the court's day, named by its kind
    ("can someone set up the Roane intake call asap? return date is Friday", (None, False)),
    # a draft to the writer, then when
    ("Moss MSJ oppo due 12/18. need a research memo, 1st draft to me 12/14",
     ("2026-12-14 17:00", False)),
    # due to someone, then when
    ("could you take over the Ferro rogs? they're due to Anneliese Friday, I think",
     ("2026-12-11 17:00", False)),
    # what a third person owes gives way to the day said in the ask
    ("Ms. Ortega called. She must sign the reaffirmation by Friday. Please call her today to "
     "explain it.", ("2026-12-08 17:00", False)),
    ("can you send the draft tonight? he asked for it before the 20th", ("2026-12-08 23:59", False)),
    ("Tran phoned; says he has to pay $1,200 by Monday or they levy. Draft the exemption claim "
     "today", ("2026-12-08 17:00", False)),
    # "they" as the papers asked for is no third person
    ("Please draft the RFA responses; they are due Friday.", ("2026-12-11 17:00", False)),
    ("pls finish the exhibits, they have to be served by Friday", ("2026-12-11 17:00", False)),
    # when they can be reached is the task's window
    ("she said she's only free before noon tmrw, so call her in the morning",
     ("2026-12-09 12:00", False)),
    # alone, what they asked us for is the task's; an instruction passed on is too
    ("she asked for the summary by Friday, can you draft it?", ("2026-12-11 17:00", False)),
    ("he said to file it by Friday", ("2026-12-11 17:00", False)),
    # alone, what they owe or say is asked about
    ("he says his reply is due Monday", (None, True)),
    # neither said in an ask: the guess is asked about
    ("For the intake desk today: a caller phoned, she says her answer is due Friday.",
     ("2026-12-08 17:00", True)),
    # a party by its role, and what it wants of the client
    ("341 done. Trustee wants his pay stubs by 12/18. Can someone tell Mr. Oduya?", (None, True)),
    # ... but a colleague's want is the task's
    ("pull the Vance file together, she wants it on her desk by 10 Thursday",
     ("2026-12-10 10:00", False)),
    # a deadline told in a note of a list, the ask elsewhere
    ("Notes:\n- Lim: our brief due Friday\n- Roth: call back\nAlso pls order the Ames transcript",
     ("2026-12-11 17:00", True)),
    ("To do:\n- draft the Lim answer, by Friday\n- call Roth", ("2026-12-11 17:00", False)),
    # when a period or an offer ends
    ("Equifax's 30 days run out Friday. Can someone pull her report?", (None, True)),
    ("the settlement offer expires Thursday. pls call him about it tomorrow",
     ("2026-12-09 17:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SOMEONE_ELSES)
def test_another_persons_deadline_is_not_the_tasks(
    text: str, expected: tuple[str | None, bool]
) -> None:
    assert reading(text) == expected


HALF_DAYS = [
    # a half of the day is no time of it: the day stands, to 17:00
    ("call Mrs. Abebe tomorrow morning", ("2026-12-09 17:00", False)),
    ("serve the subpoena on Barstow. thu am", ("2026-12-10 17:00", False)),
    ("first thing Monday pls call the Greer co-op treasurer", ("2026-12-14 17:00", False)),
    # ... but an hour said with it is
    ("file it tmrw am, by 10", ("2026-12-09 10:00", False)),
    # someone asked to argue at a hearing: the hearing's moment
    ("the MSJ is set for hearing 1/12 at 10am. Kim, can you argue it?", ("2027-01-12 10:00", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), HALF_DAYS)
def test_half_days_and_hearings(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


CHAT_AND_CODE_SWITCHING = [
    # an emoji shortcode is a picture: ":calendar:" asks no one to docket the card's due day
    (":bookmark_tabs: Client: Ines Marlow\n:memo: Task: gather the lease and ledger\n"
     ":calendar: Due: 12/11\n:bust_in_silhouette: Assign: TBD", ("2026-12-11 17:00", False)),
    (":memo: pull the Voss garnishment order\n:alarm_clock: Due: tomorrow 11am",
     ("2026-12-09 11:00", False)),
    # ... while a card that asks to docket a hearing still dates the hearing, not the task
    (":calendar: pls calendar the Ostrow hearing 1/6 at 10", (None, False)),
    # a Spanish article makes "calendar" a noun: the appearance's own time is the deadline
    ("¿puedes cubrir la calendar call del caso Trevino? Thursday at 8:30, Courtroom 4B",
     ("2026-12-10 08:30", False)),
    # a docketing request said in Spanish dates the event, not the task
    ("La audiencia de Pacheco es el 1/19 at 2:00. ¿Alguien la puede poner en el calendario?",
     (None, False)),
    ("Agéndalo porfa: Ms. Duarte's 341 meeting, Dec 22 at 10 by phone", (None, False)),
    # what someone is to be told in Spanish is news, not the task's day
    ("porfa llama a la Sra. Quiroga y dile que the bank releases the hold tomorrow at noon",
     (None, False)),
    # the writer's offer, asked back as a question
    ("On Dunmore, want me to send the subpoenas this week or hold until the 26(f)?",
     (None, False)),
    ("Should I file the Perales reply Friday, or wait for the transcript?", (None, False)),
    # ... but what the writer wants of the reader is the task's
    ("I want the Bexley memo by Friday", ("2026-12-11 17:00", False)),
    # how often something happened is no deadline
    ("pls draft a stop-calling letter for Mr. Ocampo - they've left 9 voicemails this week",
     (None, False)),
    ("can someone call the Lindquist collector? twice today already", (None, False)),
    # when the writer is free, and the earliest anything is needed
    ("Odell wants advice on the settlement offer. I can't get to it until next week; could "
     "Rosa take the call?", (None, False)),
    ("Harrow tenants: Mina, you're lead. Nothing needs to happen before their board votes on "
     "the 19th.", (None, False)),
    ("Nothing has to be filed until Monday, the clerk's portal is down", (None, False)),
    # a greeting for a holiday, the writer leaving
    ("Leaving at 3:45 today for the dentist - all the filings went out. Happy Diwali!",
     (None, False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CHAT_AND_CODE_SWITCHING)
def test_chat_cards_and_code_switching(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected


WHOSE_EVENT_OR_END = [
    # the reader told they are covering an event: its time is the deadline
    ("Mill hearing is tomorrow at 2 and I'm stuck in Tulsa, so Rina you're covering it",
     ("2026-12-09 14:00", False)),
    # ... but someone else covering tells of it
    ("out today - Kate is covering my calls. the Roe draft will slip to Monday", (None, False)),
    ("thanks Dana for covering this morning. pls send the Roe letter Friday",
     ("2026-12-11 17:00", False)),
    # the work to be done before an offer lapses: then is the deadline
    ("could you get back to them before their offer lapses Thursday at noon?",
     ("2026-12-10 12:00", False)),
    # ... when it lapses, told alone, is still asked about
    ("could you call Ms. Lee about the offer? it lapses Thursday", (None, True)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), WHOSE_EVENT_OR_END)
def test_an_event_covered_and_an_offer_lapsing(
    text: str, expected: tuple[str | None, bool]
) -> None:
    assert reading(text) == expected


NOTICES_AND_OTHERS = [
    # what a third person must do to stop something is theirs, and asked about
    ("Ames called, the lender says they'll take the car if she doesn't pay $900 by the 15th. can "
     "someone pull her contract asap", (None, True)),
    # a heads-up or a reminder states what everyone must do
    ("heads up: the county clerk's window closes at 3 today. anything that needs to go in has to "
     "be there before then", (None, False)),
    ("Reminder: timesheets are due to me by noon Friday. please don't forget to enter your time!",
     ("2026-12-11 12:00", True)),
    # a day put right after "scratch that" asks again
    ("can someone draft the Ames screen? need it Monday - scratch that, Monday's the holiday. "
     "Wednesday.", ("2026-12-09 17:00", False)),
    # in a request to docket, a day counted from an event is one more date to docket
    ("Could you calendar the Ames return date and our opposition? I think it's due 7 days before "
     "the return date.", (None, False)),
    ("pls calendar it + a reminder the Thurs before", (None, False)),
    # another party's response, awaited, gives way to the day the writer settles
    ("please send the Ames client letter - we expect their response by January 5. Tomorrow will "
     "do.", ("2026-12-09 17:00", False)),
    # "Wed EOD": the end of that day
    ("pls draft the Ames validation letter. Wed EOD. -MB", ("2026-12-09 17:00", False)),
    # a daily post named after the end of the day
    ("End of day queue: REQ-100 done, REQ-101 in review. Thanks all.", (None, False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NOTICES_AND_OTHERS)
def test_notices_and_what_others_do(text: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text) == expected
