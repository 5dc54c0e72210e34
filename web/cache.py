"""The page cache: rendered briefing pages and API JSON, kept in memory by revision."""

from __future__ import annotations

import threading
from collections import OrderedDict


class PageCache:
    """A small LRU of rendered bodies, keyed by tuples that start with the briefing id
    (then its revision and the format)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def put(self, key: tuple, body: bytes) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = body
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def discard(self, briefing_id: str) -> int:
        """Forget every body of a briefing (it was deleted); returns how many."""
        with self._lock:
            keys = [key for key in self._items if key and key[0] == briefing_id]
            for key in keys:
                del self._items[key]
        return len(keys)
