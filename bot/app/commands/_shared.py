"""Helpers for commands that use the database: readiness checks, CSV imports, aligned tables."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app.commands import fail
from bot.imports import ImportRefused, ImportSummary, read_import_file
from bot.settings import Settings
from storage.db import Database, alembic_config, is_sqlite

Importer = Callable[..., Awaitable[ImportSummary]]
INIT_FIRST = "run `lpo-bot init` first"


class DatabaseNotReady(Exception):
    """The database cannot be used yet; the message says what to do, in one line."""


def _revision(connection: Connection) -> str | None:
    """The migration the database is at; None when it has no schema yet."""
    tables = inspect(connection)
    if not (tables.has_table("staff") and tables.has_table("alembic_version")):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


async def open_ready_database(settings: Settings) -> Database:
    """A Database whose schema is at the latest migration, or DatabaseNotReady."""
    url = settings.database_url
    shown = make_url(url).render_as_string(hide_password=True)
    # One stat before the command's first connection: not worth a thread.
    if is_sqlite(url) and not Path(make_url(url).database or "").exists():  # noqa: ASYNC240
        # Connecting would create an empty file; say what to do instead.
        raise DatabaseNotReady(f"there is no database at {shown}: {INIT_FIRST}")
    database = Database(url)
    try:
        async with database.reading() as connection:
            current = await connection.run_sync(_revision)
    except DBAPIError as error:
        await database.dispose()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
        raise DatabaseNotReady(f"cannot open the database {shown}: {reason}") from None
    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    if current != head:
        await database.dispose()
        problem = "has no tables yet" if current is None else "has an older schema"
        raise DatabaseNotReady(f"the database {shown} {problem}: {INIT_FIRST}")
    return database


def run_on_database(settings: Settings, work: Callable[[Database], Awaitable[int]]) -> int:
    """Run `work` on a ready database in a fresh event loop; a friendly exit 2 when not ready."""

    async def main() -> int:
        database = await open_ready_database(settings)
        try:
            return await work(database)
        finally:
            await database.dispose()

    try:
        return asyncio.run(main())
    except DatabaseNotReady as problem:
        return fail(str(problem))


def _read(path: str) -> bytes | str:
    """The file's bytes (within the import limits), or a one-line reason they cannot be had."""
    try:
        return read_import_file(path)
    except ImportRefused as refused:
        return str(refused)
    except FileNotFoundError:
        return f"no such file: {path}"
    except IsADirectoryError:
        return f"{path} is a folder, not a CSV file"
    except OSError as error:
        return f"cannot read {path}: {error.strerror or error}"


def run_import(path: str, settings: Settings, importer: Importer) -> int:
    """`lpo-bot roster|matters import FILE`: all of the file in one transaction, or nothing."""
    data = _read(path)
    if isinstance(data, str):
        return fail(data)

    async def work(database: Database) -> int:
        try:
            async with database.transaction() as session:
                summary = await importer(session, data, source=Path(path).name)
        except ImportRefused as refused:
            return fail(str(refused))
        print(summary)
        return 0

    return run_on_database(settings, work)


def run_listing(settings: Settings, listing: Callable[[AsyncSession], Awaitable[str]]) -> int:
    """Print what `listing` renders from one read-only transaction."""

    async def work(database: Database) -> int:
        async with database.transaction() as session:
            sys.stdout.write(await listing(session))
        return 0

    return run_on_database(settings, work)


def aligned(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain text table: columns padded to their widest cell, two spaces apart."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    return "".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
                   .rstrip() + "\n" for line in (headers, *rows))
