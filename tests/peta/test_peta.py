"""The folium map of a filtered view: content, classes, escaping, speed hooks."""

from __future__ import annotations

import html as html_mod
import json
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Polygon

from geo.masuk.dataset import muat_dataset
from geo.peta.aman import aman_html, aman_html_seri, json_skrip
from geo.peta.buat import buat_peta, html_mandiri, kelurahan_di_titik
from geo.peta.data import sederhanakan
from geo.peta.legenda import html_legenda
from geo.peta.ubin import BASEMAP
from geo.tampilan import kelas
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests import peta_uji
from tests.conftest import BARIS_BAIK, KODE_A, KODE_B, KODE_C

MUATAN = [
    "<script>alert('x')</script>",
    "`); alert(1); (`",
    "${alert(document.domain)}",
    "\\'; alert(2); //\\",
    '"><img src=x onerror=alert(3)>',
    "{{ this.get_name() }} {% raw %}",
    "</script><script>alert(4)</script>",
    "a\u2028b & c",
]


def _render(peta) -> str:
    return peta.get_root().render()


@pytest.fixture
def tampilan(wilayah_uji):
    return tampilkan(muat_dataset())


def test_kelurahan_dan_potensi_semua_tergambar(tampilan):
    html = _render(buat_peta(tampilan))
    fitur = peta_uji.kelurahan(html)
    assert sorted(f["id"] for f in fitur) == sorted([KODE_A, KODE_B, KODE_C])
    assert '"className": "kim-kelurahan"' in html
    assert '"preferCanvas": false' in html  # SVG renderer: the class lands on each path
    data = peta_uji.potensi(html)
    assert len(data["titik"]) == len(BARIS_BAIK)
    assert data["klaster"] is False
    # Only the properties the tooltip needs travel to the browser.
    assert set(fitur[0]["properties"]) == {"nama", "kecamatan", "kim", "nilai"}


def test_filter_mengubah_isi_peta(wilayah_uji):
    ds = muat_dataset()
    html = _render(buat_peta(tampilkan(ds, Filter(kategori=("Kuliner",), status=("Aktif",)))))
    data = peta_uji.potensi(html)
    assert len(data["titik"]) == 2
    assert {data["kategori"][t[2]] for t in data["titik"]} == {"Kuliner"}
    nilai = {f["id"]: f["properties"]["nilai"] for f in peta_uji.kelurahan(html)}
    assert nilai == {KODE_A: "1", KODE_B: "1", KODE_C: "0"}


def test_kecamatan_membatasi_poligon(wilayah_uji):
    html = _render(buat_peta(tampilkan(muat_dataset(), Filter(kecamatan=("Dua",)))))
    assert [f["id"] for f in peta_uji.kelurahan(html)] == [KODE_C]
    assert peta_uji.potensi(html)["titik"] == []


def test_warna_kelurahan_dari_kelas_bersama(tampilan):
    html = _render(buat_peta(tampilan.dengan(metrik="jumlah_potensi", skema="equal_interval", kelas=3)))
    kls = kelas.hitung_kelas(tampilan.ringkasan["jumlah_potensi"], "equal_interval", 3)
    harapan = dict(zip(tampilan.ringkasan["kode"], kls.warna_nilai(tampilan.ringkasan["jumlah_potensi"])))
    styler = html[html.index("_styler(feature) {"):html.index("_highlighter(feature) {")]
    assert set(re.findall(r'"fillColor": "(#[0-9a-fA-F]{6})"', styler)) == set(harapan.values())
    assert len(set(harapan.values())) == 3  # 0, 2 and 3 potentials: one class each


def test_semua_nol_tetap_satu_kelas(wilayah_uji):
    tp = tampilkan(muat_dataset(), Filter(cari="tidak ada yang cocok"))
    html = _render(buat_peta(tp))
    assert len(peta_uji.kelurahan(html)) == 3 and peta_uji.potensi(html)["titik"] == []
    legenda = html_legenda(tp.dengan(metrik="jumlah_potensi"), dengan_catatan=False)  # the legend beside the map
    assert "Semua kelurahan bernilai sama" in legenda and ">0</div>" in legenda


@pytest.mark.parametrize("skema", list(kelas.SKEMA_KELAS))
@pytest.mark.parametrize("metrik", ["jumlah_potensi", "jumlah_aktif", "persen_aktif", "jumlah_anggota", "potensi_kuliner"])
def test_setiap_metrik_dan_skema(tampilan, metrik, skema):
    html = _render(buat_peta(tampilan.dengan(metrik=metrik, skema=skema, kelas=5)))
    assert len(peta_uji.kelurahan(html)) == 3
    if metrik == "persen_aktif":
        nilai = {f["properties"]["nama"]: f["properties"]["nilai"] for f in peta_uji.kelurahan(html)}
        # Gama Raya has no potentials: its share is "no data" (issue #22), the others a percentage.
        assert nilai.pop("Gama Raya") == "tidak ada data"
        assert all(v.endswith("%") for v in nilai.values())


