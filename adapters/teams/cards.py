"""Adaptive Cards rendered from the neutral messages; every user string stays plain text."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.messages import Action, Fact, Message
from bot.replies import Choice, Confirmation, TaskList
from matching.estimates import MOST_HOURS

Card = dict[str, Any]

CARD_VERSION = "1.5"  # 1.5: choice sets filtered as the person types (Teams supports it)
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
MAX_ACTIONS = 6          # Teams shows at most six actions on a card
MAX_CHOICES = 100        # keeps a big firm's matter list under Teams' 28 KB message limit
MAX_TEXT = 3000
NO_MATTER = "none"
PICKED = "picked"  # the input a picker's choice arrives in (Reassign: an email or "cheapest")
PRIORITIES = ("low", "normal", "high", "urgent")
DECLINE_CHOICES = (("no_capacity", "No capacity"), ("not_my_skill", "Not my skill"),
                   ("conflict", "Conflict"), ("other", "Other"))
ACTION_STYLES = {"primary": "positive", "danger": "destructive"}
KIND_COLORS = {"error": "attention", "escalation": "warning", "offer": "accent"}
HELP_LINES = (
    ("delegate TEXT", "delegate a task, e.g. delegate draft demand letter for 2027-0302 by Friday"),
    ("tasks", "your offers, your work, and what you delegated"),
    ("away [until WHEN]", "stop receiving offers, e.g. away until Monday"),
    ("back", "receive offers again"),
    ("digest", "(managers) today's digest"),
    ("reassign N [email]", "(managers) offer task N anew: to someone, or the cheapest eligible"),
    ("dashboard", "(managers) a private sign-in link to the dashboard"),
    ("rebalance [apply]", "(managers) move the team's pending offers and unassigned tasks to "
                          "the least total cost: see the plan, then apply it"),
    ("done N [hours]", "mark task N done, and how long it took, e.g. done 12 1.5"),
    ("wrong 12 TYPE", "a task of another type: offer it anew, e.g. wrong 12 document review"),
    ("help", "this list"),
)


def plain(text: str) -> str:
    """Text for a TextRun: no markdown is parsed there; drop control characters and cap it."""
    cleaned = "".join(ch for ch in text if ch in "\n\t" or ch >= " ")
    return cleaned if len(cleaned) <= MAX_TEXT else cleaned[:MAX_TEXT - 1] + "\u2026"


def _run(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextRun", "text": plain(text), **style}


def _paragraphs(text: str, **style: Any) -> list[dict[str, Any]]:
    return [{"type": "RichTextBlock", "inlines": [_run(line, **style)]}
            for line in text.split("\n") if line.strip()]


def _fact(fact: Fact) -> dict[str, Any]:
    return {"type": "RichTextBlock", "spacing": "None",
            "inlines": [_run(f"{fact.label}: ", weight="Bolder"), _run(fact.value)]}


def _card(body: list[dict[str, Any]], actions: list[dict[str, Any]], fallback: str) -> Card:
    card: Card = {"type": "AdaptiveCard", "version": CARD_VERSION,
                  "fallbackText": plain(fallback)[:300], "body": body}
    if actions:
        card["actions"] = actions
    return card


def _data(action: Action, managed: bool) -> dict[str, Any]:
    # "via" tells the click handler that the outbox, not the click, updates this card.
    data: dict[str, Any] = {"action": action.id, "value": action.value}
    if managed:
        data["via"] = "outbox"
    return data


def _submit(title: str, data: dict[str, Any], style: str | None = None) -> dict[str, Any]:
    action: dict[str, Any] = {"type": "Action.Submit", "title": title, "data": data}
    if style:
        action["style"] = style
    return action


def _decline_form(action: Action, data: dict[str, Any]) -> Card:
    return {"type": "AdaptiveCard", "body": [
        {"type": "Input.ChoiceSet", "id": "decline_reason", "label": "Why?", "style": "compact",
         "isRequired": True, "errorMessage": "Pick a reason.", "value": "no_capacity",
         "choices": [{"title": title, "value": value} for value, title in DECLINE_CHOICES]},
        {"type": "Input.Text", "id": "decline_note", "label": "Anything to add? (optional)",
         "maxLength": 300}],
        "actions": [_submit(f"Send: {action.label}", data, "destructive")]}


def _change_form(action: Action, data: dict[str, Any]) -> Card:
    return {"type": "AdaptiveCard", "body": [
        {"type": "Input.Text", "id": "change_note", "label": "What should change?",
         "isMultiline": True, "isRequired": True, "maxLength": 1000,
         "errorMessage": "Say what should change."}],
        "actions": [_submit("Send back", data, "destructive")]}


def _picker(action: Action) -> dict[str, Any]:
    """A picker's choices; the submit that goes with it is in the card's actions."""
    return {"type": "Input.ChoiceSet", "id": PICKED, "label": action.label, "style": "compact",
            "value": action.options[0].value if action.options else "",
            "choices": [{"title": plain(option.label)[:200], "value": option.value}
                        for option in action.options[:MAX_CHOICES]]}


def _hours_form(data: dict[str, Any]) -> Card:
    return {"type": "AdaptiveCard", "body": [
        {"type": "Input.Number", "id": "hours", "label": "Hours", "min": 0.1,
         "max": MOST_HOURS, "isRequired": True, "errorMessage": "Say how many hours."}],
        "actions": [_submit("Save", data, "positive")]}


def _type_form(action: Action, data: dict[str, Any], types: tuple[Choice, ...]) -> Card:
    return {"type": "AdaptiveCard", "body": [
        {"type": "Input.ChoiceSet", "id": "task_type", "label": "What kind of task is it?",
         "style": "filtered", "isRequired": True, "errorMessage": "Pick a task type.",
         "choices": _choices([(c.value, c.label) for c in types])}],
        "actions": [_submit("Re-offer", data, "positive")]}


def _action(action: Action, managed: bool, types: tuple[Choice, ...]) -> dict[str, Any] | None:
    data = _data(action, managed)
    if action.needs == "hours":
        return {"type": "Action.ShowCard", "title": action.label, "card": _hours_form(data)}
    if action.needs == "task_type":
        return ({"type": "Action.ShowCard", "title": action.label,
                 "card": _type_form(action, data, types)} if types else None)
    if action.needs == "decline_reason":
        return {"type": "Action.ShowCard", "title": action.label,
                "card": _decline_form(action, data)}
    if action.needs == "change_note":
        return {"type": "Action.ShowCard", "title": action.label,
                "card": _change_form(action, data)}
    return _submit(action.label, data, ACTION_STYLES.get(action.style or ""))


def message_card(message: Message, *, managed: bool = False, label: str | None = None,
                 types: tuple[Choice, ...] = ()) -> Card:
    """One neutral message as a card; `managed` when the outbox sent it and will update it.

    `types` are the task types a "Wrong type?" action offers; without them it is left out.
    """
    body: list[dict[str, Any]] = []
    if label:
        body.extend(_paragraphs(label, isSubtle=True, size="Small"))
    title_style = {"weight": "Bolder", "size": "Medium"}
    if message.kind in KIND_COLORS:
        title_style["color"] = KIND_COLORS[message.kind]
    body.extend(_paragraphs(message.title, **title_style))
    body.extend(_paragraphs(message.body))
    body.extend(_fact(fact) for fact in message.facts)
    for line in message.lines:
        body.extend(_paragraphs(line, isSubtle=True))
    if message.footer:
        body.extend(_paragraphs(message.footer, italic=True))
    shown = message.actions[:MAX_ACTIONS]
    body.extend(_picker(action) for action in shown if action.options)
    actions = [rendered for action in shown
               if (rendered := _action(action, managed, types)) is not None]
    return _card(body, actions, message.title)


def _choices(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"title": plain(title)[:200], "value": value} for value, title in pairs]


def _local_date(moment: datetime | None, zone: str) -> str | None:
    return moment.astimezone(ZoneInfo(zone)).date().isoformat() if moment else None


def confirmation_card(message: Message, confirmation: Confirmation, *, zone: str,
                      request: str) -> Card:
    """What the parser understood and what it could not read, with choice sets to fix the
    type (best guesses first), the matter (only the delegator's unscreened matters, filtered
    as they type) and the date.

    `request` names the message that asked; a second click on Delegate is then "already handled".
    """
    types = _choices([(c.value, c.label) for c in confirmation.type_choices])
    matters = _choices([(NO_MATTER, "No matter")] + [
        (c.value, c.label) for c in confirmation.matter_choices[:MAX_CHOICES]])
    type_input: dict[str, Any] = {
        "type": "Input.ChoiceSet", "id": "task_type", "label": "Task type", "style": "filtered",
        "isRequired": True, "errorMessage": "Pick a task type.", "choices": types}
    if confirmation.task_type:
        type_input["value"] = confirmation.task_type
    date_input: dict[str, Any] = {"type": "Input.Date", "id": "due_date", "label": "Due date"}
    due_date = _local_date(confirmation.due_at, zone)
    if due_date:
        date_input["value"] = due_date
    guesses = (_paragraphs("Best guesses: " + ", ".join(c.label for c in confirmation.candidates),
                           isSubtle=True) if confirmation.candidates else [])
    body = [*_paragraphs(message.title, weight="Bolder", size="Medium"),
            *_paragraphs(message.body),
            {"type": "RichTextBlock", "inlines": [_run("You wrote: ", weight="Bolder"),
                                                  _run(confirmation.text, italic=True)]},
            *guesses,
            type_input,
            {"type": "Input.ChoiceSet", "id": "matter", "label": "Matter", "style": "filtered",
             "placeholder": "Type a matter number or client", "choices": matters,
             "value": confirmation.matter or NO_MATTER},
            date_input,
            {"type": "Input.ChoiceSet", "id": "priority", "label": "Priority",
             "style": "compact", "value": confirmation.priority,
             "choices": _choices([(p, p.capitalize()) for p in PRIORITIES])},
            {"type": "Input.Text", "id": "notes", "label": "Notes for the assignee (optional)",
             "isMultiline": True, "maxLength": 500}]
    data: dict[str, Any] = {"action": "confirm", "value": confirmation.text, "request": request}
    if confirmation.due_at and due_date:
        # Kept so an unchanged date keeps the parsed time of day, not a default 17:00.
        data["due_at"] = confirmation.due_at.isoformat()
    actions = [_submit("Delegate", data, "positive"),
               {**_submit("Cancel", {"action": "discard"}), "associatedInputs": "none"}]
    return _card(body, actions, message.title)


def help_card(title: str = "Here's what I can do:") -> Card:
    body = _paragraphs(title, weight="Bolder", size="Medium")
    body.extend({"type": "RichTextBlock", "spacing": "Small",
                 "inlines": [_run(command + " ", weight="Bolder", fontType="Monospace"),
                             _run("\u2014 " + what)]} for command, what in HELP_LINES)
    body.extend(_paragraphs("The buttons on my cards accept, decline, mark done, approve or "
                            "request changes.", isSubtle=True))
    return _card(body, [], title)


def task_list_cards(listing: TaskList) -> list[Card]:
    """A summary card, then one card per task (each with its own buttons)."""
    if listing.empty:
        return [message_card(Message(
            title="Nothing on your plate, and nothing delegated that is still open.",
            footer=f"Open hours: {listing.hours_open:g} of {listing.capacity:g} h this week"))]
    counts = tuple(Fact(title, str(len(messages))) for title, messages in listing.sections()
                   if messages or title != TaskList.SECTION_TITLES[0])
    summary = Message(title="Your tasks", facts=(
        *counts, Fact("Open hours", f"{listing.hours_open:g} of {listing.capacity:g} h this week")),
        lines=listing.notes)
    cards = [message_card(summary)]
    for label, messages in listing.sections():
        cards.extend(message_card(message, label=label) for message in messages)
    return cards

