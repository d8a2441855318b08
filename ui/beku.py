"""Keep a loaded data version out of the cyclic garbage collector's sight.

A server process holds its dataset for as long as that version is current: on the shipped city about 125,000
container objects with the modules around them. CPython's collector walks every one of them on each full
collection, about 100 ms in which every session on that process waits: in the load test those pauses were
the slowest tenth of the clicks (issue #26). :func:`gc.freeze` moves what the process holds into a generation
the collector skips; the full collections that remain walk only what came after (5–20 ms, measured).

Frozen objects are still freed by reference counting when the cache drops them. Only reference cycles would
stay, so the next load unfreezes and collects once before freezing again: that costs one full collection per
new data version, never one per click.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def muat_beku(muat: Callable[[], T]) -> T:
    """``muat()``, whose result lives as long as the process's cache, then everything held so far frozen."""
    if gc.get_freeze_count():
        gc.unfreeze()  # the previous versions' cycles, if any, become collectable again
        gc.collect()
    hasil = muat()
    gc.freeze()
    return hasil
