"""Zoom and centre in the URL (issue #22), in a real browser with every outside request blocked.

A link with ``zoom`` and ``pusat`` opens the live Leaflet map exactly there; a pan and a zoom
are written back to the address bar; that address opens the same view again. The no-data
legend entry of the live map is checked on the same page (a filter that empties kelurahan).
"""

from __future__ import annotations

import urllib.parse

import pytest

from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PROYEK, Server, butuh_chromium, hanya_lokal, tunggu_diam

butuh_chromium()
from playwright.sync_api import expect, sync_playwright

pytestmark = pytest.mark.lambat
IFRAME_PETA = 'iframe[title="streamlit_folium.st_folium"]'
DATA = PROYEK / "data"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = {"KIM_CSV": str(DATA / "kim.csv"), "KIM_BOUNDARIES": str(DATA / "boundaries.geojson"),
           "KIM_REFERENSI": str(DATA / "kelurahan.csv"), "KIM_WILAYAH": str(DATA / "wilayah.json")}
    s = Server(env, tmp_path_factory.mktemp("posisi") / "server.log")
    try:
        s.tunggu()
        yield s
    finally:
        s.hentikan()


@pytest.fixture
def halaman():
    luar: list[str] = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        page = b.new_context(viewport={"width": 1366, "height": 900}).new_page()
        galat: list[str] = []
        page.on("pageerror", lambda e: galat.append(str(e)))
        page.route("**/*", hanya_lokal(luar))
        yield page, galat
        b.close()


def _bingkai(page):
    for _ in range(120):
        frame = next((f for f in page.frames if "st_folium" in f.url and not f.is_detached()
                      and f.evaluate("() => !!(window.map && window.__kimHidup && window.__kimHidup.versi)")), None)
        if frame:
            return frame
        page.wait_for_timeout(250)
    raise AssertionError("the live map never loaded")


def _posisi(frame) -> tuple[float, float, float]:
    return tuple(frame.evaluate("() => { const c = window.map.getCenter(); return [window.map.getZoom(), c.lat, c.lng]; }"))


def _param(page) -> dict[str, str]:
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query).items()}


def _buka(page, url: str, zoom: float, lat: float, lng: float):
    """Open ``url`` and wait until the map stands where the link says (setView runs after the map fitted itself)."""
    page.goto(url)
    frame = _bingkai(page)
    frame.wait_for_function(
        "([z, lat, lng]) => { const c = window.map.getCenter(); return window.map.getZoom() === z"
        " && Math.abs(c.lat - lat) < 1e-9 && Math.abs(c.lng - lng) < 1e-9; }", arg=[zoom, lat, lng], timeout=30_000)
    return frame


def test_zoom_dan_pusat_pulang_pergi(server, halaman, tmp_path):
    page, galat = halaman
    frame = _buka(page, server.url + "/?zoom=14.5&pusat=0.1345,117.4712", 14.5, 0.1345, 117.4712)
    tunggu_diam(page)
    page.wait_for_timeout(800)  # the map's own report (debounced 250 ms) and its rerun
    tunggu_diam(page)
    z, lat, lng = _posisi(frame)
    assert (z, lat, lng) == (14.5, pytest.approx(0.1345, abs=1e-9), pytest.approx(117.4712, abs=1e-9))
    # On a loaded machine the map's reports can arrive late: the address bar must settle on the link's position.
    page.wait_for_function("() => location.search.includes('zoom=14.5')", timeout=30_000)
    assert _param(page).get("zoom") == "14.5" and _param(page).get("pusat") == "0.1345,117.4712"
    page.screenshot(path=str(tmp_path / "tautan.png"))

    # Pan and zoom as a user would: the address bar follows.
    frame.evaluate("() => window.map.setView([0.1421, 117.4655], 15.25)")
    page.wait_for_function("() => location.search.includes('zoom=15.25')", timeout=30_000)
    page.wait_for_function("() => decodeURIComponent(location.search).includes('pusat=0.1421,117.4655')", timeout=30_000)
    tunggu_diam(page)
    assert _posisi(frame)[0] == 15.25  # the rerun did not move the map back

    alamat = page.url
    frame = _buka(page, alamat, 15.25, 0.1421, 117.4655)  # the same link opens the same view
    page.screenshot(path=str(tmp_path / "lagi.png"))
    assert galat == []


def test_tanpa_posisi_tidak_menulis_zoom(server, halaman, tmp_path):
    page, _ = halaman
    page.goto(server.url + "/?kategori=Pariwisata&metrik=persen_aktif")
    frame = _bingkai(page)
    tunggu_diam(page)
    page.wait_for_timeout(1500)
    tunggu_diam(page)
    assert "zoom" not in _param(page) and "pusat" not in _param(page)  # the map sits where it fitted itself
    # The no-data legend entry on the live page (the filter empties kelurahan): under the map and inside it.
    expect(page.locator(".kim-legenda-datar .kim-tanpa-data")).to_have_count(1)
    expect(page.locator(".kim-legenda-datar")).to_contain_text("tidak ada data")
    abu = frame.evaluate("() => Array.from(document.querySelectorAll('path.kim-kelurahan'))"
                         ".filter(p => p.getAttribute('fill') === '#d9d9d9').length")
    assert abu > 0
    page.locator(".kim-legenda-datar").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "tanpa_data.png"))
    # On a phone the frame settles its size after the map fitted itself: still no position in the URL.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + "/?kategori=Pariwisata")
    _bingkai(page)
    tunggu_diam(page)
    page.wait_for_timeout(1500)
    tunggu_diam(page)
    assert "zoom" not in _param(page) and "pusat" not in _param(page)


def test_posisi_salah_dibuang_dengan_catatan(server, halaman):
    page, _ = halaman
    page.goto(server.url + "/?zoom=99&pusat=117.47,0.13&kategori=Kuliner")
    expect(page.get_by_text("Zoom '99' tidak sah")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Pusat peta '117.47,0.13' di luar bumi", exact=False)).to_be_visible()
    tunggu_diam(page)
    assert _param(page).get("kategori") == "Kuliner" and "zoom" not in _param(page)
