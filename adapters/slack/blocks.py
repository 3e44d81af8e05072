"""Block Kit rendering of neutral messages, of `/tasks` lists and of the App Home."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from adapters.slack.text import clip, fallback, label, plain
from bot.messages import Action, Fact, Message
from bot.replies import TaskList

Block = dict[str, Any]

MESSAGE_BLOCK_LIMIT = 50  # chat.postMessage, chat.update and ephemeral responses
VIEW_BLOCK_LIMIT = 100  # modals and the App Home
HEADER_LIMIT = 150
FIELD_LIMIT = 2000
CONTEXT_ELEMENT_LIMIT = 10
FIELDS_PER_SECTION = 10
BUTTON_LABEL_LIMIT = 75
OPTION_TEXT_LIMIT = 75
OPTION_VALUE_LIMIT = 150
SELECT_OPTION_LIMIT = 100
SECTION_TEXT_LIMIT = 3000

# Buttons of neutral messages are `lpo:<id>` or `lpo:<id>:<needs>`: the handler learns from the
# id alone whether a click acts at once or first asks for input in a modal. Slack wants action
# ids unique within a block, so the second "snooze" button of a block becomes `lpo:snooze#1`.
ACTION_PREFIX = "lpo"
NEW_TASK_ACTION = "lpo_new_task"
PAGE_ACTION = "lpo_page"
KIND_ICONS = {"error": ":warning: ", "escalation": ":rotating_light: "}


def action_id(action: Action, index: int = 0) -> str:
    base = ":".join(part for part in (ACTION_PREFIX, action.id, action.needs) if part)
    return f"{base}#{index}" if index else base


def action_parts(value: str) -> tuple[str, str | None]:
    """`lpo:decline:decline_reason` -> ("decline", "decline_reason"); `lpo:done#1` -> ("done", None)."""
    _prefix, _, rest = value.partition("#")[0].partition(":")
    verb, _, needs = rest.partition(":")
    return verb, needs or None


def button(text: str, action: str, value: str, style: str | None = None) -> Block:
    element: Block = {"type": "button", "text": plain(text, BUTTON_LABEL_LIMIT),
                      "action_id": action, "value": clip(value, 2000)}
    if style:
        element["style"] = style
    return element


def action_button(action: Action, index: int = 0) -> Block:
    return button(action.label, action_id(action, index), action.value, action.style)


def action_element(action: Action, index: int = 0) -> Block:
    """A button, or a select for a picker (the Reassign of a manager's queue)."""
    return picker(action, index) if action.options else action_button(action, index)


def picker(action: Action, index: int = 0) -> Block:
    """A static select whose option values are `<task>:<choice>`, read like a button value.
    An option whose value Slack would cut is left out: it can still be typed."""
    options = [{"text": plain(option.label, OPTION_TEXT_LIMIT), "value": value}
               for option in action.options[:SELECT_OPTION_LIMIT]
               if len(value := f"{action.value}:{option.value}") <= OPTION_VALUE_LIMIT]
    return {"type": "static_select", "action_id": action_id(action, index),
            "placeholder": plain(action.label, OPTION_TEXT_LIMIT), "options": options}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, HEADER_LIMIT)}


def section(text: str) -> Block:
    return {"type": "section", "text": plain(text, SECTION_TEXT_LIMIT)}


def context(lines: Iterable[str]) -> list[Block]:
    """Small grey lines, ten to a context block (Slack's limit)."""
    elements = [plain(line, FIELD_LIMIT) for line in lines if line]
    return [{"type": "context", "elements": elements[i:i + CONTEXT_ELEMENT_LIMIT]}
            for i in range(0, len(elements), CONTEXT_ELEMENT_LIMIT)]


def fact_sections(facts: Sequence[Fact]) -> list[Block]:
    """Two columns, caption then value; the value is plain text because it may hold user text."""
    fields: list[Block] = []
    for fact in facts:
        fields.extend((label(fact.label), plain(fact.value, FIELD_LIMIT)))
    return [{"type": "section", "fields": fields[i:i + FIELDS_PER_SECTION]}
            for i in range(0, len(fields), FIELDS_PER_SECTION)]


def body_sections(body: str) -> list[Block]:
    """Long bodies (an explanation naming many people) split into sections, not clipped."""
    return [section(body[i:i + SECTION_TEXT_LIMIT])
            for i in range(0, len(body), SECTION_TEXT_LIMIT)]


def actions_block(actions: Sequence[Action]) -> Block:
    return {"type": "actions",
            "elements": [action_element(action, i) for i, action in enumerate(actions[:25])]}


def message_blocks(message: Message) -> list[Block]:
    """A whole message: title, body, facts, notes, buttons, footer (at most 50 blocks)."""
    blocks = [header(KIND_ICONS.get(message.kind, "") + message.title)]
    if message.body:
        blocks.extend(body_sections(message.body))
    blocks.extend(fact_sections(message.facts))
    blocks.extend(context(message.lines))
    if message.actions:
        blocks.append(actions_block(message.actions))
    if message.footer:
        blocks.extend(context([message.footer]))
    if len(blocks) > MESSAGE_BLOCK_LIMIT:
        # Keep the buttons and footer: they are what the reader acts on.
        tail = blocks[-2:]
        blocks = blocks[:MESSAGE_BLOCK_LIMIT - 2] + tail
    return blocks


