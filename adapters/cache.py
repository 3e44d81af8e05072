"""A small in-memory cache with a time to live per entry and a size bound (oldest out first)."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class TtlCache(Generic[K, V]):
    """Per-process memory only: a restart costs one extra platform call, nothing more."""

    def __init__(self, *, ttl: float, size: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self.size, self.clock = ttl, size, clock
        self._entries: OrderedDict[K, tuple[V, float]] = OrderedDict()

    def get(self, key: K) -> V | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[1] < self.clock():
            del self._entries[key]
            return None
        return entry[0]

    def put(self, key: K, value: V, ttl: float | None = None) -> None:
        self._entries[key] = (value, self.clock() + (self.ttl if ttl is None else ttl))
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)
