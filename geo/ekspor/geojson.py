"""One GeoJSON file: kelurahan polygons with their aggregates, potentials as points.

Every feature carries ``jenis`` ("kelurahan" or "potensi") so QGIS or a
script can split the two layers again.
"""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd

from geo.tampilan.susun import Tampilan

PRESISI_KOORDINAT = 6  # ~0.1 m: plenty for a city map, and a smaller file


def _siap_json(gdf: gpd.GeoDataFrame, jenis: str) -> gpd.GeoDataFrame:
    """Dates as ISO text and missing values as null; JSON has neither dates nor NaN."""
    hasil = gdf.copy()
    for nama in hasil.columns:
        if nama == hasil.geometry.name:
            continue
        kolom = hasil[nama]
        if pd.api.types.is_datetime64_any_dtype(kolom):
            hasil[nama] = kolom.dt.strftime("%Y-%m-%d").astype(object).where(kolom.notna(), None)
        elif not pd.api.types.is_float_dtype(kolom):
            hasil[nama] = kolom.astype(object).where(kolom.notna(), None)
    hasil.insert(0, "jenis", jenis)
    hasil.geometry = hasil.geometry.set_precision(10 ** -PRESISI_KOORDINAT)
    return hasil


def ke_geojson(tampilan: Tampilan, judul: str) -> bytes:
    """A FeatureCollection in WGS84; the filter text rides along as a foreign member."""
    kelurahan = _siap_json(tampilan.ringkasan.to_crs("EPSG:4326"), "kelurahan")
    potensi = _siap_json(tampilan.potensi.drop(columns="_baris", errors="ignore").to_crs("EPSG:4326"), "potensi")
    fitur = kelurahan.to_geo_dict(na="null", drop_id=True)["features"] + potensi.to_geo_dict(na="null", drop_id=True)["features"]
    koleksi = {
        "type": "FeatureCollection",
        "name": judul,
        "filter": tampilan.filter.deskripsi(),
        "features": fitur,
    }
    return json.dumps(koleksi, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
