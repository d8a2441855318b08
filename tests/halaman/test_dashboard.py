"""The page through Streamlit's AppTest: filters, URL views, detail, bad data."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from geo.config import PROJECT_DIR
from geo.masuk.dataset import muat_dataset
from geo.tampilan.keadaan import Keadaan, dari_param, ke_param
from geo.tampilan.saring import Filter
from tests import peta_uji
from tests.conftest import KODE_A, KODE_B, KODE_C
from tests.kartu_uji import baris_kartu

HALAMAN = str(PROJECT_DIR / "dashboard.py")


def _jalan(param: dict | None = None, sesi: dict | None = None) -> AppTest:
    at = AppTest.from_file(HALAMAN, default_timeout=60)
    for k, v in (param or {}).items():
        at.query_params[k] = v
    for k, v in (sesi or {}).items():
        at.session_state[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def _kpi(at: AppTest) -> dict[str, str]:
    """The KPI cards (the first row of cards on the page; the detail panel has its own)."""
    return baris_kartu(at)[0]


def _peta(at: AppTest) -> dict:
    (komponen,) = at.get("component_instance")
    return json.loads(komponen.proto.json_args)


def _ubah(at: AppTest) -> dict:
    return peta_uji.perbarui(_peta(at)["feature_group"])


def _titik(at: AppTest) -> list:
    """Rows of the potentials the live map shows (indexes into the static data)."""
    return _ubah(at)["p"]


def _param(at: AppTest) -> dict[str, list[str]]:
    """The page's current query parameters (AppTest keeps them as lists)."""
    return {k: [v] if isinstance(v, str) else list(v) for k, v in at.query_params.items()}


def test_halaman_bawaan(wilayah_uji):
    at = _jalan()
    assert at.title[0].value == "Peta Potensi KIM"
    assert _kpi(at) == {"KIM": "2", "Potensi": "5", "Potensi aktif": "60%", "Anggota": "45"}
    args = _peta(at)
    assert len(_ubah(at)["i"]) == 3 and len(_titik(at)) == 5
    dasar = peta_uji.skrip(args)
    assert "L.kimHidup.muat" in dasar and "coordinates" not in dasar  # geometry is a static file
    assert args["script"] == "" and "/data/dasar-" in args["js_links"][-1]  # and so is the base script: not re-sent per rerun
    assert peta_uji.perbarui(args["feature_group"])["legenda"] == ""  # drawn under the map; the map copies it
    # Issue #22: a pan or zoom is reported (zoom/center) so the URL follows the map; its rerun recomputes
    # no rows (the View memo, tests/halaman/test_dashboard.py::test_zoom_pusat_dari_tautan_dan_geser).
    assert args["returned_objects"] == ["last_object_clicked", "zoom", "center", "bounds"]
    assert args["zoom"] is None and args["center"] is None  # no link position: the map fits its units
    # Every file from the app (no CDN); first, the preloader, a data: URL that makes no request of its own.
    assert args["js_links"][0].startswith("data:text/javascript")
    assert args["js_links"][1:] and all(u.startswith("/app/static/vendor/") for u in args["js_links"][1:] + args["css_links"])
    assert not any("jquery" in u for u in args["js_links"])  # nothing of ours uses it: 87 KB less per visit
    teks = " ".join(m.value for m in [*at.markdown, *at.html])
    assert "Data contoh" in teks and "Batas skematik" in teks
    assert not at.warning and not at.error


@pytest.mark.lambat
def test_filter_mengubah_kpi_dan_peta(wilayah_uji):
    at = _jalan()
    at.multiselect(key="w_kategori").set_value(["Kuliner"]).run()
    assert _kpi(at)["Potensi"] == "3" and len(_titik(at)) == 3
    at.multiselect(key="w_status").set_value(["Aktif"]).run()
    assert _kpi(at) == {"KIM": "2", "Potensi": "2", "Potensi aktif": "100%", "Anggota": "13"}
    assert len(_titik(at)) == 2
    assert _param(at) == {"kategori": ["Kuliner"], "status": ["Aktif"]}
    at.selectbox(key="w_metrik").set_value("jumlah_anggota").run()
    assert _ubah(at)["label"] == "Jumlah anggota"
    assert _param(at)["metrik"] == ["jumlah_anggota"]


