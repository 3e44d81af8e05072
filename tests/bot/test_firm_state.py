"""The cached workload (open hours, last offers, unreachable people) is never stale: SQLite
counts every change matching reads, and PostgreSQL reads it live."""

from __future__ import annotations

from sqlalchemy import text

from adapters.console.notifier import ConsoleNotifier
from bot.app.bootstrap import Bot, bootstrap
from bot.firm_state import TIE_BREAK_MEMORY, Workload, load_workload
from bot.replies import Actor
from storage.db import Database
from storage.versions import Versions, get_versions
from tests.support import sample_bot, settings_for

PARTNER = "miriam.castellanos@sample-firm.test"
ASSOCIATE = "theo.varga@sample-firm.test"
DEMAND_LETTER = "draft demand letter for 2027-0302 by Friday"


async def _versions(database: Database) -> Versions:
    async with database.transaction() as session:
        return await get_versions(session)


async def _cached_and_fresh(bot: Bot) -> tuple[Workload, Workload]:
    """What a delegation would use now, beside the same numbers read from the tables."""
    async with bot.application.units.begin() as uow:
        snap = await uow.snapshot()
        cached = await uow.workload(snap)
        fresh = await load_workload(uow.session, snap.firm, versions=cached.versions,
                                    offered_since=uow.now - TIE_BREAK_MEMORY,
                                    slack_enabled=bot.settings.slack_enabled)
    return cached, fresh


async def test_the_work_version_moves_with_what_matching_reads(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        before = await _versions(bot.database)
        reply = await bot.application.delegation.delegate(Actor(email=ASSOCIATE), DEMAND_LETTER)
        assert reply.status == "ok", reply
        after = await _versions(bot.database)
        if bot.database.dialect == "postgresql":
            assert before.work is None and after.work is None  # read live, never cached
            return
        assert after.work == before.work + 2  # the task and its offer
        async with bot.database.transaction() as session:
            await session.execute(text("UPDATE tasks SET title = 'renamed'"))
        assert await _versions(bot.database) == after  # matching never reads titles
        async with bot.database.transaction() as session:
            await session.execute(text("UPDATE tasks SET state = 'cancelled'"))
        assert (await _versions(bot.database)).work == after.work + 1


async def test_the_cached_workload_follows_each_delegation(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        for who in (ASSOCIATE, PARTNER, ASSOCIATE):
            assert (await bot.application.delegation.delegate(Actor(email=who), DEMAND_LETTER)).status == "ok"
            cached, fresh = await _cached_and_fresh(bot)
            assert (cached.loads, cached.last_offered, cached.unreachable) == (
                fresh.loads, fresh.last_offered, fresh.unreachable)


async def test_another_instance_s_change_reloads_the_cache(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, out):
        reply = await bot.application.delegation.delegate(Actor(email=ASSOCIATE), DEMAND_LETTER)
        cached, _fresh = await _cached_and_fresh(bot)
        offeree = next(email for email, hours in cached.loads.items() if hours > 0)
        # A second server on the same database cancels the task: the hours are free again.
        other = bootstrap(settings_for(database_url), notifiers=[ConsoleNotifier(out)],
                          clock=bot.application.clock)
        try:
            cancelled = await other.application.manage.cancel(Actor(email=ASSOCIATE), reply.task_id or 0)
            assert cancelled.status == "ok", cancelled
        finally:
            await other.close()
        cached, fresh = await _cached_and_fresh(bot)
        assert cached.loads == fresh.loads
        assert cached.loads.get(offeree, 0.0) == 0.0