def message_text(message: Message) -> str:
    """The fallback `text` Slack shows in notifications."""
    return fallback(message.title)


def message_payload(message: Message) -> dict[str, Any]:
    """`text` and `blocks` for chat.postMessage, chat.update and response_url posts."""
    return {"text": message_text(message), "blocks": message_blocks(message)}


# --- lists: /tasks and the App Home ---------------------------------------------------------


def item_blocks(message: Message) -> list[Block]:
    """One task in a list: its title, one line of facts, its state, and its buttons."""
    title: Block = {"type": "section", "text": plain(message.title)}
    if len(message.actions) == 1:
        title["accessory"] = action_element(message.actions[0])
    details = "  \u00b7  ".join(f"{fact.label}: {fact.value}" for fact in message.facts)
    blocks = [title, *context([details, message.footer or ""])]
    if len(message.actions) > 1:
        blocks.append(actions_block(message.actions))
    return blocks


@dataclass(frozen=True, slots=True)
class Item:
    section: str
    blocks: list[Block]


def list_items(listing: TaskList) -> list[Item]:
    return [Item(title, item_blocks(message))
            for title, messages in listing.sections() for message in messages]


def workload_line(listing: TaskList) -> str:
    if listing.capacity <= 0:
        return f"Open work: {listing.hours_open:g} h"
    return f"Open work: {listing.hours_open:g} of {listing.capacity:g} h this week"


@dataclass
class Page:
    blocks: list[Block]
    items: int = 0


def paginate(items: Sequence[Item], budget: int, heading: Callable[[str], Block]) -> list[Page]:
    """Items grouped into pages of at most `budget` blocks; a page that continues a section
    repeats its heading, and no heading is left alone at the bottom of a page."""
    pages: list[Page] = []
    page = Page([])
    current: str | None = None
    for item in items:
        needs_heading = not page.blocks or item.section != current
        if page.blocks and len(page.blocks) + len(item.blocks) + needs_heading > budget:
            pages.append(page)
            page, needs_heading = Page([]), True
        if needs_heading:
            continued = item.section == current
            page.blocks.append(heading(item.section + (" (continued)" if continued else "")))
            current = item.section
        page.blocks.extend(item.blocks[:budget - 1])
        page.items += 1
    if page.blocks:
        pages.append(page)
    return pages


def list_heading(text: str) -> Block:
    return {"type": "section", "text": label(text)}


def task_list_blocks(listing: TaskList, note: str | None = None) -> list[Block]:
    """`/tasks`: one ephemeral message; what does not fit points to the App Home."""
    top = [header("Your tasks"), *context([note or "", workload_line(listing), *listing.notes])]
    if listing.empty:
        return top + [section("Nothing on your plate, and nothing you delegated is still open.")]
    items = list_items(listing)
    budget = MESSAGE_BLOCK_LIMIT - len(top) - 1  # one block for the "and N more" line
    first = paginate(items, budget, list_heading)[0]
    hidden = len(items) - first.items
    more = context([f"\u2026and {hidden} more. Open lpo-bot's Home tab to see everything."]) \
        if hidden else []
    return top + first.blocks + more


# --- App Home ---------------------------------------------------------------------------------


def home_top(listing: TaskList | None, note: str | None) -> list[Block]:
    intro: Block = {"type": "section",
                    "text": plain("Delegate work to the least expensive qualified person."),
                    "accessory": button("Delegate a task", NEW_TASK_ACTION, "new", "primary")}
    lines = [note or ""]
    if listing is not None:
        lines += [workload_line(listing), *listing.notes]
    return [header("lpo-bot"), intro, *context(lines)]


def home_view(listing: TaskList | Message, *, page: int = 0, note: str | None = None) -> Block:
    """The Home tab: offers, work and delegations, paginated to Slack's 100-block limit."""
    if isinstance(listing, Message):  # not on the roster, or the application said no
        return _home(home_top(None, note) + message_blocks(listing), page=0)
    top = home_top(listing, note)
    if listing.empty:
        return _home(top + [section("Nothing on your plate, and nothing you delegated is "
                                    "still open. Use /delegate or the button above.")], page=0)
    pages = paginate(list_items(listing), VIEW_BLOCK_LIMIT - len(top) - 2, header)
    page = min(max(page, 0), len(pages) - 1)
    return _home(top + pages[page].blocks + page_controls(page, len(pages)), page=page)


def page_controls(page: int, count: int) -> list[Block]:
    if count <= 1:
        return []
    buttons = []
    if page > 0:
        buttons.append(button("\u2190 Previous", f"{PAGE_ACTION}:prev", str(page - 1)))
    if page < count - 1:
        buttons.append(button("Next \u2192", f"{PAGE_ACTION}:next", str(page + 1)))
    return [*context([f"Page {page + 1} of {count}"]), {"type": "actions", "elements": buttons}]


def _home(blocks: list[Block], *, page: int) -> Block:
    return {"type": "home", "blocks": blocks[:VIEW_BLOCK_LIMIT],
            "private_metadata": json.dumps({"page": page})}
