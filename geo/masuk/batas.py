"""Load the kelurahan boundary polygons the map and the joins are drawn on."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
from shapely.geometry import Point

from geo.galat import Laporan
from geo.masuk.referensi import Referensi, normalisasi_kode

KOLOM_BATAS = ("kode", "kelurahan", "kecamatan", "kode_kecamatan", "luas_km2", "sumber")
# Higher levels and desa/kelurahan kind, copied from the reference so views can aggregate by prefix.
KOLOM_TINGKAT = ("jenis_unit", "kode_kabkota", "kabkota", "kode_provinsi", "provinsi")
PENANDA_SKEMATIK = "skematik"


def muat_batas(path: Path | str, referensi: Referensi, laporan: Laporan) -> gpd.GeoDataFrame | None:
    """Read boundaries as EPSG:4326 polygons keyed by ``kode``; None if unusable.

    Names and kecamatan are taken from the reference table so that every view
    spells a kelurahan the same way.
    """
    path = Path(path)
    nama = path.name
    try:
        gdf = pyogrio.read_dataframe(path)
    except Exception as exc:  # noqa: BLE001 - pyogrio/GDAL raise many unrelated types for bad files
        laporan.tambah(nama, f"Berkas batas wilayah tidak dapat dibaca ({exc}). Gunakan GeoJSON batas kelurahan, atau impor dengan 'python -m geo boundaries import'.")
        return None
    return siapkan_batas(gdf, nama, referensi, laporan)


def siapkan_batas(gdf: gpd.GeoDataFrame, nama: str, referensi: Referensi, laporan: Laporan) -> gpd.GeoDataFrame | None:
    """Check and canonicalise read boundary features, whether from a file or the database."""
    if "kode" not in gdf.columns:
        laporan.tambah(nama, "Berkas batas tidak memiliki properti 'kode' (kode Kemendagri kelurahan). Impor berkas resmi dengan 'python -m geo boundaries import SUMBER'.")
        return None
    if gdf.crs is None:
        gdf = gdf.set_crs("EPSG:4326")
    gdf = gdf.to_crs("EPSG:4326")
    gdf["kode"] = gdf["kode"].map(normalisasi_kode)
    for i, kode in gdf["kode"][gdf["kode"].duplicated()].items():
        laporan.tambah(nama, "Kode kelurahan muncul di lebih dari satu fitur. Gabungkan bagian-bagiannya menjadi satu fitur.", baris=int(i) + 1, kolom="kode", nilai=kode)
    tak_dikenal = ~gdf["kode"].map(referensi.ada)
    for i, kode in gdf.loc[tak_dikenal, "kode"].items():
        laporan.tambah(nama, "Kode kelurahan tidak ada di tabel referensi; fitur ini diabaikan.", baris=int(i) + 1, kolom="kode", nilai=kode, tingkat="peringatan")
    gdf = gdf.loc[~tak_dikenal & ~gdf["kode"].duplicated()].copy()
    invalid = ~gdf.geometry.is_valid
    if invalid.any():
        gdf.loc[invalid, "geometry"] = gdf.loc[invalid, "geometry"].make_valid()
    ref = referensi.tabel.loc[gdf["kode"]]
    for kolom in ("kelurahan", "kecamatan", "kode_kecamatan", *KOLOM_TINGKAT):
        gdf[kolom] = ref[kolom].astype(str).to_numpy()
    if "luas_km2" not in gdf.columns:
        gdf["luas_km2"] = ref["luas_km2"].to_numpy()
    gdf["luas_km2"] = pd.to_numeric(gdf["luas_km2"], errors="coerce")
    if "sumber" not in gdf.columns:
        gdf["sumber"] = ""
    gdf["sumber"] = gdf["sumber"].fillna("").astype(str)
    gdf = gdf[[*KOLOM_BATAS, *KOLOM_TINGKAT, "geometry"]].sort_values("kode").reset_index(drop=True)
    return gdf


def kelurahan_di_titik_seri(batas: gpd.GeoDataFrame, titik: gpd.GeoSeries) -> pd.Series:
    """Per point, the kode of the unit containing it (``""`` outside all), the first in ``batas`` order.

    One query of the boundaries' own (cached) tree: cheap for the few points
    validation still asks about, where a spatial join would index the points
    and query every unit.
    """
    if not len(titik) or not len(batas):
        return pd.Series("", index=titik.index, dtype=object)
    i_titik, i_batas = batas.sindex.query(titik.to_numpy(), predicate="within", sort=True)
    pertama = np.unique(i_titik, return_index=True)[1]
    hasil = np.full(len(titik), "", dtype=object)
    hasil[i_titik[pertama]] = batas["kode"].to_numpy(dtype=object)[i_batas[pertama]]
    return pd.Series(hasil, index=titik.index, dtype=object).astype(str)


def kelurahan_di_titik(batas: gpd.GeoDataFrame, lintang: float, bujur: float, toleransi: float = 0.0) -> str | None:
    """The kode of the unit at one point, or the nearest within ``toleransi`` degrees; else None.

    The one point-in-unit lookup: map clicks (with a tolerance of ~200 m so a
    marker on an edge still finds its unit) and the location editor (none).
    """
    if not len(batas):
        return None
    titik = Point(float(bujur), float(lintang))
    berisi = batas.sindex.query(titik, predicate="within")
    if len(berisi):
        return str(batas["kode"].iloc[int(min(berisi))])
    if toleransi <= 0:
        return None
    # Plain degrees on purpose: a tolerance of a couple of hundred metres needs no projection.
    i, jarak = batas.sindex.nearest(titik, return_distance=True, return_all=False)
    return str(batas["kode"].iloc[int(i[1][0])]) if float(jarak[0]) <= toleransi else None


def batas_skematik(batas: gpd.GeoDataFrame) -> bool:
    """True while the boundaries are generated, not official: maps must say so."""
    return bool(batas["sumber"].str.lower().str.contains(PENANDA_SKEMATIK).any())
