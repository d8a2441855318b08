"""Per-kelurahan figures: the one computation every map, table and export uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.masuk.wilayah import Wilayah
from geo.slug import slug

if TYPE_CHECKING:
    from geo.masuk.dataset import Dataset


def kolom_kategori(kategori: str) -> str:
    return f"potensi_{slug(kategori, '_')}"


def kolom_status(status: str) -> str:
    return f"status_{slug(status, '_')}"


def _kode(nilai: pd.Series, pilihan: list[str] | pd.Index, faktor: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Integer codes of ``nilai`` (as text) in ``pilihan`` (-1 when absent): one hash pass, no groupby.

    Only the distinct values are looked up in ``pilihan`` (a national table
    repeats a few thousand of them 400,000 times); ``faktor`` is
    ``pd.factorize(nilai)`` when the caller already has it.
    """
    kode, unik = faktor if faktor is not None else pd.factorize(nilai)
    if not len(unik):
        return np.full(len(kode), -1, dtype=np.intp)
    # A missing value (code -1) reads as the text "nan", as astype(str) spells it.
    tabel = pd.Index(pilihan).get_indexer(pd.Index(np.append(np.asarray(unik, dtype=object), np.nan)).astype(str))
    return tabel[kode]


@dataclass(frozen=True)
class KodePotensi:
    """Every potential's columns as integer codes, aligned with ``potensi`` rows: what bincount counts."""

    kel: np.ndarray  # row of its kelurahan in ``batas`` (-1: none)
    kategori: np.ndarray  # index in the vocabulary (-1: unknown)
    status: np.ndarray
    anggota: np.ndarray  # float, missing = 0
    aktif: np.ndarray  # 1.0 for the active status
    tanggal: np.ndarray  # int64 seconds; NaT is the smallest int64
    kim: np.ndarray  # one code per (kelurahan, KIM name) pair
    kelurahan: np.ndarray | None = None  # one code per distinct ``kode_kelurahan`` (also those off the map)


def kode_potensi(potensi: pd.DataFrame, batas: gpd.GeoDataFrame, wilayah: Wilayah) -> KodePotensi:
    """Code the columns once (per dataset on the page: see :func:`kode_dataset`)."""
    # kode_kelurahan factorized once: its codes count distinct units and map rows to ``batas``.
    kelurahan = pd.factorize(potensi["kode_kelurahan"])
    pasangan = potensi["kode_kelurahan"].astype(str) + "\x1f" + potensi["nama_kim"].astype(str)
    return KodePotensi(
        kel=_kode(potensi["kode_kelurahan"], pd.Index(batas["kode"].astype(str)), kelurahan),
        kategori=_kode(potensi["kategori_potensi"], list(wilayah.kategori_potensi)),
        status=_kode(potensi["status_aktivitas"], list(wilayah.status_aktivitas)),
        anggota=potensi["jumlah_anggota"].astype("Float64").fillna(0).to_numpy(dtype=float),
        aktif=(potensi["status_aktivitas"] == wilayah.status_aktif).to_numpy(dtype=float),
        tanggal=pd.to_datetime(potensi["kegiatan_terakhir"]).to_numpy(dtype="datetime64[s]").astype(np.int64),
        kim=pd.factorize(pasangan)[0] if len(potensi) else np.zeros(0, dtype=np.int64),
        kelurahan=kelurahan[0] if len(potensi) else np.zeros(0, dtype=np.int64),
    )


def jumlah_beda(kode: np.ndarray) -> int:
    """How many distinct non-negative integer codes: one pass, no sort or hash (codes come from factorize)."""
    if not len(kode):
        return 0
    ada = np.zeros(int(kode.max()) + 1, dtype=bool)
    ada[kode[kode >= 0]] = True
    return int(np.count_nonzero(ada))


def kode_dataset(dataset: Dataset) -> KodePotensi:
    """The dataset's codes, computed on its first view and kept with it."""
    ix = dataset.indeks
    if ix.kode_potensi is None:
        ix.kode_potensi = kode_potensi(dataset.potensi, dataset.batas, dataset.wilayah)
    return ix.kode_potensi


def ringkas_kelurahan(
    potensi: pd.DataFrame,
    batas: gpd.GeoDataFrame,
    wilayah: Wilayah,
    nama_kim: pd.Series | None = None,
) -> gpd.GeoDataFrame:
    """Aggregate (already filtered) potentials onto every kelurahan in ``batas``.

    The page and every output aggregate through :func:`ringkas_kode` (integer
    codes); this string-keyed form is kept on purpose as the tests' oracle
    (tests/tampilan/test_indeks.py checks the fast path against it).

    Kelurahan without potentials keep their row with zeros, so a choropleth
    still shows them. ``nama_kim`` (kode → name) names each kelurahan's KIM
    even when a filter hides all its potentials. Counts are ``np.bincount``
    over integer-coded columns: one pass, the same cost for 15 or 1,000 units.
    """
    if nama_kim is None:
        nama_kim = potensi.groupby("kode_kelurahan")["nama_kim"].first()
    return ringkas_kode(kode_potensi(potensi, batas, wilayah), batas, wilayah, nama_kim)


