"""Numbers, dates and rupiah as Indonesian readers write them (1.234,5; 13 Juli 2022; Rp 200.000.000).

Babel carries the CLDR rules for locale ``id`` (and ``en``), so they do not
depend on which locales the server has installed and are not written out by
hand. The public functions keep the project's own conventions on top: a
dash for missing values, at most one decimal by default, ``%`` without a
space.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from functools import lru_cache

import numpy as np
import pandas as pd
from babel.dates import format_date, get_month_names
from babel.numbers import format_currency, format_decimal, get_group_symbol

LOKAL = {"id": "id", "en": "en"}
POLA_TANGGAL = "d MMMM y"


def _lokal(bahasa: str) -> str:
    """Unknown languages fall back to Indonesian, like the rest of the page."""
    return LOKAL.get(bahasa, "id")


@functools.cache
def _bulan(bahasa: str) -> tuple[str, ...]:
    """Looked up on first use: loading a Babel locale costs ~20 ms a process that prints no date (issue #26)."""
    return tuple(get_month_names("wide", locale=_lokal(bahasa)).values())


def __getattr__(nama: str) -> tuple[str, ...]:
    """``BULAN_ID`` / ``BULAN_EN``: the month names, read from Babel only when asked for."""
    if nama in ("BULAN_ID", "BULAN_EN"):
        return _bulan(nama[-2:].lower())
    raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")


def _kosong(nilai: object) -> bool:
    if nilai is None or nilai is pd.NaT:
        return True
    try:
        return bool(pd.isna(nilai))
    except (TypeError, ValueError):
        return False


def _pola(desimal: int) -> str:
    return "#,##0" + ("." + "0" * desimal if desimal > 0 else "")


def angka(nilai: float | None, desimal: int | None = None, bahasa: str = "id", kosong: str = "–") -> str:
    """``1234.5`` → ``'1.234,5'``; whole numbers lose their ``,0``.

    ``desimal=None`` shows up to one decimal and drops it when it is zero,
    which is what a table of counts and percentages wants. The number is
    rounded by Python first (half-even on the binary value, as before) so
    Babel only places the separators.
    """
    if _kosong(nilai):
        return kosong
    x = float(nilai)
    if not math.isfinite(x):
        return kosong
    if desimal is None:
        desimal = 0 if round(x, 1).is_integer() else 1
    return _format_angka(round(x, desimal) + 0.0, desimal, bahasa)  # + 0.0 turns -0.0 into 0.0


@lru_cache(maxsize=4096)
def _format_angka(x: float, desimal: int, bahasa: str) -> str:
    """Babel's separators, remembered: a page formats the same few counts on every rerun (issue #26)."""
    return format_decimal(x, format=_pola(desimal), locale=_lokal(bahasa))


def persen(nilai: float | None, bahasa: str = "id", kosong: str = "–") -> str:
    """``62.5`` → ``'62,5%'``."""
    teks = angka(nilai, bahasa=bahasa, kosong="")
    return f"{teks}%" if teks else kosong


def rupiah(nilai: float | None, bahasa: str = "id", kosong: str = "–") -> str:
    """``200_000_000`` → ``'Rp 200.000.000'`` (whole rupiah; budget plans never show sen)."""
    if _kosong(nilai):
        return kosong
    x = float(nilai)
    if not math.isfinite(x):
        return kosong
    return format_currency(round(x) + 0, "IDR", format="¤ #,##0", locale=_lokal(bahasa), currency_digits=False)


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
    return format_date(t.date(), format=POLA_TANGGAL, locale=_lokal(bahasa))


def bulat_seri(nilai: pd.Series, bahasa: str = "id", kosong: str = "") -> pd.Series:
    """Whole numbers of a column with thousands separators, without a row loop."""
    ribuan = get_group_symbol(_lokal(bahasa))
    angka_ = pd.to_numeric(nilai, errors="coerce")
    teks = angka_.round().astype("Int64").astype("string")
    teks = teks.str.replace(r"\B(?=(\d{3})+(?!\d))", ribuan, regex=True)
    return teks.fillna(kosong).astype(object)


def tanggal_seri(nilai: pd.Series, bahasa: str = "id", kosong: str = "") -> pd.Series:
    """Dates of a column as ``'13 Juli 2022'``, without a row loop (Babel's month names, one lookup)."""
    t = pd.to_datetime(nilai, errors="coerce")
    bulan = np.array(_bulan(bahasa), dtype=object)
    ada = t.notna().to_numpy()
    hasil = np.full(len(t), kosong, dtype=object)
    if ada.any():
        tt = t[ada]
        hasil[ada] = (
            tt.dt.day.astype(str).to_numpy() + " " + bulan[tt.dt.month.to_numpy() - 1] + " " + tt.dt.year.astype(str).to_numpy()
        )
    return pd.Series(hasil, index=nilai.index, dtype=object)
