"""A progress bar for long commands: drawn on a terminal, silent when piped or redirected."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

LEBAR = 24


def bilah_kemajuan(aliran: TextIO | None = None) -> Callable[[str, float], None] | None:
    """A ``kemajuan(tahap, bagian)`` callback that redraws one stderr line; None when not a TTY.

    Scripts and CI logs read the command's output, so they never get
    carriage-return noise.
    """
    aliran = aliran or sys.stderr
    if not getattr(aliran, "isatty", lambda: False)():
        return None

    def gambar(tahap: str, bagian: float) -> None:
        isi = round(LEBAR * max(0.0, min(1.0, bagian)))
        aliran.write(f"\r[{'#' * isi}{'.' * (LEBAR - isi)}] {bagian * 100:3.0f}% {tahap:<32}")
        if bagian >= 1.0:
            aliran.write("\r" + " " * (LEBAR + 40) + "\r")
        aliran.flush()

    return gambar

