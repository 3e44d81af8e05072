"""TtlCache: entries expire after their time to live, and the oldest go first past the size."""

from __future__ import annotations

from adapters.cache import TtlCache


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_entries_expire_after_their_own_or_the_default_ttl() -> None:
    clock = Clock()
    cache: TtlCache[str, str] = TtlCache(ttl=60.0, clock=clock)
    cache.put("long", "a@firm.test")
    cache.put("short", "", ttl=5.0)  # a miss, kept briefly
    clock.now = 5.5
    assert (cache.get("long"), cache.get("short")) == ("a@firm.test", None)
    clock.now = 60.5
    assert cache.get("long") is None


def test_the_oldest_entry_goes_first_past_the_size() -> None:
    cache: TtlCache[str, int] = TtlCache(ttl=60.0, size=2, clock=Clock())
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 3)  # written again: now the newest
    cache.put("c", 4)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (3, None, 4)
