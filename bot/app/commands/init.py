"""`lpo-bot init [--sample]`: migrate the schema to head, optionally load the sample firm."""

from __future__ import annotations

import argparse
import asyncio

from alembic.util.exc import CommandError
from sqlalchemy.exc import DBAPIError

from bot.app.commands import database_trouble, fail
from bot.sample import SampleRefused, load_sample_firm
from bot.settings import Settings, shown_url
from storage.db import Database, upgrade


async def _load_sample(settings: Settings) -> str:
    database = Database(settings.database_url)
    try:
        return await load_sample_firm(database, settings=settings)
    finally:
        await database.dispose()


def _upgrade(settings: Settings) -> str | None:
    """Bring the schema to head; None when done, else one line saying why it could not be."""
    shown = shown_url(settings.database_url)
    try:
        upgrade(settings.database_url)
    except DBAPIError as error:  # not a SQLite file, PostgreSQL down, no permission, ...
        return f"cannot open the database {shown}: {database_trouble(error)}"
    except CommandError as error:  # a schema newer than this lpo-bot knows
        return f"cannot upgrade the database {shown}: {error}"
    except OSError as error:  # the SQLite file's folder cannot be created
        return f"cannot create the database {shown}: {error.strerror or error}"
    return None


def run(args: argparse.Namespace, settings: Settings) -> int:
    problem = _upgrade(settings)
    if problem:
        return fail(problem)
    print("Database schema is up to date.")
    if args.sample:
        try:
            print(asyncio.run(_load_sample(settings)))
        except SampleRefused as refused:
            return fail(str(refused))
    return 0
