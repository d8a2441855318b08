"""A few recent values per process, looked up before a Streamlit cache call.

Streamlit's caches hash every argument with their own hasher on each call: for the calls a filter click
makes with unchanged inputs (the base map, the photo mirror) that hashing was a visible share of the
click's CPU (issue #26). A plain dict on a small tuple answers first; the Streamlit cache behind it still
does the work once, with its locking, when the key is new.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Ingatan(Generic[T]):
    def __init__(self, maks: int = 16) -> None:
        self._isi: dict[Hashable, T] = {}
        self._maks = maks
        self._kunci = threading.Lock()

    def ambil(self, kunci: Hashable, buat: Callable[[], T]) -> T:
        """The value kept for ``kunci``, else ``buat()`` kept (the oldest key dropped past ``maks``)."""
        try:
            return self._isi[kunci]
        except KeyError:
            pass
        nilai = buat()
        with self._kunci:
            if len(self._isi) >= self._maks:
                self._isi.pop(next(iter(self._isi)))
            self._isi[kunci] = nilai
        return nilai

    def lupakan(self) -> None:
        with self._kunci:
            self._isi.clear()
