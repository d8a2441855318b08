"""Accessibility: an axe-core scan of every page (dashboard and its map frame, Anggaran, Kelola Data, Lapor, Akun,
Profil KIM) in Chromium,
and a kelurahan opened from the map with the keyboard alone.

Serious and critical violations in what this project renders (its map, its
legend, its labels and the page it lays out) fail the test; the report
names the rule and the elements.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.halaman.test_browser import dataset_utama, pengamat, peramban, server  # noqa: F401 - fixtures
from tests.server_uji import tunggu_diam

pytestmark = pytest.mark.lambat
axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

PARAH = {"serious", "critical"}


def _pelanggaran(hasil) -> list[str]:
    return [f"{v['id']} ({v['impact']}): " + "; ".join(f"{n['html'][:200]} {n['failureSummary'][:120]}" for n in v["nodes"][:4])
            for v in hasil.response["violations"] if v.get("impact") in PARAH]


def test_axe_dasbor_dan_peta(server, dataset_utama, pengamat, tmp_path):  # noqa: F811
    p = pengamat()
    p.buka(server["utama"].url + "/?peta=kosong")
    p.page.wait_for_timeout(1500)
    p.tunggu_diam()  # a running script fades the page (stale elements), which would read as low contrast
    axe = axe_sync.Axe()
    halaman = axe.run(p.page, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa"]})
    peta = axe.run(p.frame, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa"]})
    (tmp_path / "axe.txt").write_text(halaman.generate_report() + "\n\n" + peta.generate_report(), encoding="utf-8")
    assert _pelanggaran(peta) == []
    assert _pelanggaran(halaman) == []


def _pindai(page) -> list[str]:
    hasil = axe_sync.Axe().run(page, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa"]})
    return _pelanggaran(hasil)


@pytest.mark.parametrize(("jalur", "judul"), [("/Anggaran", "Anggaran KIM"), ("/Anggaran?bahasa=en", "KIM Budget"),
                                              ("/Kelola_Data", "Kelola Data"), ("/Kelola_Data?bahasa=en", "Manage Data"),
                                              ("/Lapor", "Lapor kegiatan"), ("/Lapor?bahasa=en", "Report an activity"),
                                              ("/Akun", "Akun"), ("/Profil_KIM", "Profil dan penilaian KIM"),
                                              ("/Profil_KIM?bahasa=en", "KIM profiles and assessment")])
def test_axe_halaman_lain(server, pengamat, jalur, judul):  # noqa: F811
    p = pengamat()
    p.page.goto(server["utama"].url + jalur)
    expect(p.page.locator("h1").first).to_contain_text(judul, timeout=60_000)
    p.page.wait_for_timeout(1500)
    tunggu_diam(p.page)
    assert _pindai(p.page) == []
    for frame in p.page.frames[1:]:  # the budget map, when there is one
        if "st_folium" in frame.url:
            assert _pindai(frame) == []


def test_kelurahan_dibuka_dengan_papan_ketik(server, dataset_utama, pengamat):  # noqa: F811
    kode = str(dataset_utama.batas["kode"].iloc[0])
    nama = str(dataset_utama.batas["kelurahan"].iloc[0])
    p = pengamat()
    p.buka(server["utama"].url + "/")
    poligon = p.peta.locator(f'.kim-kelurahan[aria-label="{nama}"]')
    expect(poligon).to_have_attribute("tabindex", "0")
    expect(poligon).to_have_attribute("role", "button")
    poligon.focus()
    p.page.keyboard.press("Enter")
    detail = p.page.locator(".st-key-kim_detail")
    expect(detail.locator("h4")).to_have_text(nama, timeout=20_000)
    expect(detail).to_contain_text(kode)
    p.periksa_bersih()


def test_bahasa_ikut_pindah_halaman(server, pengamat):  # noqa: F811
    """English survives the menu: map → Budget → Manage Data → map, each page in English."""
    p = pengamat()
    p.buka(server["utama"].url + "/?bahasa=en")
    sidebar = p.page.locator('[data-testid="stSidebar"]')
    for tautan, judul in (("Budget", "KIM Budget"), ("Manage Data", "Manage Data"), ("KIM Potential Map", "KIM Potential Map")):
        sidebar.get_by_role("link", name=tautan).click()
        expect(p.page.locator("h1").first).to_contain_text(judul, timeout=60_000)
        expect(p.page).to_have_url(re.compile(r"bahasa=en"))
