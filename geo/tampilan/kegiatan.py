"""A kelurahan's activities up to the view's date: the one rule the detail panel and the profile share."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from geo.tampilan.susun import Tampilan

KOLOM_KEGIATAN = ["tanggal", "nama_potensi", "jenis_kegiatan", "peserta", "keterangan"]


def kegiatan_kelurahan(tampilan: Tampilan, kode: str) -> pd.DataFrame | None:
    """The activities of the potentials of kelurahan ``kode`` on or before the View's ``pada``, newest first.

    None when the region keeps no activity log. Activities after ``pada`` are
    left out: the view shows what was known on that date.
    """
    log = tampilan.dataset.kegiatan
    if log is None or tampilan.pada is None:
        return None
    pot = tampilan.dataset.potensi
    pot = pot.loc[pot["kode_kelurahan"] == kode, ["id_potensi", "nama_potensi"]]
    tanggal = pd.to_datetime(log["tanggal"])
    hasil = log[log["id_potensi"].isin(pot["id_potensi"]) & (tanggal <= pd.Timestamp(tampilan.pada))]
    hasil = hasil.assign(tanggal=pd.to_datetime(hasil["tanggal"])).merge(pot, on="id_potensi", how="left")
    return hasil.sort_values("tanggal", ascending=False, kind="stable")[KOLOM_KEGIATAN].reset_index(drop=True)
