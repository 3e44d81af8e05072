"""Engines, the unit of work, and schema migrations for SQLite and PostgreSQL.

On SQLite the async engine runs each statement inline on the event loop, through our own
connection class (storage/inline_sqlite.py); why: docs/decisions/0001-inline-sqlite.md.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage import inline_sqlite

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
# Execution option marking the connections that take SQLite's write lock when they begin.
WRITE_LOCK = "lpo_sqlite_write_lock"


def _base_url(url: str) -> URL:
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "postgres":
        parsed = parsed.set(drivername="postgresql")
    return parsed


def async_url(url: str) -> URL:
    """`sqlite:///x.db` -> `sqlite+aiosqlite:///x.db`; `postgresql://` -> `postgresql+psycopg://`."""
    parsed = _base_url(url)
    driver = "sqlite+aiosqlite" if parsed.get_backend_name() == "sqlite" else "postgresql+psycopg"
    return parsed.set(drivername=driver)


def sync_url(url: str) -> URL:
    """The same database through a synchronous driver (for Alembic)."""
    parsed = _base_url(url)
    driver = "sqlite" if parsed.get_backend_name() == "sqlite" else "postgresql+psycopg"
    return parsed.set(drivername=driver)


def is_sqlite(url: str) -> bool:
    return _base_url(url).get_backend_name() == "sqlite"


def _tune_sqlite(sync_engine: Engine, *, busy_timeout_ms: int) -> None:
    """WAL and foreign keys; units of work begin IMMEDIATE so SQLite has one writer at a time.
    Both engines open their connections with the driver's own BEGIN turned off (isolation_level
    None), so the BEGIN below is the only one."""

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        writes = connection.get_execution_options().get(WRITE_LOCK, True)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def make_async_engine(url: str) -> AsyncEngine:
    if is_sqlite(url):
        path = make_url(url).database or ":memory:"
        # Statements run on the event loop's thread (docs/decisions/0001-inline-sqlite.md), so
        # they must never sleep in SQLite's busy handler: Database.transaction waits for the
        # write lock asynchronously instead.
        engine = create_async_engine(async_url(url),
                                     async_creator=partial(inline_sqlite.connect, path))
        _tune_sqlite(engine.sync_engine, busy_timeout_ms=0)
        return engine
    return create_async_engine(async_url(url), pool_size=10, max_overflow=20, pool_pre_ping=True)


def make_sync_engine(url: str) -> Engine:
    if not is_sqlite(url):
        return create_engine(sync_url(url))
    engine = create_engine(sync_url(url), connect_args={"isolation_level": None})
    _tune_sqlite(engine, busy_timeout_ms=SQLITE_BUSY_TIMEOUT_MS)
    return engine


class Database:
    """An async engine plus explicit transactions: `async with db.transaction() as session`."""

    def __init__(self, url: str, *, lock_timeout: float = SQLITE_BUSY_TIMEOUT_MS / 1000) -> None:
        self.url = url
        self.lock_timeout = lock_timeout
        self.engine = make_async_engine(url)
        self._sessions = async_sessionmaker(self.engine, class_=AsyncSession,
                                            expire_on_commit=False)
        # SQLite has one writer: queueing here, first come first served, is far cheaper than
        # letting transactions collide on the file lock.
        self._writer = asyncio.Lock() if is_sqlite(url) else contextlib.nullcontext()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One unit of work: commits when the block ends, rolls back on any exception."""
        async with self._writer:
            session = await self._begin()
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise
            finally:
                await session.close()

    async def _begin(self) -> AsyncSession:
        """A session whose transaction has begun; waits, without blocking, for another process
        that holds SQLite's write lock (the CLI, or a second server on the same file)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.lock_timeout
        pause = 0.001
        while True:
            session = self._sessions()
            try:
                await session.connection()
                return session
            except OperationalError as error:
                await session.close()
                if not _locked(error) or loop.time() >= deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.05)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncConnection]:
        """A read-only connection that never takes or waits for the write lock."""
        async with self.engine.connect() as connection:
            yield await connection.execution_options(**{WRITE_LOCK: False})

    @asynccontextmanager
    async def read_session(self) -> AsyncIterator[AsyncSession]:
        """A session for reads alone: on SQLite it neither takes nor queues for the writer,
        so a long report leaves delegations free to commit meanwhile."""
        async with self._sessions() as session:
            await session.connection(execution_options={WRITE_LOCK: False})
            yield session

    async def ping(self) -> bool:
        try:
            async with self.reading() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception:  # any driver error means "not reachable" for a health check
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()


def _locked(error: OperationalError) -> bool:
    return "database is locked" in str(error.orig)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", sync_url(url).render_as_string(hide_password=False))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision` (Alembic)."""
    if is_sqlite(url):
        _ensure_sqlite_folder(url)
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)


def _ensure_sqlite_folder(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
