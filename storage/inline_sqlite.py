"""aiosqlite's connection, run on the event loop's own thread instead of a worker thread."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Generator
from typing import Any

import aiosqlite

Call = tuple[asyncio.Future[Any] | None, Callable[[], Any]]


class _RunNow:
    """Stands in for the queue to aiosqlite's worker thread: runs each call as it arrives."""

    def put_nowait(self, call: Call) -> None:
        future, function = call
        try:
            result = function()
        except BaseException as error:  # handed to the awaiting caller, as the thread would
            if future is not None and not future.done():
                future.set_exception(error)
            return
        if future is not None and not future.done():
            future.set_result(result)


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection whose statements run at once, on the caller's thread.

    A statement on a local WAL database takes microseconds. The hop to aiosqlite's thread costs
    far more, and under load that thread waits for the GIL behind the busy event loop: measured
    in bench/bench_slack.py, this halves a delegation and removes most of its tail.
    """

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _RunNow()  # type: ignore[assignment]

    def __await__(self) -> Generator[Any, None, aiosqlite.Connection]:
        return self._connect().__await__()  # no worker thread to start


def connect(path: str) -> InlineConnection:
    return InlineConnection(lambda: sqlite3.connect(path, check_same_thread=False))
