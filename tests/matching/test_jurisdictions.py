"""The jurisdiction table: unambiguous spellings become postal codes, the rest get suggestions."""

from __future__ import annotations

import pytest

from matching.jurisdictions import JURISDICTIONS, jurisdiction_code, suggestions


@pytest.mark.parametrize(("spelling", "code"), [
    ("Florida", "FL"), ("N.Y.", "NY"), ("new york", "NY"), ("fl", "FL"), ("D.C.", "DC"),
    ("Federal", "US"), ("U.S.", "US"), ("Fla.", "FL"), ("Calif.", "CA"), (" Texas ", "TX"),
    ("Washington, D.C.", "DC"), ("Washington State", "WA"), ("New York State", "NY"),
    ("Puerto Rico", "PR"), ("Guam", "GU"), ("U.S. Virgin Islands", "VI"),
    ("American Samoa", "AS"), ("Northern Mariana Islands", "MP"), ("US", "US"),
])
def test_unambiguous_spellings_become_codes(spelling: str, code: str) -> None:
    assert jurisdiction_code(spelling) == code


def test_the_table_is_the_states_dc_five_territories_and_federal() -> None:
    assert len(JURISDICTIONS) == 50 + 1 + 5 + 1
    assert all(jurisdiction_code(code) == code for code in JURISDICTIONS)


@pytest.mark.parametrize(("spelling", "suggested"), [
    ("Washington", ("WA", "DC")),  # the state or the District: never guessed
    ("Flurida", ("FL",)),
    ("F L", ("FL",)),
    ("Atlantis", ()),
    ("SDNY", ()),
])
def test_anything_else_is_not_a_code_but_may_get_a_suggestion(
        spelling: str, suggested: tuple[str, ...]) -> None:
    assert jurisdiction_code(spelling) is None
    assert suggestions(spelling) == suggested
