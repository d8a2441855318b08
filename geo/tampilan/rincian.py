"""Figures the page's detail panel and time captions show, computed here so the page only draws.

Each takes the View (and a unit's code): the same rows every other output reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from geo.tampilan import indeks

if TYPE_CHECKING:
    from geo.tampilan.angka import AngkaUtama
    from geo.tampilan.susun import Tampilan


@dataclass(frozen=True)
class Rincian:
    """One unit's detail: its boundary row, the potentials shown, and their counts."""

    baris: pd.Series
    potensi: pd.DataFrame  # the unit's potentials in the view (filters applied)
    jumlah_semua: int  # the unit's potentials without filters
    nama_kim: str
    angka: AngkaUtama
    terakhir: pd.Timestamp | None  # latest activity among the shown potentials
    per_status: dict[str, int]  # vocabulary order, zeros included
    status_beda: int  # potentials whose recorded status disagrees with the log's


def rincian(tampilan: Tampilan, kode: str) -> Rincian:
    from geo.tampilan.angka import angka_utama

    ds = tampilan.dataset
    potensi = tampilan.potensi[tampilan.potensi["kode_kelurahan"] == kode]
    hitung = potensi["status_aktivitas"].value_counts()
    return Rincian(
        baris=ds.batas.loc[ds.batas["kode"] == kode].iloc[0],
        potensi=potensi,
        jumlah_semua=int((ds.potensi["kode_kelurahan"] == kode).sum()),
        nama_kim=str(indeks.nama_kim(ds).get(kode, "")),
        angka=angka_utama(tampilan, kode),
        terakhir=potensi["kegiatan_terakhir"].max() if len(potensi) else None,
        per_status={s: int(hitung.get(s, 0)) for s in ds.wilayah.status_aktivitas},
        status_beda=int(potensi["status_beda"].sum()) if "status_beda" in potensi else 0,
    )


@dataclass(frozen=True)
class TotalBanding:
    """The comparison over the units shown (or one unit): active at each date, revived, fallen silent."""

    aktif_pada: int
    aktif_banding: int
    bangkit: int
    padam: int

    @property
    def selisih(self) -> int:
        return self.aktif_banding - self.aktif_pada


def total_banding(tampilan: Tampilan, kode: str | None = None) -> TotalBanding | None:
    """None without a comparison date (or when ``kode`` is not a unit of the view)."""
    r = tampilan.ringkasan
    if tampilan.banding is None or "perubahan_aktif" not in r:
        return None
    if kode is not None:
        r = r[r["kode"] == kode]
        if not len(r):
            return None
    return TotalBanding(*(int(r[k].sum()) for k in ("jumlah_aktif_pada", "jumlah_aktif_banding", "jumlah_bangkit", "jumlah_padam")))


def tabel_perubahan(tampilan: Tampilan) -> pd.DataFrame | None:
    """Every unit's change, gains first then by name, so the list reads like the map."""
    if tampilan.banding is None or "perubahan_aktif" not in tampilan.ringkasan:
        return None
    r = pd.DataFrame(tampilan.ringkasan[["kelurahan", "jumlah_aktif_pada", "jumlah_aktif_banding", "perubahan_aktif", "jumlah_bangkit"]])
    return r.sort_values(["perubahan_aktif", "kelurahan"], ascending=[False, True]).reset_index(drop=True)
