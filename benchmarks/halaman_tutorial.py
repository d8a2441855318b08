"""Benchmark peer: a tutorial-style page, the way most Streamlit + Folium examples are written.

Reads and joins the CSV and the boundaries on every rerun, sends the full
geometry, draws a ``folium.Choropleth`` and calls ``st_folium`` with its
defaults. Run by ``benchmarks/bench_cepat.py``; not part of the app.
"""

import os
import sys
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

PROYEK = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROYEK))
from geo.peta import aset

kim = pd.read_csv(os.environ.get("KIM_CSV", PROYEK / "data" / "kim.csv"))
batas = gpd.read_file(os.environ.get("KIM_BOUNDARIES", PROYEK / "data" / "boundaries.geojson"))
kategori = st.multiselect("Kategori", sorted(kim["kategori_potensi"].unique()), key="w_kategori")
if kategori:
    kim = kim[kim["kategori_potensi"].isin(kategori)]
hitung = kim.groupby("kode_kelurahan").size().rename("jumlah").reset_index()
gdf = batas.merge(hitung, left_on="kode", right_on="kode_kelurahan", how="left").fillna({"jumlah": 0})
minx, miny, maxx, maxy = gdf.total_bounds
peta = folium.Map(location=[(miny + maxy) / 2, (minx + maxx) / 2], zoom_start=12)
folium.Choropleth(geo_data=gdf[["kode", "kelurahan", "jumlah", "geometry"]], data=gdf, columns=["kode", "jumlah"],
                  key_on="feature.properties.kode", fill_color="YlGnBu", legend_name="Jumlah potensi").add_to(peta)
st_folium(aset.pasang(peta), key="peta", height=600, use_container_width=True)
