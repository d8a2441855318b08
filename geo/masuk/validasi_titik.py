"""Is each KIM point inside its own desa/kelurahan? Checked for 400,000 rows at once.

Each row is first tested against its own unit's polygon only (one
point-in-polygon test per row); only the rows that fail that test are
looked up among all units, to say where they fell or how far outside they
are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.galat import PERINGATAN
from geo.masuk.batas import kelurahan_di_titik_seri

if TYPE_CHECKING:
    from geo.masuk.validasi import _Konteks

# Points a little off the region's polygons (stilt villages, jetties) are
# warned about rather than refused: coastlines in boundary data are coarse.
TOLERANSI_PANTAI_M = 250.0


def unit_di_titik(batas: gpd.GeoDataFrame, lintang: pd.Series, bujur: pd.Series, pos: np.ndarray) -> pd.Series:
    """Per row, the kode of the unit containing the point (``""`` outside all).

    ``pos`` is the row's own polygon in ``batas`` (-1 for none): a point in
    it is settled there; the rest go through the boundaries' spatial index.
    """
    x, y = bujur.to_numpy(dtype=float), lintang.to_numpy(dtype=float)
    kode_batas = batas["kode"].to_numpy(dtype=object)
    di = np.full(len(x), "", dtype=object)
    punya = pos >= 0
    dalam = np.zeros(len(x), dtype=bool)
    if punya.any():
        dalam[punya] = shapely.contains_xy(batas.geometry.to_numpy()[pos[punya]], x[punya], y[punya])
    di[dalam] = kode_batas[pos[dalam]]
    sisa = ~dalam
    if sisa.any():
        titik = gpd.GeoSeries(gpd.points_from_xy(x[sisa], y[sisa]), index=lintang.index[sisa], crs="EPSG:4326")
        di[sisa] = kelurahan_di_titik_seri(batas, titik).to_numpy(dtype=object)
    return pd.Series(di, index=lintang.index, dtype=object)


def cek_dalam_batas(k: _Konteks, lintang: pd.Series, bujur: pd.Series, kode: pd.Series, pos: np.ndarray) -> None:
    """Report points outside the region (error, or warning within the coastal tolerance) or in another unit."""
    batas = k.batas
    di = unit_di_titik(batas, lintang, bujur, pos)  # type: ignore[arg-type]
    luar = di.index[(di == "").to_numpy()]
    if len(luar):
        titik = gpd.GeoSeries(gpd.points_from_xy(bujur[luar], lintang[luar]), index=luar, crs="EPSG:4326")
        dekat = batas.iloc[batas.sindex.nearest(titik.to_numpy(), return_all=False)[1]]  # type: ignore[union-attr]
        crs_m = batas.estimate_utm_crs()  # type: ignore[union-attr]
        jarak = titik.to_crs(crs_m).distance(gpd.GeoSeries(dekat.geometry.to_numpy(), index=luar, crs=batas.crs).to_crs(crs_m))  # type: ignore[union-attr]
        for idx, m in jarak.items():
            if m > TOLERANSI_PANTAI_M:
                k.masalah(idx, "lintang", f"Titik berada di luar wilayah, sekitar {m / 1000:.1f} km dari batas terdekat. Periksa koordinat (gunakan titik dari peta, derajat desimal WGS84).")
            else:
                k.masalah(idx, "lintang", f"Titik berada sedikit di luar batas wilayah ({m:.0f} m), misalnya di atas air. Periksa bila tidak disengaja.", PERINGATAN)
    lain = (di != "").to_numpy() & (kode != "").to_numpy() & (di != kode).to_numpy()
    if lain.any():
        nama = batas.drop_duplicates("kode").set_index("kode")["kelurahan"]  # type: ignore[union-attr]
        for idx in di.index[lain]:
            k.masalah(idx, "lintang", f"Titik berada di Kelurahan {nama[di[idx]]}, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.", PERINGATAN)