def test_tautan_memulihkan_tampilan(wilayah_uji):
    at = _jalan({"kategori": "Kuliner", "status": "Aktif", "metrik": "persen_aktif", "kelurahan": "Beta", "peta": "kosong", "kelas": "3"})
    assert at.multiselect(key="w_kategori").value == ["Kuliner"]
    assert at.multiselect(key="w_status").value == ["Aktif"]
    assert at.selectbox(key="w_metrik").value == "persen_aktif"
    assert at.selectbox(key="w_basemap").value == "kosong"
    assert at.slider(key="w_kelas").value == 3
    assert at.selectbox(key="w_kelurahan").value == KODE_B
    assert _kpi(at)["Potensi"] == "2" and len(_titik(at)) == 2
    assert any(m.value.startswith("#### Beta") for m in at.markdown)
    assert baris_kartu(at)[1]["Potensi"] == "1 / 2"  # of its 2 potentials, 1 passes the filters
    # The address bar keeps exactly the shared view.
    assert _param(at) == {"kategori": ["Kuliner"], "status": ["Aktif"], "metrik": ["persen_aktif"], "kelas": ["3"],
                          "peta": ["kosong"], "kelurahan": ["Beta"]}


def test_parameter_berulang_atau_koma(wilayah_uji):
    at = _jalan({"status": "Aktif,Kurang Aktif", "kategori": ["Kuliner", "pariwisata"]})
    assert at.multiselect(key="w_status").value == ["Aktif", "Kurang Aktif"]
    assert at.multiselect(key="w_kategori").value == ["Kuliner", "Pariwisata"]
    assert _kpi(at)["Potensi"] == "4"


def test_parameter_salah_dilaporkan_sisanya_dipakai(wilayah_uji):
    at = _jalan({"kategori": "Kulinerr", "status": "Aktif", "kelurahan": "Zeta"})
    pesan = " ".join(w.value for w in at.warning)
    assert "Mungkin maksud Anda 'Kuliner'" in pesan and "Kelurahan 'Zeta' tidak ditemukan" in pesan
    assert at.multiselect(key="w_kategori").value == [] and at.multiselect(key="w_status").value == ["Aktif"]
    assert _kpi(at)["Potensi"] == "3"


def test_klik_peta_membuka_rincian(wilayah_uji):
    at = _jalan(sesi={"kim_klik_baru": {"lat": 0.015, "lng": 110.075}})
    assert at.selectbox(key="w_kelurahan").value == KODE_C
    teks = " ".join(m.value for m in [*at.markdown, *at.html])
    assert "#### Gama Raya" in teks and "Belum ada KIM tercatat" in teks
    assert _param(at) == {"kelurahan": ["Gama Raya"]}
    # The selection is outlined on the map without reloading it (a feature group).
    assert _ubah(at)["pilih"] == 2


def test_rincian_dari_daftar(wilayah_uji):
    at = _jalan()
    at.selectbox(key="w_kelurahan").set_value(KODE_A).run()
    teks = " ".join(m.value for m in [*at.markdown, *at.html])
    assert "#### Alfa Laut" in teks and "KIM Alfa" in teks
    assert "**Kegiatan terakhir:** 3 Februari 2025" in teks
    assert "Aktif **2** · Kurang Aktif **1** · Tidak Aktif **0**" in teks
    tabel = at.dataframe[0].value
    assert sorted(tabel["nama_potensi"]) == ["Amplang", "Ikan bakar", "Kampung air"]
    at.button(key="kim_tutup_detail").click().run()
    assert at.selectbox(key="w_kelurahan").value is None


def test_filter_tanpa_hasil(wilayah_uji):
    at = _jalan({"cari": "tidak ada yang begini"})
    assert any("Tidak ada potensi yang cocok" in i.value for i in at.info)
    assert _kpi(at)["Potensi"] == "0"
    args = _peta(at)
    assert len(peta_uji.perbarui(args["feature_group"])["i"]) == 3 and _titik(at) == []
    at.button(key="kim_hapus_filter").click().run()
    assert _kpi(at)["Potensi"] == "5" and at.text_input(key="w_cari").value == ""


def test_bahasa_inggris(wilayah_uji):
    at = _jalan({"bahasa": "en"})
    assert at.title[0].value == "KIM Potential Map"
    assert "Potentials" in _kpi(at)
    assert '"KIM potentials"' in peta_uji.skrip(_peta(at))  # layer names in the layer control


def test_data_tidak_sah_menampilkan_laporan(wilayah_uji, monkeypatch):
    buruk = wilayah_uji.tulis_kim(
        [["A-01", "KIM Alfa", "99.01.01.1001", "Alfa Laut", "Satu", "Kuliner", "Amplang", "", "Hidup", "sepuluh", "31/02/2024", "0.01", "110.01", ""]],
        nama="buruk.csv",
    )
    monkeypatch.setenv("KIM_CSV", str(buruk))
    at = _jalan()
    assert "Data tidak dapat ditampilkan karena tidak sah" in at.error[0].value
    laporan = at.table[0].value.map(lambda v: re.sub(r"\\(.)", r"\1", str(v)))  # cells are Markdown-escaped
    assert set(laporan["kolom"]) >= {"status_aktivitas", "jumlah_anggota", "kegiatan_terakhir"}
    assert (laporan["baris"] == "2").all() and (laporan["berkas"] == "buruk.csv").all()
    assert all(p.endswith(".") for p in laporan["apa yang harus diperbaiki"])  # whole messages, not cut off
    assert not at.get("component_instance")  # no map on invalid data


