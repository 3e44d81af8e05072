"""The console: `done N HOURS`, the hour buttons typed, and `/lpo rebalance [apply]`."""

from __future__ import annotations

from storage import tasks as task_store
from tests.support import console, play, sample_bot

THEO = "theo.varga@sample-firm.test"
MIRIAM = "miriam.castellanos@sample-firm.test"  # manages Theo
IMANI = "imani.sutherland@sample-firm.test"  # $60/h
DMITRI = "dmitri.albescu@sample-firm.test"  # $48/h
LETTER = "/delegate draft demand letter for 2027-0302 by Friday"


async def test_done_with_hours_and_the_typed_hour_button(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, out):
        theo, dmitri = console(bot, THEO, out), console(bot, DMITRI, out)
        await play(theo, LETTER, LETTER)
        await play(dmitri, "accept 1", "accept 2")
        assert "Took 1.5 h: noted." in await play(dmitri, "done 1 1.5")
        said = await play(dmitri, "done 2")
        assert "[0.5 h: hours 2:0.5]" in said and "[Other\u2026: hours 2 <hours>]" in said
        assert "Noted: task #2 took 0.5 h." in await play(dmitri, "hours 2:0.5")
        assert "isn't a number of hours" in await play(dmitri, "hours 2 soon")
        async with bot.database.transaction() as session:
            tasks = [await task_store.get_task(session, task_id=n) for n in (1, 2)]
        assert [task.actual_hours if task else None for task in tasks] == [1.5, 0.5]


async def test_rebalance_plan_then_apply(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, out):
        theo, miriam = console(bot, THEO, out), console(bot, MIRIAM, out)
        dmitri = console(bot, DMITRI, out)
        assert "Rebalancing is for managers." in await play(theo, "/lpo rebalance")
        await play(dmitri, "/lpo away")
        await play(theo, LETTER)  # to Imani: Dmitri is away
        await play(dmitri, "/lpo back")
        said = await play(miriam, "/lpo rebalance")
        assert ("#1 Demand letter \u00b7 2027-0302: Imani Sutherland $90 \u2192 "
                "Dmitri Albescu $72 (saves $18)") in said
        token = said.split("/lpo rebalance apply ")[1].split()[0]
        said = await play(miriam, f"/lpo rebalance apply {token}")
        assert "Rebalanced: 1 move(s), saving $18" in said
        assert "-> updated DM to Imani Sutherland" in said
        assert "-> DM to Dmitri Albescu: New task #1 from Theo Varga" in said
        assert "Already handled" in await play(miriam, f"/lpo rebalance apply {token}")
        assert "Nothing to rebalance" in await play(miriam, "/lpo rebalance apply")
