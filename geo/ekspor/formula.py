"""Keep exported cells from running as spreadsheet formulas (CSV injection).

A KIM name typed as ``=HYPERLINK("http://…")`` must reach Excel as text.
CSV cannot mark a cell as text, so such cells get a leading apostrophe (the
OWASP advice); XLSX cells are written as strings, which Excel never
evaluates. Numeric columns are left alone, so a negative latitude stays a
number.
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


def _kolom_teks(kolom: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(kolom) or pd.api.types.is_string_dtype(kolom)


def netralkan_kolom(kolom: pd.Series) -> pd.Series:
    """A text column with every dangerous cell prefixed (vectorised)."""
    teks = kolom.astype("string")
    bahaya = teks.str.startswith(AWALAN_RUMUS).fillna(False) & ~teks.str.fullmatch(_ANGKA_POLOS.pattern).fillna(False)
    if not bahaya.any():
        return kolom
    hasil = kolom.astype(object).copy()
    hasil[bahaya] = PENETRAL + teks[bahaya]
    return hasil


def netralkan_tabel(tabel: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``tabel`` safe for CSV: text columns neutralised, numbers untouched."""
    hasil = tabel.copy()
    for nama in hasil.columns:
        if _kolom_teks(hasil[nama]):
            hasil[nama] = netralkan_kolom(hasil[nama])
    return hasil


def pulihkan_netral_kolom(kolom: pd.Series) -> pd.Series:
    """:func:`pulihkan_netral` over a text column: only cells starting with the apostrophe can change."""
    awal = kolom.str.startswith(PENETRAL).fillna(False)
    if not awal.any():
        return kolom
    hasil = kolom.copy()
    hasil[awal] = [pulihkan_netral(t) for t in kolom[awal]]
    return hasil
