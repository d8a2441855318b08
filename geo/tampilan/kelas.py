"""Choropleth class breaks, shared by the web map and the printed snapshot.

Both must colour a kelurahan identically, so the classification and the
palette are computed here once, with ColorBrewer colours. Quantiles and equal
intervals are a few lines of numpy (the same rules as mapclassify); only
natural breaks import mapclassify, and only when asked for, because importing
it pulls in scipy, scikit-learn and matplotlib (seconds, for every command).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

SKEMA_KELAS: dict[str, str] = {
    "quantiles": "Kuantil",
    "natural_breaks": "Jeda alami (Jenks)",
    "equal_interval": "Interval sama",
}
SKEMA_BAWAAN = "quantiles"
JUMLAH_KELAS_BAWAAN = 5
JUMLAH_KELAS_MIN, JUMLAH_KELAS_MAX = 3, 7
# Sequential and safe for colour-blind readers and greyscale printing.
PALET_BAWAAN = "YlGnBu"
WARNA_TANPA_DATA = "#d9d9d9"

def _kuantil(y: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds at the k quantiles (linear interpolation), ties collapsed."""
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    p[-1] = min(p[-1], 100.0)
    urut = np.sort(y)
    return np.unique([_skor(urut, q) for q in p])


def _skor(urut: np.ndarray, persen: float) -> float:
    """The score at a percentile, with the same arithmetic as scipy's ``scoreatpercentile``.

    Same bits as mapclassify, so a value sitting exactly on a bound lands in
    the same class as it always did.
    """
    idx = persen / 100.0 * (len(urut) - 1)
    i = int(idx)
    if i == idx:
        return float(urut[i])
    bobot = np.array([(i + 1 - idx), (idx - i)], float)
    return float(np.add.reduce(urut[i:i + 2] * bobot) / bobot.sum())


def _interval_sama(y: np.ndarray, k: int) -> np.ndarray:
    """k classes of equal width between the smallest and the largest value."""
    kecil, besar = float(y.min()), float(y.max())
    lebar = (besar - kecil) / k
    batas = np.arange(kecil + lebar, besar + lebar, lebar)[:k]
    batas[-1] = besar
    return batas


def _jeda_alami(y: np.ndarray, k: int) -> np.ndarray:
    import mapclassify  # only here: see the module docstring

    return mapclassify.FisherJenks(y, k=k).bins  # deterministic, unlike NaturalBreaks (k-means)


_KELAS = {"quantiles": _kuantil, "natural_breaks": _jeda_alami, "equal_interval": _interval_sama}


@dataclass(frozen=True)
class Kelas:
    """Classes bounded above by ``atas`` (inclusive), one colour each.

    ``min_data``/``maks_data`` are the smallest and largest observed value in
    each class: legends show those, because "1 – 1,6 potensi" reads oddly.
    """

    atas: tuple[float, ...]
    min_data: tuple[float, ...]
    maks_data: tuple[float, ...]
    warna: tuple[str, ...]
    skema: str
    diminta: int = 0  # classes asked for; fewer distinct values give fewer, and legends say so
    tanpa_data: int = 0  # units without a value (NaN): outside every break, grey, their own legend entry

    @property
    def kurang(self) -> bool:
        """True when the map shows fewer classes (but more than one) than were asked for."""
        return 1 < len(self.atas) < self.diminta

    def indeks(self, nilai: Sequence[float] | np.ndarray) -> np.ndarray:
        """Class index for each value; -1 for missing values."""
        arr = np.asarray(nilai, dtype=float)
        idx = np.searchsorted(np.asarray(self.atas), arr, side="left")
        idx = np.clip(idx, 0, max(len(self.atas) - 1, 0))
        return np.where(np.isnan(arr) | (len(self.atas) == 0), -1, idx)

    def warna_nilai(self, nilai: Sequence[float] | np.ndarray) -> list[str]:
        """The fill colour for each value, grey for missing ones."""
        return [self.warna[i] if i >= 0 else WARNA_TANPA_DATA for i in self.indeks(nilai)]

    def label(self, fmt: Callable[[float], str] = lambda v: f"{v:g}") -> list[str]:
        """Legend labels such as ``'2 – 4'``, formatted by the caller's locale."""
        return [fmt(lo) if lo == hi else f"{fmt(lo)} – {fmt(hi)}" for lo, hi in zip(self.min_data, self.maks_data)]


