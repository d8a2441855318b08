"""Exports from the page: the download panel exists (AppTest) and every button delivers
the filtered file in a real browser, with no network beyond the app itself."""

from __future__ import annotations

import csv
import io
import json
import re

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from geo.config import PROJECT_DIR
from geo.ekspor import OpsiEkspor, ekspor
from geo.masuk.dataset import muat_dataset
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, buka_panel_unduh, butuh_chromium, jalankan
from ui.ekspor import pembuat

PROYEK = PROJECT_DIR
DASBOR = str(PROYEK / "dashboard.py")
LABEL = ["PNG", "PDF", "HTML", "CSV", "Excel (XLSX)", "GeoJSON"]


def _tombol_unduh(at: AppTest) -> list:
    return [b for b in at.get("download_button") if b.proto.id.split("-")[-1].startswith("ekspor_")]


def test_panel_unduh_ada_di_halaman(wilayah_uji):
    at = AppTest.from_file(DASBOR, default_timeout=90)
    at.query_params["kategori"] = "Kuliner"
    at.run()
    assert not at.exception, at.exception
    assert "Unduh peta dan data" in [e.label for e in at.expander]
    assert _tombol_unduh(at) == []  # closed: the panel costs nothing
    at.session_state["ekspor_panel"] = True  # what opening it does
    at.run()
    assert [b.proto.label for b in _tombol_unduh(at)] == [*LABEL, "Atlas PDF"]
    assert all(b.proto.deferred_file_id for b in _tombol_unduh(at))  # built on click, not on every rerun
    assert "Unduh peta dan data" in [e.label for e in at.expander]
    judul = at.text_input(key="ekspor_judul")
    assert judul.value == "" and judul.placeholder == "Peta Potensi Kuliner KIM Kota Uji"


def test_pembuat_tombol_sama_dengan_ekspor_dan_disimpan(wilayah_uji):
    t = tampilkan(muat_dataset(), Filter(status=("Aktif",)))
    opsi = OpsiEkspor()
    buat = pembuat("csv", t, opsi)
    pertama = buat()
    assert pertama == ekspor("csv", t, opsi)
    assert buat() is pertama  # the second click reuses the file
    assert pembuat("csv", tampilkan(muat_dataset(), Filter()), opsi)() != pertama  # another filter, another file


@pytest.fixture
def server(wilayah_uji, tmp_path):
    with jalankan(None, tmp_path / "streamlit.log") as srv:
        yield srv.url


@pytest.mark.lambat
def test_setiap_tombol_mengunduh_berkas_tersaring(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    butuh_chromium()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        konteks = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
        konteks.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else r.abort())
        halaman = konteks.new_page()
        panel = buka_panel_unduh(halaman, f"{server}/?kategori=Kuliner")
        hasil = {}
        for label in LABEL:
            with halaman.expect_download(timeout=60000) as unduhan:
                panel.get_by_role("button", name=label, exact=True).click()
            d = unduhan.value
            path = tmp_path / d.suggested_filename
            d.save_as(path)
            hasil[path.suffix] = path
        browser.close()

    assert sorted(hasil) == [".csv", ".geojson", ".html", ".pdf", ".png", ".xlsx"]
    for path in hasil.values():
        assert re.fullmatch(r"(peta|data)-kim-uji-\d{4}-\d{2}-\d{2}-kuliner\.\w+", path.name), path.name
    assert hasil[".png"].read_bytes()[:4] == b"\x89PNG"
    assert hasil[".pdf"].read_bytes()[:5] == b"%PDF-"
    assert "kim-kelurahan" in hasil[".html"].read_text(encoding="utf-8")
    baris = list(csv.DictReader(io.StringIO(hasil[".csv"].read_text(encoding="utf-8-sig"))))
    assert [b["id_potensi"] for b in baris] == ["A-01", "A-02", "B-02"]
    assert openpyxl.load_workbook(hasil[".xlsx"])["Potensi"].max_row == 4
    fitur = json.loads(hasil[".geojson"].read_text(encoding="utf-8"))["features"]
    assert sum(f["properties"]["jenis"] == "potensi" for f in fitur) == 3
