"""Modals: confirming a delegation, setting a task's type right, declining an offer, requesting
changes — and reading them back."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from adapters.slack.blocks import Block, body_sections, context, message_blocks
from adapters.slack.text import clip, plain
from bot.messages import Message
from bot.reasons import DECLINE_REASONS
from bot.replies import Choice, Confirmation
from matching.estimates import MOST_HOURS
from matching.model import PRIORITIES

CONFIRM_CALLBACK = "lpo_confirm"
RETYPE_CALLBACK = "lpo_retype"
NEW_TASK_CALLBACK = "lpo_new_task"
DECLINE_CALLBACK = "lpo_decline"
CHANGES_CALLBACK = "lpo_changes"
HOURS_CALLBACK = "lpo_hours"

TITLE_LIMIT = 24  # modal title, submit and close labels
OPTION_TEXT_LIMIT = 75
OPTION_VALUE_LIMIT = 150
STATIC_OPTION_LIMIT = 100
METADATA_LIMIT = 3000
NOTE_LIMIT = 2000

# Block ids double as action ids: one input per block, so errors name the block directly.
TYPE, MATTER, DUE, PRIORITY, NOTES = "task_type", "matter", "due", "priority", "notes"
TEXT, REASON, DETAIL, NOTE, HOURS = "text", "reason", "detail", "note", "hours"


def option(choice: Choice) -> Block:
    return {"text": plain(choice.label, OPTION_TEXT_LIMIT),
            "value": clip(choice.value, OPTION_VALUE_LIMIT)}


def modal(title: str, blocks: list[Block], *, callback_id: str | None = None,
          submit: str | None = None, metadata: dict[str, Any] | None = None,
          close: str = "Cancel") -> Block:
    view: Block = {"type": "modal", "title": plain(title, TITLE_LIMIT),
                   "close": plain(close, TITLE_LIMIT), "blocks": blocks[:100]}
    if callback_id:
        view["callback_id"] = callback_id
    if submit:
        view["submit"] = plain(submit, TITLE_LIMIT)
    if metadata:
        view["private_metadata"] = encode_metadata(metadata)
    return view


def encode_metadata(metadata: dict[str, Any]) -> str:
    """JSON for private_metadata; ValueError when it would pass Slack's 3,000 characters."""
    encoded = json.dumps(metadata, ensure_ascii=False, separators=(",", ":"))
    if len(encoded) > METADATA_LIMIT:
        raise ValueError("private_metadata too long")
    return encoded


def metadata_of(view: dict[str, Any]) -> dict[str, Any]:
    """A view's private_metadata as a dict; {} when it is missing or not ours."""
    try:
        found = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def input_block(block_id: str, title: str, element: Block, *, optional: bool = False,
                hint: str | None = None) -> Block:
    block: Block = {"type": "input", "block_id": block_id, "label": plain(title, 2000),
                    "element": {**element, "action_id": block_id}, "optional": optional}
    if hint:
        block["hint"] = plain(hint, 2000)
    return block


def select(choices: tuple[Choice, ...], initial: str | None, placeholder: str,
           *, external: bool = False) -> Block:
    """A static select, or an external one (typed search) beyond Slack's 100 options."""
    initial_choice = next((c for c in choices if c.value == initial), None)
    element: Block = {"type": "static_select", "placeholder": plain(placeholder, 150),
                      "options": [option(c) for c in choices[:STATIC_OPTION_LIMIT]]}
    if external:
        element = {"type": "external_select", "placeholder": plain(placeholder, 150),
                   "min_query_length": 1}
    if initial_choice:
        element["initial_option"] = option(initial_choice)
    return element


def needs_search(choices: tuple[Choice, ...]) -> bool:
    return len(choices) > STATIC_OPTION_LIMIT


def type_select(choices: tuple[Choice, ...], best: tuple[Choice, ...],
                initial: Choice | None) -> Block:
    """Task types by label, the best guesses in a group of their own at the top."""
    if needs_search(choices) or not best:
        return select(choices, initial.value if initial else None, "What kind of task?",
                      external=needs_search(choices))
    others = tuple(c for c in choices if c not in best)
    groups = [("Best guesses", best), ("Other task types", others)]
    element: Block = {"type": "static_select", "placeholder": plain("What kind of task?", 150),
                      "option_groups": [{"label": plain(title, OPTION_TEXT_LIMIT),
                                         "options": [option(c) for c in group]}
                                        for title, group in groups if group]}
    if initial:
        element["initial_option"] = option(initial)
    return element


def matter_search(initial: Choice | None) -> Block:
    """A matter picker that asks the app as the person types (number or client name), so it
    lists only matters they are not screened from, however many the firm has."""
    element: Block = {"type": "external_select", "min_query_length": 0,
                      "placeholder": plain("Search by matter number or client", 150)}
    if initial:
        element["initial_option"] = option(initial)
    return element


# --- confirming a delegation ------------------------------------------------------------------


def confirmation_modal(confirmation: Confirmation, metadata: dict[str, Any]) -> Block:
    """What the parser understood, prefilled, and what it could not read; the best guesses
    head the task types. The task is created on submit."""
    priorities = tuple(Choice(p, p.capitalize()) for p in PRIORITIES)
    blocks = [*body_sections(f"\u201c{confirmation.text}\u201d"),
              *context(confirmation.reasons or (confirmation.reason,)),
              input_block(TYPE, "Task type", type_select(
                  confirmation.type_choices, confirmation.candidates, confirmation.type_choice))]
    if confirmation.matter_choices:
        blocks.append(input_block(MATTER, "Matter", matter_search(confirmation.matter_choice),
                                  optional=True))
    due: Block = {"type": "datetimepicker"}
    if confirmation.due_at:
        due["initial_date_time"] = int(confirmation.due_at.timestamp())
    blocks += [input_block(DUE, "Due", due, optional=True),
               input_block(PRIORITY, "Priority",
                           select(priorities, confirmation.priority or "normal", "Priority")),
               input_block(NOTES, "Notes for the assignee", {
                   "type": "plain_text_input", "multiline": True, "max_length": NOTE_LIMIT},
                   optional=True)]
    return modal("Confirm the task", blocks, callback_id=CONFIRM_CALLBACK, submit="Delegate",
                 metadata=metadata)


