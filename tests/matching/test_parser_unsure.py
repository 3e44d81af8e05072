"""Asking, never guessing (issue 13): the fields the parser is unsure of, why, and its candidates."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching.matcher import MatchContext, StaffIndex, TaskSpec, match
from matching.model import UNSURE_FIELDS, MatterRef, StaffProfile, TaskDraft
from matching.parse import AMBIGUOUS_MATTER_WARNING, SEVERAL_MATTERS_WARNING, Parser
from matching.parse.idle import IDLE_TYPE
from tests.matching.bundled import BUNDLED_TAXONOMY, firm_parser, reader
from tests.matching.bundled import named_person as person

NY = "America/New_York"
NOW = datetime(2026, 12, 8, 10, 0, tzinfo=ZoneInfo(NY))  # Tuesday; Sat Dec 12, Fri Feb 12 2027

FELIX = "felix.wong@firm.test"
IMANI = "imani.cole@firm.test"
DANA = "dana.reyes@firm.test"
PRIYA = "priya.shah@firm.test"
JORDAN = "jordan.lee@firm.test"
REBECCA = "rebecca.stone@firm.test"
MARIA_GARCIA = "maria.garcia@firm.test"
DANIEL = "daniel.okafor@firm.test"
TY = "ty.burke@firm.test"
ROSTER = (
    person(FELIX, "Felix Wong", "paralegal", "UFELIX"),
    person(IMANI, "Imani Cole", "paralegal", "UIMANI"),
    person(DANA, "Dana Reyes", "associate", "UDANA"),
    person(PRIYA, "Priya Shah", "associate", "UPRIYA"),
    person(JORDAN, "Jordan Lee", "partner", "UJORDAN"),
    person(REBECCA, "Rebecca Stone", "paralegal", "UREBECCA"),
    person(MARIA_GARCIA, "Maria Garcia", "legal_assistant", "UMGARCIA"),
    person(DANIEL, "Daniel Okafor", "paralegal", "UDANIEL"),
    person(TY, "Ty Burke", "associate", "UTY"),
    person("chris.kay@firm.test", "Chris Kay", "paralegal", "UCKAY"),
    person("chris.moe@firm.test", "Chris Moe", "paralegal", "UCMOE"),
)
KWAN, ORTIZ, GARCIA, SULLIVAN = "26-001", "26-002", "26-003", "26-004"
MATTERS = (
    MatterRef(KWAN, "Henry Kwan", "Kwan v. Midland Funding"),
    MatterRef(ORTIZ, "Luis Ortiz", "Ortiz v. Cavalry SPV I"),
    MatterRef(GARCIA, "Elena Garcia", "Garcia - Chapter 7"),
    MatterRef(SULLIVAN, "Ann Sullivan", "Sullivan v. Jefferson Capital"),
    MatterRef("26-005", "Paul Whitaker", "Whitaker v. LVNV"),
    MatterRef("26-006", "Rita Whitaker", "Whitaker - credit disputes"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER, nicknames=False)


read = reader(NOW, NY)


def local(when: str) -> datetime:
    return datetime.fromisoformat(when).replace(tzinfo=ZoneInfo(NY))


# ---------------------------------------------------------------------------------------------
# The contract
# ---------------------------------------------------------------------------------------------


def test_a_clear_request_is_sure_of_everything_and_lists_its_type_first(parser: Parser) -> None:
    result = read(parser, "draft a demand letter for Kwan by Friday, to Felix").as_contract()
    assert result["unsure"] == [] and result["unsure_reasons"] == {}
    assert result["candidates"] == ["demand_letter"]


def test_each_unsure_field_has_a_reason(parser: Parser) -> None:
    result = read(parser, "have Chris look into the Whitaker thing by Feb 30").as_contract()
    assert result["unsure"] == ["task_type", "due_at", "matter", "assignee"]
    reasons = result["unsure_reasons"]
    assert isinstance(reasons, dict) and list(reasons) == result["unsure"]
    assert all(isinstance(why, str) and why for why in reasons.values())


def test_a_field_added_to_unsure_later_gets_a_plain_reason() -> None:
    draft = TaskDraft("demand_letter", 0.5, "Demand letter", None, unsure=("task_type",))
    assert draft.reason("task_type") == "I could not tell what kind of task this is"
    assert draft.as_contract()["unsure_reasons"] == {"task_type": draft.reason("task_type")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=120))
def test_any_text_gives_a_well_formed_unsure_and_candidates(parser: Parser, text: str) -> None:
    draft = read(parser, text)
    assert set(draft.unsure) <= set(UNSURE_FIELDS)
    assert [name for name, _ in draft.unsure_reasons] == list(draft.unsure)
    assert len(draft.candidates) <= 3 and set(draft.candidates) <= set(BUNDLED_TAXONOMY.ids)
    if draft.task_type is not None:
        assert draft.candidates[0] == draft.task_type
    else:
        assert "task_type" in draft.unsure


# ---------------------------------------------------------------------------------------------
# Task type: nothing named, or only a vague ask
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("can someone look into the Kwan thing", ("legal_research",)),
        ("need help with the Ortiz matter", ()),
        ("pls handle the Sullivan situation", ()),
        ("can you take care of the Kwan stuff this week", ()),
        ("could somebody look at the Ortiz issue?", ()),
        ("help Kwan out", ()),
    ],
)
def test_a_vague_request_is_unsure_of_its_type(
    parser: Parser, text: str, candidates: tuple[str, ...]
) -> None:
    draft = read(parser, text)
    assert draft.task_type is None and draft.unsure[0] == "task_type"
    assert draft.reason("task_type") == "the request does not say what work is needed"
    assert draft.candidates == candidates
    assert draft.matter is not None  # the rest is still read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("look into whether the Kwan debt is time-barred", "legal_research"),
        ("look into the Kwan thing and draft a demand letter to Midland", "demand_letter"),
        ("can you look into FDCPA case law on meaningful involvement", "legal_research"),
    ],
)
def test_a_vague_phrase_beside_a_named_task_is_no_doubt(
    parser: Parser, text: str, expected: str
) -> None:
    draft = read(parser, text)
    assert (draft.task_type, "task_type" in draft.unsure) == (expected, False)


def test_a_text_naming_no_task_is_unsure_of_its_type(parser: Parser) -> None:
    draft = read(parser, "book my flight to Atlanta")
    assert (draft.task_type, draft.unsure, draft.candidates) == (None, ("task_type",), ())


@pytest.mark.parametrize(
    ("text", "asks_work"),
    [
        ("Thanks <@UDANA> for fixing the scanner jam!! you're a star", False),
        ("Anyone free for lunch? Noodle bar at 12:15?", False),
        ("Felix, the copier on 2 is jammed again. Use the one by reception.", False),
        # the rest of the draft is still read: the bot decides what a note's fields are worth
        ("order pizza for the team meeting, needs to be here at noon", True),
        ("can someone look into the Kwan thing", True),  # vague, an ask all the same
        ("draft the Kwan answer by Friday", True),
    ],
)
def test_the_draft_says_whether_the_text_asks_anyone_for_work(
    parser: Parser, text: str, asks_work: bool
) -> None:
    assert read(parser, text).asks_work is asks_work


@pytest.mark.parametrize(
    "text",
    [
        "Done, Felix. The Kwan hearing on 12/14 at 9am is on the calendar.",
        "<@UDANA> did the Ortiz answer get filed yesterday?",
        "Dana, the clerk moved the Kwan hearing to 12/21 at 10. want me to docket it?",
        "Will do, Jordan. I'll send you the Garcia gaps list by Thursday.",
        "kwan update: midland offered 30%. he can do 20, they want an answer by Friday",
        "can't take anything new today - Kwan answer, Ortiz demand ltr by 3",
    ],
)
def test_a_text_that_reads_as_news_asks_its_type_day_and_person(
    parser: Parser, text: str
) -> None:
    draft = read(parser, text)
    assert not draft.asks_work and draft.reason("task_type") == IDLE_TYPE
    for field_name, value in (("due_at", draft.due_at), ("assignee", draft.assignee)):
        assert value is None or field_name in draft.unsure


def test_a_terse_order_is_no_news(parser: Parser) -> None:
    draft = read(parser, "Kwan answer, Fri, to Felix")
    assert draft.reason("task_type") != IDLE_TYPE and "due_at" not in draft.unsure


def test_candidates_are_the_best_scored_types_first(parser: Parser) -> None:
    draft = read(parser, "e-file the answer for Kwan by 2pm")
    assert draft.candidates[:2] == ("court_filing", "answer_complaint")


# ---------------------------------------------------------------------------------------------
# Deadlines the parser cannot resolve
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "due_at", "reason"),
    [
        # A misspelt day is read as its best guess, and asked about.
        ("demand letter for Kwan by frday", "2026-12-11 17:00", "“frday” as Friday"),
        ("demand letter for Kwan on tuesdy at 3pm", "2026-12-08 15:00", "“tuesdy” as Tuesday"),
        ("answer for Kwan by wednseday", "2026-12-09 17:00", "“wednseday” as Wednesday"),
        ("answer for Kwan by Febuary 3", "2027-02-03 17:00", "“febuary” as February"),
        # A date that cannot be.
        ("demand letter for Kwan by Feb 30", None, "no such date as “feb 30”"),
        ("demand letter for Kwan due 4/31", None, "no such date as “4/31”"),
        ("demand letter for Kwan by Feb 29", None, "over a year away"),
        # An event with no date.
        ("demand letter for Kwan before the hearing", None, "“before the hearing” gives no date"),
        ("prep the exhibits for Ortiz ahead of the 341 meeting", None, "ahead of the 341 meeting"),
        ("rogs for Ortiz by the discovery cutoff", None, "by the discovery cutoff"),
        # A deadline already past.
        ("demand letter for Kwan by yesterday", "2026-12-07 17:00", "has passed"),
        ("call Kwan back by 9am", "2026-12-08 09:00", "has passed"),
        # A weekday and a date that disagree: the date is the guess.
        ("answer for Kwan by Thursday the 12th", "2026-12-12 17:00", "the 12th is a Saturday"),
        ("answer for Kwan by Thursday 1/22", "2027-01-22 17:00", "that date is a Friday"),
        ("answer for Kwan, Mon, Jan 4th at 3pm", "2027-01-04 15:00", None),
        ("answer for Kwan, Tue Jan 4th at 3pm", "2027-01-04 15:00", "that date is a Monday"),
        # The law's clock, counted from service: read as the table reads it, and asked about.
        ("Kwan was served 12/2; answer due in 21 days. please draft it", "2026-12-29 17:00",
         "counts from service"),
        # A deadline of something else than the task.
        ("send Kwan an update - the payment deadline on the settlement is 1/15", None,
         "the payment deadline on the settlement"),
        ("update for Ortiz, escrow deadline is 12/30", None, "is 12/30 (the escrow deadline)"),
        # Two days said alike, neither as the deadline: the sooner is only a guess.
        ("Kwan call Monday, draft the outline Friday", "2026-12-11 17:00",
         "which is the deadline"),
        # Work for an event known only by its day.
        ("prepare the exhibits for Thursday's hearing in Kwan", None, "“thursday's hearing”"),
        ("demand letter for Kwan by Monday's settlement call", "2026-12-14 17:00",
         "at what time"),
    ],
)
def test_a_deadline_it_cannot_resolve_is_asked_about(
    parser: Parser, text: str, due_at: str | None, reason: str | None
) -> None:
    draft = read(parser, text)
    assert draft.due_at == (local(due_at) if due_at else None)
    if reason is None:
        assert "due_at" not in draft.unsure
    else:
        assert "due_at" in draft.unsure and reason in draft.reason("due_at")


@pytest.mark.parametrize(
    ("text", "due_at"),
    [
        # The weekday says which 12th: the next Friday that is a 12th, within a few months.
        ("answer for Kwan by Friday the 12th", "2027-02-12 17:00"),
        ("answer for Kwan by Saturday the 12th", "2026-12-12 17:00"),
        ("answer for Kwan by friday the twelfth", "2027-02-12 17:00"),
        ("answer for Kwan by Tues the 5th at 2pm", "2027-01-05 14:00"),
        ("answer for Kwan by Friday 1/22", "2027-01-22 17:00"),
        # A date said as news, or a deadline given beside an event, is no doubt.
        ("Kwan was served 2/30 (per the return); answer by Friday", "2026-12-11 17:00"),
        ("settle Ortiz before the hearing, in 4 days", "2026-12-12 17:00"),
        ("she called yesterday; C&D for Kwan by Friday", "2026-12-11 17:00"),
        ("Kwan didn't call us till yesterday. Answer by Friday at the latest", "2026-12-11 17:00"),
        ("on monday the C&D for Kwan", "2026-12-14 17:00"),
        ("C&D for Kwan this week", "2026-12-11 17:00"),
        ("C&D for Kwan next month", "2027-01-29 17:00"),
        # A deadline beside the law's clock or another thing's deadline is the task's.
        ("Kwan was served 12/2; answer due in 21 days. draft it by 12/18", "2026-12-18 17:00"),
        ("payment deadline is 12/30; demand letter for Kwan by Friday", "2026-12-11 17:00"),
        ("need an answer for Kwan, answer deadline 12/21", "2026-12-21 17:00"),
        # A marked deadline beats a day said in passing; of two marked, the sooner.
        ("Kwan hearing Monday, draft the outline by Friday", "2026-12-11 17:00"),
        ("answer for Kwan due 12/28 but I want a draft by 12/21", "2026-12-21 17:00"),
    ],
)
def test_a_deadline_it_can_resolve_is_not_asked_about(
    parser: Parser, text: str, due_at: str
) -> None:
    draft = read(parser, text)
    assert (draft.due_at, "due_at" in draft.unsure) == (local(due_at), False)


def test_a_text_without_a_deadline_cue_is_sure_there_is_none(parser: Parser) -> None:
    draft = read(parser, "demand letter for Kwan")
    assert (draft.due_at, draft.unsure) == (None, ())


# ---------------------------------------------------------------------------------------------
# People: a named person is never dropped
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("have Felix pull together the bank statements for Ortiz", FELIX),
        ("please have Felix Wong pull together the bank statements for Ortiz", FELIX),
        ("ask Imani to call Ortiz with an update", IMANI),
        ("get Dana to draft the answer for Kwan", DANA),
        ("Felix, can you draft the answer for Kwan", FELIX),
        ("Hi Imani, please call Ortiz back", IMANI),
        ("Dana — answer for Kwan by Friday", DANA),
        ("answer for Kwan for Felix to draft", FELIX),
        ("@felix draft the answer for Kwan", FELIX),
        ("draft the answer for Kwan @dana.reyes", DANA),
        ("assign to Felix: answer for Kwan", FELIX),
        ("can Priya draft the answer for Kwan?", PRIYA),
        ("i'd like jordan to lead the negotiation for Ortiz", JORDAN),
        ("it'd be great if Daniel could take the Ortiz production", DANIEL),
        ("let Ty run point on the Ortiz settlement", TY),
        ("have Becca summarize the depo for Ortiz", REBECCA),
        ("tell Imani to e-file the Kwan answer", IMANI),
    ],
)
def test_a_person_named_to_act_is_the_assignee(parser: Parser, text: str, assignee: str) -> None:
    draft = read(parser, text)
    assert (draft.assignee, "assignee" in draft.unsure) == (assignee, False)


@pytest.mark.parametrize(
    ("text", "matter", "assignee"),
    [
        # Grammar decides between a client and a staff member of the same name.
        ("demand letter for Garcia", GARCIA, None),
        ("have Garcia draft the demand letter for Kwan", KWAN, MARIA_GARCIA),
        ("get the retainer ready for Garcia to sign", GARCIA, None),
        ("Sullivan: send the client a copy of the responses", SULLIVAN, None),
        ("let Garcia know the hearing moved", GARCIA, None),
        # Named, but not to do the task.
        ("have Felix's notes ready for the Kwan call", KWAN, None),
        ("cc @felix on the Kwan demand letter", KWAN, None),
        ("Joy says Kwan prefers email; send him an update", KWAN, None),
    ],
)
def test_the_grammar_tells_a_client_or_a_mention_from_an_assignee(
    parser: Parser, text: str, matter: str, assignee: str | None
) -> None:
    draft = read(parser, text)
    assert (draft.matter, draft.assignee, "assignee" in draft.unsure) == (matter, assignee, False)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("have Chris draft the demand letter for Kwan", "“Chris” could be Chris Kay or Chris Moe"),
        ("demand letter for Kwan, to Chris", "could be Chris Kay or Chris Moe"),
        ("ask Dan to calendar the Kwan hearing", "“Dan” could be Dana Reyes or Daniel Okafor"),
        ("have Zed draft the demand letter for Kwan", "nobody on the roster is called “Zed”"),
        ("ask Oksana to call Ortiz", "nobody on the roster is called “Oksana”"),
        ("Bartholomew, can you call Ortiz?", "nobody on the roster is called “Bartholomew”"),
        ("@zed demand letter for Kwan", "nobody on the roster is called “@zed”"),
        ("<@U999NOPE> demand letter for Kwan", "the person you mentioned is not on the roster"),
    ],
)
def test_a_name_that_fits_nobody_or_several_people_is_asked_about(
    parser: Parser, text: str, reason: str
) -> None:
    draft = read(parser, text)
    assert draft.assignee is None and "assignee" in draft.unsure
    assert reason in draft.reason("assignee")
    assert draft.matter is not None


@pytest.mark.parametrize(
    "text",
    [
        "ask Midland to validate the Kwan debt",  # a party to the firm's cases
        "get Credit One to fix the Ortiz tradeline",  # a firm's name, two capitalised words
        "ask IT to reset my Westlaw password",  # an acronym
        "need someone to appear at the Kwan hearing",
        "Team, can you pull the Ortiz statements?",
        "Good morning. Could you please draft the Kwan demand letter?",
        "send the validation letter to Midland Funding for Kwan",
    ],
)
def test_names_that_are_no_person_raise_no_question(parser: Parser, text: str) -> None:
    draft = read(parser, text)
    assert draft.assignee is None and "assignee" not in draft.unsure


def test_a_named_person_who_cannot_take_the_task_is_passed_over_with_a_note(
    parser: Parser,
) -> None:
    screened = (MatterRef(KWAN, "Henry Kwan", screened=frozenset({FELIX})),)
    draft = firm_parser(screened, ROSTER, nicknames=False).parse(
        "have Felix draft the demand letter for Kwan", now=NOW, tz=NY
    )
    assert draft.assignee == FELIX
    task = BUNDLED_TAXONOMY.get(draft.task_type)
    assert task is not None
    staff = [_able(p) for p in ROSTER]
    spec = TaskSpec(task, JORDAN, screened[0], named_assignee=draft.assignee)
    result = match(spec, StaffIndex(staff), MatchContext(NOW))
    assert result.chosen is not None and result.chosen.email != FELIX
    assert result.named_assignee_note == f"Felix Wong can't take it: screened from {KWAN}."


def _able(profile: StaffProfile) -> StaffProfile:
    skills = dict.fromkeys(("drafting", "client_communication", "legal_research"), 5)
    return StaffProfile(
        email=profile.email, name=profile.name, role=profile.role, hourly_rate=60.0,
        skills=skills, weekly_capacity_hours=40.0, slack_user_id=profile.slack_user_id,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Matter
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("demand letter for Whitaker", AMBIGUOUS_MATTER_WARNING),
        ("demand letter for 26-001 and 26-002", SEVERAL_MATTERS_WARNING),
    ],
)
def test_an_unclear_matter_is_asked_about(parser: Parser, text: str, warning: str) -> None:
    draft = read(parser, text)
    assert (draft.matter, draft.unsure, draft.reason("matter")) == (None, ("matter",), warning)


def test_a_full_client_name_settles_the_matter(parser: Parser) -> None:
    draft = read(parser, "demand letter for Rita Whitaker")
    assert (draft.matter, draft.unsure) == ("26-006", ())