def ringkas_kode(kd: KodePotensi, batas: gpd.GeoDataFrame, wilayah: Wilayah, nama_kim: pd.Series | np.ndarray,
                 basis: pd.DataFrame | None = None) -> gpd.GeoDataFrame:
    """:func:`ringkas_kelurahan` from already coded potentials (``kd.kel`` indexes ``batas`` rows).

    ``nama_kim`` is kode → name, or already one name per ``batas`` row; ``basis``
    is ``batas`` without geometry (RangeIndex), when the caller keeps one.
    """
    kode = pd.Index(batas["kode"].astype(str))
    n = len(kode)
    kategori, status = list(wilayah.kategori_potensi), list(wilayah.status_aktivitas)
    ada = kd.kel >= 0
    i = kd.kel[ada]
    anggota, k, s = kd.anggota[ada], kd.kategori[ada], kd.status[ada]
    nk, ns = len(kategori), len(status)
    ik, wk = i[k >= 0] * nk + k[k >= 0], anggota[k >= 0]
    per_kategori = np.bincount(ik, minlength=n * nk).reshape(n, nk)
    anggota_kategori = np.bincount(ik, weights=wk, minlength=n * nk).reshape(n, nk)
    per_status = np.bincount(i[s >= 0] * ns + s[s >= 0], minlength=n * ns).reshape(n, ns)

    jumlah = np.bincount(i, minlength=n)
    aktif = np.bincount(i, weights=kd.aktif[ada], minlength=n)
    kolom: dict[str, object] = {
        "nama_kim": nama_kim if isinstance(nama_kim, np.ndarray) else nama_kim.reindex(kode).fillna("").to_numpy(),
        "jumlah_potensi": jumlah.astype(np.int64),
        "jumlah_aktif": aktif.astype(np.int64),
        "persen_aktif": np.where(jumlah > 0, np.round(100.0 * aktif / np.maximum(jumlah, 1), 1), 0.0),
        "jumlah_anggota": np.bincount(i, weights=anggota, minlength=n).astype(np.int64),
    }
    for j, nama in enumerate(kategori):
        kolom[kolom_kategori(nama)] = per_kategori[:, j].astype(np.int64)
    for j, nama in enumerate(status):
        kolom[kolom_status(nama)] = per_status[:, j].astype(np.int64)
    kolom["kategori_dominan"] = _kategori_dominan(per_kategori, anggota_kategori, kategori)
    kolom["kegiatan_terakhir"] = _terakhir(kd.tanggal[ada], i, n)
    # One frame built at once: inserting ~20 columns one by one cost more than the counting.
    if basis is None:
        basis = pd.DataFrame(batas.drop(columns="geometry")).reset_index(drop=True)
    hasil = pd.concat([basis, pd.DataFrame(kolom, index=basis.index)], axis=1)
    hasil["nama_kim"] = hasil["nama_kim"].astype(basis["kode"].dtype) if len(basis.columns) else hasil["nama_kim"]
    hasil["kategori_dominan"] = hasil["kategori_dominan"].astype(basis["kode"].dtype) if n else hasil["kategori_dominan"]
    return gpd.GeoDataFrame(hasil, geometry=batas.geometry.to_numpy(), crs=batas.crs)


def _kategori_dominan(jumlah: np.ndarray, anggota: np.ndarray, kategori: list[str]) -> np.ndarray:
    """Most potentials wins; a tie goes to more members, then vocabulary order.

    Members break ties because a kelurahan with one 40-member mangrove tour and
    one 5-member snack stall is better described by the tour. ``argmax`` takes
    the first of equal keys, which is the vocabulary order.
    """
    if not jumlah.size:
        return np.full(len(jumlah), "", dtype=object)
    kunci = jumlah * (anggota.max(initial=0) + 1) + anggota
    menang = np.asarray(kategori, dtype=object)[np.argmax(kunci, axis=1)]
    return np.where(jumlah.sum(axis=1) > 0, menang, "")


def _terakhir(angka: np.ndarray, i: np.ndarray, n: int) -> np.ndarray:
    """The latest date per unit (NaT where none), with ``np.maximum.at`` (NaT is the smallest int64)."""
    hasil = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(hasil, i, angka)
    return hasil.astype("datetime64[s]")


def kolom_ringkasan(wilayah: Wilayah) -> list[str]:
    """Summary columns in report order, without geometry."""
    return [
        "kode", "kelurahan", "kecamatan", "kode_kecamatan", "luas_km2", "nama_kim",
        "jumlah_potensi", "jumlah_aktif", "persen_aktif", "jumlah_anggota",
        *[kolom_kategori(k) for k in wilayah.kategori_potensi],
        *[kolom_status(s) for s in wilayah.status_aktivitas],
        "kategori_dominan", "kegiatan_terakhir",
    ]
