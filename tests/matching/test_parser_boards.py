"""Who and which matter, read from boards and news: a row's "@who", a person told where the
phones went, one asked to staff the work, a client's relative met at an intake (invented firm)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader
from tests.matching.bundled import named_person as person

BOISE = "America/Boise"
NOW = datetime(2029, 3, 8, 9, 0, tzinfo=ZoneInfo(BOISE))  # a Thursday

ODILE = "odile.marchand@sawtooth.test"
SOL = "sol.benitez@sawtooth.test"
GRETA = "greta.lind@sawtooth.test"
ROSTER = (
    person(ODILE, "Odile Marchand", "paralegal", "UODILE"),
    person(SOL, "Sol Benitez", "paralegal", "USOL"),
    person(GRETA, "Greta Lind", "paralegal", "UGRETA"),
)
MATTERS = (
    MatterRef("SW-29-011", "Harriet Pemberton", "Pemberton v. Crown Asset Mgmt"),
    MatterRef("SW-29-014", "Ivo Aldous", "Aldous - Chapter 13"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER, nicknames=False)


read = reader(NOW, BOISE)


def test_a_board_row_gives_its_matter_assignee_and_due_day(parser: Parser) -> None:
    draft = read(parser, "Thu board\nPemberton | debt validation letter | Mon | @Odile", GRETA)
    assert (draft.matter, draft.assignee) == ("SW-29-011", ODILE)
    assert draft.due_at is not None and draft.due_at.strftime("%a %H:%M") == "Mon 17:00"
    assert "due_at" not in draft.unsure


def test_phones_forwarded_to_someone_give_them_no_task(parser: Parser) -> None:
    draft = read(parser, "Heads up: out for the vet 2-4 today, my calls are forwarded to Sol.")
    assert draft.assignee is None


def test_one_asked_to_staff_the_work_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "Aldous: need the plan and schedules drafted by 3/20. Greta pls staff it.")
    assert "assignee" in draft.unsure


def test_a_clients_relative_calling_for_an_intake_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "Harriet Pemberton's cousin phoned about a Crown Asset suit of his own. "
                         "Can someone do the intake call with him today?")
    assert draft.matter is None
    assert "matter" in draft.unsure
    # ... while the client's relative helping the client's own case is the client's matter
    draft = read(parser, "Harriet Pemberton's son will bring the letters in; can someone scan "
                         "them into the file?")
    assert draft.matter == "SW-29-011"
