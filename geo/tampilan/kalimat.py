"""Sentences that state a view's figures in words, built from the very columns they describe.

The comparison sentence once said "14 menjadi tidak aktif" where all 14
had become *Kurang Aktif*: the words had been written beside the numbers
instead of from them. Here the counts and the status name are read from the
view, so a sentence can only say what the figures say.
"""

from __future__ import annotations

import datetime as dt

from geo.i18n import angka, bahasa_sah, t, tanggal
from geo.masuk.wilayah import Wilayah
from geo.tampilan.rincian import TotalBanding


def nama_aktif(wilayah: Wilayah, bahasa: str) -> str:
    """The first status of the vocabulary (the one counted as active), in the page's language when it is the default word."""
    aktif = wilayah.status_aktivitas[0]
    return t("aktif", bahasa) if aktif == "Aktif" and bahasa_sah(bahasa) == "en" else aktif


def kalimat_banding(total: TotalBanding, wilayah: Wilayah, pada: dt.date, banding: dt.date, bahasa: str) -> str:
    """"Potensi aktif: **a** pada … → **b** pada … (+n); **x** bangkit kembali, **y** tidak lagi Aktif."

    ``total`` is :func:`geo.tampilan.rincian.total_banding` of the view (or of
    one unit). "No longer Aktif" is exactly what ``padam`` counts: Aktif on the
    first date, any other status on the second.
    """
    return t("waktu_ringkas_banding", bahasa, a=angka(total.aktif_pada, bahasa), b=angka(total.aktif_banding, bahasa),
             pada=tanggal(pada, bahasa), banding=tanggal(banding, bahasa), selisih=f"{total.selisih:+d}",
             bangkit=angka(total.bangkit, bahasa), padam=angka(total.padam, bahasa), aktif=nama_aktif(wilayah, bahasa))
