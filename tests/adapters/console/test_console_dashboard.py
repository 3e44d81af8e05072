"""`dashboard` in the console: a one-time sign-in link for managers, a refusal for others."""

from __future__ import annotations

from tests.support import console, play, sample_bot

MIRIAM = "miriam.castellanos@sample-firm.test"  # partner, manager
THEO = "theo.varga@sample-firm.test"  # associate, not a manager


async def test_managers_get_a_link_and_others_are_refused(database_url: str) -> None:
    async with sample_bot(database_url, LPO_PUBLIC_URL="https://lpo.example.com") as (
            bot, _clock, out):
        said = await play(console(bot, MIRIAM, out), "/lpo dashboard")
        assert "https://lpo.example.com/dashboard/login?token=" in said
        assert "works once" in said
        said = await play(console(bot, THEO, out), "dashboard")
        assert "The dashboard is for managers." in said and "token=" not in said
