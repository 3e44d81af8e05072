"""`lpo-bot dashboard revoke --all`: end every dashboard session and unused sign-in link."""

from __future__ import annotations

import argparse
from functools import partial

from bot.app.bootstrap import bootstrap
from bot.app.commands import fail
from bot.app.commands._shared import run_on_database
from bot.settings import Settings
from storage.db import Database


async def _revoke(settings: Settings, database: Database) -> int:
    sessions, links = await bootstrap(settings, database=database).application.dashboard.revoke_all()
    print(f"Ended {sessions} dashboard sessions and cancelled {links} unused sign-in links.")
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not args.all:
        return fail("say which sessions: `lpo-bot dashboard revoke --all` ends every one")
    return run_on_database(settings, partial(_revoke, settings))
