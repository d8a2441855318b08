"""Clean and simplify kelurahan polygons without opening gaps between neighbours.

Official boundaries arrive 3D, with self-intersections and slivers, and far
more detailed than a city map needs. Simplifying each polygon on its own
would pull shared edges apart; coverage simplification moves a shared edge
once for both neighbours, so the city stays gap-free.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.format_id import angka

_POLIGON = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)
# If coverage simplification strays further than this many tolerances from
# the original line, it is redone with a smaller tolerance.
BATAS_SIMPANGAN = 2.0
# Vertices of neighbouring kelurahan closer than this are treated as one (5 cm:
# invisible on any map, larger than the noise seen in shared edges).
JARAK_SNAP_M = 0.05
# Discrete Hausdorff compares every vertex pair; above this it is skipped.
MAKS_PASANGAN_HAUSDORFF = 2e8


def _poligonal(geom: shapely.Geometry) -> shapely.Geometry:
    """The polygonal part of a repaired geometry; lines and points from make_valid are dropped."""
    if shapely.get_type_id(geom) in _POLIGON:
        return geom
    bagian = shapely.get_parts(geom)
    bagian = bagian[np.isin(shapely.get_type_id(bagian), _POLIGON)]
    return shapely.union_all(bagian) if len(bagian) else shapely.Polygon()


def bersihkan(geom: np.ndarray) -> tuple[np.ndarray, int]:
    """2D, valid, polygon-only geometries, and how many needed repair."""
    geom = shapely.force_2d(np.asarray(geom, dtype=object))
    rusak = ~shapely.is_valid(geom) & ~shapely.is_missing(geom)
    if rusak.any():
        geom = geom.copy()
        geom[rusak] = shapely.make_valid(geom[rusak], method="structure", keep_collapsed=False)
    tipe = shapely.get_type_id(geom)
    bukan = ~np.isin(tipe, _POLIGON)
    if bukan.any():
        geom = geom.copy()
        geom[bukan] = [_poligonal(g) for g in geom[bukan]]
    return geom, int(rusak.sum())


@dataclass(frozen=True)
class Penyederhanaan:
    """What simplification did: tolerance used, vertices before/after, worst shift."""

    toleransi_m: float
    toleransi_dipakai_m: float
    titik_awal: int
    titik_akhir: int
    simpangan_m: pd.Series
    cakupan: bool

    def uraian(self) -> str:
        terburuk = self.simpangan_m.dropna()
        simpang = f"; pergeseran garis terbesar {angka(terburuk.max(), 1)} m ({terburuk.idxmax()})" if len(terburuk) else ""
        cara = "tanpa celah antartetangga" if self.cakupan else (
            "per kelurahan, karena batas antartetangga di sumber tidak berimpit (celah kecil mungkin muncul)"
        )
        dipakai = "" if self.toleransi_dipakai_m == self.toleransi_m else f" (dipakai {angka(self.toleransi_dipakai_m, 2)} m agar tetap teliti)"
        return (f"Penyederhanaan {angka(self.toleransi_m)} m{dipakai} {cara}: "
                f"{angka(self.titik_awal, 0)} → {angka(self.titik_akhir, 0)} titik{simpang}.")


def simpangan(asal: np.ndarray, baru: np.ndarray) -> np.ndarray:
    """Hausdorff distance per polygon (CRS units); NaN where too costly to compute."""
    n_asal = shapely.get_num_coordinates(asal).astype(float)
    n_baru = shapely.get_num_coordinates(baru).astype(float)
    hasil = np.full(len(asal), np.nan)
    murah = n_asal * n_baru <= MAKS_PASANGAN_HAUSDORFF
    hasil[murah] = shapely.hausdorff_distance(asal[murah], baru[murah])
    return hasil


def sederhanakan_tanpa_celah(geom: gpd.GeoSeries, toleransi_m: float, label: pd.Index) -> tuple[np.ndarray, Penyederhanaan]:
    """Simplify polygons in a metric CRS by about ``toleransi_m`` metres, preserving topology.

    Coverage simplification (Visvalingam-Whyatt on shared edges) keeps
    neighbours edge-matched. Its tolerance is an area measure, so the
    largest shift is checked and the tolerance halved if it strays beyond
    :data:`BATAS_SIMPANGAN` times the request.
    """
    asal = geom.to_numpy()
    dasar, cakupan = asal, bool(shapely.coverage_is_valid(asal))
    if not cakupan:
        # Shared edges often differ by float noise or a few millimetres; snapping
        # nearby vertices together makes them identical so neighbours move as one.
        dasar, _ = bersihkan(shapely.coverage_clean(asal, snapping_distance=JARAK_SNAP_M))
        cakupan = bool(shapely.coverage_is_valid(dasar))
        dasar = dasar if cakupan else asal
    toleransi = toleransi_m
    for _ in range(5):
        if cakupan:
            baru = shapely.coverage_simplify(dasar, toleransi)
        else:
            baru = shapely.simplify(dasar, toleransi, preserve_topology=True)
        baru, _ = bersihkan(baru)
        jarak = simpangan(asal, baru)
        if not np.nanmax(jarak, initial=0.0) > BATAS_SIMPANGAN * toleransi_m:
            break
        toleransi /= 2
    laporan = Penyederhanaan(
        toleransi_m=toleransi_m,
        toleransi_dipakai_m=toleransi,
        titik_awal=int(shapely.get_num_coordinates(asal).sum()),
        titik_akhir=int(shapely.get_num_coordinates(baru).sum()),
        simpangan_m=pd.Series(jarak, index=label),
        cakupan=cakupan,
    )
    return baru, laporan