@dataclass(frozen=True, slots=True)
class ConfirmationForm:
    """What the delegator chose in the confirmation modal."""

    task_type: str | None
    matter: str | None
    due_at: datetime | None
    priority: str | None
    notes: str | None


def _state(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    values = ((view.get("state") or {}).get("values") or {}).get(block_id) or {}
    found = values.get(block_id)
    return found if isinstance(found, dict) else {}


def selected(view: dict[str, Any], block_id: str) -> str | None:
    chosen = _state(view, block_id).get("selected_option")
    value = chosen.get("value") if isinstance(chosen, dict) else None
    return value if isinstance(value, str) and value else None


def typed(view: dict[str, Any], block_id: str) -> str | None:
    value = _state(view, block_id).get("value")
    if not isinstance(value, str):
        return None
    return value.strip() or None


def picked_moment(view: dict[str, Any], block_id: str) -> datetime | None:
    value = _state(view, block_id).get("selected_date_time")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):  # a forged, absurd timestamp
        return None


def read_confirmation(view: dict[str, Any]) -> ConfirmationForm:
    priority = selected(view, PRIORITY)
    return ConfirmationForm(task_type=selected(view, TYPE), matter=selected(view, MATTER),
                            due_at=picked_moment(view, DUE),
                            priority=priority if priority in PRIORITIES else None,
                            notes=typed(view, NOTES))


def field_of(problem: str) -> str:
    """The input a refusal is about, so the modal shows the error next to it."""
    lowered = problem.lower()
    if "task type" in lowered:
        return TYPE
    if "matter" in lowered or "screened" in lowered:
        return MATTER
    if "past" in lowered or "due" in lowered or "deadline" in lowered:
        return DUE
    return TYPE


# --- "Wrong type?" on a delegated task ---------------------------------------------------------


def retype_modal(types: tuple[Choice, ...], metadata: dict[str, Any]) -> Block:
    return modal("Set the task type", [
        input_block(TYPE, "What kind of task is it?", select(
            types, None, "Pick the right type", external=needs_search(types))),
        *context(["The offer goes back, and the task is offered to the right person for it."])],
        callback_id=RETYPE_CALLBACK, submit="Re-offer", metadata=metadata)


# --- a delegation typed in the App Home --------------------------------------------------------


def new_task_modal(metadata: dict[str, Any] | None = None) -> Block:
    return modal("Delegate a task", [
        input_block(TEXT, "What needs doing?", {
            "type": "plain_text_input", "multiline": True, "max_length": NOTE_LIMIT,
            "placeholder": plain("draft demand letter for 2027-0302 by Friday", 150)},
            hint="Say what, for which matter or client, and by when. I'll find the least "
                 "expensive qualified person.")],
        callback_id=NEW_TASK_CALLBACK, submit="Delegate", metadata=metadata)


# --- declining an offer, requesting changes ----------------------------------------------------


def decline_modal(metadata: dict[str, Any]) -> Block:
    reasons = tuple(Choice(key, text.capitalize()) for key, text in DECLINE_REASONS.items())
    return modal("Decline the offer", [
        input_block(REASON, "Why?", select(reasons, None, "Pick a reason")),
        input_block(DETAIL, "Anything to add?", {"type": "plain_text_input", "multiline": True,
                                                "max_length": 500}, optional=True),
        *context(["The task goes to the next person at once."])],
        callback_id=DECLINE_CALLBACK, submit="Decline", metadata=metadata)


def decline_reason(view: dict[str, Any]) -> str | None:
    """The reason the application understands: a key alone, or `reason: detail`, or None."""
    key, detail = selected(view, REASON), typed(view, DETAIL)
    if key not in DECLINE_REASONS:
        return None
    if detail is None:
        return key
    return detail if key == "other" else f"{DECLINE_REASONS[key]}: {detail}"


def changes_modal(metadata: dict[str, Any]) -> Block:
    return modal("Request changes", [
        input_block(NOTE, "What should change?", {
            "type": "plain_text_input", "multiline": True, "max_length": NOTE_LIMIT}),
        *context(["Your note goes to the person doing the work; the task returns to them."])],
        callback_id=CHANGES_CALLBACK, submit="Send back", metadata=metadata)


def hours_modal(metadata: dict[str, Any]) -> Block:
    """"Other…" after done: any figure, in hours."""
    return modal("How long did it take?", [
        input_block(HOURS, "Hours", {"type": "number_input", "is_decimal_allowed": True,
                                     "min_value": "0.1", "max_value": f"{MOST_HOURS:g}"},
                    hint="In hours, like 1.5. It sharpens the firm's estimates.")],
        callback_id=HOURS_CALLBACK, submit="Save", metadata=metadata)


# --- answers -------------------------------------------------------------------------------------


def result_modal(message: Message, title: str = "lpo-bot") -> Block:
    """A modal that only shows an outcome (after a submit the application answered)."""
    return modal(title, message_blocks(message), close="Close")
