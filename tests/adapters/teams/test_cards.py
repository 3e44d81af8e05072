"""Every kind of card validates against the official schema and stays within Teams' limits."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from adapters.teams.cards import (
    MAX_ACTIONS,
    MAX_CHOICES,
    MAX_TEXT,
    confirmation_card,
    help_card,
    message_card,
    task_list_cards,
)
from bot.catalogue import load_taxonomy
from bot.messages import Action, Fact, Message, Option
from bot.reasons import DECLINE_REASONS
from bot.replies import Choice, Confirmation, TaskList
from tests.adapters.teams.card_checks import assert_card_valid
from tests.support import settings_for

NASTY = "**Urgent** <at>Everyone</at> [click](https://evil.test) _x_ # head\n- item"
ACTIONS = (Action("accept", "Accept", "12", style="primary"),
           Action("decline", "Decline", "12", style="danger", needs="decline_reason"),
           Action("done", "Mark done", "3", style="primary"),
           Action("approve", "Approve", "3", style="primary"),
           Action("changes", "Request changes", "3", needs="change_note"))


def _runs(card: dict) -> list[str]:  # type: ignore[type-arg]
    return [inline["text"] for block in card["body"] if block["type"] == "RichTextBlock"
            for inline in block["inlines"]]


def test_a_full_message_renders_every_part_as_plain_text_runs() -> None:
    message = Message(title=NASTY, body="first line\nsecond line",
                      facts=(Fact("Matter", NASTY), Fact("Due", "Fri Mar 5, 5:00 PM EST")),
                      lines=("a note",), footer="the outcome", kind="offer", actions=ACTIONS)
    card = message_card(message, managed=True)
    assert_card_valid(card)
    runs = _runs(card)
    assert runs[:3] == ["**Urgent** <at>Everyone</at> [click](https://evil.test) _x_ # head",
                        "- item", "first line"]
    assert "Matter: " in runs and NASTY in runs and "the outcome" in runs
    assert [a["type"] for a in card["actions"]] == ["Action.Submit", "Action.ShowCard",
                                                    "Action.Submit", "Action.Submit",
                                                    "Action.ShowCard"]
    assert card["actions"][0] == {"type": "Action.Submit", "title": "Accept", "style": "positive",
                                  "data": {"action": "accept", "value": "12", "via": "outbox"}}
    decline = card["actions"][1]["card"]
    reasons = decline["body"][0]
    assert reasons["id"] == "decline_reason" and reasons["isRequired"]
    assert {c["value"] for c in reasons["choices"]} == set(DECLINE_REASONS)
    assert decline["actions"][0]["data"]["action"] == "decline"
    note = card["actions"][4]["card"]["body"][0]
    assert note["id"] == "change_note" and note["isRequired"] and note["isMultiline"]


def test_cards_keep_to_six_actions_and_sane_sizes() -> None:
    many = tuple(Action("done", f"Done {i}", str(i)) for i in range(9))
    card = message_card(Message(title="x" * 10_000, body="a\x00b\x1bc", actions=many))
    assert_card_valid(card)
    assert len(card["actions"]) == MAX_ACTIONS
    title, body = _runs(card)[:2]
    assert len(title) == MAX_TEXT and title.endswith("\u2026")
    assert body == "abc"
    assert "via" not in card["actions"][0]["data"]  # sent in a reply: the click replaces it


def test_the_confirmation_card_offers_types_matters_a_date_and_priority() -> None:
    taxonomy = load_taxonomy(settings_for("sqlite:///unused.db"))
    matters = tuple(Choice(f"2027-{i:04d}", f"2027-{i:04d} Client {i}") for i in range(250))
    due = datetime(2027, 3, 5, 17, 0, tzinfo=ZoneInfo("America/New_York"))
    confirmation = Confirmation(
        text=NASTY, reason="That client name fits more than one matter.",
        task_type="demand_letter", matter=None, due_at=due, priority="normal", assignee=None,
        type_choices=tuple(Choice(t.id, t.name) for t in taxonomy.types),
        matter_choices=matters)
    card = confirmation_card(Message(title="Let's confirm the details.",
                                     body=confirmation.reason), confirmation,
                             zone="America/Los_Angeles", request="teams:activity:abc")
    assert_card_valid(card)
    inputs = {e["id"]: e for e in card["body"] if e["type"].startswith("Input.")}
    assert len(inputs["task_type"]["choices"]) == len(taxonomy.types) >= 20
    assert inputs["matter"]["value"] == "none"
    assert len(inputs["matter"]["choices"]) == MAX_CHOICES + 1
    assert inputs["due_date"]["value"] == "2027-03-05"
    delegate, cancel = card["actions"]
    assert delegate["data"] == {"action": "confirm", "value": NASTY, "request": "teams:activity:abc",
                                "due_at": "2027-03-05T17:00:00-05:00"}
    assert cancel["associatedInputs"] == "none"
    assert len(json.dumps(card)) < 28 * 1024


def test_help_and_task_lists() -> None:
    assert_card_valid(help_card())
    empty = task_list_cards(TaskList(capacity=40))
    assert len(empty) == 1 and "Nothing on your plate" in _runs(empty[0])[0]
    offer = Message(title="New task", actions=ACTIONS[:2])
    listing = TaskList(offers=(offer,) * 3, working=(Message(title="w", actions=ACTIONS[2:3]),),
                       delegated=(Message(title="d", actions=ACTIONS[3:]),), hours_open=3,
                       capacity=40)
    cards = task_list_cards(listing)
    assert len(cards) == 6
    for card in cards:
        assert_card_valid(card)
    assert _runs(cards[1])[0] == "Offers waiting for you"
    assert "3 of 40 h this week" in _runs(cards[0])


def test_a_picker_is_a_choice_set_with_a_submit_and_survives_the_outbox() -> None:
    """The manager's Reassign: the choice arrives in `picked`, the task number in the data."""
    picker = Action("reassign", "Reassign", "7", options=(
        Option("cheapest", "Cheapest eligible (Ben Cho)"),
        Option("ben.cho@firm.test", "Ben Cho · $82.50 · 0/40 h · cheapest eligible")))
    message = Message(title="Task #7: Demand letter — 2027-0101", actions=(picker,),
                      kind="queue")
    assert Message.from_dict(json.loads(json.dumps(message.to_dict()))) == message
    card = message_card(message)
    assert_card_valid(card)
    [choices] = [item for item in card["body"] if item["type"] == "Input.ChoiceSet"]
    assert choices["id"] == "picked" and choices["value"] == "cheapest"
    assert [c["value"] for c in choices["choices"]] == ["cheapest", "ben.cho@firm.test"]
    assert card["actions"] == [{"type": "Action.Submit", "title": "Reassign",
                                "data": {"action": "reassign", "value": "7"}}]
    assert "reassign 7 ben.cho@firm.test  \u2014 Ben Cho" in message.as_text()
