"""The Anggaran page in a real browser: the allocation map draws offline and a link restores the view."""

from __future__ import annotations

import os
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PROYEK, hanya_lokal, jalankan, tunggu_diam

if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}; pasang dengan 'apt-get install chromium'.", allow_module_level=True)

from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.lambat
IFRAME_PETA = 'iframe[title="streamlit_folium.st_folium"]'


def test_halaman_anggaran_di_peramban(tmp_path):
    data = PROYEK / "data"
    rencana = tmp_path / "anggaran.csv"
    shutil.copyfile(data / "anggaran.csv", rencana)
    env = {"KIM_CSV": str(data / "kim.csv"), "KIM_BOUNDARIES": str(data / "boundaries.geojson"),
           "KIM_REFERENSI": str(data / "kelurahan.csv"), "KIM_WILAYAH": str(data / "wilayah.json"), "KIM_ANGGARAN": str(rencana)}
    luar: list[str] = []
    galat: list[str] = []

    rute = hanya_lokal(luar)

    with jalankan(env, tmp_path / "server.log") as server, sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        page = b.new_context(viewport={"width": 1366, "height": 1100}).new_page()
        page.route("**/*", rute)
        page.on("pageerror", lambda e: galat.append(str(e)))
        page.goto(f"{server.url}/Anggaran?kecamatan=Bontang%20Utara&nilai=per_anggota")
        peta = page.frame_locator(IFRAME_PETA)
        peta.locator(".kim-kelurahan-anggaran").first.wait_for(timeout=60_000)
        tunggu_diam(page)
        assert peta.locator("path.kim-kelurahan-anggaran").count() == 6  # the six kelurahan of Bontang Utara
        assert page.get_by_text("Rp 200.000.000").first.is_visible()
        param = parse_qs(urlsplit(page.url).query)
        assert param == {"kecamatan": ["Bontang Utara"], "nilai": ["per_anggota"]}
        assert page.get_by_role("link", name="Anggaran").first.is_visible()
        page.screenshot(path=str(tmp_path / "anggaran.png"), full_page=True)
        if os.environ.get("KIM_TANGKAPAN"):  # a developer's look at the page: KIM_TANGKAPAN=/tmp/anggaran.png
            shutil.copyfile(tmp_path / "anggaran.png", os.environ["KIM_TANGKAPAN"])
        b.close()
    assert galat == []
    assert all(("tile" in u or "openstreetmap" in u) for u in luar), luar


def test_kartu_anggaran_tidak_terpotong_di_ponsel(tmp_path):
    """At 390 px the ceiling must read 'Rp 200.000.000', never 'Rp 200.000.…' (which reads as two hundred thousand)."""
    with jalankan(None, tmp_path / "server.log") as server, sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        page = b.new_context(viewport={"width": 390, "height": 900}).new_page()
        page.route("**/*", hanya_lokal([]))
        page.goto(f"{server.url}/Anggaran")
        nilai = page.locator(".st-key-anggaran_kartu [data-testid=stMetricValue]")
        nilai.first.wait_for(timeout=60_000)
        tunggu_diam(page)
        terpotong = page.evaluate("""() => [...document.querySelectorAll('.st-key-anggaran_kartu [data-testid=stMetricValue]')]
            .flatMap(e => [e, ...e.querySelectorAll('*')])
            .filter(x => x.scrollWidth > x.clientWidth + 1).map(x => x.innerText)""")
        teks = nilai.all_inner_texts()
        page.screenshot(path=str(tmp_path / "kartu390.png"))
        b.close()
    assert "Rp 200.000.000" in [t.replace("\n", "") for t in teks]
    assert terpotong == []
