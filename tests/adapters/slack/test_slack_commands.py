"""/tasks, /lpo, the App Home, identity by e-mail, and the server with Slack off."""

from __future__ import annotations

import json

from aiohttp.test_utils import TestClient, TestServer

from bot.app.bootstrap import build_app
from bot.imports import MATTER_COLUMNS, import_matters
from bot.queries import task_rows
from tests.adapters.slack.slack_world import (
    AVA,
    BEN,
    CARA,
    DELEGATION,
    ELI,
    buttons,
    slack_world,
    texts,
)
from tests.support import settings_for

MATTER_HEADER = ",".join(MATTER_COLUMNS) + "\n"


async def test_tasks_lists_offers_with_buttons_and_refreshes_after_a_click(
        database_url: str) -> None:
    async with slack_world(database_url) as world:
        await world.command(AVA, "/delegate", DELEGATION)
        listing = await world.command(BEN, "/tasks")
        assert listing["response_type"] == "ephemeral"
        assert "Offers waiting for you" in texts(listing["blocks"])
        assert set(buttons(listing)) == {"Accept", "Decline"}
        assert "0 of 40 h" in texts(listing["blocks"])

        url = world.fake.response_url("tasks-list")
        await world.click(BEN, listing, "Accept", ephemeral_url=url)
        refreshed = (await world.fake.nth("response_url", name="tasks-list"))[0].payload
        assert refreshed["replace_original"] is True
        assert "Your work" in texts(refreshed["blocks"])
        assert "You accepted" in texts(refreshed["blocks"])
        assert set(buttons(refreshed)) == {"Mark done"}
        assert "1.5 of 40 h" in texts(refreshed["blocks"])

        mine = await world.command(AVA, "/tasks")
        assert "You delegated" in texts(mine["blocks"])
        assert "Ben Cho" in texts(mine["blocks"])


async def test_lpo_help_away_back_digest_and_text_verbs(database_url: str) -> None:
    async with slack_world(database_url) as world:
        assert "/delegate" in texts(await world.command(BEN, "/lpo", "help"))
        assert "/lpo away" in texts(await world.command(BEN, "/lpo", ""))
        unknown = await world.command(BEN, "/lpo", "dance")
        assert "I don't know" in unknown["text"]

        away = await world.command(BEN, "/lpo", "away until Friday")
        assert "You're away until Fri" in away["text"]
        answer = await world.command(AVA, "/delegate", DELEGATION)
        assert "offered to Cara Diaz" in answer["text"]  # Ben is away
        assert "Welcome back" in (await world.command(BEN, "/lpo", "back"))["text"]

        assert "not read" in texts(await world.command(BEN, "/lpo", "away until someday")) or \
            "couldn't read" in texts(await world.command(BEN, "/lpo", "away until someday"))
        assert "digest is for managers" in (await world.command(BEN, "/lpo", "digest"))["text"]
        digest = await world.command(AVA, "/lpo", "digest")
        assert digest["response_type"] == "ephemeral" and "digest" in digest["text"].lower()

        assert "Which task?" in (await world.command(AVA, "/lpo", "cancel"))["text"]
        cancelled = await world.command(AVA, "/lpo", "cancel 1 client settled")
        assert "Cancelled task #1" in cancelled["text"]
        closed = await world.fake.nth("chat.update", 1, channel=world.fake.dm_channel(CARA))
        assert buttons(closed[0].payload) == {}
        assert "You accepted" not in texts(closed[0].payload)


async def test_unknown_slack_user_is_found_by_email_once(database_url: str) -> None:
    async with slack_world(database_url) as world:
        listing = await world.command(ELI, "/tasks")
        assert "Your tasks" in listing["text"]
        assert len(world.fake.to("users.info", user=ELI)) == 1
        answer = await world.command(ELI, "/delegate", DELEGATION)
        assert "offered to Ben Cho" in answer["text"]
        assert len(world.fake.to("users.info")) == 1  # the Slack id is linked now

        world.fake.emails["U0STRANGER"] = "someone@elsewhere.test"
        stranger = await world.command("U0STRANGER", "/delegate", DELEGATION)
        assert "not on the lpo-bot roster" in stranger["text"]
        await world.command("U0STRANGER", "/tasks")
        assert len(world.fake.to("users.info", user="U0STRANGER")) == 1  # the answer is cached
        ghost = await world.command("U0GHOST", "/tasks")  # users.info: user_not_found
        assert "not on the lpo-bot roster" in ghost["text"]
        await world.command("U0GHOST", "/tasks")
        assert len([c for c in world.fake.calls if c.payload.get("user") == "U0GHOST"]) == 1
        async with world.database.transaction() as session:
            assert len(await task_rows(session)) == 1


