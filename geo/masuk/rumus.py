"""Formula protection's text rules, shared by the exports and the loader that undoes them.

A cell a spreadsheet could run as a formula gets a leading apostrophe when
exported (:mod:`geo.ekspor.formula`); reading a file back removes exactly
that apostrophe. Kept under :mod:`geo.masuk` so that reading a table never
imports the export machinery.
"""

from __future__ import annotations

import re

import pandas as pd

# ASCII triggers plus their full-width forms, which some spreadsheet
# programs normalise before parsing.
AWALAN_RUMUS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
PENETRAL = "'"
# A plain signed number cannot do anything, so "-5" is left as written.
_ANGKA_POLOS = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def berbahaya(teks: object) -> bool:
    """True if a spreadsheet could read ``teks`` as a formula."""
    return isinstance(teks, str) and teks.startswith(AWALAN_RUMUS) and not _ANGKA_POLOS.match(teks)


def netralkan(teks: object) -> object:
    """One value: dangerous text gets the apostrophe, everything else is unchanged."""
    return PENETRAL + teks if berbahaya(teks) else teks  # type: ignore[operator]


def pulihkan_netral(teks: str) -> str:
    """Undo exactly what :func:`netralkan` added, so an exported CSV loads back as it was.

    Only an apostrophe followed by text that :func:`berbahaya` would have
    protected is removed; any other leading apostrophe is the user's own.
    """
    if teks.startswith(PENETRAL) and berbahaya(teks[1:]):
        return teks[1:]
    return teks


def pulihkan_netral_kolom(kolom: pd.Series) -> pd.Series:
    """:func:`pulihkan_netral` over a text column: only cells starting with the apostrophe can change."""
    awal = kolom.str.startswith(PENETRAL).fillna(False)
    if not awal.any():
        return kolom
    hasil = kolom.copy()
    hasil[awal] = [pulihkan_netral(t) for t in kolom[awal]]
    return hasil
