"""Sample points sit close to the official interior point of their kelurahan.

The schematic boundaries are approximate; the interior points in
``data/kelurahan.csv`` come from the official data. A sample point near its
interior point stays inside the real kelurahan after the BIG boundaries are
imported.
"""

from __future__ import annotations

import importlib.util
import math
import sys

import geopandas as gpd
import pandas as pd

from geo import config

_spec = importlib.util.spec_from_file_location("make_sample_kim", config.PROJECT_DIR / "scripts" / "make_sample_kim.py")
skrip = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("make_sample_kim", skrip)  # its dataclasses look themselves up there
_spec.loader.exec_module(skrip)


def test_every_sample_point_is_near_its_interior_point():
    kim = pd.read_csv(config.DATA_DIR / "kim.csv", dtype=str)
    ref = pd.read_csv(config.DATA_DIR / "kelurahan.csv", dtype=str).set_index("kode").loc[kim["kode_kelurahan"]]
    titik = gpd.GeoSeries(gpd.points_from_xy(kim["bujur"].astype(float), kim["lintang"].astype(float)), crs="EPSG:4326")
    pusat = gpd.GeoSeries(gpd.points_from_xy(ref["bujur_titik_dalam"].astype(float), ref["lintang_titik_dalam"].astype(float)),
                          crs="EPSG:4326")
    crs_m = titik.estimate_utm_crs()
    jarak = titik.to_crs(crs_m).distance(pusat.to_crs(crs_m), align=False).to_numpy()
    batas = ref["luas_km2"].astype(float).map(skrip.radius_maks_m).to_numpy()
    assert len(jarak) == 50
    jauh = [(kim.at[i, "id_potensi"], round(jarak[i]), round(batas[i])) for i in range(len(jarak)) if jarak[i] > batas[i] + 2]
    assert jauh == []
    assert max(batas) <= skrip.RADIUS_MAKS_M and min(batas) >= 0.25 * math.sqrt(0.4e6) - 1


def test_status_mix_is_kept():
    kim = pd.read_csv(config.DATA_DIR / "kim.csv", dtype=str)
    assert kim["status_aktivitas"].value_counts().to_dict() == {"Aktif": 22, "Kurang Aktif": 14, "Tidak Aktif": 14}
