"""Budget figures of one filtered view: the single source for the page, the RAB and the CLI.

A line item tied to an ``id_potensi`` follows every filter through its
potential. A kelurahan-wide item (only ``kode_kelurahan``) follows the
kecamatan filter, and under a category/status/search filter it stays only
when its kelurahan still shows at least one potential.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.anggaran.rencana import Rencana
from geo.anggaran.usul import bulan_dorman
from geo.tampilan.susun import Tampilan


@dataclass(frozen=True)
class RingkasanAnggaran:
    """Cards (whole plan) and the filtered rows and per-kelurahan allocation."""

    pagu: int
    total: int
    sisa: int
    ke_dorman: int
    total_tersaring: int
    baris: pd.DataFrame  # filtered line items, plan order
    per_kelurahan: gpd.GeoDataFrame  # every kelurahan in the view, allocation of the filtered rows

    @property
    def persen_dorman(self) -> float:
        return round(100.0 * self.ke_dorman / self.total, 1) if self.total else 0.0

    @property
    def lewat_pagu(self) -> int:
        return max(0, self.total - self.pagu)


def saring_rencana(tabel: pd.DataFrame, tampilan: Tampilan) -> pd.DataFrame:
    """The plan rows that belong to the filtered view (rule in the module docstring)."""
    f = tampilan.filter
    per_potensi = tabel["id_potensi"] != ""
    tampak = per_potensi & tabel["id_potensi"].isin(tampilan.potensi["id_potensi"])
    kode_tampak = set(tampilan.ringkasan["kode"].astype(str))
    if f.kategori or f.status or f.cari.strip():
        kode_tampak &= set(tampilan.potensi["kode_kelurahan"].astype(str))
    tampak |= ~per_potensi & tabel["kode_kelurahan"].isin(kode_tampak)
    return tabel.loc[tampak]


def kim_dorman(tampilan: Tampilan, rencana: Rencana, acuan: dt.date | None = None) -> pd.Series:
    """kode → True when the KIM's last activity is at least ``ambang_dorman_bulan`` months ago."""
    p = rencana.pengaturan
    potensi = tampilan.dataset.potensi
    if not len(potensi):
        return pd.Series(dtype=bool)
    bulan = bulan_dorman(potensi, acuan or dt.date.today(), p.dorman_maks_bulan)
    return bulan >= p.ambang_dorman_bulan


def ringkas_anggaran(tampilan: Tampilan, rencana: Rencana, acuan: dt.date | None = None) -> RingkasanAnggaran:
    """Ceiling, planned total, remainder, share to dormant KIM, and the filtered allocation per kelurahan."""
    tabel = rencana.tabel
    dorman = kim_dorman(tampilan, rencana, acuan)
    kode_dorman = set(dorman.index[dorman])
    total = int(tabel["jumlah"].sum())
    ke_dorman = int(tabel.loc[tabel["kode_kelurahan"].isin(kode_dorman), "jumlah"].sum())
    baris = saring_rencana(tabel, tampilan)

    potensi = tampilan.dataset.potensi
    anggota = potensi.groupby("kode_kelurahan")["jumlah_anggota"].sum().fillna(0).astype("int64")
    r = tampilan.ringkasan
    per = gpd.GeoDataFrame({
        "kode": r["kode"].astype(str).to_numpy(),
        "kelurahan": r["kelurahan"].to_numpy(),
        "kecamatan": r["kecamatan"].to_numpy(),
        "nama_kim": r["nama_kim"].to_numpy(),
    }, geometry=r.geometry.to_numpy(), crs=r.crs)
    alokasi = baris.groupby("kode_kelurahan")["jumlah"].sum()
    per["alokasi"] = per["kode"].map(alokasi).fillna(0).astype("int64")
    per["jumlah_anggota"] = per["kode"].map(anggota).fillna(0).astype("int64")
    # Per-capita is for colouring only; integer rupiah (floor), none where a KIM has no members.
    ada = per["jumlah_anggota"] > 0
    per["alokasi_per_anggota"] = pd.array([None] * len(per), dtype="Int64")
    per.loc[ada, "alokasi_per_anggota"] = (per.loc[ada, "alokasi"] // per.loc[ada, "jumlah_anggota"]).astype("Int64")
    per["dorman"] = per["kode"].isin(kode_dorman)
    return RingkasanAnggaran(
        pagu=rencana.pengaturan.pagu, total=total, sisa=rencana.pengaturan.pagu - total, ke_dorman=ke_dorman,
        total_tersaring=int(baris["jumlah"].sum()), baris=baris, per_kelurahan=per,
    )


def tabel_per_kelurahan(ringkasan: RingkasanAnggaran) -> pd.DataFrame:
    """The per-kelurahan allocation without geometry (CLI, XLSX sheet)."""
    kolom = ["kode", "kelurahan", "kecamatan", "nama_kim", "jumlah_anggota", "alokasi", "alokasi_per_anggota", "dorman"]
    return pd.DataFrame(ringkasan.per_kelurahan[kolom])


def tambah_alokasi(tabel: pd.DataFrame, tampilan: Tampilan, path=None) -> tuple[pd.DataFrame, str | None]:
    """``python -m geo summary`` gains ``alokasi_anggaran`` (filtered, integer rupiah) when the plan is valid.

    No plan file: the table is unchanged. An invalid plan: unchanged, plus a note saying how to check it.
    """
    from geo.anggaran.rencana import muat_rencana

    rencana = muat_rencana(tampilan.dataset, path)
    if not rencana.path.exists():
        return tabel, None
    if not rencana.ok:
        return tabel, (f"Catatan: rencana anggaran {rencana.path.name} tidak sah, jadi kolom alokasi_anggaran tidak ditampilkan. "
                       "Periksa dengan: python -m geo anggaran periksa")
    alokasi = ringkas_anggaran(tampilan, rencana).per_kelurahan.set_index("kode")["alokasi"]
    return tabel.assign(alokasi_anggaran=tabel["kode"].map(alokasi).fillna(0).astype("int64").to_numpy()), None
