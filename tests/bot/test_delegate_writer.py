"""The delegator is the writer the parser is told of: a request they sign is not asked about,
and a request closing with a colleague's name goes to that colleague."""

from __future__ import annotations

from bot.queries import task_rows
from bot.replies import Actor
from tests.support import sample_bot

THEO = Actor(email="theo.varga@sample-firm.test")
NOOR = Actor(email="noor.haddad@sample-firm.test")


async def test_the_delegators_own_name_closing_the_request_is_their_signature(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        signed = await bot.application.delegation.delegate(
            THEO, "draft demand letter for 2027-0302 by Friday. Theo")
        assert signed.ok, signed.message  # not asked "is that the one to do it?"
        async with bot.database.transaction() as session:
            (row,) = await task_rows(session)
        assert row["state"] == "offered"


async def test_a_colleagues_name_closing_the_request_is_the_one_asked(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        delegation = bot.application.delegation
        asked = await delegation.delegate(NOOR, "draft demand letter for 2027-0302 by Friday. Theo")
        assert asked.ok, asked.message
        assert "Theo Varga" in asked.message.title