def test_berkas_hilang_menampilkan_laporan(wilayah_uji, monkeypatch, tmp_path):
    monkeypatch.setenv("KIM_CSV", str(tmp_path / "tidak-ada.csv"))
    at = _jalan()
    assert at.error and "tidak sah" in at.error[0].value
    assert "tidak dapat dibuka" in " ".join(at.table[0].value["apa yang harus diperbaiki"])


def test_keadaan_pulang_pergi(wilayah_uji):
    ds = muat_dataset()
    k = Keadaan(Filter(kategori=("Kuliner", "Batik & Kerajinan"), status=("Aktif",), kecamatan=("Satu",), cari="amplang"),
                metrik="potensi_kuliner", skema="natural_breaks", kelas=4, basemap="satelit", bahasa="en", kelurahan=KODE_A)
    param = ke_param(k, ds)
    assert param["kelurahan"] == ["Alfa Laut"] and param["kategori"] == ["Kuliner", "Batik & Kerajinan"]
    assert dari_param(param, ds) == k
    assert ke_param(Keadaan(), ds) == {}
    assert dari_param({"kelurahan": KODE_C}, ds).kelurahan == KODE_C
    assert dari_param({"kelurahan": "alpa laut"}, ds).kelurahan == KODE_A  # a known alias
    salah = dari_param({"kelas": "9", "skema": "acak", "peta": "google", "bahasa": "fr", "metrik": "luas"}, ds)
    assert salah == Keadaan() and len(salah.catatan) == 5


@pytest.mark.parametrize("kunci", ["kategori", "status", "kecamatan", "metrik", "kelurahan"])
def test_nama_parameter_stabil(wilayah_uji, kunci):
    ds = muat_dataset()
    k = Keadaan(Filter(kategori=("Kuliner",), status=("Aktif",), kecamatan=("Dua",)), metrik="jumlah_aktif", kelurahan=KODE_C)
    assert kunci in ke_param(k, ds)


@pytest.mark.lambat
def test_memilih_kelurahan_tidak_memuat_ulang_peta(wilayah_uji):
    at = _jalan()
    sebelum = _peta(at)
    at.selectbox(key="w_kelurahan").set_value(KODE_B).run()
    sesudah = _peta(at)
    # Same script → same component key: the browser keeps the map, only the update changes.
    assert peta_uji.skrip(sesudah) == peta_uji.skrip(sebelum) and sesudah["key"] == sebelum["key"]
    assert peta_uji.perbarui(sebelum["feature_group"])["pilih"] is None and peta_uji.perbarui(sesudah["feature_group"])["pilih"] == 1


def test_filter_metrik_kelas_tidak_memuat_ulang_peta(wilayah_uji):
    at = _jalan()
    sebelum = _peta(at)
    at.multiselect(key="w_kategori").set_value(["Kuliner"]).run()
    at.selectbox(key="w_metrik").set_value("jumlah_anggota").run()
    at.slider(key="w_kelas").set_value(3).run()
    sesudah = _peta(at)
    assert peta_uji.skrip(sesudah) == peta_uji.skrip(sebelum) and sesudah["key"] == sebelum["key"]
    assert sesudah["feature_group"] != sebelum["feature_group"] and len(_titik(at)) == 3


@pytest.mark.lambat
def test_tanpa_jaringan_peta_dasar_diganti_latar_polos(wilayah_uji, monkeypatch):
    monkeypatch.setattr("geo.peta.ubin.host_terjangkau", lambda url: False)
    at = _jalan()
    assert any("Peta dasar tidak dapat dijangkau" in c.value for c in [*at.caption, *at.html])
    assert _tile_tampil(peta_uji.skrip(_peta(at))) == []
    monkeypatch.setattr("geo.peta.ubin.host_terjangkau", lambda url: True)
    at = _jalan()
    assert not any("Peta dasar tidak dapat dijangkau" in c.value for c in [*at.caption, *at.html])
    assert _tile_tampil(peta_uji.skrip(_peta(at))) == ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"]


def _tile_tampil(script: str) -> list[str]:
    """URL templates of the tile layers actually added to the map (the shown basemap)."""
    lapisan = dict(re.findall(r"var (tile_layer_\w+) = L\.tileLayer\(\s*\"([^\"]+)\"", script))
    return [url for nama, url in lapisan.items() if f"{nama}.addTo(" in script]


