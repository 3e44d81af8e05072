"""An organisation client's short form that is no naming of it: a state alone ("whether Ohio has
anything comparable"), and the first words of another organisation ("Harbor Point Revenue
Services", a collector, beside the client Harbor Point Housing Cooperative)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader
from tests.matching.bundled import named_person as person

NEW_YORK = "America/New_York"
NOW = datetime(2029, 5, 8, 9, 30, tzinfo=ZoneInfo(NEW_YORK))  # a Tuesday

IRIS, OLLIE = "iris.vance@ferrylaw.test", "ollie.brandt@ferrylaw.test"
ROSTER = (person(IRIS, "Iris Vance", "associate"), person(OLLIE, "Oliver Brandt", "paralegal"))
MATTERS = (
    MatterRef("FL-301", "Harbor Point Housing Cooperative", "Harbor Point Housing Cooperative v. "
              "Lakeshore Mgmt"),
    MatterRef("FL-302", "Ohio Medical Debt Relief Network, Inc.", "OMDRN - amicus"),
    MatterRef("FL-303", "Tobias Lindqvist", "Lindqvist - medical debt collection dispute"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, NEW_YORK, IRIS)


def test_a_state_alone_is_a_place(parser: Parser) -> None:
    draft = read(parser, "Ollie — research memo on whether the new credit-reporting rules help "
                         "in Tobias Lindqvist's case, and whether Ohio has anything comparable.")
    assert (draft.matter, "matter" in draft.unsure) == ("FL-303", False)


def test_the_state_with_the_rest_of_the_name_is_the_client(parser: Parser) -> None:
    assert read(parser, "Ollie, pull the Ohio Medical Debt Relief bylaws by Friday").matter == (
        "FL-302"
    )


def test_another_organisation_sharing_the_first_words(parser: Parser) -> None:
    draft = read(parser, "@ollie can you draft a validation request to Harbor Point Revenue "
                         "Services for Tobias Lindqvist by Friday?")
    assert (draft.matter, "matter" in draft.unsure) == ("FL-303", False)


def test_the_client_by_its_first_words_still_counts(parser: Parser) -> None:
    assert read(parser, "@ollie can you send the Harbor Point board the lease summary?").matter == (
        "FL-301"
    )