def test_opsi_salah_ditolak_dengan_pesan(tampilan):
    with pytest.raises(ValueError, match="Metrik 'luas'"):
        buat_peta(tampilan.dengan(metrik="luas"))
    with pytest.raises(ValueError, match="Skema kelas"):
        buat_peta(tampilan.dengan(skema="kmeans"))
    with pytest.raises(ValueError, match="Peta dasar"):
        buat_peta(tampilan.dengan(basemap="google"))


@pytest.mark.parametrize("basemap", list(BASEMAP))
def test_peta_dasar(tampilan, basemap):
    html = _render(buat_peta(tampilan.dengan(basemap=basemap)))
    ubin = re.findall(r"var (tile_layer_\w+) = L\.tileLayer\(\s*\"([^\"]+)\"", html)
    assert len(ubin) == 3  # every basemap stays available in the layer control
    ditambah = re.findall(r"(tile_layer_\w+)\.addTo\(", html)
    if BASEMAP[basemap] is None:
        assert ditambah == [] and "L.layerGroup()" in html
    else:
        (nama,) = ditambah
        assert dict(ubin)[nama] == BASEMAP[basemap].build_url(fill_subdomain=False, scale_factor="{r}")
    assert "OpenStreetMap" in html  # attribution travels with the tiles


def test_kontrol_lapisan_layar_penuh_legenda(tampilan):
    html = _render(buat_peta(tampilan))
    assert "L.control.layers(" in html
    for nama in ("Kelurahan", "Potensi KIM", "Nama kelurahan"):
        assert f'"{nama}"' in html
    opsi = peta_uji.opsi(html, "L.control.kimLayar")
    assert opsi["batas"] == [[0.0, 110.0], [0.03, 110.09]]
    assert opsi["judulMasuk"] == "Layar penuh"
    legenda = peta_uji.opsi(html, "L.control.kimLegenda")
    assert "Jumlah potensi" in legenda["html"] and "Kuliner" in legenda["html"]
    assert "Data contoh" in legenda["html"] and "skematik" in legenda["html"]
    assert "kim-potensi" not in legenda["html"]  # legend samples must not count as markers


def test_bahasa_inggris(tampilan):
    html = _render(buat_peta(tampilan.dengan(bahasa="en", metrik="persen_aktif")))
    assert '"Share active (%)"' in html and '"KIM potentials"' in html
    assert peta_uji.opsi(html, "L.control.kimLayar")["judulMasuk"] == "Full screen"


def test_klaster_hanya_bila_banyak(wilayah_uji):
    baris = [[f"X-{i:03d}", "KIM Alfa", KODE_A, "Alfa Laut", "Satu", "Kuliner", f"P{i}", "", "Aktif", "1", "2024-01-01",
              f"{0.001 + (i % 25) * 0.001:.3f}", f"{110.001 + (i // 25) * 0.001:.3f}", ""] for i in range(320)]
    wilayah_uji.tulis_kim(baris)
    html = _render(buat_peta(tampilkan(muat_dataset())))
    data = peta_uji.potensi(html)
    assert len(data["titik"]) == 320 and data["klaster"] is True
    assert "leaflet.markercluster.js" in html


def test_koordinat_dibulatkan_dan_disederhanakan():
    # A circle with 2000 vertices and 12-decimal coordinates.
    sudut = np.linspace(0, 2 * np.pi, 2000, endpoint=False)
    lingkar = Polygon(np.column_stack([110 + 0.01 * np.cos(sudut) + 1e-12, 0.01 * np.sin(sudut)]))
    hasil = sederhanakan(gpd.GeoSeries([lingkar], crs="EPSG:4326"))
    xy = np.asarray(hasil.iloc[0].exterior.coords)
    assert len(xy) < 400
    assert np.allclose(xy, np.round(xy, 5))
    assert hasil.iloc[0].symmetric_difference(lingkar).area < 0.002 * lingkar.area


def test_tidak_ada_koordinat_lebih_dari_lima_desimal(tampilan):
    html = _render(buat_peta(tampilan))
    for f in peta_uji.kelurahan(html):
        assert all(round(v, 5) == v for cincin in f["geometry"]["coordinates"] for xy in cincin for v in xy)
    for t in peta_uji.potensi(html)["titik"]:
        assert round(t[0], 5) == t[0] and round(t[1], 5) == t[1]