def test_zoom_pusat_dari_tautan_dan_geser(wilayah_uji):
    """A link's zoom/pusat reach the map component; a reported pan goes to the URL without new rows."""
    at = _jalan({"zoom": "13.5", "pusat": "0.015,110.045", "kategori": "Kuliner"})
    args = _peta(at)
    assert args["zoom"] == 13.5 and args["center"] == [0.015, 110.045]
    assert _param(at)["zoom"] == ["13.5"] and _param(at)["pusat"] == ["0.015,110.045"]
    ubah = _ubah(at)
    # The map reports a pan (what streamlit-folium's on_change stores): written back rounded, same rows.
    at.session_state["peta"] = {"last_object_clicked": None, "zoom": 14.26, "center": {"lat": 0.0123456, "lng": 110.0512344}}
    at.run()
    assert _param(at)["zoom"] == ["14.25"] and _param(at)["pusat"] == ["0.01235,110.05123"]
    assert _param(at)["kategori"] == ["Kuliner"]
    assert _peta(at)["zoom"] == 13.5  # the component keeps the link's values: the map is not moved back
    assert _ubah(at) == ubah and not at.warning


def test_posisi_salah_dibuang_dengan_catatan(wilayah_uji):
    at = _jalan({"zoom": "40", "pusat": "200,1", "status": "Aktif"})
    teks = " ".join(w.value for w in at.warning)
    assert "Zoom '40' tidak sah" in teks and "Pusat peta '200,1' di luar bumi" in teks
    assert _peta(at)["zoom"] is None and "zoom" not in _param(at) and _param(at)["status"] == ["Aktif"]


@pytest.mark.parametrize(("bahasa", "kata"), [("id", "tidak ada data"), ("en", "no data")])
def test_rincian_dan_kartu_tanpa_potensi_tidak_ada_data(wilayah_uji, bahasa, kata):
    """Issue #22: the detail of a kelurahan without potentials, and the cards of an empty filter, say no data, not 0 %."""
    at = _jalan({"kelurahan": KODE_C, "bahasa": bahasa})
    nilai = list(baris_kartu(at)[1].values())  # the detail panel's cards after the KPI cards
    assert kata in nilai and "0%" not in nilai
    at = _jalan({"cari": "tidak ada yang cocok", "bahasa": bahasa})
    assert kata in baris_kartu(at)[0].values()


def test_peta_gagal_tidak_menghapus_filter(wilayah_uji, monkeypatch):
    """The filters are drawn after the map (the map first, #26): a map that fails must not also reset them."""
    at = _jalan({"kategori": "Kuliner"})
    assert at.multiselect(key="w_kategori").value == ["Kuliner"]

    def rusak(*_a, **_k):
        raise RuntimeError("peta rusak")

    monkeypatch.setattr("ui.peta.gambar_peta", rusak)
    at.run()
    assert any("peta rusak" in e.value for e in at.error)  # said in words, no traceback
    assert at.multiselect(key="w_kategori").value == ["Kuliner"]
    monkeypatch.undo()
    at.run()
    assert at.multiselect(key="w_kategori").value == ["Kuliner"] and not at.error


# What makes Streamlit's frontend load its emoji table (260 KB, remark-emoji) for a Markdown element: a word
# between two colons (its own test, read from its bundle; ":material/…:" icons excepted).
KODE_EMOJI = re.compile(r":(?!material/|streamlit:)[\w+-][\w_+-]*:")


@pytest.mark.parametrize("param", [{}, {"kelurahan": KODE_B}, {"bahasa": "en"}])
def test_tidak_ada_markdown_yang_memuat_tabel_emoji(wilayah_uji, param):
    """Our CSS and text must not read as an emoji code (a pseudo-class then a pseudo-element did: 260 KB more)."""
    at = _jalan(param)
    teks = [m.value for m in [*at.markdown, *at.html]] + [c.value for c in at.caption]
    assert any("<style>" in t for t in teks)  # the page's CSS is among them
    assert not [KODE_EMOJI.search(t).group(0) for t in teks if KODE_EMOJI.search(t)]


def test_kunjungan_pertama_peramban_peta_dulu(wilayah_uji, monkeypatch):
    """A browser's first run (ui/tunda.py): title, cards and map, no control; the map's drawn report completes it,
    with the link's filter in place. AppTest has no user agent, so the browser is stated here."""
    from ui import tunda

    monkeypatch.setattr(tunda, "_peramban", lambda: True)
    at = _jalan({"kategori": "Kuliner"})
    assert at.title[0].value == "Peta Potensi KIM" and _peta(at)
    assert not at.multiselect and not at.selectbox and not at.radio and not at.text_input
    assert "window.__kimHidup.lapor = true;" in _peta(at)["feature_group"]
    at.session_state["peta"] = {"zoom": 12, tunda.TANDA: True}  # what the map's script reports once drawn
    at.run()
    assert not at.exception, at.exception
    assert at.multiselect(key="w_kategori").value == ["Kuliner"]
    assert at.radio and at.text_input
    assert "lapor = true" not in _peta(at)["feature_group"]
