"""Keep exported cells from running as spreadsheet formulas (CSV injection).

A KIM name typed as ``=HYPERLINK("http://…")`` must reach Excel as text.
CSV cannot mark a cell as text, so such cells get a leading apostrophe (the
OWASP advice); XLSX cells are written as strings, which Excel never
evaluates. Numeric columns are left alone, so a negative latitude stays a
number.
"""

from __future__ import annotations

import pandas as pd

# The text rules live with the loader, which undoes them; re-exported here for the exports.
from geo.masuk.rumus import _ANGKA_POLOS, AWALAN_RUMUS, PENETRAL, berbahaya, netralkan, pulihkan_netral, pulihkan_netral_kolom

__all__ = ["AWALAN_RUMUS", "PENETRAL", "berbahaya", "netralkan", "netralkan_kolom", "netralkan_tabel", "pulihkan_netral",
           "pulihkan_netral_kolom"]


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
