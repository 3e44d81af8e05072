"""The nickname table the parser is given: the package's own data, read without a network."""

from __future__ import annotations

from bot.nicknames import load_nicknames


def test_the_table_maps_a_given_name_to_its_short_forms() -> None:
    table = load_nicknames()
    assert {"becca", "becky"} <= set(table["rebecca"])
    assert "maggie" in table["margaret"]


def test_the_table_is_loaded_once() -> None:
    assert load_nicknames() is load_nicknames()
