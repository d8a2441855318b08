"""Small pieces of a large view on a page: one page of table rows, the names that match a search.

Why here and not in ``ui/``: the page only draws. Which rows a page holds and which
names a search finds are figures a test can check without Streamlit (issue #26: a
table of 83,000 units sends one page per rerun, a picker of 83,000 names a few matches).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Potongan:
    """Rows ``awal``..``akhir`` (end excluded) of ``total``: page ``hal`` (0-based) of ``jumlah_hal``."""

    awal: int
    akhir: int
    hal: int
    jumlah_hal: int
    total: int


def potong(total: int, ukuran: int, hal: int) -> Potongan:
    """The page ``hal`` of ``total`` rows, ``ukuran`` a page; a page past the end (rows filtered away) is the last."""
    ukuran = max(1, ukuran)
    jumlah_hal = max(1, -(-total // ukuran))
    hal = min(max(0, hal), jumlah_hal - 1)
    awal = hal * ukuran
    return Potongan(awal, min(total, awal + ukuran), hal, jumlah_hal, total)


def cocokkan(nama: Mapping[str, str], kueri: str, maks: int) -> tuple[dict[str, str], int]:
    """The first ``maks`` entries (in ``nama``'s order) whose label or code contains every word of ``kueri``,
    and how many match in all. Case is ignored; an empty query matches nothing (a search box, not a list)."""
    kata = kueri.casefold().split()
    if not kata:
        return {}, 0
    cocok: dict[str, str] = {}
    n = 0
    for kode, label in nama.items():
        teks = f"{label} {kode}".casefold()
        if all(k in teks for k in kata):
            n += 1
            if len(cocok) < maks:
                cocok[kode] = label
    return cocok, n
