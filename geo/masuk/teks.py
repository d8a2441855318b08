"""Text keys shared by every input path: ids that look alike, category spellings.

One home for these rules so that the CSV loader, the URL and the command
line accept and refuse exactly the same spellings.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

# Hyphen look-alikes that NFKC leaves alone (it maps U+2011 to U+2010, not '-').
_TANDA_HUBUNG = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_BUKAN_HURUF_ANGKA = re.compile(r"[^0-9a-z]+")
# Below this many distinct values one Python call each beats the fixed cost of column-wise string ops.
_CUKUP_UNTUK_SERI = 2000


def bersihkan_id(teks: str) -> str:
    """An id as a person reads it: NFKC, invisible format characters removed, one kind of hyphen.

    Zero-width spaces, bidi overrides and soft hyphens (Unicode category Cf)
    make two ids look equal on screen while comparing unequal; removing
    them lets validation report the clash as a duplicate.
    """
    teks = unicodedata.normalize("NFKC", teks)
    teks = "".join(c for c in teks if unicodedata.category(c) != "Cf")
    return teks.translate(_TANDA_HUBUNG).strip()


def bersihkan_id_kolom(kolom: pd.Series) -> pd.Series:
    """:func:`bersihkan_id` over a text column; pure-ASCII cells (the usual case) are skipped."""
    kolom = kolom.astype(str)
    perlu = ~kolom.str.isascii().to_numpy(dtype=bool, na_value=True)
    if not perlu.any():
        return kolom
    hasil = kolom.copy()
    hasil[perlu] = [bersihkan_id(t) for t in kolom[perlu]]
    return hasil


def faktor(nilai: pd.Series, fungsi: Callable[[object], object],
           seri: Callable[[pd.Series], pd.Series] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``fungsi`` of each distinct value: (per-row index into the results, the results as objects).

    A national table repeats its codes and names, so each spelling is
    normalised once. ``seri`` is ``fungsi`` for a whole column; it is used only
    on printable-ASCII values, where the column-wise regex engine and
    Python's ``re`` agree on every class (``\\s``, ``\\d``, ``\\b``, case),
    so the results are exactly ``fungsi``'s.
    """
    kode, unik = pd.factorize(nilai, use_na_sentinel=False)
    unik = pd.Series(unik, dtype=object)
    if seri is None or len(unik) < _CUKUP_UNTUK_SERI:
        return kode, np.array([fungsi(v) for v in unik], dtype=object)
    teks = unik.astype("string").fillna("\x00")  # a missing value is never "printable ASCII"
    polos = teks.str.fullmatch(r"[\x20-\x7e]*").to_numpy(dtype=bool, na_value=False)
    hasil = np.empty(len(unik), dtype=object)
    hasil[polos] = np.asarray(seri(unik[polos]), dtype=object)
    hasil[~polos] = [fungsi(v) for v in unik[~polos]]
    return kode, hasil


def per_nilai(nilai: pd.Series, fungsi: Callable[[object], object], seri: Callable[[pd.Series], pd.Series] | None = None) -> pd.Series:
    """``nilai.map(fungsi)``, computed once per distinct value (see :func:`faktor`)."""
    kode, hasil = faktor(nilai, fungsi, seri)
    return pd.Series(pd.Index(hasil).take(kode), index=nilai.index)


def sama_per_baris(kode_a: np.ndarray, unik_a: np.ndarray, kode_b: np.ndarray, unik_b: np.ndarray) -> np.ndarray:
    """Row-wise ``unik_a[kode_a] == unik_b[kode_b]``, compared as integers rather than as Python strings."""
    bersama = pd.factorize(pd.Index(np.concatenate([unik_a, unik_b]).astype(object), dtype=object))[0]
    return bersama[: len(unik_a)][kode_a] == bersama[len(unik_a):][kode_b]


def kunci_kosakata(teks: object) -> str:
    """Spelling-insensitive key of a category or status: case, spaces, punctuation, '&' ≡ 'dan'.

    ``Batik & Kerajinan``, ``batik dan kerajinan`` and ``BatikdanKerajinan``
    all give ``batikdankerajinan``.
    """
    teks = unicodedata.normalize("NFKC", str(teks)).casefold().replace("&", "dan")
    return _BUKAN_HURUF_ANGKA.sub("", teks)


def peta_kosakata(pilihan: Sequence[str]) -> dict[str, str]:
    """key → canonical value, for vectorised look-up with ``Series.map``."""
    return {kunci_kosakata(p): p for p in pilihan}


def saran_kosakata(teks: object, pilihan: Sequence[str], cutoff: float = 0.5) -> str | None:
    """The closest canonical value, for a "did you mean" hint."""
    peta = peta_kosakata(pilihan)
    saran = difflib.get_close_matches(kunci_kosakata(teks), list(peta), n=1, cutoff=cutoff)
    return peta[saran[0]] if saran else None
