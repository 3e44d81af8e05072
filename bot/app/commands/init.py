"""`lpo-bot init [--sample]`: migrate the schema to head, optionally load the sample firm."""

from __future__ import annotations

import argparse
import asyncio

from bot.app.commands import fail
from bot.sample import SampleRefused, load_sample_firm
from bot.settings import Settings
from storage.db import Database, upgrade


async def _load_sample(settings: Settings) -> str:
    database = Database(settings.database_url)
    try:
        return await load_sample_firm(database, settings=settings)
    finally:
        await database.dispose()


def run(args: argparse.Namespace, settings: Settings) -> int:
    upgrade(settings.database_url)
    print("Database schema is up to date.")
    if args.sample:
        try:
            print(asyncio.run(_load_sample(settings)))
        except SampleRefused as refused:
            return fail(str(refused))
    return 0
