"""Numbers and dates as Indonesian readers write them (1.234,5; 13 Juli 2022).

Python's locale module depends on what the server has installed, so the
formats are written out here and behave the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

BULAN_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember")
BULAN_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

# Thousands and decimal separators per language.
_PEMISAH = {"id": (".", ","), "en": (",", ".")}


def _kosong(nilai: object) -> bool:
    if nilai is None or nilai is pd.NaT:
        return True
    try:
        return bool(pd.isna(nilai))
    except (TypeError, ValueError):
        return False


def angka(nilai: float | None, desimal: int | None = None, bahasa: str = "id", kosong: str = "–") -> str:
    """``1234.5`` → ``'1.234,5'``; whole numbers lose their ``,0``.

    ``desimal=None`` shows up to one decimal and drops it when it is zero,
    which is what a table of counts and percentages wants.
    """
    if _kosong(nilai):
        return kosong
    x = float(nilai)
    if not math.isfinite(x):
        return kosong
    ribuan, koma = _PEMISAH.get(bahasa, _PEMISAH["id"])
    if desimal is None:
        desimal = 0 if round(x, 1).is_integer() else 1
    teks = f"{x:,.{desimal}f}"  # "1,234.5" — then swap separators
    return teks.replace(",", "\0").replace(".", koma).replace("\0", ribuan)


def persen(nilai: float | None, bahasa: str = "id", kosong: str = "–") -> str:
    """``62.5`` → ``'62,5%'``."""
    teks = angka(nilai, bahasa=bahasa, kosong="")
    return f"{teks}%" if teks else kosong


def tanggal(nilai: dt.date | dt.datetime | pd.Timestamp | str | None, bahasa: str = "id", kosong: str = "–") -> str:
    """``2022-07-13`` → ``'13 Juli 2022'`` (``'13 July 2022'`` in English)."""
    if _kosong(nilai):
        return kosong
    try:
        t = pd.Timestamp(nilai)
    except (TypeError, ValueError):
        return kosong
    if _kosong(t):
        return kosong
    bulan = BULAN_EN if bahasa == "en" else BULAN_ID
    return f"{t.day} {bulan[t.month - 1]} {t.year}"


def bulat_seri(nilai: pd.Series, bahasa: str = "id", kosong: str = "") -> pd.Series:
    """Whole numbers of a column with thousands separators, without a row loop."""
    ribuan = _PEMISAH.get(bahasa, _PEMISAH["id"])[0]
    angka_ = pd.to_numeric(nilai, errors="coerce")
    teks = angka_.round().astype("Int64").astype("string")
    teks = teks.str.replace(r"\B(?=(\d{3})+(?!\d))", ribuan, regex=True)
    return teks.fillna(kosong).astype(object)


def tanggal_seri(nilai: pd.Series, bahasa: str = "id", kosong: str = "") -> pd.Series:
    """Dates of a column as ``'13 Juli 2022'``, without a row loop."""
    t = pd.to_datetime(nilai, errors="coerce")
    bulan = np.array(BULAN_EN if bahasa == "en" else BULAN_ID, dtype=object)
    ada = t.notna().to_numpy()
    hasil = np.full(len(t), kosong, dtype=object)
    if ada.any():
        tt = t[ada]
        hasil[ada] = (
            tt.dt.day.astype(str).to_numpy() + " " + bulan[tt.dt.month.to_numpy() - 1] + " " + tt.dt.year.astype(str).to_numpy()
        )
    return pd.Series(hasil, index=nilai.index, dtype=object)
