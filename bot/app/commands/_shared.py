"""Helpers for commands that use the database: readiness checks, CSV imports, aligned tables."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app.commands import DatabaseNotReady, database_trouble, fail
from bot.dry_run import FirmReading, load_context
from bot.imports import ImportRefused, ImportSummary, read_import_file
from bot.settings import Settings, shown_url
from storage.db import Database, alembic_config, is_sqlite

Importer = Callable[..., Awaitable[ImportSummary]]
INIT_FIRST = "run `lpo-bot init` first"


def _revision(connection: Connection) -> str | None:
    """The migration the database is at; None when it has no schema yet."""
    tables = inspect(connection)
    if not (tables.has_table("staff") and tables.has_table("alembic_version")):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


async def open_ready_database(settings: Settings) -> Database:
    """A Database whose schema is at the latest migration, or DatabaseNotReady. A SQLite file
    that does not exist is never created: connecting would leave an empty one behind."""
    url = settings.database_url
    shown = shown_url(url)
    # One stat before the command's first connection: not worth a thread.
    if is_sqlite(url) and not Path(make_url(url).database or "").exists():  # noqa: ASYNC240
        raise DatabaseNotReady(f"there is no database at {shown}: {INIT_FIRST}")
    database = Database(url)
    try:
        async with database.reading() as connection:
            current = await connection.run_sync(_revision)
    except DBAPIError as error:
        await database.dispose()
        raise DatabaseNotReady(f"cannot open the database {shown}: {database_trouble(error)}"
                               ) from None
    problem = _schema_problem(ScriptDirectory.from_config(alembic_config(url)), current)
    if problem:
        await database.dispose()
        raise DatabaseNotReady(f"the database {shown} {problem}")
    return database


def _schema_problem(migrations: ScriptDirectory, current: str | None) -> str | None:
    """What keeps a database at revision `current` from being used; None at the head."""
    if current == migrations.get_current_head():
        return None
    if current is None:
        return f"has no tables yet: {INIT_FIRST}"
    try:
        migrations.get_revision(current)
    except CommandError:
        return f"was made by a newer lpo-bot (schema {current}): upgrade lpo-bot"
    return f"has an older schema: {INIT_FIRST}"


@asynccontextmanager
async def ready_database(settings: Settings) -> AsyncIterator[Database]:
    """`async with ready_database(settings) as database`: open_ready_database, disposed after."""
    database = await open_ready_database(settings)
    try:
        yield database
    finally:
        await database.dispose()


def check_database(settings: Settings) -> None:
    """Raise DatabaseNotReady unless the database is at the latest migration (for commands
    that open it later, in their own event loop)."""

    async def check() -> None:
        async with ready_database(settings):
            pass

    asyncio.run(check())


def run_on_database(settings: Settings, work: Callable[[Database], Awaitable[int]]) -> int:
    """Run `work` on a ready database in a fresh event loop; a friendly exit 2 when not ready."""

    async def main() -> int:
        async with ready_database(settings) as database:
            return await work(database)

    try:
        return asyncio.run(main())
    except DatabaseNotReady as problem:
        return fail(str(problem))


def read_firm(settings: Settings) -> FirmReading:
    """The firm, open hours and medians (for the dry runs), or DatabaseNotReady."""

    async def read() -> FirmReading:
        async with ready_database(settings) as database:
            return await load_context(database, settings)

    return asyncio.run(read())


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
