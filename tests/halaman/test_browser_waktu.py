"""A link with ``pada`` and ``banding`` opens the revival view in a real browser (Chromium)."""

from __future__ import annotations

import datetime as dt
import os
import re
from urllib.parse import urlsplit

import pytest

from geo.masuk.dataset import muat_dataset
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.susun import tampilkan
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PROYEK, hanya_lokal, jalankan, tunggu_diam

pytestmark = pytest.mark.lambat

if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}; pasang dengan 'apt-get install chromium' (lihat .ci/run).", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright

DATA = PROYEK / "data"
ENV = {"KIM_CSV": str(DATA / "kim.csv"), "KIM_BOUNDARIES": str(DATA / "boundaries.geojson"), "KIM_REFERENSI": str(DATA / "kelurahan.csv"),
       "KIM_WILAYAH": str(DATA / "wilayah.json"), "KIM_KEGIATAN": str(DATA / "kegiatan.csv")}
IFRAME_PETA = 'iframe[title="streamlit_folium.st_folium"]'


def test_tautan_pada_dan_banding(tmp_path):
    ds = muat_dataset(ENV["KIM_CSV"], ENV["KIM_BOUNDARIES"], ENV["KIM_REFERENSI"], ENV["KIM_WILAYAH"], ENV["KIM_KEGIATAN"])
    assert ds.ok and ds.kegiatan is not None
    t = tampilkan(ds, Keadaan(pada=dt.date(2021, 6, 30), banding=dt.date(2026, 11, 30)))
    r = t.ringkasan
    a, b, bangkit = int(r["jumlah_aktif_pada"].sum()), int(r["jumlah_aktif_banding"].sum()), int(r["jumlah_bangkit"].sum())
    assert (a, b, bangkit) == (2, 22, 22)  # the story of the sample data: the dip, then the revival
    kuala = r.set_index("kelurahan").loc["Bontang Kuala"]

    with jalankan(ENV, tmp_path / "server.log") as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        page = browser.new_page(viewport={"width": 1366, "height": 1100})
        luar: list[str] = []

        rute = hanya_lokal(luar)

        page.route("**/*", rute)
        page.goto(server.url + "/?pada=2021-06-30&banding=2026-11-30&kelurahan=Bontang%20Kuala")
        page.frame_locator(IFRAME_PETA).locator(".kim-kelurahan").first.wait_for(timeout=60_000)
        tunggu_diam(page)

        ringkas = page.locator(".kim-waktu").nth(1)
        expect(ringkas).to_contain_text(f"Potensi aktif: {a} pada 30 Juni 2021 → {b} pada 30 November 2026 (+{b - a})")
        expect(ringkas).to_contain_text(f"{bangkit} potensi bangkit kembali")
        kpi = page.locator(".kim-kartu-baris").first.locator(".kim-kartu")
        expect(kpi).to_have_count(5)
        expect(kpi.nth(2)).to_contain_text(f"{round(100 * a / 50)}%")
        expect(kpi.nth(4)).to_contain_text("KIM tidak aktif > 12 bulan")
        detail = page.locator(".kim-banding-kelurahan")
        expect(detail).to_contain_text(f"{int(kuala['jumlah_aktif_pada'])} pada 30 Juni 2021 → {int(kuala['jumlah_aktif_banding'])} pada 30 November 2026")
        legenda = page.locator(".kim-legenda-datar")
        expect(legenda).to_contain_text("Perubahan potensi aktif, 30 Juni 2021 → 30 November 2026")
        expect(page.frame_locator(IFRAME_PETA).locator(".kim-kelurahan")).to_have_count(len(ds.batas))
        # The pickers (in the sidebar's "Waktu" popover, built when opened) show the link's dates, and the address keeps them.
        page.locator(".st-key-kim_buka_waktu button").first.click()
        for label, (hari, bulan, tahun) in (("Keadaan pada tanggal", ("30", "6", "2021")), ("Bandingkan dengan tanggal", ("30", "11", "2026"))):
            for bagian, nilai in (("day", hari), ("month", bulan), ("year", tahun)):
                expect(page.get_by_role("spinbutton", name=f"{bagian}, {label}")).to_have_attribute("aria-valuenow", nilai)
        assert re.search(r"pada=2021-06-30", page.url) and re.search(r"banding=2026-11-30", page.url)
        page.screenshot(path=str(tmp_path / "waktu.png"), full_page=True)
        os.environ.get("KIM_SIMPAN_TANGKAPAN") and page.screenshot(path=os.environ["KIM_SIMPAN_TANGKAPAN"], full_page=True)
        browser.close()
    assert all(urlsplit(u).hostname and "tile" in u or "arcgis" in u for u in luar), luar
