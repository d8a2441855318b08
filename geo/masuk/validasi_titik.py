"""Is each KIM point inside its own desa/kelurahan? Checked for 400,000 rows at once.

Each row is first tested against its own unit's polygon only (one
point-in-polygon test per row); only the rows that fail that test are
looked up among all units, to say where they fell or how far outside they
are. Rows that passed in an earlier load of the same boundaries are not
tested again (:mod:`geo.masuk.tembolok_titik`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.galat import PERINGATAN
from geo.masuk.tembolok_titik import Lulus, nama_entri

if TYPE_CHECKING:
    from geo.masuk.validasi import _Konteks

# Points a little off the region's polygons (stilt villages, jetties) are
# warned about rather than refused: coastlines in boundary data are coarse.
TOLERANSI_PANTAI_M = 250.0
# Rows in one unit from which preparing its polygon costs less than testing it unprepared.
_BARIS_UNTUK_SIAPKAN = 16


def unit_di_titik(batas: gpd.GeoDataFrame, lintang: pd.Series, bujur: pd.Series, pos: np.ndarray) -> np.ndarray:
    """Per row, the position in ``batas`` of the unit containing the point (-1 outside all).

    ``pos`` is the row's own polygon (-1 for none): a point in it is settled
    there; the rest go through the boundaries' spatial index, which names the
    first unit in ``batas`` order.
    """
    x, y = bujur.to_numpy(dtype=float), lintang.to_numpy(dtype=float)
    di = np.full(len(x), -1, dtype=np.intp)
    baris = np.flatnonzero(pos >= 0)
    if len(baris):
        p, px, py = pos[baris], x[baris], y[baris]
        # Rows that passed in an earlier load of these very boundaries are not tested again.
        lulus = Lulus(nama_entri(batas))
        h, dalam = lulus.cari(p, px, py)
        uji = np.flatnonzero(~dalam)
        if len(uji):
            dalam[uji] = _di_poligon_sendiri(batas, p[uji], px[uji], py[uji])
            baru = np.zeros(len(baris), dtype=bool)
            baru[uji] = dalam[uji]
            lulus.simpan(h, p, px, py, baru, dalam)
        di[baris[dalam]] = p[dalam]
    sisa = np.flatnonzero(di < 0)
    if len(sisa):
        i_titik, i_batas = batas.sindex.query(shapely.points(x[sisa], y[sisa]), predicate="within", sort=True)
        pertama = np.unique(i_titik, return_index=True)[1]
        di[sisa[i_titik[pertama]]] = i_batas[pertama]
    return di


def _di_poligon_sendiri(batas: gpd.GeoDataFrame, pos: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per point, whether it lies in the polygon at ``pos`` (one test each)."""
    geometri = np.array(batas.geometry.to_numpy(), dtype=object)
    # A unit holding many rows is worth preparing (an index of its edges). Copies are prepared:
    # the boundaries may be shared with other sessions' threads, and must not change under them.
    banyak = np.flatnonzero(np.bincount(pos, minlength=len(geometri)) >= _BARIS_UNTUK_SIAPKAN)
    if len(banyak):
        salinan = shapely.from_wkb(shapely.to_wkb(geometri[banyak]))
        shapely.prepare(salinan)
        geometri[banyak] = salinan
    return shapely.contains_xy(geometri[pos], x, y)


def cek_dalam_batas(k: _Konteks, lintang: pd.Series, bujur: pd.Series, kode: pd.Series, pos: np.ndarray) -> None:
    """Report points outside the region (error, or warning within the coastal tolerance) or in another unit."""
    batas = k.batas
    di = unit_di_titik(batas, lintang, bujur, pos)  # type: ignore[arg-type]
    luar = lintang.index[di < 0]
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
    kode_batas = batas["kode"].to_numpy(dtype=object)  # type: ignore[index]
    # Another unit than the row's own: positions differ, and (should codes repeat) so do the codes.
    lain = np.flatnonzero((di >= 0) & (di != pos) & (kode != "").to_numpy())
    lain = lain[kode_batas[di[lain]] != kode.iloc[lain].to_numpy(dtype=object)]
    if len(lain):
        nama = batas["kelurahan"].to_numpy(dtype=object)  # type: ignore[index]
        for i in lain:
            k.masalah(lintang.index[i], "lintang", f"Titik berada di Kelurahan {nama[di[i]]}, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.", PERINGATAN)
