"""Paces sends per conversation within Microsoft's documented per-thread bot rate limits."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

# (seconds, operations) per bot per conversation: 7/1 s, 8/2 s, 60/30 s, 1800/1 h.
TEAMS_WINDOWS: tuple[tuple[float, int], ...] = ((1.0, 7), (2.0, 8), (30.0, 60), (3600.0, 1800))
MAX_CONVERSATIONS = 10_000


class Busy(Exception):
    """The conversation has no free slot soon enough; come back after `retry_after` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited for {retry_after:.1f}s")
        self.retry_after = retry_after


class Pacer:
    """Sliding windows per conversation: short waits are slept, long ones raise Busy."""

    def __init__(self, windows: tuple[tuple[float, int], ...] = TEAMS_WINDOWS, *,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 max_wait: float = 5.0) -> None:
        self.windows = windows
        self.clock = clock
        self.sleep = sleep
        self.max_wait = max_wait
        self._depth = max(limit for _, limit in windows)
        self._history: dict[str, deque[float]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def wait_for(self, key: str) -> float:
        """Seconds until one more operation in this conversation stays within every window."""
        stamps = self._history.get(key, ())
        now = self.clock()
        wait = 0.0
        for span, limit in self.windows:
            if len(stamps) >= limit:
                wait = max(wait, stamps[-limit] + span - now)
        return wait

    async def acquire(self, key: str) -> None:
        """Take a slot for one operation in conversation `key`."""
        async with self._locks.setdefault(key, asyncio.Lock()):
            wait = self.wait_for(key)
            if wait > self.max_wait:
                raise Busy(wait)
            if wait > 0:
                await self.sleep(wait)
            self._history.setdefault(key, deque(maxlen=self._depth)).append(self.clock())
        self._forget_idle()

    def _forget_idle(self) -> None:
        if len(self._history) <= MAX_CONVERSATIONS:
            return
        horizon = self.clock() - max(span for span, _ in self.windows)
        for key in [k for k, stamps in self._history.items() if stamps[-1] < horizon]:
            del self._history[key]
            lock = self._locks.get(key)
            if lock is not None and not lock.locked():
                del self._locks[key]