def test_kelurahan_di_titik(tampilan):
    assert kelurahan_di_titik(tampilan, 0.015, 110.015) == KODE_A
    assert kelurahan_di_titik(tampilan, 0.015, 110.075) == KODE_C
    assert kelurahan_di_titik(tampilan, 0.031, 110.045) == KODE_B  # just outside the edge
    assert kelurahan_di_titik(tampilan, 5.0, 100.0) is None


# --- escaping -----------------------------------------------------------------------------------


@pytest.mark.parametrize("muatan", MUATAN)
def test_aman_html_netral_di_semua_konteks(muatan):
    hasil = aman_html(muatan)
    for c in "<>\"'`$\\{}\u2028":
        assert c not in hasil
    assert "&" not in hasil.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace("&quot;", "").replace(
        "&#39;", "").replace("&#96;", "").replace("&#36;", "").replace("&#92;", "").replace("&#123;", "").replace(
        "&#125;", "").replace("&#8232;", "")
    assert html_mod.unescape(hasil) == muatan


def test_aman_html_nilai_kosong_dan_kolom():
    assert aman_html(None) == "" and aman_html(float("nan")) == "" and aman_html(pd.NA) == ""
    assert aman_html("a\x00b\x1bc") == "abc"
    seri = pd.Series([*MUATAN, None, float("nan")])
    assert aman_html_seri(seri).tolist() == [aman_html(v) for v in seri]


def test_json_skrip_tidak_bisa_menutup_script():
    teks = json_skrip({"a": "</script><!-- \u2028", "b": [1, 2.5]})
    assert "<" not in teks and ">" not in teks and "\u2028" not in teks
    assert json.loads(teks) == {"a": "</script><!-- \u2028", "b": [1, 2.5]}


def _data_muatan(wilayah_uji, muatan: str) -> None:
    baris = [
        ["M-01", muatan, KODE_A, "Alfa Laut", "Satu", "Kuliner", muatan, muatan, "Aktif", "3", "2024-02-01", "0.010", "110.010", muatan],
        ["M-02", "KIM Beta", KODE_B, "Beta", "Satu", "Lainnya", "Biasa", "", "Tidak Aktif", "1", "", "0.010", "110.040", ""],
    ]
    wilayah_uji.tulis_kim(baris)


@pytest.mark.parametrize("muatan", MUATAN)
def test_muatan_di_setiap_kolom_teks_tidak_lolos(wilayah_uji, muatan):
    _data_muatan(wilayah_uji, muatan)
    ds = muat_dataset()
    assert ds.ok, ds.laporan.teks()
    html = _render(buat_peta(tampilkan(ds)))
    skrip = html[html.index("L.map("):]
    # The raw payload never appears in the generated script, only its escaped form,
    # and nothing in it can close a <script>, a string or a template literal.
    assert muatan not in skrip
    assert "</script><script>" not in skrip and "${alert" not in skrip and "`); alert" not in skrip
    data = peta_uji.potensi(html)
    baris = next(t for t in data["titik"] if t[4] != "KIM Beta")
    assert baris[4] == aman_html(muatan) and baris[5] == aman_html(muatan) and baris[9] == aman_html(muatan)
    tooltip = {f["id"]: f["properties"]["kim"] for f in peta_uji.kelurahan(html)}
    assert tooltip[KODE_A] == aman_html(muatan)


def test_html_mandiri_lengkap(tampilan):
    html = html_mandiri(tampilan.dengan(metrik="jumlah_aktif", basemap="kosong"), "Peta <uji> & `coba`")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="id">' in html
    assert "<title>Peta <uji>" not in html and "Peta &lt;uji&gt; &amp; &#96;coba&#96;" in html
    assert "Data contoh, bukan data resmi." in html and "skematik" in html
    assert "Jumlah potensi aktif" in html
    assert not re.search(r"<script[^>]+src=|<link[^>]+stylesheet", html)
    assert len(peta_uji.kelurahan(html)) == 3 and len(peta_uji.potensi(html)["titik"]) == 5


def test_skala_hanya_metrik_di_kedua_peta(wilayah_uji):
    from geo.peta.pilih import peta_pilih_lokasi

    d = muat_dataset()
    for html in (_render(buat_peta(tampilkan(d))), _render(peta_pilih_lokasi(d.batas, d.potensi))):
        skala = re.findall(r"L\.control\.scale\(([^)]*)\)", html)
        assert skala == ["{imperial: false}"], skala
