"""Sentences that state a view's figures in words, built from the very columns they describe.

The comparison sentence once said "14 menjadi tidak aktif" where all 14
had become *Kurang Aktif*: the words had been written beside the numbers
instead of from them. Here the counts and the status name are read from the
view, so a sentence can only say what the figures say.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.i18n import angka, bahasa_sah, t, tanggal
from geo.masuk.wilayah import Wilayah


def nama_aktif(wilayah: Wilayah, bahasa: str) -> str:
    """The first status of the vocabulary (the one counted as active), in the page's language when it is the default word."""
    aktif = wilayah.status_aktivitas[0]
    return t("aktif", bahasa) if aktif == "Aktif" and bahasa_sah(bahasa) == "en" else aktif


def kalimat_banding(baris: pd.DataFrame | pd.Series, wilayah: Wilayah, pada: dt.date, banding: dt.date, bahasa: str) -> str:
    """"Potensi aktif: **a** pada … → **b** pada … (+n); **x** bangkit kembali, **y** tidak lagi Aktif."

    ``baris`` is the view's ``ringkasan`` (summed) or one of its rows, with the
    columns of :func:`geo.tampilan.banding.tambah_banding`. "No longer Aktif"
    is exactly what ``jumlah_padam`` counts: Aktif on the first date, any other
    status on the second.
    """
    def jumlah(kolom: str) -> int:
        nilai = baris[kolom]
        return int(nilai.sum()) if isinstance(nilai, pd.Series) else int(nilai)

    a, b = jumlah("jumlah_aktif_pada"), jumlah("jumlah_aktif_banding")
    return t("waktu_ringkas_banding", bahasa, a=angka(a, bahasa), b=angka(b, bahasa), pada=tanggal(pada, bahasa),
             banding=tanggal(banding, bahasa), selisih=f"{b - a:+d}", bangkit=angka(jumlah("jumlah_bangkit"), bahasa),
             padam=angka(jumlah("jumlah_padam"), bahasa), aktif=nama_aktif(wilayah, bahasa))
