"""One basemap truth (#22): the sidebar chooses, the live map draws that one only, offline says so."""

from __future__ import annotations

import re

import pytest
from streamlit_folium import _get_map_string

from geo.masuk.dataset import muat_dataset
from geo.peta import ubin
from geo.peta.dasar import peta_dasar
from geo.peta.ubin import BASEMAP, label_basemap


@pytest.mark.parametrize("basemap", list(BASEMAP))
def test_peta_hidup_hanya_basemap_pilihan(wilayah_uji, basemap):
    peta = peta_dasar(muat_dataset(), basemap, "id", url_data="x.json")
    peta.get_root().render()
    skrip = _get_map_string(peta)
    ubin = re.findall(r"L\.tileLayer\(\s*\"([^\"]+)\"", skrip)
    assert len(ubin) == (0 if BASEMAP[basemap] is None else 1)
    # The layer switcher lists overlays only: no base layer it could switch to behind the sidebar's back.
    (kontrol,) = re.findall(r"base_layers\s*:\s*\{([^}]*)\}", skrip)
    assert kontrol.strip() == ""
    assert re.search(r"overlays\s*:\s*\{[^}]*\"Kelurahan\"", skrip)


def test_label_basemap_luring(monkeypatch):
    monkeypatch.setattr(ubin, "host_terjangkau", lambda url: False)
    assert label_basemap("osm", "id") == "OpenStreetMap (tak terjangkau)"
    assert label_basemap("satelit", "en") == "Satellite imagery (unreachable)"
    assert label_basemap("kosong", "id") == "Tanpa peta dasar"
    monkeypatch.setattr(ubin, "host_terjangkau", lambda url: True)
    assert label_basemap("osm", "id") == "OpenStreetMap"
