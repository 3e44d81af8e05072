"""Teams users found by the e-mail the connector reports, through POST /api/messages."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import Activity
from botbuilder.schema.teams import TeamsChannelAccount
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from sqlalchemy import select

from adapters.teams.identity import NO_EMAIL, TeamsIdentity, member_email
from storage.tables import Staff, Task
from tests.adapters.teams.harness import (
    BEN,
    EVE,
    FAY,
    TENANT,
    Teams,
    dm,
    member_id,
    teams_bot,
)

DELEGATION = "delegate draft demand letter for 2027-0103 by Friday"
ROSTER_MESSAGE = "not on the lpo-bot roster"


def _in(conversation: str, text: str):  # type: ignore[no-untyped-def]
    return lambda call: (call.conversation_id == conversation and text in call.text
                         and call.method == "POST")


def _answer_to(user: str):  # type: ignore[no-untyped-def]
    return lambda call: call.conversation_id == dm(user) and call.method == "POST" and call.cards


async def _teams_id_of(teams: Teams, email: str) -> str | None:
    async with teams.database.transaction() as session:
        query = select(Staff.teams_user_id).where(Staff.email == email)
        return (await session.execute(query)).scalar_one()


async def _tasks_by(teams: Teams, email: str) -> list[Task]:
    async with teams.database.transaction() as session:
        query = select(Task).join(Staff, Staff.id == Task.delegator_id).where(Staff.email == email)
        return list((await session.execute(query)).scalars())


async def test_a_roster_email_links_the_teams_user_once(database_url: str) -> None:
    async with teams_bot(database_url, with_fay=True) as teams:
        await teams.install(BEN)
        teams.in_directory(FAY, email="Fay.Lane@firm.test", upn="fay@firmtenant.onmicrosoft.com")
        mark = await teams.say(FAY, DELEGATION)
        await teams.connector.wait_for(_in(dm(FAY), "offered to Ben Ortiz"), after=mark)
        await teams.connector.wait_for(_in(dm(BEN), "New task #1 from Fay Lane"), after=mark)
        assert await _teams_id_of(teams, "fay.lane@firm.test") == FAY
        assert len(await _tasks_by(teams, "fay.lane@firm.test")) == 1

        mark = await teams.say(FAY, "tasks")
        listing = await teams.connector.wait_for(_answer_to(FAY), after=mark)
        assert ROSTER_MESSAGE not in listing.text and "#1" in listing.text
        assert len(teams.connector.member_lookups()) == 1  # the object id is on the roster now


async def test_an_unknown_email_gets_the_roster_message_once_looked_up(
        database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        teams.in_directory(EVE, email="eve@elsewhere.test")
        for text in ("tasks", DELEGATION):
            mark = await teams.say(EVE, text)
            await teams.connector.wait_for(_in(dm(EVE), ROSTER_MESSAGE), after=mark)
        assert len(teams.connector.member_lookups(member_id(EVE))) == 1  # the answer is cached
        async with teams.database.transaction() as session:
            assert (await session.execute(select(Task))).first() is None


async def test_a_member_the_connector_does_not_know_is_a_short_miss(database_url: str) -> None:
    async with teams_bot(database_url) as teams:  # Eve is not in the directory: 404
        for _ in range(2):
            mark = await teams.say(EVE, "tasks")
            await teams.connector.wait_for(_in(dm(EVE), ROSTER_MESSAGE), after=mark)
        lookups = teams.connector.member_lookups(member_id(EVE))
        assert [call.status for call in lookups] == [404]


async def test_a_refusal_answers_with_the_roster_message_and_is_remembered(
        database_url: str) -> None:
    async with teams_bot(database_url, with_fay=True) as teams:
        teams.connector.member_errors[member_id(FAY)] = 403
        for _ in range(2):
            mark = await teams.say(FAY, "tasks")  # `say` checks the endpoint answered 200
            await teams.connector.wait_for(_in(dm(FAY), ROSTER_MESSAGE), after=mark)
        assert [c.status for c in teams.connector.member_lookups()] == [403]
        assert await _teams_id_of(teams, "fay.lane@firm.test") is None


async def test_after_an_outage_the_next_message_links_the_user(database_url: str) -> None:
    async with teams_bot(database_url, with_fay=True) as teams:
        teams.connector.member_errors[member_id(FAY)] = 503
        mark = await teams.say(FAY, DELEGATION)  # `say` checks the endpoint answered 200
        await teams.connector.wait_for(_in(dm(FAY), ROSTER_MESSAGE), after=mark)
        assert await _tasks_by(teams, "fay.lane@firm.test") == []

        del teams.connector.member_errors[member_id(FAY)]
        teams.in_directory(FAY, upn="fay.lane@firm.test")  # no mail: the UPN is an address
        mark = await teams.say(FAY, DELEGATION)  # the outage was not remembered: asked again
        await teams.connector.wait_for(_in(dm(FAY), "offered to Ben Ortiz"), after=mark)
        assert await _teams_id_of(teams, "fay.lane@firm.test") == FAY
        statuses = [c.status for c in teams.connector.member_lookups()]
        assert set(statuses[:-1]) == {503} and statuses[-1] == 200  # msrest retries a 5xx


async def test_a_card_action_invoke_is_identified_by_email_too(database_url: str) -> None:
    async with teams_bot(database_url, with_fay=True) as teams:
        teams.in_directory(FAY, email="fay.lane@firm.test")
        confirm = {"action": "confirm", "request": "confirm-1",
                   "value": "draft demand letter for 2027-0103 by Friday"}
        invoke = teams.activity(FAY, kind="invoke", name="adaptiveCard/action", value={
            "action": {"type": "Action.Execute", "verb": "confirm", "data": confirm},
            "trigger": "manual"})
        response = await teams.post(invoke)
        assert response.status == 200
        body = await response.json()
        assert "offered to Ben Ortiz" in str(body["value"])
        assert await _teams_id_of(teams, "fay.lane@firm.test") == FAY
        assert len(teams.connector.member_lookups()) == 1


async def test_emulator_users_are_not_looked_up(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        emulator = teams.activity(EVE, text="tasks", channelId="emulator",
                                  conversation={"id": "emulator-chat"}, channelData={})
        emulator["from"] = {"id": "emulator-user-1", "name": "Someone"}
        mark = len(teams.connector.calls)
        response = await teams.post(emulator)
        assert response.status == 200
        await teams.connector.wait_for(_in("emulator-chat", ROSTER_MESSAGE), after=mark)
        assert teams.connector.member_lookups() == []


def test_member_email_prefers_mail_then_an_address_like_upn() -> None:
    def member(email: str | None, upn: str | None) -> TeamsChannelAccount:
        return TeamsChannelAccount(id="29:x", email=email, user_principal_name=upn)

    assert member_email(member(" Fay.Lane@Firm.test ", "fay@t.onmicrosoft.com")) == \
        "fay.lane@firm.test"
    assert member_email(member(None, "Fay.Lane@firm.test")) == "fay.lane@firm.test"
    assert member_email(member("", "fay_other.test#EXT#@firm.onmicrosoft.com")) == NO_EMAIL
    assert member_email(member(None, "not an address")) == NO_EMAIL


# --- a connector that does not answer: the lookup gives up at its deadline -------------------


class StallingMembers:
    """Holds every member lookup until released, to play a connector that hangs."""

    def __init__(self) -> None:
        self.release = asyncio.Event()

    async def handle(self, _request: web.Request) -> web.Response:
        await self.release.wait()
        return web.json_response({"id": member_id(FAY), "email": "fay.lane@firm.test"})


@pytest.fixture
async def stalling() -> AsyncIterator[tuple[StallingMembers, str]]:
    members = StallingMembers()
    app = web.Application()
    app.router.add_get("/v3/conversations/{conversation}/members/{member}", members.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield members, f"http://127.0.0.1:{runner.addresses[0][1]}/"
    finally:
        members.release.set()  # let the connector's worker thread finish its request
        await runner.cleanup()


def _turn(service_url: str) -> TurnContext:
    """A Teams turn from Fay whose connector client calls `service_url`."""
    activity = Activity().deserialize({
        "type": "message", "channelId": "msteams", "id": "in-1", "serviceUrl": service_url,
        "from": {"id": member_id(FAY), "aadObjectId": FAY},
        "conversation": {"id": dm(FAY), "conversationType": "personal", "tenantId": TENANT},
        "channelData": {"tenant": {"id": TENANT}}})
    context = TurnContext(object(), activity)
    context.turn_state[BotAdapter.BOT_CONNECTOR_CLIENT_KEY] = ConnectorClient(
        MicrosoftAppCredentials(None, None), base_url=service_url)
    return context


async def test_a_hung_connector_is_a_warning_and_not_cached(
        stalling: tuple[StallingMembers, str], caplog: pytest.LogCaptureFixture) -> None:
    members, url = stalling
    identity = TeamsIdentity(timeout=0.2)
    with caplog.at_level(logging.WARNING, logger="adapters.teams.identity"):
        assert await identity.email_of(_turn(url), FAY) is None
    assert identity.cache.get(FAY) is None
    assert "TimeoutError" in caplog.text and "Bearer" not in caplog.text
    members.release.set()
    assert await identity.email_of(_turn(url), FAY) == "fay.lane@firm.test"

