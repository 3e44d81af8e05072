"""SQLite for the async engine, each statement run at once on the event loop's own thread.

Why, and what it costs: docs/decisions/0001-inline-sqlite.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from typing import Any

Parameters = Sequence[Any] | Mapping[str, Any]

# sqlite3's own words for a closed connection, which SQLAlchemy reads as a disconnect.
CLOSED = "Cannot operate on a closed database."


class InlineCursor:
    """A sqlite3 cursor behind the awaitable methods that SQLAlchemy's aiosqlite adapter calls."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._rows()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, size: int) -> None:
        self._cursor.arraysize = size

    async def execute(self, sql: str, parameters: Parameters = ()) -> InlineCursor:
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, rows: Iterable[Parameters]) -> InlineCursor:
        self._cursor.executemany(sql, rows)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    async def _rows(self) -> AsyncIterator[Any]:
        while rows := self._cursor.fetchmany(self._cursor.arraysize):
            for row in rows:
                yield row


class InlineConnection:
    """A sqlite3 connection with the awaitable face of an aiosqlite connection, as far as
    SQLAlchemy's `sqlite+aiosqlite` dialect uses one; it reaches the dialect through
    `create_async_engine(async_creator=...)`. Every call runs before it returns: there is no
    worker thread, so nothing here may wait (see `connect`)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        # The dialect checks `_connection` (set while open, None once closed) before it commits
        # or rolls back, so that is the attribute's name.
        self._connection: sqlite3.Connection | None = connection

    @property
    def isolation_level(self) -> str | None:
        return self._open().isolation_level

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._open().cursor())

    async def commit(self) -> None:
        self._open().commit()

    async def rollback(self) -> None:
        self._open().rollback()

    async def create_function(self, name: str, num_params: int, func: Callable[..., Any],
                              deterministic: bool = False) -> None:
        self._open().create_function(name, num_params, func, deterministic=deterministic)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Close at once: SQLAlchemy calls this to terminate a connection outside the loop."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _open(self) -> sqlite3.Connection:
        if self._connection is None:
            raise sqlite3.ProgrammingError(CLOSED)
        return self._connection


async def connect(path: str) -> InlineConnection:
    """A connection for `create_async_engine(..., async_creator=lambda: connect(path))`."""
    return InlineConnection(sqlite3.connect(
        path,
        # Never sleep in SQLite's busy handler, on the loop's thread: a locked database fails at
        # once, and Database.transaction waits for the write lock with asyncio.sleep instead.
        timeout=0,
        # SQLAlchemy issues BEGIN itself (storage/db.py); the dialect's own setter for this
        # attribute is written for aiosqlite's worker thread, so it is fixed here instead.
        isolation_level=None,
        # The pool may close a connection from whichever thread collects it as garbage.
        check_same_thread=False,
    ))
