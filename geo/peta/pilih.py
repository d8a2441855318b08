"""A map for choosing a potential's location by clicking.

Kept apart from the dashboard's choropleth: the editor needs kelurahan
outlines to aim at, every potential as a faint dot for context, and the
chosen row and the clicked spot highlighted, nothing more.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from geo.peta import aset
from geo.peta.aman import aman_html, aman_html_seri
from geo.peta.lapisan import SkalaMetrik
from geo.peta.ubin import BASEMAP, peta_dasar_terjangkau
from geo.tampilan.keadaan import ZOOM_MAKS

WARNA_TERPILIH = "#d7301f"
WARNA_CALON = "#0b6e8a"


def peta_pilih_lokasi(batas: gpd.GeoDataFrame, tabel: pd.DataFrame, url_aset: str = aset.URL_DASAR,
                      bbox: tuple[float, float, float, float] | None = None) -> folium.Map:
    """Outlines with the kelurahan name as tooltip, and every potential as a grey dot.

    Every text reaching the HTML is escaped; the map loads Leaflet from the
    app's own static files.
    """
    peta = folium.Map(location=[0, 0], zoom_start=12, tiles=None, max_zoom=ZOOM_MAKS)
    SkalaMetrik().add_to(peta)
    penyedia = BASEMAP["osm"]
    if peta_dasar_terjangkau("osm"):  # offline: outlines on a plain background, no failing tile requests
        folium.TileLayer(penyedia, max_zoom=ZOOM_MAKS, max_native_zoom=min(int(penyedia.get("max_zoom", 19)), ZOOM_MAKS)).add_to(peta)
    if len(batas):
        garis = gpd.GeoDataFrame({"nama": aman_html_seri(batas["kelurahan"])}, geometry=batas.geometry.to_numpy(), crs=batas.crs)
        folium.GeoJson(
            garis.to_geo_dict(),
            name="Batas kelurahan",
            style_function=lambda f: {"color": "#35556b", "weight": 1.5, "fillColor": "#9ec5d6", "fillOpacity": 0.12},
            highlight_function=lambda f: {"weight": 3, "fillOpacity": 0.25},
            tooltip=folium.GeoJsonTooltip(fields=["nama"], labels=False),
        ).add_to(peta)
    titik = tabel.dropna(subset=["lintang", "bujur"]) if len(tabel) else tabel
    if len(titik):
        label = aman_html_seri(titik["id_potensi"]) + " · " + aman_html_seri(titik["nama_potensi"])
        lapisan = gpd.GeoDataFrame({"label": label.to_numpy()}, geometry=gpd.points_from_xy(titik["bujur"], titik["lintang"]), crs="EPSG:4326")
        folium.GeoJson(
            lapisan.to_geo_dict(), name="Potensi",
            marker=folium.CircleMarker(radius=4, color="#5f6b73", weight=1, fill=True, fill_color="#5f6b73", fill_opacity=0.7),
            tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        ).add_to(peta)
    kotak = tuple(batas.total_bounds) if len(batas) else bbox
    if kotak:
        peta.fit_bounds([[kotak[1], kotak[0]], [kotak[3], kotak[2]]])
    return aset.pasang(peta, mode="url", dasar=url_aset)


def lapisan_pilihan(terpilih: tuple[float, float] | None, calon: tuple[float, float] | None, label: str = "") -> folium.FeatureGroup:
    """The selected row (red) and the clicked spot (blue), redrawn without reloading the map."""
    grup = folium.FeatureGroup(name="pilihan", control=False)
    if terpilih:
        folium.CircleMarker(list(terpilih), radius=9, color=WARNA_TERPILIH, weight=3, fill=True, fill_opacity=0.35,
                            tooltip=f"Lokasi tersimpan: {aman_html(label)}").add_to(grup)
    if calon:
        folium.CircleMarker(list(calon), radius=7, color="#ffffff", weight=2, fill=True, fill_color=WARNA_CALON,
                            fill_opacity=1, tooltip="Lokasi baru (belum dipakai)").add_to(grup)
    return grup
