"""The basemap choices (tile providers, no API key) and whether this network reaches them.

Apart from :mod:`geo.peta.buat`: the sidebar and every click ask these without importing folium
(issue #26).
"""

from __future__ import annotations

import xyzservices.providers as xyz

from geo.i18n import t
from geo.peta.jaringan import host_terjangkau
from geo.tampilan.keadaan import PETA_DASAR

# Basemap choices → xyzservices provider (None = plain background). All need no API key.
BASEMAP: dict[str, object | None] = {
    "osm": xyz.OpenStreetMap.Mapnik,
    "satelit": xyz.Esri.WorldImagery,
    "terang": xyz.Esri.WorldGrayCanvas,
    "kosong": None,
}
assert tuple(BASEMAP) == PETA_DASAR, "basemap names and providers must match"
ZOOM_MIN = 9  # ZOOM_MAKS (18) is the URL's limit too: geo.tampilan.keadaan


def peta_dasar_terjangkau(basemap: str) -> bool:
    """Whether the chosen basemap's tiles can be fetched from this network (cached)."""
    penyedia = BASEMAP.get(basemap)
    return penyedia is None or host_terjangkau(penyedia.build_url())


def label_basemap(kode: str, bahasa: str) -> str:
    """A basemap's name for the sidebar; offline it says so, as the map will draw no tiles for it."""
    nama = t(f"basemap_{kode}", bahasa)
    return nama if peta_dasar_terjangkau(kode) else t("basemap_putus", bahasa, nama=nama)
