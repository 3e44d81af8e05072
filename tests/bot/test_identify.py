"""UnitOfWork.identify: a chat id found by its roster e-mail is stored on a row that has none."""

from __future__ import annotations

from bot.app.bootstrap import Bot
from bot.replies import Actor
from storage import staff as staff_store
from storage.versions import get_versions
from tests.support import sample_bot

OZZIE = "ozzie.brennan@sample-firm.test"  # on the sample roster with no chat ids
MIRIAM = "miriam.castellanos@sample-firm.test"
MIRIAM_TEAMS = "3f6c2a10-5a3e-4c1d-9b00-000000000001"
NEW_TEAMS = "7d2a1c90-0002-4b6e-9d3a-000000000001"


async def _teams_id(bot: Bot, email: str) -> str | None:
    async with bot.database.transaction() as session:
        staff = await staff_store.get_staff_by_email(session, email=email)
        assert staff is not None
        return staff.teams_user_id


async def _firm_version(bot: Bot) -> int:
    async with bot.database.transaction() as session:
        return (await get_versions(session)).firm


async def test_a_teams_id_found_by_email_is_linked(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        before = await _firm_version(bot)
        person = await bot.application.queries.whoami(Actor(teams_user_id=NEW_TEAMS,
                                                 email="Ozzie.Brennan@Sample-Firm.test"))
        assert person is not None and person.email == OZZIE
        assert await _teams_id(bot, OZZIE) == NEW_TEAMS
        assert await _firm_version(bot) > before
        again = await bot.application.queries.whoami(Actor(teams_user_id=NEW_TEAMS))  # the id alone now
        assert again is not None and again.email == OZZIE


async def test_a_linked_teams_id_is_neither_replaced_nor_impersonated(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        assert await bot.application.queries.whoami(
            Actor(teams_user_id=NEW_TEAMS, email=MIRIAM)) is None
        assert await _teams_id(bot, MIRIAM) == MIRIAM_TEAMS
        assert await bot.application.queries.whoami(Actor(teams_user_id=NEW_TEAMS)) is None


async def test_an_unknown_email_links_nothing(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        before = await _firm_version(bot)
        assert await bot.application.queries.whoami(Actor(teams_user_id=NEW_TEAMS,
                                               email="eve@elsewhere.test")) is None
        assert await _firm_version(bot) == before
        assert await bot.application.queries.whoami(Actor(teams_user_id=NEW_TEAMS)) is None
