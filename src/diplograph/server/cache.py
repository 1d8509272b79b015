"""Answers kept per store generation: the writer process is the only one that can change the
store (it holds the lock), so a generation number bumped on every write makes a cache entry
exactly as fresh as the store."""

from __future__ import annotations

from collections import OrderedDict

from .worker import Reply


class Cache:
    def __init__(self, entries: int = 512, max_bytes: int = 2_000_000):
        self.entries = entries
        self.max_bytes = max_bytes
        self._data: OrderedDict[tuple, Reply] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, generation: int, key: tuple) -> Reply | None:
        if not self.entries:
            return None
        r = self._data.get((generation, key))
        if r is None:
            self.misses += 1
            return None
        self._data.move_to_end((generation, key))
        self.hits += 1
        return r

    def put(self, generation: int, key: tuple, reply: Reply) -> None:
        if not self.entries or reply.status != 200 or len(reply.body) > self.max_bytes:
            return
        self._data[(generation, key)] = reply
        while len(self._data) > self.entries:
            self._data.popitem(last=False)
