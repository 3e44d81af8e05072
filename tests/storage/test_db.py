"""The unit of work on SQLite: statements run inline, and waiting for the write lock never
blocks the event loop."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from storage.db import Database, upgrade

DEADLINE_SECONDS = 10


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'lpo.db'}"
    upgrade(url)
    return url


def _other_process_writing(url: str) -> sqlite3.Connection:
    """A connection of its own holding the write lock, as the CLI or a second server would."""
    holder = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


async def _until(condition: object, what: str) -> None:
    deadline = asyncio.get_running_loop().time() + DEADLINE_SECONDS
    while not condition():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, what
        await asyncio.sleep(0.005)


async def test_sqlite_statements_run_without_a_worker_thread(sqlite_url: str) -> None:
    database = Database(sqlite_url)
    threads = threading.active_count()
    async with database.transaction() as session:
        assert (await session.execute(text("SELECT 1"))).scalar() == 1
    assert threading.active_count() == threads
    await database.dispose()


async def test_waiting_for_another_writer_keeps_the_event_loop_free(sqlite_url: str) -> None:
    database = Database(sqlite_url)
    holder = _other_process_writing(sqlite_url)
    done = asyncio.Event()

    async def write() -> None:
        async with database.transaction() as session:
            await session.execute(text("UPDATE firm_version SET version = version + 1"))
        done.set()

    writer = asyncio.create_task(write())
    ticks = 0
    while ticks < 20:  # the loop keeps turning while the writer waits for the lock
        await asyncio.sleep(0)
        ticks += 1
    assert not done.is_set()
    assert await database.ping()  # a health check reads past the held lock
    holder.commit()
    await _until(done.is_set, "the writer never got the lock")
    await writer
    holder.close()
    await database.dispose()


async def test_a_lock_held_too_long_is_an_error_and_nothing_is_written(sqlite_url: str) -> None:
    database = Database(sqlite_url, lock_timeout=0.05)
    holder = _other_process_writing(sqlite_url)
    with pytest.raises(OperationalError, match="database is locked"):
        async with database.transaction() as session:
            await session.execute(text("UPDATE firm_version SET version = version + 1"))
    holder.rollback()
    holder.close()
    async with database.transaction() as session:
        assert (await session.execute(text("SELECT version FROM firm_version"))).scalar() == 0
    await database.dispose()


async def test_a_failed_unit_of_work_rolls_back(database_url: str) -> None:
    database = Database(database_url)
    with pytest.raises(RuntimeError):
        async with database.transaction() as session:
            await session.execute(text("INSERT INTO job_runs (key, at) VALUES ('x', '2026-11-26')"))
            raise RuntimeError("boom")
    async with database.transaction() as session:
        assert (await session.execute(text("SELECT count(*) FROM job_runs"))).scalar() == 0
    await database.dispose()


async def test_a_read_session_neither_takes_nor_waits_for_the_writer(database_url: str) -> None:
    database = Database(database_url)
    async with database.transaction() as writing:
        await writing.execute(text("INSERT INTO job_runs (key, at) VALUES ('x', '2026-11-26')"))
        async with database.read_session() as reading:  # no deadlock: no writer queue here
            assert (await reading.execute(text("SELECT count(*) FROM job_runs"))).scalar() == 0
    async with database.read_session() as reading:
        assert (await reading.execute(text("SELECT count(*) FROM job_runs"))).scalar() == 1
    await database.dispose()