async def test_app_home_shows_my_queue_and_acts_in_place(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        await world.command(AVA, "/delegate", DELEGATION)
        await world.event({"type": "app_home_opened", "user": BEN, "tab": "messages"})
        await world.event({"type": "app_home_opened", "user": BEN, "tab": "home"})
        home = (await fake.nth("views.publish", user_id=BEN))[0].payload["view"]
        assert home["type"] == "home"
        assert "Offers waiting for you" in texts(home)
        assert set(buttons(home)) == {"Delegate a task", "Accept", "Decline"}

        await world.click(BEN, home, "Accept", home_view=home)
        again = (await fake.nth("views.publish", 2, user_id=BEN))[1].payload["view"]
        assert "You accepted" in texts(again)
        assert set(buttons(again)) == {"Delegate a task", "Mark done"}
        await fake.nth("chat.update", channel=fake.dm_channel(BEN))  # the DM followed too

        await world.click(BEN, again, "Delegate a task", home_view=again)
        modal = await world.opened_view()
        assert modal["callback_id"] == "lpo_new_task"
        assert (await world.submit(BEN, modal, {"text": {"value": "  "}}))[
            "response_action"] == "errors"


async def test_new_task_from_home_turns_into_the_confirmation_when_unsure(
        database_url: str) -> None:
    async with slack_world(database_url) as world:
        await world.event({"type": "app_home_opened", "user": AVA, "tab": "home"})
        home = (await world.fake.nth("views.publish", user_id=AVA))[0].payload["view"]
        await world.click(AVA, home, "Delegate a task", home_view=home)
        modal = await world.opened_view()

        answer = await world.submit(AVA, modal, {"text": {"value": "the Garcia thing"}})
        assert answer["response_action"] == "update"
        confirmation = {**answer["view"], "id": modal["id"]}  # Slack keeps the view id
        assert confirmation["callback_id"] == "lpo_confirm"
        done = await world.submit(AVA, confirmation, {
            "task_type": {"selected_option": {"value": "demand_letter"}},
            "matter": {"selected_option": {"value": "2027-0101"}}})
        assert done["response_action"] == "update"
        assert "offered to Ben Cho" in texts(done["view"])
        assert buttons(done["view"]) == {}
        await world.fake.dm(BEN)

        direct = await world.submit(AVA, {**modal, "id": "V9"}, {"text": {"value": DELEGATION}})
        assert direct["response_action"] == "update" and "offered to" in texts(direct["view"])


async def test_confirmation_errors_show_in_the_modal(database_url: str) -> None:
    async with slack_world(database_url) as world:
        await world.command(AVA, "/delegate", "the Garcia thing")
        modal = await world.opened_view()
        answer = await world.submit(AVA, modal, {
            "task_type": {"selected_option": {"value": "no_such_type"}}})
        assert answer["response_action"] == "errors"
        assert "task_type" in answer["errors"]
        answer = await world.submit(AVA, modal, {
            "task_type": {"selected_option": {"value": "demand_letter"}},
            "matter": {"selected_option": {"value": "9999-0000"}}})
        assert answer == {"response_action": "errors",
                          "errors": {"matter": "There is no matter 9999-0000."}}


async def test_server_starts_and_says_slack_is_off_without_settings(database_url: str) -> None:
    app = build_app(settings_for(database_url))
    async with TestClient(TestServer(app)) as http:
        assert (await http.get("/healthz")).status == 200
        response = await http.post("/slack/events", data=b"command=%2Fdelegate")
        assert response.status == 503
        assert "Slack is off" in (await response.json())["error"]
        assert "SLACK_SIGNING_SECRET" in json.dumps(await response.json())


async def test_polite_answers_for_empty_long_and_unplaceable_delegations(
        database_url: str) -> None:
    async with slack_world(database_url) as world:
        empty = await world.command(AVA, "/delegate", "   ")
        assert "Tell me what to delegate" in empty["text"]
        long = await world.command(AVA, "/delegate", "draft " * 500)
        assert "long one" in long["text"]
        nobody = await world.command(AVA, "/delegate",
                                     "legal research memo on FDCPA venue for 2027-0101")
        assert "nobody is eligible" in nobody["text"]
        assert "Ben Cho" in texts(nobody["blocks"])  # who was closest, and why not
        async with world.database.transaction() as session:
            assert [row["state"] for row in await task_rows(session)] == ["unassigned"]


async def test_the_matter_picker_searches_only_the_persons_unscreened_matters(
        database_url: str) -> None:
    async with slack_world(database_url) as world:
        rows = "\n".join(f"2027-{1000 + i},Client{i} Garcia,Matter {i},ava.stone@firm.test,NY,"
                         for i in range(120))
        async with world.database.transaction() as session:
            await import_matters(session, (MATTER_HEADER + rows + "\n").encode())
        await world.command(CARA, "/delegate", "the Garcia thing")
        modal = await world.opened_view()
        matter = next(b for b in modal["blocks"] if b.get("block_id") == "matter")
        assert matter["element"]["type"] == "external_select"  # never a list of every matter
        assert "options" not in matter["element"]

        async def search(user: str, typed: str) -> list[str]:
            found = await world.interact({
                "type": "block_suggestion", "user": {"id": user}, "team": {"id": "T0001"},
                "api_app_id": "A0LPO", "action_id": "matter", "block_id": "matter",
                "value": typed, "view": modal})
            return [option["value"] for option in found["options"]]

        assert await search(CARA, "client104") == ["2027-1104"]  # by client name
        assert await search(CARA, "1104") == ["2027-1104"]  # by number
        assert await search(CARA, "marisol") == ["2027-0101"]
        # Cara is screened from Whitley's matter: not by name, not by number, not in a list.
        assert await search(CARA, "whitley") == [] and await search(CARA, "2027-0103") == []
        assert "2027-0103" not in await search(CARA, "")
        assert len(await search(CARA, "")) == 100  # the first hundred; typing narrows them
        assert await search(AVA, "whitley") == ["2027-0103"]


async def test_a_crash_gets_a_polite_answer_not_a_500(database_url: str,
                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    async with slack_world(database_url) as world:
        async def broken(*_args: object, **_kwargs: object) -> None:
            raise RuntimeError("boom")

        monkeypatch.setattr(world.bot.delegation, "delegate", broken)
        answer = await world.command(AVA, "/delegate", DELEGATION)
        assert "Something went wrong on our side" in answer["text"]
        modal = {"id": "V1", "type": "modal", "callback_id": "lpo_new_task",
                 "private_metadata": "", "blocks": []}
        answer = await world.submit(AVA, modal, {"text": {"value": DELEGATION}})
        assert answer["response_action"] == "update"
        assert "Something went wrong" in texts(answer["view"])


async def test_a_manager_reassigns_from_the_queue_with_a_select(database_url: str) -> None:
    async with slack_world(database_url, LPO_MAX_OFFERS=1) as world:
        await world.command(AVA, "/delegate", DELEGATION)
        declined = await world.command(BEN, "/lpo", "decline 1 no capacity")
        assert "Declined task #1" in declined["text"]
        listing = await world.command(AVA, "/tasks")
        assert "Needs an owner (your team)" in texts(listing["blocks"])
        assert "(max_offers), round 1" in texts(listing["blocks"])
        [select] = [block["accessory"] for block in listing["blocks"]
                    if block.get("accessory", {}).get("type") == "static_select"]
        values = [option["value"] for option in select["options"]]
        # A new round lifts Ben's "no capacity": he is the cheapest eligible again.
        assert values == ["1:cheapest", "1:ben.cho@firm.test", "1:cara.diaz@firm.test"]
        assert "Ben Cho · $82.50 · 0/40 h · cheapest eligible" in texts(select)

        url = world.fake.response_url("queue")
        await world.interact({
            "type": "block_actions", "team": {"id": "T0001", "domain": "test-firm"},
            "user": {"id": AVA, "username": "ava", "team_id": "T0001"},
            "api_app_id": "A0LPO", "token": "legacy", "trigger_id": "t-queue",
            "container": {"type": "message", "message_ts": "0", "channel_id": "C0GENERAL",
                          "is_ephemeral": True},
            "response_url": url, "channel": {"id": "C0GENERAL"},
            "actions": [{"type": "static_select", "action_id": select["action_id"],
                         "block_id": "b1", "selected_option": select["options"][2],
                         "action_ts": "1.000001"}]})
        refreshed = (await world.fake.nth("response_url", name="queue"))[0].payload
        assert "Task #1 offered to Cara Diaz (paralegal, $70/h), round 2." in texts(
            refreshed["blocks"])
        async with world.database.transaction() as session:
            [row] = await task_rows(session)
        assert (row["state"], row["assignee"]) == ("offered", "cara.diaz@firm.test")


async def test_lpo_dashboard_is_a_private_link_for_managers(database_url: str) -> None:
    async with slack_world(database_url) as world:
        refused = await world.command(BEN, "/lpo", "dashboard")
        assert "dashboard is for managers" in refused["text"]
        link = await world.command(AVA, "/lpo", "dashboard")
        assert link["response_type"] == "ephemeral"
        assert "http://127.0.0.1:3000/dashboard/login?token=" in texts(link)
