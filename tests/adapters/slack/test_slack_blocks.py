"""Block Kit rendering: every message, list, Home page and modal validates and stays in limits."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.slack.blocks import (
    action_id,
    action_parts,
    home_view,
    message_blocks,
    message_payload,
    task_list_blocks,
)
from adapters.slack.modals import (
    changes_modal,
    confirmation_modal,
    decline_modal,
    decline_reason,
    new_task_modal,
    read_confirmation,
    result_modal,
    retype_modal,
)
from adapters.slack.text import clip, escape, fallback
from bot.messages import Action, Fact, Message
from bot.replies import Choice, Confirmation, TaskList
from tests.adapters.slack.fake_slack import block_problems, view_problems
from tests.adapters.slack.slack_world import texts

SNOOZES = (Action("snooze", "Snooze 1 hour", "4:hour"), Action("snooze", "Tomorrow", "4:morning"))


def task(number: int, actions: tuple[Action, ...] = ()) -> Message:
    return Message(title=f"New task from Ava Stone: draft letter {number}",
                   facts=(Fact("Task", f"#{number} draft letter"), Fact("Due", "Fri Mar 5"),
                          Fact("Estimate", "1.5 h")),
                   actions=actions, footer="in progress", kind="offer_update")


def test_a_big_message_is_split_not_refused() -> None:
    message = Message(title="T" * 400, body="b" * 7000,
                      facts=tuple(Fact(f"Label {i}", "v" * 2500) for i in range(12)),
                      lines=tuple(f"line {i}" for i in range(25)), actions=SNOOZES,
                      footer="f" * 5000, kind="error")
    blocks = message_blocks(message)
    assert block_problems(blocks, 50, "message") == []
    assert blocks[0]["text"]["text"].startswith(":warning: ")
    assert len(blocks[0]["text"]["text"]) == 150 and blocks[0]["text"]["text"].endswith("\u2026")
    assert sum(b["type"] == "section" and "text" in b for b in blocks) == 3  # 7,000 chars of body


def test_a_huge_message_keeps_its_buttons_and_footer() -> None:
    message = Message(title="t", lines=tuple(str(i) for i in range(800)), actions=SNOOZES,
                      footer="the footer")
    blocks = message_blocks(message)
    assert len(blocks) == 50 and block_problems(blocks, 50, "message") == []
    assert blocks[-2]["type"] == "actions" and blocks[-1]["elements"][0]["text"] == "the footer"


def test_buttons_with_the_same_id_get_distinct_action_ids() -> None:
    ids = [element["action_id"] for element in message_blocks(Message("t", actions=SNOOZES))[-1]
           ["elements"]]
    assert ids == ["lpo:snooze", "lpo:snooze#1"]
    assert [action_parts(i) for i in ids] == [("snooze", None), ("snooze", None)]
    decline = Action("decline", "Decline", "3", needs="decline_reason")
    assert action_parts(action_id(decline, 1)) == ("decline", "decline_reason")


def test_user_text_is_plain_and_fallback_text_is_escaped() -> None:
    hostile = "<!channel> *x* <http://evil|y> & <@U1>"
    payload = message_payload(Message(title=hostile, body=hostile,
                                      facts=(Fact("Note", hostile),)))
    assert payload["text"] == "&lt;!channel&gt; *x* &lt;http://evil|y&gt; &amp; &lt;@U1&gt;"
    mrkdwn = [field["text"] for block in payload["blocks"] for field in block.get("fields", [])
              if field["type"] == "mrkdwn"]
    assert mrkdwn == ["*Note*"]
    assert escape("a<b>&c") == "a&lt;b&gt;&amp;c"
    assert fallback("<" * 1000).count("&lt;") == 599  # 600 characters with the ellipsis
    assert clip("abcdef", 4) == "abc\u2026" and clip("abc", 4) == "abc"


def test_tasks_list_stays_under_50_blocks_and_points_to_home() -> None:
    listing = TaskList(offers=tuple(task(i, (Action("accept", "Accept", str(i)),
                                             Action("decline", "Decline", str(i),
                                                    needs="decline_reason")))
                                    for i in range(40)),
                       working=tuple(task(i, (Action("done", "Mark done", str(i)),))
                                     for i in range(40)),
                       delegated=tuple(task(i) for i in range(40)), hours_open=12,
                       capacity=40)
    blocks = task_list_blocks(listing, note="Accepted.")
    assert block_problems(blocks, 50, "tasks") == []
    assert "more. Open lpo-bot's Home tab" in blocks[-1]["elements"][0]["text"]
    assert task_list_blocks(TaskList())[-1]["text"]["text"].startswith("Nothing on your plate")


def test_home_pages_hold_every_task_once_within_100_blocks() -> None:
    listing = TaskList(offers=tuple(task(i, (Action("accept", "Accept", str(i)),
                                             Action("decline", "Decline", str(i))))
                                    for i in range(30)),
                       working=tuple(task(100 + i, (Action("done", "Mark done", str(i)),))
                                     for i in range(45)),
                       delegated=tuple(task(200 + i) for i in range(45)), capacity=40)
    seen: list[str] = []
    page, count = 0, 0
    while True:
        view = home_view(listing, page=page)
        assert view_problems(view, f"page {page}") == []
        titles = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"
                  and b.get("text", {}).get("text", "").startswith("New task")]
        seen += titles
        labels = [e["text"]["text"] for b in view["blocks"] if b["type"] == "actions"
                  for e in b["elements"]]
        count += 1
        if "Next \u2192" not in labels:
            break
        assert "\u2190 Previous" in labels or page == 0
        page += 1
    assert count > 1 and len(seen) == 120 and len(set(seen)) == 120
    assert home_view(listing, page=999)["private_metadata"] == f'{{"page": {count - 1}}}'


def test_home_for_someone_off_the_roster() -> None:
    view = home_view(Message("You're not on the lpo-bot roster yet.", kind="error"))
    assert view_problems(view, "home") == []


def confirmation(choices: int, types: int = 2) -> Confirmation:
    type_choices = (Choice("demand_letter", "Demand letter"), Choice("x" * 200, "y" * 200),
                    *(Choice(f"type_{i}", f"Type {i}") for i in range(types - 2)))
    return Confirmation(
        text="the Garcia thing " * 20, reason="That client name fits more than one matter.",
        task_type="demand_letter", matter="2027-0003",
        due_at=datetime(2027, 3, 5, 22, tzinfo=UTC), priority="normal", assignee=None,
        type_choices=type_choices,
        matter_choices=tuple(Choice(f"2027-{i:04d}", f"2027-{i:04d} Client {i}")
                             for i in range(choices)),
        unsure=("task_type", "matter"),
        reasons=("I'm not sure this is a demand letter.", "That fits more than one matter."),
        candidates=type_choices[:1])


def test_modals_validate() -> None:
    small = confirmation_modal(confirmation(5), {"text": "t"})
    big = confirmation_modal(confirmation(300, types=150), {"text": "t", "search": "tok"})
    for view in (small, big, decline_modal({"target": 1}), changes_modal({"target": 1}),
                 new_task_modal(), result_modal(task(1)),
                 retype_modal(confirmation(1).type_choices, {"target": 1})):
        assert view_problems(view, view["title"]["text"]) == []
    for view in (small, big):  # matters are always searched: never a list of every matter
        matter = next(b for b in view["blocks"] if b.get("block_id") == "matter")["element"]
        assert matter["type"] == "external_select" and "options" not in matter
        assert matter["initial_option"]["value"] == "2027-0003"
        assert matter["initial_option"]["text"]["text"] == "2027-0003 Client 3"
    kinds = next(b for b in small["blocks"] if b.get("block_id") == "task_type")["element"]
    assert [group["label"]["text"] for group in kinds["option_groups"]] == [
        "Best guesses", "Other task types"]
    assert kinds["option_groups"][0]["options"][0]["text"]["text"] == "Demand letter"
    assert kinds["initial_option"]["value"] == "demand_letter"
    assert "That fits more than one matter." in texts(small["blocks"])
    searched = next(b for b in big["blocks"] if b.get("block_id") == "task_type")["element"]
    assert searched["type"] == "external_select"


def test_reading_modals_tolerates_forged_state() -> None:
    forged = {"state": {"values": {"task_type": {"task_type": {"selected_option": "x"}},
                                   "due": {"due": {"selected_date_time": 10 ** 20}},
                                   "priority": {"priority": {"selected_option": {
                                       "value": "extreme"}}},
                                   "notes": {"notes": {"value": 5}}}}}
    form = read_confirmation(forged)
    assert (form.task_type, form.due_at, form.priority, form.notes) == (None, None, None, None)
    assert read_confirmation({}).task_type is None
    assert decline_reason({"state": {"values": {"reason": {"reason": {
        "selected_option": {"value": "dance"}}}}}}) is None
    assert decline_reason({"state": {"values": {
        "reason": {"reason": {"selected_option": {"value": "no_capacity"}}},
        "detail": {"detail": {"value": " trial "}}}}}) == "no capacity: trial"
