"""The second opinion's pure parts: normalising a request, catalogue examples, the decision rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from matching.model import MatterRef, TaskDraft, TaskType, Taxonomy
from matching.parse.deadlines import NOTHING_ASKED, PASSED_WARNING
from matching.parse.idle import IDLE_ASSIGNEE, IDLE_TYPE
from matching.parse.parser import VAGUE_REASON
from matching.second_opinion import (
    NO_TASK,
    NameBook,
    Opinion,
    Thresholds,
    catalogue_examples,
    decide,
    normalise,
    reviewed,
)
from tests.matching.bundled import named_person

NAMES = NameBook.of_firm(
    [MatterRef("2027-CV-00141", "Dana May"), MatterRef("12455-001", "Kestrel Logistics LLC")],
    [named_person("felix@firm.test", "Felix Okafor", "paralegal"),
     named_person("grant@firm.test", "Grant Hale", "associate")],
)


@pytest.mark.parametrize(("text", "expected"), [
    ("Have Felix pull Dana May's bank statements for 2027-CV-00141",
     "have xperson pull client 's bank statements for xmatter"),
    ("Ms. May called; Kestrel wants a demand letter",
     "ms. client called; client wants a demand letter"),
    ("kestrel logistics llc wants an update", "client wants an update"),
    ("@felix <@U04ABC> mail felix.okafor@firm.test", "xperson xperson mail xperson"),
    ("$2,316.40 owed since 12/18/2026, due Jan 5th", "xmoney owed since xdate , due xdate"),
    ("served 2026-11-06; 30 days plus 3", "served xdate ; xnum days plus xnum"),
])
def test_normalise_replaces_names_numbers_and_dates(text: str, expected: str) -> None:
    assert normalise(text, NAMES) == expected


def test_a_name_that_is_an_everyday_word_is_replaced_only_with_a_capital() -> None:
    assert normalise("you may grant the extension", NAMES) == "you may grant the extension"
    assert normalise("ask Grant; call May", NAMES) == "ask xperson ; call client"


def test_normalise_without_a_firm_still_folds_and_replaces_numbers() -> None:
    assert normalise("  Call  Señor Ruiz at 3 PM ") == "call senor ruiz at xnum pm"


def test_office_shorthand_is_spelt_out_as_the_parser_reads_it() -> None:
    names = NameBook.of_firm([MatterRef("2027-0101", "Dana May")], [],
                             shorthand={"ans": "answer", "cal": "calendar", "w": "with"})
    assert normalise("ans for May w/ aff defs, put it on the cal", names) == (
        "answer for client with/ aff defs, put it on the calendar")


def test_catalogue_examples_spell_each_phrase_and_name() -> None:
    letter = TaskType(id="demand_letter", name="Demand letter", skills={}, est_hours=1.0,
                      utbms_task="", utbms_activity="",
                      phrases=("demand letter", "send ... demand", "demand to|for collector"))
    assert catalogue_examples(Taxonomy(types=(letter,))) == [
        ("demand letter", "demand_letter"), ("send demand", "demand_letter"),
        ("demand to collector", "demand_letter"), ("demand for collector", "demand_letter"),
    ]


STRICT = Thresholds(agree_probability=0.5, agree_rank=1)
PROBABILITIES = {"answer_complaint": 0.6, "discovery_requests": 0.25, NO_TASK: 0.1,
                 "court_filing": 0.04, "legal_research": 0.01}


@pytest.mark.parametrize(("rule_type", "confidence", "thresholds", "expected"), [
    # agree: the classifier's best is the rules' type, probable enough -> act
    ("answer_complaint", 0.4, STRICT,
     Opinion("answer_complaint", False, ("answer_complaint", "discovery_requests",
                                         "court_filing"))),
    # disagree -> ask, the rules' type first, then the classifier's best (never NO_TASK)
    ("court_filing", 0.9, STRICT,
     Opinion("court_filing", True, ("court_filing", "answer_complaint", "discovery_requests"))),
    # agree but weak -> ask
    ("answer_complaint", 0.9, Thresholds(agree_probability=0.7),
     Opinion("answer_complaint", True, ("answer_complaint", "discovery_requests",
                                        "court_filing"))),
    # second best is enough when the setting allows the top two
    ("discovery_requests", 0.5, Thresholds(agree_probability=0.2, agree_rank=2),
     Opinion("discovery_requests", False, ("discovery_requests", "answer_complaint",
                                           "court_filing"))),
    # rules sure enough on their own -> act despite the classifier
    ("court_filing", 0.95, Thresholds(agree_probability=0.5, rule_alone=0.9),
     Opinion("court_filing", False, ("court_filing", "answer_complaint", "discovery_requests"))),
    # no type from the rules -> ask with the classifier's best three
    (None, 0.0, STRICT,
     Opinion(None, True, ("answer_complaint", "discovery_requests", "court_filing"))),
])
def test_decision_rule(rule_type: str | None, confidence: float, thresholds: Thresholds,
                       expected: Opinion) -> None:
    assert decide(rule_type, confidence, PROBABILITIES, thresholds) == expected


NOTHING = {NO_TASK: 0.7, "client_update": 0.2, "intake_call": 0.06, "court_filing": 0.04}
SURE = {"legal_research": 0.96, "sol_analysis": 0.03, NO_TASK: 0.01}


@pytest.mark.parametrize(("rule_type", "confidence", "probabilities", "thresholds", "expected"), [
    # no type from the rules, and "delegates nothing" probable enough: no task, nothing asked
    (None, 0.0, NOTHING, Thresholds(0.2, no_task=0.6),
     Opinion(None, False, ("client_update", "intake_call", "court_filing"))),
    # ... not probable enough: ask
    (None, 0.0, NOTHING, Thresholds(0.2, no_task=0.8),
     Opinion(None, True, ("client_update", "intake_call", "court_filing"))),
    # a type from the rules is never overruled by "delegates nothing": they disagree, so ask
    ("client_update", 0.9, NOTHING, Thresholds(0.5, no_task=0.6),
     Opinion("client_update", True, ("client_update", "intake_call", "court_filing"))),
    # the classifier sure on its own, the rules reading nothing: act on the classifier's type
    (None, 0.0, SURE, Thresholds(0.2, classifier_alone=0.95),
     Opinion("legal_research", False, ("legal_research", "sol_analysis"), 0.96)),
    # ... or a type the rules are not sure of
    ("sol_analysis", 0.5, SURE, Thresholds(0.2, classifier_alone=0.95, rule_weak=0.8),
     Opinion("legal_research", False, ("legal_research", "sol_analysis"), 0.96)),
    # ... but not a type the rules are sure of: they disagree, so ask
    ("sol_analysis", 0.9, SURE, Thresholds(0.2, classifier_alone=0.95, rule_weak=0.8),
     Opinion("sol_analysis", True, ("sol_analysis", "legal_research"))),
])  # fmt: skip
def test_no_task_and_the_classifier_alone(
        rule_type: str | None, confidence: float, probabilities: dict[str, float],
        thresholds: Thresholds, expected: Opinion) -> None:
    assert decide(rule_type, confidence, probabilities, thresholds) == expected


LIKELY = {"bankruptcy_prep": 0.6, "document_collection": 0.3, NO_TASK: 0.1}


@pytest.mark.parametrize(("rule_type", "confidence", "rule_candidates", "expected"), [
    # the rules read no type but considered the classifier's best: both back it, so act on it
    (None, 0.3, ("document_collection", "bankruptcy_prep"),
     Opinion("bankruptcy_prep", False, ("bankruptcy_prep", "document_collection"), 0.6)),
    # ... or read another type, weakly
    ("document_collection", 0.5, ("document_collection", "bankruptcy_prep"),
     Opinion("bankruptcy_prep", False, ("bankruptcy_prep", "document_collection"), 0.6)),
    # the rules never considered it: the classifier is not sure enough alone, so ask
    (None, 0.3, ("court_filing",),
     Opinion(None, True, ("bankruptcy_prep", "document_collection"))),
    # the rules sure of another type: they disagree, so ask
    ("document_collection", 0.9, ("document_collection", "bankruptcy_prep"),
     Opinion("document_collection", True, ("document_collection", "bankruptcy_prep"))),
])  # fmt: skip
def test_the_classifier_backed_by_the_rules_candidates(
        rule_type: str | None, confidence: float, rule_candidates: tuple[str, ...],
        expected: Opinion) -> None:
    thresholds = Thresholds(0.7, candidate_agree=0.5, rule_weak=0.8)
    assert decide(rule_type, confidence, LIKELY, thresholds,
                  rule_candidates=rule_candidates) == expected


def test_a_vague_ask_for_work_is_asked_about_never_taken_for_no_task() -> None:
    assert decide(None, 0.0, NOTHING, Thresholds(0.2, no_task=0.6), vague=True).unsure
    draft = TaskDraft(task_type=None, confidence=0.0, title="Handle the thing", due_at=None,
                      unsure=("task_type",), unsure_reasons=(("task_type", VAGUE_REASON),))
    asked = reviewed(draft, NOTHING, Thresholds(0.2, no_task=0.6))
    assert asked.unsure == ("task_type",) and asked.unsure_reasons == draft.unsure_reasons


def test_a_reviewed_draft_that_delegates_nothing_asks_nothing_about_its_type() -> None:
    draft = TaskDraft(task_type=None, confidence=0.0, title="Thanks all", due_at=None,
                      unsure=("task_type",), unsure_reasons=(("task_type", "no idea"),))
    nothing = reviewed(draft, NOTHING, Thresholds(0.2, no_task=0.6))
    assert nothing.task_type is None and nothing.unsure == () and nothing.unsure_reasons == ()
    assert nothing.candidates == ("client_update", "intake_call", "court_filing")
    typed = reviewed(draft, SURE, Thresholds(0.2, classifier_alone=0.95))
    assert (typed.task_type, typed.unsure, typed.confidence) == ("legal_research", (), 0.96)


NOTED = TaskDraft(task_type=None, confidence=0.0, title="Lunch",
                  due_at=datetime(2027, 3, 2, 12, 15, tzinfo=UTC), assignee="dana@firm.test",
                  warnings=(PASSED_WARNING,),
                  unsure=("task_type", "assignee"),
                  unsure_reasons=(("task_type", "no idea"), ("assignee", "two Danas")),
                  asks_work=False)


def test_a_note_that_delegates_nothing_names_no_deadline_or_assignee() -> None:
    nothing = reviewed(NOTED, NOTHING, Thresholds(0.2, no_task=0.6))
    assert (nothing.task_type, nothing.due_at, nothing.assignee) == (None, None, None)
    assert (nothing.unsure, nothing.unsure_reasons, nothing.warnings) == ((), (), ())


def test_an_ask_outside_the_catalogue_keeps_its_deadline_and_assignee() -> None:
    # "order pizza for the meeting, to Dana, here by 12:15": no catalogue task, still an ask
    asked = reviewed(replace(NOTED, asks_work=True), NOTHING, Thresholds(0.2, no_task=0.6))
    assert asked.task_type is None and "task_type" not in asked.unsure
    assert (asked.due_at, asked.assignee) == (NOTED.due_at, NOTED.assignee)
    assert asked.unsure == ("assignee",)


def test_a_note_whose_type_is_asked_has_its_deadline_and_assignee_asked_too() -> None:
    unsure = reviewed(replace(NOTED, unsure=("task_type",), unsure_reasons=()), PROBABILITIES,
                      STRICT)
    assert (unsure.due_at, unsure.assignee) == (NOTED.due_at, NOTED.assignee)
    assert unsure.unsure == ("task_type", "due_at", "assignee")
    assert unsure.reason("due_at") == NOTHING_ASKED
    assert unsure.reason("assignee") == IDLE_ASSIGNEE
    kept = reviewed(NOTED, PROBABILITIES, STRICT)  # its own doubt about the person stays
    assert kept.reason("assignee") == "two Danas"


def test_a_note_the_classifier_reads_a_type_in_keeps_its_fields() -> None:
    typed = reviewed(NOTED, SURE, Thresholds(0.2, classifier_alone=0.95))
    assert (typed.task_type, typed.due_at, typed.unsure) == (
        "legal_research", NOTED.due_at, ("assignee",))


# "the Ames answer went out Friday, thanks all": the rules read a type in a text asking no work
NAMED = replace(NOTED, task_type="court_filing", confidence=0.9, unsure=(), unsure_reasons=())
FILING = {"court_filing": 0.6, "answer_complaint": 0.3, NO_TASK: 0.1}


def test_a_type_named_in_a_note_is_no_type_the_rules_read() -> None:
    nothing = reviewed(NAMED, NOTHING, Thresholds(0.2, no_task=0.6))
    assert (nothing.task_type, nothing.unsure, nothing.due_at) == (None, (), None)
    # the classifier backing the rules' type is no longer enough: both would act on a name
    asked = reviewed(NAMED, FILING, Thresholds(0.5))
    assert asked.task_type is None and asked.unsure == ("task_type", "due_at", "assignee")
    assert asked.candidates[0] == "court_filing"
    # the classifier sure on its own still reads the terse order the rules took for a note
    typed = reviewed(NAMED, SURE, Thresholds(0.2, classifier_alone=0.95))
    assert (typed.task_type, typed.unsure) == ("legal_research", ())


# "Done, Ravi. The Okoro hearing is on the calendar": the parser says it reads as news
NEWS = replace(NAMED, unsure=("task_type",), unsure_reasons=(("task_type", IDLE_TYPE),))


def test_news_is_never_given_the_classifiers_type_on_its_word_alone() -> None:
    alone = Thresholds(0.2, classifier_alone=0.95, candidate_agree=0.5, no_task=0.6)
    asked = reviewed(replace(NEWS, candidates=("legal_research",)), SURE, alone)
    assert asked.task_type is None and asked.unsure == ("task_type", "due_at", "assignee")
    assert asked.reason("task_type") == IDLE_TYPE
    nothing = reviewed(NEWS, NOTHING, alone)
    assert (nothing.task_type, nothing.due_at, nothing.assignee, nothing.unsure) == (
        None, None, None, ())


def test_a_type_the_classifier_does_not_know_is_asked_about() -> None:
    opinion = decide("firm_only_type", 0.8, PROBABILITIES, STRICT)
    assert opinion.unsure and opinion.candidates[0] == "firm_only_type"


def test_a_reviewed_draft_says_what_it_would_ask() -> None:
    draft = TaskDraft(task_type="court_filing", confidence=0.9, title="Court filing",
                      due_at=None, unsure=("due_at",))
    asked = reviewed(draft, PROBABILITIES, STRICT)
    assert asked.unsure == ("due_at", "task_type")
    assert asked.task_type == "court_filing"
    assert asked.candidates == ("court_filing", "answer_complaint", "discovery_requests")
    assert asked.as_contract()["unsure"] == ["due_at", "task_type"]
    agreed = reviewed(replace(draft, task_type="answer_complaint", unsure=()), PROBABILITIES,
                      STRICT)
    assert agreed.unsure == () and agreed.candidates[0] == "answer_complaint"
