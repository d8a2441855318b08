"""Where each kelurahan's name goes on the interactive map: a point well inside its polygon.

Computed once per view on the server (shapely's pole of inaccessibility, the
point farthest from every edge, on the largest part), so a name sits in the
roomiest spot of even a crescent-shaped kelurahan. The browser then resolves
collisions between names and markers at the zoom actually shown
(``L.kimLabel`` in ``statis/kim-peta.js``), since only it knows pixel sizes.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from shapely.ops import polylabel


def _bagian_terbesar(geom):
    if geom.geom_type == "MultiPolygon":
        return max(geom.geoms, key=lambda g: g.area)
    return geom


def titik_label(geometri: gpd.GeoSeries) -> gpd.GeoSeries:
    """A label point (EPSG:4326) inside each polygon, at its pole of inaccessibility (~1 % of its size)."""
    if not len(geometri):
        return gpd.GeoSeries([], crs="EPSG:4326")
    meter = geometri.to_crs(3857)
    # polylabel has no array form; one call per kelurahan, once per view, is a few milliseconds.
    titik = []
    for geom in meter.to_numpy():
        if geom is None or geom.is_empty:
            titik.append(shapely.Point())
            continue
        bagian = _bagian_terbesar(geom)
        minx, miny, maxx, maxy = bagian.bounds
        p = polylabel(bagian, tolerance=max(maxx - minx, maxy - miny) / 100)
        titik.append(p if bagian.contains(p) else bagian.representative_point())
    return gpd.GeoSeries(titik, index=geometri.index, crs=3857).to_crs("EPSG:4326")


def prioritas_label(geometri: gpd.GeoSeries) -> np.ndarray:
    """0 for the largest kelurahan, 1 for the next…: big ones keep their spot, small ones move."""
    luas = geometri.to_crs(3857).area.to_numpy()
    urut = np.argsort(-luas, kind="stable")
    prioritas = np.empty(len(luas), dtype=int)
    prioritas[urut] = np.arange(len(luas))
    return prioritas
