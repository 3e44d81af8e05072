"""Identity: an e-mail match never takes over a roster row another chat account already holds."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.queries import task_rows
from bot.replies import Actor
from storage import staff as staff_store
from storage.db import Database
from tests.adapters.slack.slack_world import AVA, DELEGATION, ELI, slack_world
from tests.support import sample_bot

THEO = "theo.varga@sample-firm.test"  # sample roster: Slack U0SAMPLE02, a Teams id too
THEO_SLACK = "U0SAMPLE02"
OZZIE = "ozzie.brennan@sample-firm.test"  # sample roster: no chat ids
AVA_EMAIL = "ava.stone@firm.test"
MALLORY = "U0MALLORY"


def _warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records
            if record.name == "bot.unit_of_work" and record.levelno == logging.WARNING]


async def test_a_second_slack_account_with_theos_email_is_not_theo(
        database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="bot.unit_of_work")
    async with sample_bot(database_url) as (bot, _clock, _out):
        impostor = Actor(slack_user_id=MALLORY, email=THEO)
        assert await bot.application.queries.whoami(impostor) is None
        assert await bot.application.queries.whoami(Actor(slack_user_id=MALLORY)) is None
        async with bot.database.transaction() as session:
            theo = await staff_store.get_staff_by_email(session, email=THEO)
            assert theo is not None and theo.slack_user_id == THEO_SLACK
        (warning,) = _warnings(caplog)
        assert warning.getMessage() == (f"e-mail match refused: staff {theo.id} is linked to "
                                        "another slack account")
        assert "@" not in caplog.text  # no e-mail address in the log


async def test_an_unlinked_row_is_still_linked_by_its_email(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        person = await bot.application.queries.whoami(Actor(slack_user_id="U0OZZIE", email=OZZIE))
        assert person is not None and person.email == OZZIE
        again = await bot.application.queries.whoami(Actor(slack_user_id="U0OZZIE"))
        assert again is not None and again.email == OZZIE


async def test_two_accounts_racing_for_one_unlinked_row_leave_one_owner(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        found = await asyncio.gather(*(bot.application.queries.whoami(Actor(slack_user_id=account,
                                                                 email=OZZIE))
                                       for account in ("U0FIRST", "U0SECOND")))
        assert sorted(person is not None for person in found) == [False, True]
        async with bot.database.transaction() as session:
            ozzie = await staff_store.get_staff_by_email(session, email=OZZIE)
        assert ozzie is not None
        winner = "U0FIRST" if found[0] is not None else "U0SECOND"
        assert ozzie.slack_user_id == winner


# PostgreSQL only: SQLite admits one writing transaction at a time, so there is no interleaving.
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_the_link_is_a_compare_and_set(db: Database) -> None:
    """Both sessions read the row unlinked; the second claim must see the first's commit."""
    async with db.transaction() as session:
        staff, _ = await staff_store.upsert_staff(session, email="theo@firm.test", values={
            "name": "Theo", "role": "associate", "hourly_rate": 300})
    staff_id = staff.id or 0
    second_read, first_claimed = asyncio.Event(), asyncio.Event()

    async def first() -> tuple[str, ...]:
        async with db.transaction() as session:
            row = await staff_store.get_staff(session, staff_id=staff_id)
            assert row is not None
            await second_read.wait()
            taken = await staff_store.claim_chat_ids(session, staff=row, slack_user_id="U0FIRST")
            first_claimed.set()
            return taken  # commits now, while the second claim waits or is about to run

    async def second() -> tuple[str, ...]:
        async with db.transaction() as session:
            row = await staff_store.get_staff(session, staff_id=staff_id)
            assert row is not None and row.slack_user_id is None  # read before the first link
            second_read.set()
            await first_claimed.wait()
            return await staff_store.claim_chat_ids(session, staff=row, slack_user_id="U0SECOND")

    results = await asyncio.wait_for(asyncio.gather(first(), second()), 10)
    assert results == [(), ("slack",)]
    async with db.transaction() as session:
        row = await staff_store.get_staff(session, staff_id=staff_id)
        assert row is not None and row.slack_user_id == "U0FIRST"


async def test_through_slack_a_second_account_cannot_list_or_cancel_the_owners_tasks(
        database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="bot.unit_of_work")
    async with slack_world(database_url) as world:
        answer = await world.command(AVA, "/delegate", DELEGATION)
        assert "offered to" in answer["text"]
        world.fake.emails[MALLORY] = AVA_EMAIL  # a profile showing Ava's address

        listing = await world.command(MALLORY, "/tasks")
        assert "not on the lpo-bot roster" in listing["text"]
        assert "Marisol Garcia" not in str(listing)  # the client of 2027-0101
        cancelled = await world.command(MALLORY, "/lpo", "cancel 1 not needed")
        assert "not on the lpo-bot roster" in cancelled["text"]

        async with world.database.transaction() as session:
            (task,) = await task_rows(session)
            ava = await staff_store.get_staff_by_email(session, email=AVA_EMAIL)
        assert task["state"] == "offered"
        assert ava is not None and ava.slack_user_id == AVA
        assert "Your tasks" in (await world.command(AVA, "/tasks"))["text"]
        assert _warnings(caplog) and all(AVA_EMAIL not in record.getMessage()
                                         for record in _warnings(caplog))
        # Someone whose row is unlinked is still found by e-mail on the same path.
        assert "Your tasks" in (await world.command(ELI, "/tasks"))["text"]
