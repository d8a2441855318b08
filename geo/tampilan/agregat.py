"""Per-kelurahan figures: the one computation every map, table and export uses."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.masuk import skema
from geo.masuk.wilayah import Wilayah
from geo.slug import slug


def kolom_kategori(kategori: str) -> str:
    return f"potensi_{slug(kategori, '_')}"


def kolom_status(status: str) -> str:
    return f"status_{slug(status, '_')}"


def ringkas_kelurahan(
    potensi: pd.DataFrame,
    batas: gpd.GeoDataFrame,
    wilayah: Wilayah,
    nama_kim: pd.Series | None = None,
) -> gpd.GeoDataFrame:
    """Aggregate (already filtered) potentials onto every kelurahan in ``batas``.

    Kelurahan without potentials keep their row with zeros, so a choropleth
    still shows them. ``nama_kim`` (kode → name) names each kelurahan's KIM
    even when a filter hides all its potentials.
    """
    hasil = batas.set_index("kode", drop=False).copy()
    kelompok = potensi.groupby("kode_kelurahan")
    aktif = potensi["status_aktivitas"] == skema.STATUS_AKTIF
    hasil["nama_kim"] = (nama_kim if nama_kim is not None else kelompok["nama_kim"].first()).reindex(hasil.index).fillna("")
    hasil["jumlah_potensi"] = kelompok.size().reindex(hasil.index, fill_value=0).astype(int)
    hasil["jumlah_aktif"] = aktif.groupby(potensi["kode_kelurahan"]).sum().reindex(hasil.index, fill_value=0).astype(int)
    hasil["persen_aktif"] = np.where(
        hasil["jumlah_potensi"] > 0,
        (100.0 * hasil["jumlah_aktif"] / hasil["jumlah_potensi"].where(hasil["jumlah_potensi"] > 0, 1)).round(1),
        0.0,
    )
    hasil["jumlah_anggota"] = kelompok["jumlah_anggota"].sum().reindex(hasil.index, fill_value=0).fillna(0).astype(int)

    per_kategori = pd.crosstab(potensi["kode_kelurahan"], potensi["kategori_potensi"])
    per_kategori = per_kategori.reindex(index=hasil.index, columns=list(wilayah.kategori_potensi), fill_value=0)
    for kategori in wilayah.kategori_potensi:
        hasil[kolom_kategori(kategori)] = per_kategori[kategori].astype(int)
    per_status = pd.crosstab(potensi["kode_kelurahan"], potensi["status_aktivitas"])
    per_status = per_status.reindex(index=hasil.index, columns=list(wilayah.status_aktivitas), fill_value=0)
    for status in wilayah.status_aktivitas:
        hasil[kolom_status(status)] = per_status[status].astype(int)

    hasil["kategori_dominan"] = _kategori_dominan(potensi, wilayah).reindex(hasil.index).fillna("")
    hasil["kegiatan_terakhir"] = kelompok["kegiatan_terakhir"].max().reindex(hasil.index)
    kolom = [c for c in hasil.columns if c != "geometry"] + ["geometry"]
    return gpd.GeoDataFrame(hasil[kolom].reset_index(drop=True), geometry="geometry", crs=batas.crs)


def _kategori_dominan(potensi: pd.DataFrame, wilayah: Wilayah) -> pd.Series:
    """Most potentials wins; a tie goes to more members, then vocabulary order.

    Members break ties because a kelurahan with one 40-member mangrove tour and
    one 5-member snack stall is better described by the tour.
    """
    if potensi.empty:
        return pd.Series(dtype=object)
    urutan = {k: i for i, k in enumerate(wilayah.kategori_potensi)}
    per = (
        potensi.assign(_anggota=potensi["jumlah_anggota"].fillna(0).astype(int))
        .groupby(["kode_kelurahan", "kategori_potensi"])
        .agg(n=("kategori_potensi", "size"), anggota=("_anggota", "sum"))
        .reset_index()
    )
    per["urutan"] = per["kategori_potensi"].map(urutan)
    per = per.sort_values(["kode_kelurahan", "n", "anggota", "urutan"], ascending=[True, False, False, True])
    return per.drop_duplicates("kode_kelurahan").set_index("kode_kelurahan")["kategori_potensi"]


def kolom_ringkasan(wilayah: Wilayah) -> list[str]:
    """Summary columns in report order, without geometry."""
    return [
        "kode", "kelurahan", "kecamatan", "kode_kecamatan", "luas_km2", "nama_kim",
        "jumlah_potensi", "jumlah_aktif", "persen_aktif", "jumlah_anggota",
        *[kolom_kategori(k) for k in wilayah.kategori_potensi],
        *[kolom_status(s) for s in wilayah.status_aktivitas],
        "kategori_dominan", "kegiatan_terakhir",
    ]
