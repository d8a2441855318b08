"""Classes and titles for the time metrics, shared by the web map and the printed map.

The change map (``perubahan_aktif``) is diverging: zero is always the neutral
middle colour, losses red and gains blue (ColorBrewer *RdBu*, readable for
colour-blind users by lightness), one class per whole number up to ±3.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from geo.i18n import label_metrik, t, tanggal
from geo.tampilan import kelas
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan

PALET_DIVERGEN = "RdBu"
LANGKAH_MAKS = 3  # ±3 and beyond share the darkest colour


def kelas_divergen(nilai: Sequence[float] | np.ndarray) -> kelas.Kelas:
    """One class per change from the smallest to the largest present, always including 0."""
    arr = np.asarray(nilai, dtype=float)
    kosong = int(np.isnan(arr).sum())
    arr = arr[~np.isnan(arr)]
    lo = int(max(-LANGKAH_MAKS, min(0, arr.min()))) if len(arr) else 0
    hi = int(min(LANGKAH_MAKS, max(0, arr.max()))) if len(arr) else 0
    palet = kelas.color_brewer(PALET_DIVERGEN, 2 * LANGKAH_MAKS + 1)
    langkah = list(range(lo, hi + 1))
    atas = [float(v) for v in langkah]
    min_data = [float(v) for v in langkah]
    maks_data = [float(v) for v in langkah]
    if len(arr) and arr.min() < -LANGKAH_MAKS:
        min_data[0] = float(arr.min())
    if len(arr) and arr.max() > LANGKAH_MAKS:
        maks_data[-1] = atas[-1] = float(arr.max())
    warna = tuple(palet[v + LANGKAH_MAKS] for v in langkah)
    return kelas.Kelas(tuple(atas), tuple(min_data), tuple(maks_data), warna, "divergen", tanpa_data=kosong)


def kelas_metrik(nilai: Sequence[float] | np.ndarray, metrik: str, skema: str, jumlah_kelas: int) -> kelas.Kelas:
    """The classes for any metric: diverging for the change, the chosen scheme otherwise."""
    if metrik == "perubahan_aktif":
        return kelas_divergen(nilai)
    return kelas.hitung_kelas(nilai, skema, jumlah_kelas)


def judul_metrik(tampilan: Tampilan, metrik: str, bahasa: str = "id") -> str:
    """The legend title: time metrics say their date(s) and how a kelurahan's value is made."""
    if metrik == "perubahan_aktif" and tampilan.pada and tampilan.banding:
        return t("legenda_divergen", bahasa, pada=tanggal(tampilan.pada, bahasa), banding=tanggal(tampilan.banding, bahasa))
    if metrik == "skor_kim":
        from geo.kim.nilai import periode_dari
        from geo.tampilan.skor_kim import tanggal_skor

        pada = tanggal_skor(tampilan)
        return t("legenda_skor_kim", bahasa, periode=periode_dari(pada), pada=tanggal(pada, bahasa),
                 **sebutan_tampilan(tampilan, bahasa))
    if metrik == "bulan_tidak_aktif" and tampilan.pada:
        return t("legenda_dormansi", bahasa, pada=tanggal(tampilan.pada, bahasa), **sebutan_tampilan(tampilan, bahasa))
    return label_metrik(metrik, tampilan.dataset.wilayah, bahasa)


def frasa_tanggal(tampilan: Tampilan, bahasa: str = "id") -> str:
    """For titles: "" without a log, else the date(s) the map stands at."""
    if tampilan.pada is None:
        return ""
    if tampilan.banding is None:
        return t("c_keadaan_tanggal", bahasa, tanggal=tanggal(tampilan.pada, bahasa))
    return t("c_dibandingkan", bahasa, pada=tanggal(tampilan.pada, bahasa), banding=tanggal(tampilan.banding, bahasa))
