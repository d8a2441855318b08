"""Standalone HTML export: no external script or stylesheet, and it works in Chromium offline."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import expect

from geo.ekspor import OpsiEkspor, ekspor
from geo.masuk.dataset import muat_dataset
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.conftest import BARIS_BAIK, KODE_B
from tests.server_uji import butuh_chromium

CHROMIUM = "/usr/bin/chromium"
ARGS_CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
XSS_NAMA = '<img src=x onerror="window.__xss=1">KIM Jahil'
XSS_POTENSI = "<script>window.__xss=2</script>Kue"


class _Tautan(HTMLParser):
    """Every external resource a page would load by itself."""

    def __init__(self) -> None:
        super().__init__()
        self.luar: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.luar.append(f"script {a['src']}")
        if tag == "link" and a.get("href") and not (a.get("href") or "").startswith("data:"):
            self.luar.append(f"link {a['href']}")
        if tag in ("img", "iframe") and a.get("src") and not (a.get("src") or "").startswith("data:"):
            self.luar.append(f"{tag} {a['src']}")


def test_html_tanpa_skrip_atau_gaya_luar(wilayah_uji):
    html = ekspor("html", tampilkan(muat_dataset())).decode("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    parser = _Tautan()
    parser.feed(html)
    assert parser.luar == []
    assert not re.search(r"@import\s+(url\()?['\"]?https?:", html)
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html and "cdnjs" not in html
    assert "L.map(" in html or "L.map (" in html  # Leaflet itself is inlined
    assert re.search(r"Leaflet \d+\.\d+", html) or "leafletjs.com" in html


def test_html_memakai_judul_dan_filter(wilayah_uji):
    t = tampilkan(muat_dataset(), Filter(kategori=("Kuliner",)))
    html = ekspor("html", t, OpsiEkspor(judul="Laporan <Juli> & Agustus")).decode("utf-8")
    assert "<title>Laporan &lt;Juli&gt; &amp; Agustus</title>" in html
    assert "Kategori: Kuliner" in html


@pytest.fixture
def peramban():
    sync_api = pytest.importorskip("playwright.sync_api")
    butuh_chromium()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS_CHROMIUM)
        yield browser
        browser.close()


def _buka_luring(peramban, path: Path):
    """Open a file:// page with every non-loopback request aborted; return page, blocked URLs and JS errors."""
    konteks = peramban.new_context(viewport={"width": 1100, "height": 800})
    diblokir: list[str] = []
    galat: list[str] = []

    def saring(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")) or re.match(r"https?://(127\.0\.0\.1|localhost)[:/]", url):
            route.continue_()
        else:
            diblokir.append(url)
            route.abort()

    konteks.route("**/*", saring)
    halaman = konteks.new_page()
    halaman.on("pageerror", lambda e: galat.append(str(e)))
    halaman.goto(path.as_uri(), wait_until="load")
    return halaman, diblokir, galat


@pytest.mark.lambat
@pytest.mark.parametrize(("f", "jumlah_penanda"), [(Filter(), 6), (Filter(kategori=("Kuliner",)), 4)])
def test_html_luring_di_chromium(wilayah_uji, peramban, tmp_path, f, jumlah_penanda):
    baris = BARIS_BAIK + [["B-09", XSS_NAMA, KODE_B, "Beta", "Satu", "Kuliner", XSS_POTENSI, "", "Aktif", "2", "", "0.015", "110.045", ""]]
    wilayah_uji.tulis_kim(baris)
    t = tampilkan(muat_dataset(), f)
    assert len(t.potensi) == jumlah_penanda
    berkas = tmp_path / "peta.html"
    berkas.write_bytes(ekspor("html", t))

    halaman, diblokir, galat = _buka_luring(peramban, berkas)
    halaman.wait_for_selector(".kim-kelurahan", state="attached", timeout=15000)
    halaman.wait_for_selector(".kim-potensi", state="attached", timeout=15000)
    assert halaman.locator("path.kim-kelurahan").count() == len(t.ringkasan) == 3
    assert halaman.locator(".leaflet-marker-icon.kim-potensi").count() == jumlah_penanda
    assert halaman.locator(".kim-legenda").count() == 1
    assert "Kuliner" in halaman.locator(".kim-legenda").text_content(timeout=5000)
    assert galat == [], galat
    # Only basemap tiles were wanted from outside, and they were refused without breaking the map.
    assert all(re.search(r"tile|arcgisonline|openstreetmap", u) for u in diblokir), diblokir
    # After a few refused tiles the basemap is dropped (no endless retries) and the map says why.
    expect(halaman.locator(".kim-catatan-ubin")).to_contain_text("Peta dasar tidak dapat dijangkau", timeout=15000)
    jumlah = len(diblokir)
    halaman.locator(".leaflet-control-zoom-in").click()
    halaman.wait_for_timeout(1000)
    assert len(diblokir) == jumlah, "tiles were requested again after the basemap was dropped"

    # Open every popup: data text shows as text, never runs.
    isi_popup = []
    penanda = halaman.locator(".leaflet-marker-icon.kim-potensi")
    for i in range(jumlah_penanda):
        penanda.nth(i).dispatch_event("click")
        isi_popup.append(halaman.locator(".leaflet-popup-content").last.inner_text(timeout=5000))
    assert halaman.evaluate("window.__xss") is None
    jahil = [p for p in isi_popup if "KIM Jahil" in p]
    assert len(jahil) == 1 and '<img src=x onerror="window.__xss=1">' in jahil[0]
    assert "<script>window.__xss=2</script>Kue" in jahil[0]
    halaman.context.close()