# The ColorBrewer colours the app draws with (the map's palette at every class count, the comparison's
# divergent one), as data: branca, which knows every palette, imports jinja2 and its colormaps, 45 ms
# of a fresh server's first page (issue #26). ``tests/tampilan/test_palet.py`` checks them against branca.
_PALET_TETAP: dict[tuple[str, int], tuple[str, ...]] = {
    ("YlGnBu", 3): ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    ("YlGnBu", 4): ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    ("YlGnBu", 5): ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    ("YlGnBu", 6): ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
    ("YlGnBu", 7): ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"),
    ("RdBu", 7): ("#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"),
}


@cache
def _warna(palet: str, n: int) -> tuple[str, ...]:
    if (palet, n) in _PALET_TETAP:
        return _PALET_TETAP[palet, n]
    from branca.utilities import color_brewer as _cb

    return tuple(_cb(palet, n))


def color_brewer(palet: str, n: int) -> list[str]:
    """ColorBrewer colours (cached; other palettes than the app's own from branca)."""
    return list(_warna(palet, n))


def hitung_kelas(
    nilai: Sequence[float] | np.ndarray,
    skema: str = SKEMA_BAWAAN,
    jumlah_kelas: int = JUMLAH_KELAS_BAWAAN,
    palet: str = PALET_BAWAAN,
) -> Kelas:
    """Classify values; fewer distinct values than classes gives fewer classes.

    Missing values (NaN: no data) stay out of the breaks and are counted in
    ``tanpa_data``; with no value at all there is no class, only "no data".
    Raises ``ValueError`` for an unknown scheme, so a bad URL or CLI option
    is reported rather than silently replaced.
    """
    if skema not in _KELAS:
        raise ValueError(f"Skema kelas '{skema}' tidak dikenal. Pilihan: {', '.join(SKEMA_KELAS)}.")
    arr = np.asarray(nilai, dtype=float)
    kosong = int(np.isnan(arr).sum())
    arr = arr[~np.isnan(arr)]
    unik = np.unique(arr)
    if not len(unik):
        return Kelas((), (), (), (), skema, jumlah_kelas, kosong)
    k = int(max(1, min(jumlah_kelas, len(unik))))
    if k <= 1:
        v = float(unik[0])
        # One value everywhere (often all zero): the lightest colour, so it never reads as "some".
        return Kelas((v,), (v,), (v,), (color_brewer(palet, 3)[0],), skema, jumlah_kelas, kosong)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # mapclassify warns when it merges classes; handled below
        bins = np.unique(_KELAS[skema](arr, k))
    idx = np.clip(np.searchsorted(bins, arr, side="left"), 0, len(bins) - 1)
    # Equal intervals can leave a class empty: drop it rather than show a colour nobody has.
    terisi = [i for i in range(len(bins)) if (idx == i).any()]
    atas = tuple(float(bins[i]) for i in terisi)
    min_data = tuple(float(arr[idx == i].min()) for i in terisi)
    maks_data = tuple(float(arr[idx == i].max()) for i in terisi)
    n = len(atas)
    warna = color_brewer(palet, max(3, n))
    if n == 2:  # ColorBrewer starts at 3 colours; keep the ends for contrast
        warna = [warna[0], warna[-1]]
    return Kelas(atas, min_data, maks_data, tuple(warna[:n]), skema, jumlah_kelas, kosong)
