"""Benchmark peer: the floor. One multiselect and an empty st_folium map, nothing else.

Uses the app's own Leaflet files (``/app/static/vendor``), so it draws offline too.
Run by ``benchmarks/bench_cepat.py``; not part of the app.
"""

import sys
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geo.peta import aset
from ui.soket import tanpa_nagle

# The app turns Nagle's algorithm off on its server's connections (ui/soket.py); the floor does the same, so a
# ratio to it compares the pages, not this server setting.
tanpa_nagle()

st.multiselect("Kategori", ["Kuliner", "Pariwisata", "Batik & Kerajinan", "Perikanan & Kelautan", "Pertanian & Perkebunan",
                            "Seni & Budaya", "Ekonomi Kreatif & UMKM", "Lainnya"], key="w_kategori")
peta = aset.pasang(folium.Map(location=[0.1, 117.5], zoom_start=12, tiles=None))
st_folium(peta, key="peta", height=600, use_container_width=True, returned_objects=[])
