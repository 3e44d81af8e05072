"""A partner's thread shorthand and the replies around it: replies pointing up the thread for their
task ("^ by fri", "same for X pls"), leave asked before acting, "is it on the calendar?", work
handed back by someone kept off the matter, and "my time" in the writer's own zone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef, StaffProfile, TaskDraft
from matching.parse import Parser
from matching.parse.idle import IDLE_ASSIGNEE, IDLE_TYPE
from matching.parse.replies import UP_THREAD_TYPE
from matching.second_opinion import NO_TASK, Thresholds, reviewed
from tests.matching.bundled import firm_parser, reader, sure_assignee, sure_matter

BOISE, SPOKANE = "America/Boise", "America/Los_Angeles"
NOW = datetime(2027, 4, 13, 9, 10, tzinfo=ZoneInfo(BOISE))  # a Tuesday

JUNE, ODELL, REMY, TAVI = "june@juniper.test", "odell@juniper.test", "remy@juniper.test", "tavi@juniper.test"


def _person(email: str, name: str, role: str, slack: str, zone: str) -> StaffProfile:
    return StaffProfile(
        email=email, name=name, role=role, hourly_rate=60.0, skills={},
        weekly_capacity_hours=40.0, working_hours=(time(8), time(17)), timezone=zone,
        slack_user_id=slack,
    )  # fmt: skip


ROSTER = (
    _person(JUNE, "June Abernathy", "partner", "U7JUNE", BOISE),
    _person(ODELL, "Odell Frye", "associate", "U7ODELL", BOISE),
    _person(REMY, "Remy Castellanos", "paralegal", "U7REMY", SPOKANE),
    _person(TAVI, "Tavita Leota", "legal_assistant", "U7TAVI", BOISE),
)
MATTERS = (
    MatterRef("JN-11", "Wendell Quarry", "Quarry v. Beacon Recovery"),
    MatterRef("JN-12", "Opal Dunmore", "In re Dunmore"),
    MatterRef("JN-13", "Nils Dunmore", "Dunmore v. Crestline Auto Credit"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, BOISE, JUNE)


@pytest.mark.parametrize(
    ("text", "matter", "who", "due"),
    [
        ("<@U7REMY> ^ by fri", None, REMY, datetime(2027, 4, 16, 17, tzinfo=ZoneInfo(BOISE))),
        ("same for Quarry pls", "JN-11", None, None),
        ("<@U7ODELL> same thing for Quarry, thurs", "JN-11", ODELL,
         datetime(2027, 4, 15, 17, tzinfo=ZoneInfo(BOISE))),
        ("ditto for Quarry", "JN-11", None, None),
        ("this \u2191 but for Quarry", "JN-11", None, None),
        ("yes. do the same for Quarry", "JN-11", None, None),
    ],
)
def test_a_reply_pointing_up_the_thread_asks_for_work_it_does_not_name(
    parser: Parser, text: str, matter: str | None, who: str | None, due: datetime | None
) -> None:
    draft = read(parser, text)
    assert draft.task_type is None and draft.reason("task_type") == UP_THREAD_TYPE
    assert draft.asks_work
    assert (draft.matter, draft.assignee, draft.due_at) == (matter, who, due)


def test_a_pointing_reply_whose_own_words_name_the_task_is_typed(parser: Parser) -> None:
    draft = read(parser, "^ + draft the answer for Quarry")
    assert (draft.task_type, draft.matter, draft.asks_work) == ("answer_complaint", "JN-11", True)


@pytest.mark.parametrize("text", ["^ done", "same for Quarry, filed it this morning",
                                  "same for Quarry?"])
def test_a_pointing_reply_that_reports_or_asks_after_the_work_asks_for_none(
    parser: Parser, text: str
) -> None:
    draft = read(parser, text)
    assert draft.task_type is None and not draft.asks_work


def test_an_ambiguous_client_in_a_pointing_reply_is_asked(parser: Parser) -> None:
    draft = read(parser, "this \u2191 but for the Dunmore file")
    assert (draft.task_type, draft.asks_work) == (None, True)
    assert sure_matter(draft) == (None, True)


UP_THREAD = TaskDraft(
    task_type=None, confidence=0.0, title="Task",
    due_at=datetime(2027, 4, 16, 23, tzinfo=UTC), assignee=REMY,
    unsure=("task_type",), unsure_reasons=(("task_type", UP_THREAD_TYPE),),
)  # fmt: skip


def test_the_classifier_never_types_a_pointing_reply_alone() -> None:
    sure = {"legal_research": 0.97, "sol_analysis": 0.02, NO_TASK: 0.01}
    thresholds = Thresholds(0.2, classifier_alone=0.95, candidate_agree=0.5, no_task=0.6)
    asked = reviewed(replace(UP_THREAD, candidates=("legal_research",)), sure, thresholds)
    assert asked.task_type is None and "task_type" in asked.unsure
    # it may say the reply delegates no catalogue task; the person and the day stay
    nothing = reviewed(UP_THREAD, {NO_TASK: 0.8, "client_update": 0.2}, thresholds)
    assert (nothing.task_type, nothing.assignee, nothing.due_at) == (
        None, REMY, UP_THREAD.due_at)


@pytest.mark.parametrize(
    "text",
    [
        "Quick one on Quarry: Beacon's counsel wants to talk numbers. June, are you ok with me "
        "taking the lead on that? If so I'll set up a call for Friday.",
        "June, Beacon came back at 40% on Quarry. Ok with you if I advise him to accept?",
        "June, mind if I push the Quarry demand to Monday?",
    ],
)
def test_asking_leave_gives_the_one_asked_no_task(parser: Parser, text: str) -> None:
    draft = read(parser, text, ODELL)
    assert draft.assignee is None


def test_asking_if_it_is_on_the_calendar_is_news(parser: Parser) -> None:
    draft = read(parser, "Tavita, is the Quarry pretrial on the calendar? I don't see it yet", REMY)
    assert draft.reason("task_type") == IDLE_TYPE
    assert sure_assignee(draft) == (TAVI, True)
    assert draft.reason("assignee") == IDLE_ASSIGNEE


@pytest.mark.parametrize(
    "text",
    [
        "Odell, I can't touch anything on Quarry, he's my cousin and I'm screened. Remy or "
        "June could probably do the calendar update?",
        "Morning! June, I'm screened on Quarry, so I can't do the rogs. Flagging so it can go "
        "to someone else!",
    ],
)
def test_work_handed_back_is_no_task_of_the_one_spoken_to(parser: Parser, text: str) -> None:
    draft = read(parser, text, TAVI)
    assert draft.assignee is None and not draft.asks_work
    assert draft.task_type is None or draft.reason("task_type") == IDLE_TYPE


def test_my_time_is_the_writers_zone(parser: Parser) -> None:
    text = "<@U7TAVI> pls pull the Quarry pay history by 3 my time"
    # the text read in Boise time, by the paralegal in Spokane: 3 Pacific is 4 in Boise
    draft = read(parser, text, REMY)
    assert draft.due_at == datetime(2027, 4, 13, 15, tzinfo=ZoneInfo(SPOKANE))
    # read in her own zone, and by one whose zone is the reading's, nothing moves
    assert read(parser, text, REMY, tz=SPOKANE).due_at == draft.due_at
    assert read(parser, text, JUNE).due_at == datetime(2027, 4, 13, 15, tzinfo=ZoneInfo(BOISE))
    # "by 3" alone is the delegator's zone, whoever wrote it
    plain = read(parser, "<@U7TAVI> pls pull the Quarry pay history by 3", REMY)
    assert plain.due_at == datetime(2027, 4, 13, 15, tzinfo=ZoneInfo(BOISE))
