"""Done-when of #19: in ONE server, every download at the city view, then ``?wilayah=64.74.01``, then
``?pada=2021-06-30``, equals ``python -m geo export`` with the same flags.

Before #19 the download cache keyed on part of the view only, so the second view got the city's
files back. On the shipped Bontang data (it has the activity log the dates need).
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess

import openpyxl
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo.cli.utama import main
from geo.config import PROJECT_DIR
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, buka_panel_unduh, butuh_chromium, hanya_lokal, jalankan, tunggu_diam

pytestmark = pytest.mark.lambat

DATA = PROJECT_DIR / "data"
ENV = {"KIM_CSV": str(DATA / "kim.csv"), "KIM_BOUNDARIES": str(DATA / "boundaries.geojson"),
       "KIM_REFERENSI": str(DATA / "kelurahan.csv"), "KIM_WILAYAH": str(DATA / "wilayah.json")}
LABEL = {"PNG": "png", "PDF": "pdf", "HTML": "html", "CSV": "csv", "Excel (XLSX)": "xlsx", "GeoJSON": "geojson"}
# (URL query, the same view as CLI flags): the city, one kecamatan, a past date with the page's metric and classes.
TAMPILAN = [
    ("", []),
    ("?wilayah=64.74.01", ["--wilayah", "64.74.01"]),
    ("?pada=2021-06-30&metrik=persen_aktif&kelas=4", ["--pada", "2021-06-30", "--metrik", "persen_aktif", "--kelas", "4"]),
]


def _isi(path, fmt: str):
    """A file's content, row for row; only what legitimately differs between two runs (ids, timestamps) is dropped."""
    if fmt == "csv":
        return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    if fmt == "xlsx":
        wb = openpyxl.load_workbook(path)
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    if fmt == "geojson":
        return json.loads(path.read_text(encoding="utf-8"))
    if fmt == "pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    if fmt == "html":  # folium names each element with a fresh random id
        return re.sub(r"[0-9a-f]{32}", "ID", path.read_text(encoding="utf-8"))
    return path.read_bytes()


@pytest.fixture
def server(tmp_path, monkeypatch):
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    with jalankan(ENV, tmp_path / "streamlit.log") as srv:
        yield srv.url


def _unduh(halaman, panel, label: str, tujuan):
    """Press a download button once the page is idle; a press that lands in a rerun (the map reporting
    where it fitted itself) redraws the button and is lost, so it is pressed again, at most three times."""
    for percobaan in range(3):
        tunggu_diam(halaman)
        try:
            with halaman.expect_download(timeout=60_000) as unduhan:
                panel.get_by_role("button", name=label, exact=True).click()
            break
        except PlaywrightTimeout:
            if percobaan == 2:
                raise
    unduhan.value.save_as(tujuan)
    return tujuan


def test_setiap_unduhan_setiap_tampilan_sama_dengan_cli(server, tmp_path, capsys):
    sync_api = pytest.importorskip("playwright.sync_api")
    butuh_chromium()
    luar: list[str] = []
    dari_halaman: dict[tuple[int, str], object] = {}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        konteks = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
        konteks.route("**/*", hanya_lokal(luar))
        for i, (kueri, _) in enumerate(TAMPILAN):
            halaman = konteks.new_page()
            panel = buka_panel_unduh(halaman, f"{server}/{kueri}")
            for label, fmt in LABEL.items():
                dari_halaman[i, fmt] = _isi(_unduh(halaman, panel, label, tmp_path / f"halaman-{i}.{fmt}"), fmt)
            if i == len(TAMPILAN) - 1:  # the atlas follows the page's metric, classes and date too
                dari_halaman[i, "atlas"] = _isi(_unduh(halaman, panel, "Atlas PDF", tmp_path / f"halaman-{i}-atlas.pdf"), "pdf")
            halaman.close()
        browser.close()

    assert not luar
    for i, (_, bendera) in enumerate(TAMPILAN):
        for fmt in [*LABEL.values(), *(["atlas"] if (i, "atlas") in dari_halaman else [])]:
            tujuan = tmp_path / f"cli-{i}-{fmt}.{'pdf' if fmt == 'atlas' else fmt}"
            assert main(["export", "--format", fmt, *bendera, "-o", str(tujuan)]) == 0, capsys.readouterr().err
            assert dari_halaman[i, fmt] == _isi(tujuan, "pdf" if fmt == "atlas" else fmt), (TAMPILAN[i][0], fmt)
    # And the three views really are three different files (the stale cache served the first one thrice).
    assert len({json.dumps(dari_halaman[i, "csv"]) for i in range(len(TAMPILAN))}) == 3
    assert len(dari_halaman[1, "csv"]) == 21 + 1  # ?wilayah=64.74.01: its 21 potentials and the header
    assert "64.74.02" not in json.dumps(dari_halaman[1, "geojson"])
