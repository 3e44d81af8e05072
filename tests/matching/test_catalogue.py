"""The catalogue's reading of a request's task type: the main ask, not the nouns around it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader
from tests.matching.bundled import named_person as person

CHI = "America/Chicago"
NOW = datetime(2027, 3, 9, 9, 30, tzinfo=ZoneInfo(CHI))  # a Tuesday

# An invented two-lawyer consumer shop on the prairie.
ROSTER = (
    person("ines.vargas@bluestemlaw.test", "Ines Vargas", "partner", "UINES"),
    person("otto.lindqvist@bluestemlaw.test", "Otto Lindqvist", "associate", "UOTTO"),
    person("bea.kowal@bluestemlaw.test", "Bea Kowal", "paralegal", "UBEA"),
    person("tomas.reyes@bluestemlaw.test", "Tomas Reyes", "paralegal", "UTOMAS"),
)
MATTERS = (
    MatterRef("BL-311", "Harriet Pruneda", "Pruneda v. Juniper Recovery"),
    MatterRef("BL-312", "Delmar Ostby", "Ostby - Chapter 13"),
    MatterRef("BL-313", "Wren Calloway", "Calloway v. Redwood Auto Credit"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER, nicknames=False)


read = reader(NOW, CHI)


@pytest.mark.parametrize(
    ("text", "task_type"),
    [
        # The writer's own act names no task: the ask is what someone else is to do.
        (
            "Pruneda hearing Thursday - Bea pls pull together the exhibit binder, I'll appear",
            "document_collection",
        ),
        (
            "Ostby's 341 is set for 4/2 at 10. Please docket it; I'll write him the prep letter "
            "myself.",
            "calendar_deadlines",
        ),
        (
            "Juniper's lawyer wants to talk numbers. I'll handle the offer, but can someone pull "
            "the Pruneda bank statements for me",
            "document_collection",
        ),
        # Nor does what the work is for: "so I can ...", "before I ...".
        (
            "Tomas pls get Ostby's paystubs for the last 6 months so i can redo the means test",
            "document_collection",
        ),
        ("Before I call Ms. Calloway I need a SOL check on the Redwood account", "sol_analysis"),
        (
            "Ostby's amended schedule J is nearly done - pls finish it up by Thursday, I want to "
            "file Friday",
            "bankruptcy_prep",
        ),
        # The task right after asking words is the ask, whatever the news before it names.
        ("Ostby plan got confirmed. pls calendar the first payment", "calendar_deadlines"),
        ("Calloway hearing got moved to 4/14 - could someone docket it", "calendar_deadlines"),
        # A call is only how; what the call is for is the task.
        (
            "Otto can you call Ms. Pruneda and go over her options on Juniper's offer",
            "client_advice",
        ),
        ("can someone call Mr. Ostby and get his last two pay stubs", "document_collection"),
        # An appearance asked with a two-word alternative ("take ... return date").
        ("Otto could you take the Calloway return date next week? I'm out", "court_appearance"),
    ],
)
def test_the_main_ask_decides_the_type(parser: Parser, text: str, task_type: str) -> None:
    assert read(parser, text).task_type == task_type


def test_a_gap_does_not_reach_across_an_ask(parser: Parser) -> None:
    # No "hearing ... calendar" across the "pls": the ask is the calendar entry.
    draft = read(parser, "FYI Calloway hearing got moved; pls update the calendar")
    assert draft.task_type == "calendar_deadlines"


def test_the_writers_own_act_alone_is_a_weak_clue(parser: Parser) -> None:
    # Nothing asked but the writer's plan: no sure type, though the words are offered.
    sure = read(parser, "pls draft the Calloway demand letter")
    own = read(parser, "I'll draft the Calloway demand letter tonight")
    assert own.confidence < sure.confidence


def test_several_tasks_asked_at_once_are_less_sure_than_one(parser: Parser) -> None:
    one = read(parser, "Ostby 341 moved to 4/9. pls docket it")
    several = read(parser, "Ostby 341 moved to 4/9. pls docket it + send him a reminder letter")
    assert several.confidence < one.confidence
    assert set(several.candidates[:2]) == {"calendar_deadlines", "client_update"}


def test_a_text_asking_for_nothing_is_less_sure_than_one_that_asks(parser: Parser) -> None:
    asked = read(parser, "Calloway: Redwood sent a letter. can someone review it")
    unasked = read(parser, "Calloway: Redwood sent a letter, the review is in the folder")
    assert unasked.confidence < asked.confidence


def test_asking_for_it_asks_for_the_task_named_before(parser: Parser) -> None:
    # "them" is the interrogatory answers: the text asks, so it is as sure as an ask.
    news = "Otto said on Friday that the Calloway rogs were due today"
    back = read(parser, news + ". Could someone pick them up?")
    none = read(parser, news + ", he is out sick")
    assert back.task_type == "discovery_requests"
    assert none.confidence < back.confidence
