"""One filtered view of a dataset: the single source of every figure.

Every view and export is computed from :func:`tampilkan`, so the page, the
files and the command line can never disagree on a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.masuk.dataset import Dataset
from geo.tampilan.agregat import KodePotensi, kode_dataset, ringkas_kode
from geo.tampilan.saring import Filter


@dataclass(frozen=True)
class Tampilan:
    """A filtered view: the potentials shown and the per-kelurahan summary."""

    dataset: Dataset
    filter: Filter
    potensi: gpd.GeoDataFrame
    ringkasan: gpd.GeoDataFrame = field(repr=False)
    # The shown potentials' integer codes (``kel`` indexes ``ringkasan`` rows), for cheap counts.
    kode: KodePotensi | None = field(default=None, repr=False, compare=False)


def tampilkan(dataset: Dataset, f: Filter | None = None) -> Tampilan:
    """Filter first, then aggregate: every figure reflects the filter."""
    f = f or Filter()
    semua = kode_dataset(dataset)  # coded once per dataset; a view only selects rows
    baris = np.flatnonzero(_cocok(dataset, f))
    potensi = dataset.potensi.iloc[baris] if len(baris) < len(dataset.potensi) else dataset.potensi
    kd = KodePotensi(**{c.name: getattr(semua, c.name)[baris] for c in fields(KodePotensi)})
    batas = dataset.batas
    # Per dataset, once: the boundary attributes without geometry, and each row's KIM name.
    basis = dataset.memo("basis_batas", lambda: pd.DataFrame(dataset.batas.drop(columns="geometry")).reset_index(drop=True))
    nama = dataset.memo("nama_kim_batas", lambda: dataset.nama_kim().reindex(dataset.batas["kode"].astype(str)).fillna("").to_numpy())
    if f.kecamatan:
        pilih = batas["kecamatan"].isin(f.kecamatan).to_numpy()
        batas = batas[pilih]
        basis = basis.loc[pilih].reset_index(drop=True)
        nama = nama[pilih]
        posisi = np.full(len(pilih) + 1, -1)
        posisi[np.flatnonzero(pilih)] = np.arange(int(pilih.sum()))
        kd = KodePotensi(**{**{c.name: getattr(kd, c.name) for c in fields(KodePotensi)}, "kel": posisi[kd.kel]})
    ringkasan = ringkas_kode(kd, batas, dataset.wilayah, nama, basis)
    return Tampilan(dataset, f, potensi, ringkasan, kd)


def _cocok(dataset: Dataset, f: Filter) -> np.ndarray:
    """:func:`geo.tampilan.saring.terapkan` as a mask over integer codes (same rows, no string compares)."""
    p = dataset.potensi
    kd = kode_dataset(dataset)
    wil = dataset.wilayah
    cocok = np.ones(len(p), dtype=bool)
    if f.kategori:
        cocok &= np.isin(kd.kategori, [i for i, k in enumerate(wil.kategori_potensi) if k in f.kategori])
    if f.status:
        cocok &= np.isin(kd.status, [i for i, k in enumerate(wil.status_aktivitas) if k in f.status])
    if f.kecamatan:
        kode, nama = dataset.memo("kode_kecamatan_potensi", lambda: pd.factorize(p["kecamatan"]))
        cocok &= np.isin(kode, [i for i, k in enumerate(nama) if k in f.kecamatan])
    if f.cari.strip():
        teks = dataset.memo("teks_cari", lambda: (p["nama_kim"].astype(str) + "\n" + p["nama_potensi"].astype(str)).str.casefold())
        cocok &= teks.str.contains(f.cari.strip().casefold(), regex=False).to_numpy(dtype=bool)
    return cocok


def pilihan_kelurahan(dataset: Dataset) -> dict[str, str]:
    """kode → "Name (kecamatan)", sorted by name, for pickers; once per dataset."""

    def buat() -> dict[str, str]:
        b = dataset.batas.sort_values("kelurahan")
        return dict(zip(b["kode"].astype(str), b["kelurahan"] + " (" + b["kecamatan"] + ")"))

    return dict(dataset.memo("pilihan_kelurahan", buat))
