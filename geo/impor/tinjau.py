"""Check the KIM data against a new set of boundaries.

New official boundaries move lines by tens of metres; a potential placed
near a border may now sit in the neighbouring kelurahan. The importer lists
those points so the officer can fix them before the map misleads anyone.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.galat import Laporan
from geo.masuk.baca import baca_tabel
from geo.masuk.nama import kode_untuk_nama
from geo.masuk.periksa import baca_dan_validasi_berkas
from geo.masuk.referensi import Referensi, normalisasi_kode
from geo.masuk.wilayah import Wilayah

KOLOM_TITIK = ["id_potensi", "nama_kim", "kelurahan", "keterangan"]


def kode_dipakai_kim(path_kim: Path, ref: Referensi) -> set[str]:
    """Reference codes the KIM table uses (by code, or by name when the code is blank/unknown)."""
    mentah = baca_tabel(path_kim, Laporan()) if Path(path_kim).exists() else None
    if mentah is None or mentah.empty:
        return set()
    kosong = pd.Series("", index=mentah.index)
    kode = mentah.get("kode_kelurahan", kosong).map(normalisasi_kode)
    per_nama = kode_untuk_nama(ref, mentah.get("kelurahan", kosong), kecamatan=mentah.get("kecamatan"), kabkota=mentah.get("kabkota"))
    kode = kode.where(kode.isin(ref.tabel.index), per_nama)
    return set(kode[kode != ""])


def titik_kim(path_kim: Path, ref: Referensi, wil: Wilayah) -> gpd.GeoSeries:
    """The KIM table's points with coordinates (empty when there is no readable table)."""
    tabel, _ = baca_dan_validasi_berkas(path_kim, ref, wil) if Path(path_kim).exists() else (None, None)
    if tabel is None or tabel.empty:
        return gpd.GeoSeries([], crs="EPSG:4326")
    tabel = tabel[tabel["lintang"].notna() & tabel["bujur"].notna()]
    return gpd.GeoSeries(gpd.points_from_xy(tabel["bujur"], tabel["lintang"]), crs="EPSG:4326")


def titik_pindah(path_kim: Path, ref: Referensi, wil: Wilayah, batas: gpd.GeoDataFrame) -> pd.DataFrame:
    """KIM points that are not inside their own kelurahan in ``batas``, with where they are now."""
    tabel, _ = baca_dan_validasi_berkas(path_kim, ref, wil) if Path(path_kim).exists() else (None, None)
    if tabel is None or tabel.empty:
        return pd.DataFrame(columns=KOLOM_TITIK)
    tabel = tabel[(tabel["kode_kelurahan"] != "") & tabel["lintang"].notna() & tabel["bujur"].notna()]
    if tabel.empty:
        return pd.DataFrame(columns=KOLOM_TITIK)
    titik = gpd.GeoDataFrame(tabel, geometry=gpd.points_from_xy(tabel["bujur"], tabel["lintang"]), crs="EPSG:4326")
    pasangan = gpd.sjoin(titik, batas[["kode", "kelurahan", "geometry"]].rename(columns={"kode": "kode_titik", "kelurahan": "kelurahan_titik"}),
                         predicate="within", how="left")
    pasangan = pasangan[~pasangan.index.duplicated()]
    pindah = pasangan[pasangan["kode_titik"] != pasangan["kode_kelurahan"]].copy()
    if pindah.empty:
        return pd.DataFrame(columns=KOLOM_TITIK)
    crs_m = batas.estimate_utm_crs()
    jarak = pindah.geometry.to_crs(crs_m).distance(batas.to_crs(crs_m).union_all())
    ada_batas = pindah["kode_kelurahan"].isin(batas["kode"])
    pindah["keterangan"] = np.select(
        [~ada_batas, pindah["kode_titik"].isna()],
        ["kelurahannya tidak ada di batas baru",
         "di luar semua batas kelurahan, " + jarak.round().astype(int).astype(str) + " m dari batas terdekat"],
        "kini berada di Kelurahan " + pindah["kelurahan_titik"].fillna("").astype(str),
    )
    return pd.DataFrame(pindah[KOLOM_TITIK]).reset_index(drop=True)
