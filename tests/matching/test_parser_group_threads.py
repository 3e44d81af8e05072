"""Channel threads of a firm that asks the group: replies under a quoted ask, formal wishes in
the third person, the pool and a person asked in one message, thanks that carry on with orders,
days that are not the task's ("not till", "in 3 weeks we …", an event's date counted from), and
a client named only as someone else's relation."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader
from tests.matching.bundled import named_person as person

CT = "America/Chicago"
NOW = datetime(2027, 4, 13, 9, 0, tzinfo=ZoneInfo(CT))  # a Tuesday

# An invented housing-and-debt firm in Duluth that works in a Teams channel.
QUILL = "ines.quill@foxglovereyes.test"
TOBIAS = "tobias.wren@foxglovereyes.test"
PETRA = "petra.lund@foxglovereyes.test"
ROSTER = (
    person(QUILL, "Ines Quill", "partner"),
    person(TOBIAS, "Tobias Wren", "associate"),
    person(PETRA, "Petra Lund", "paralegal"),
)
HALDANE, OSWIN = "DUL-27-0040", "DUL-27-0041"
MATTERS = (
    MatterRef(HALDANE, "Marius Haldane", "Haldane v. Northshore Rentals"),
    MatterRef(OSWIN, "Greta Oswin", "Credit Acceptance v. Oswin"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, CT, QUILL)


def at(day: int, hour: int = 17) -> datetime:
    return datetime(2027, 4, day, hour, 0, tzinfo=ZoneInfo(CT))


def test_a_formal_wish_that_someone_act_names_the_doer(parser: Parser) -> None:
    draft = read(parser, "The firm needs a subpoena in Oswin. Ms. Quill asks that Tobias Wren "
                         "draft it by Friday.")
    assert draft.assignee == TOBIAS
    assert draft.due_at == at(16)


def test_the_pool_asked_first_and_a_person_for_another_thing_is_asked_about(
    parser: Parser,
) -> None:
    draft = read(parser, "Oswin: hearing moved to 5/4. Can somebody docket it? And Petra please "
                         "print the payment history for me.", writer=TOBIAS)
    assert draft.assignee is None
    assert "assignee" in draft.unsure


def test_the_pool_as_a_fallback_after_the_person_leaves_the_person(parser: Parser) -> None:
    draft = read(parser, "Petra, can you pull the Oswin ledger today? If not I need somebody "
                         "who can.", writer=TOBIAS)
    assert draft.assignee == PETRA


def test_thanks_that_go_on_with_orders_and_a_day_ask_about_the_one_thanked(
    parser: Parser,
) -> None:
    draft = read(parser, "<at>Petra Lund</at> lovely, thank you. The lease first, the rest can "
                         "wait. Thursday works.", writer=TOBIAS)
    assert draft.assignee is None
    assert "assignee" in draft.unsure


@pytest.mark.parametrize(
    "text",
    [
        "> who can take the Haldane letter?\n\nI've got it, a draft in your queue by 3.",
        "> anyone free to summarize the Oswin file?\n\nI can start it after lunch. Done by Friday.",
        "> Petra can you call Ms. Oswin\n\nDone - she wants Tobias to call her back this week.",
    ],
)
def test_a_reply_that_takes_the_work_on_or_reports_sets_no_deadline(
    parser: Parser, text: str
) -> None:
    draft = read(parser, text, writer=PETRA)
    assert draft.due_at is None
    assert "due_at" not in draft.unsure


def test_a_reply_that_asks_in_turn_keeps_its_deadline(parser: Parser) -> None:
    draft = read(parser, "> who can take the Haldane call?\n\nI'll call him at 2. Meanwhile can "
                         "someone email Northshore the repair list today?", writer=TOBIAS)
    assert draft.due_at == at(13)


def test_a_wish_that_something_be_done_on_a_day_sets_it(parser: Parser) -> None:
    draft = read(parser, "New walk-in for Ms. Oswin's file. The firm would like her called "
                         "tomorrow about the notice.")
    assert draft.due_at == at(14)


def test_not_till_a_day_says_how_much_time_there_is(parser: Parser) -> None:
    draft = read(parser, "Petra, can you put together a chronology of the Haldane notices? "
                         "Whenever you get to it, the trial's not till 5/20.", writer=TOBIAS)
    assert draft.due_at is None


def test_a_period_opening_what_we_do_then_is_no_deadline(parser: Parser) -> None:
    draft = read(parser, "Oswin: somebody please send the bureau disputes. In 3 weeks we re-check "
                         "her reports.", writer=TOBIAS)
    assert draft.due_at is None


def test_the_date_of_an_event_a_deadline_counts_from_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "Haldane: the landlord wants the rent ledger 5 days before the hearing, "
                         "which is 5/3. Can someone pull it?", writer=TOBIAS)
    assert "due_at" in draft.unsure


def test_a_client_named_only_as_another_persons_relation_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "anyone free for an intake at 2? Mr. Marius Haldane's cousin, a Ms. Ada "
                         "Voss, got a garnishment notice.", writer=TOBIAS)
    assert draft.matter is None
    assert "matter" in draft.unsure


def test_a_client_named_for_themselves_as_well_keeps_the_matter(parser: Parser) -> None:
    draft = read(parser, "Mr. Haldane's sister called for him. Please call Haldane back today.",
                 writer=TOBIAS)
    assert draft.matter == HALDANE
