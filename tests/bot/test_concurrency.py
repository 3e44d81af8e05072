"""Races: one winner per offer, and no one pushed over capacity by simultaneous matches."""

from __future__ import annotations

import asyncio

from bot.app.bootstrap import bootstrap
from bot.clock import ManualClock
from bot.imports import import_matters, import_roster
from bot.queries import task_rows
from bot.replies import Actor
from tests.support import TUESDAY_MORNING, sample_bot, settings_for

ROSTER = b"""email,name,role,hourly_rate,skills,weekly_capacity_hours,timezone,working_hours,slack_user_id,teams_user_id,manager_email,bar_admissions,is_manager
boss@race.test,Bea Boss,partner,500,drafting:5;negotiation:5,40,America/New_York,,UBOSS,,,NY,true
cheap@race.test,Cal Cheap,paralegal,50,drafting:3,2,America/New_York,,UCHEAP,,boss@race.test,,false
dear@race.test,Dee Dear,paralegal,80,drafting:3,40,America/New_York,,UDEAR,,boss@race.test,,false
"""
MATTERS = b"""matter_number,client_name,title,responsible_attorney_email,jurisdiction,screened_emails
2030-0001,Quinn Zephyr,Zephyr v. Acme Collections,boss@race.test,NY,
"""


async def test_double_accept_has_exactly_one_winner(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        reply = await bot.application.delegation.delegate(Actor(email="theo.varga@sample-firm.test"),
                                            "draft demand letter for 2027-0302 by Friday")
        assert reply.ok
        other = bootstrap(bot.settings, notifiers=[], clock=clock)
        who = Actor(email="dmitri.albescu@sample-firm.test")
        replies = await asyncio.gather(*(one.application.respond.accept(who, 1)
                                         for one in (bot, other, bot)))
        assert sorted(r.status for r in replies) == ["already_handled", "already_handled", "ok"]
        await other.close()


async def test_simultaneous_matches_respect_capacity(database_url: str) -> None:
    settings = settings_for(database_url)
    clock = ManualClock(TUESDAY_MORNING)
    first = bootstrap(settings, notifiers=[], clock=clock)
    second = bootstrap(settings, notifiers=[], clock=clock)
    async with first.database.transaction() as session:
        await import_roster(session, ROSTER)
        await import_matters(session, MATTERS)
    boss = Actor(email="boss@race.test")
    replies = await asyncio.gather(
        first.application.delegation.delegate(boss, "demand letter for Zephyr by Friday"),
        second.application.delegation.delegate(boss, "demand letter for 2030-0001 by Friday"))
    assert all(r.ok for r in replies), [r.message for r in replies]
    async with first.database.transaction() as session:
        holders = sorted(row["assignee"] for row in await task_rows(session))
    # demand letters take 1.5 h: Cal's 2 h week fits only one of them.
    assert holders == ["cheap@race.test", "dear@race.test"]
    await first.close()
    await second.close()
