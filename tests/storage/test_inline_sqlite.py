"""Our inline SQLite connection: no worker thread, sqlite3's own errors, no waiting on the loop,
and the async engine and Alembic sharing one file."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import AsyncIterator, Coroutine
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from storage import inline_sqlite
from storage.db import Database, make_async_engine, make_sync_engine, upgrade
from storage.inline_sqlite import InlineConnection

COUNT_TO_250 = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 250) "
                "SELECT x FROM n")


@pytest.fixture
def path(tmp_path: Path) -> str:
    return str(tmp_path / "lpo.db")


@pytest.fixture
async def connection(path: str) -> AsyncIterator[InlineConnection]:
    opened = await inline_sqlite.connect(path)
    yield opened
    await opened.close()


def _finished_without_suspending(step: Coroutine[Any, Any, Any]) -> Any:
    """Runs a coroutine one step: it must finish there, having never handed control back."""
    with pytest.raises(StopIteration) as finished:
        step.send(None)
    return finished.value.value


async def test_a_statement_completes_without_yielding_to_the_loop(
        connection: InlineConnection) -> None:
    cursor = connection.cursor()
    _finished_without_suspending(cursor.execute("SELECT 41 + 1"))
    assert _finished_without_suspending(cursor.fetchone()) == (42,)


async def test_statements_through_the_engine_run_on_the_loops_thread(path: str) -> None:
    upgrade(f"sqlite:///{path}")
    database = Database(f"sqlite:///{path}")
    threads = threading.active_count()
    async with database.transaction() as session:
        raw = await (await session.connection()).get_raw_connection()
        driver = raw.driver_connection
        assert isinstance(driver, InlineConnection)
        await driver.create_function("thread_id", 0, threading.get_ident)
        ran_on = (await session.execute(text("SELECT thread_id()"))).scalar()
    assert ran_on == threading.get_ident()
    assert threading.active_count() == threads
    await database.dispose()


async def test_a_locked_database_fails_at_once_instead_of_waiting(
        path: str, connection: InlineConnection) -> None:
    cursor = connection.cursor()
    await cursor.execute("PRAGMA busy_timeout")
    assert await cursor.fetchone() == (0,)  # SQLite's busy handler would sleep on the loop
    await cursor.execute("PRAGMA journal_mode=WAL")
    assert await cursor.fetchall() == [("wal",)]
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            _finished_without_suspending(cursor.execute("BEGIN IMMEDIATE"))
        await cursor.execute("SELECT 1")  # reading past the writer is still fine in WAL
    finally:
        holder.rollback()
        holder.close()
    await cursor.execute("BEGIN IMMEDIATE")
    await connection.rollback()


async def test_the_engines_connections_never_wait_in_sqlites_busy_handler(path: str) -> None:
    engine = make_async_engine(f"sqlite:///{path}")
    async with engine.connect() as connection:
        assert (await connection.execute(text("PRAGMA busy_timeout"))).scalar() == 0
        assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1
    await engine.dispose()


async def test_driver_errors_become_sqlalchemys_dbapi_errors(path: str) -> None:
    engine = make_async_engine(f"sqlite:///{path}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
        await connection.execute(text("INSERT INTO t VALUES (1)"))
    async with engine.begin() as connection:
        with pytest.raises(IntegrityError) as duplicate:
            await connection.execute(text("INSERT INTO t VALUES (1)"))
        assert isinstance(duplicate.value.orig, sqlite3.IntegrityError)
    async with engine.begin() as connection:
        with pytest.raises(OperationalError) as missing:
            await connection.execute(text("SELECT * FROM no_such_table"))
        assert isinstance(missing.value.orig, sqlite3.OperationalError)
    async with engine.connect() as connection:  # the failures left nothing half-done
        assert (await connection.execute(text("SELECT count(*) FROM t"))).scalar() == 1
    await engine.dispose()


async def test_a_closed_connection_says_so_and_closing_twice_is_harmless(
        path: str) -> None:
    connection = await inline_sqlite.connect(path)
    await connection.close()
    connection.stop()
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        connection.cursor()
    with pytest.raises(sqlite3.ProgrammingError):
        await connection.commit()
    engine = make_async_engine(f"sqlite:///{path}")
    closed: Any = sqlite3.ProgrammingError(inline_sqlite.CLOSED)  # a DBAPI error, untyped
    assert engine.dialect.is_disconnect(closed, None, None)  # the pool replaces it
    await engine.dispose()


async def test_streamed_results_arrive_in_batches(path: str) -> None:
    engine = make_async_engine(f"sqlite:///{path}")
    async with engine.connect() as connection:
        result = await connection.stream(text(COUNT_TO_250))
        first = await result.fetchmany(100)
        rest = [row.x async for row in result]
    assert [row.x for row in first] == list(range(1, 101))
    assert rest == list(range(101, 251))
    await engine.dispose()


async def test_alembic_and_the_async_engine_share_one_file(path: str) -> None:
    url = f"sqlite:///{path}"
    upgrade(url)
    database = Database(url)
    async with database.transaction() as session:
        await session.execute(text("INSERT INTO job_runs (key, at) VALUES ('x', '2026-11-26')"))
    upgrade(url)  # Alembic again, with the async engine's pooled connection still open
    sync_engine = make_sync_engine(url)
    with sync_engine.connect() as connection:
        assert connection.connection.driver_connection.isolation_level is None  # type: ignore[union-attr]
        assert connection.execute(text("SELECT count(*) FROM job_runs")).scalar() == 1
    sync_engine.dispose()
    async with database.read_session() as reading:
        assert (await reading.execute(text("SELECT count(*) FROM job_runs"))).scalar() == 1
    await database.dispose()
