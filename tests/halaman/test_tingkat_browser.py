"""Drill-down in a real browser: a small generated province, click by click and back, and a shared link."""

from __future__ import annotations

import os
import re

import pytest
from shapely.geometry import Point

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.masuk.dataset import muat_dataset
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, Server, tunggu_diam

if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}; pasang dengan 'apt-get install chromium' (lihat .ci/run).", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright

pytestmark = pytest.mark.lambat
IFRAME_PETA = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture(scope="module")
def provinsi(tmp_path_factory):
    b = buat_wilayah_besar(300, tmp_path_factory.mktemp("provinsi_browser"), seed=7, n_baris=250)  # under the cluster threshold (see report: clusters + plain basemap)
    ds = muat_dataset(b.kim, b.batas, b.referensi, b.wilayah)
    assert ds.ok, ds.laporan.teks()[:2000]
    server = Server(b.env(), b.dir / "server.log")
    try:
        server.tunggu()
        yield server, ds
    finally:
        server.hentikan()


@pytest.fixture(scope="module")
def halaman():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        konteks = b.new_context(viewport={"width": 1366, "height": 1000})
        page = konteks.new_page()
        galat: list[str] = []
        page.on("pageerror", lambda e: galat.append(str(e)))

        def rute(route):
            host = re.sub(r"^https?://([^/:]+).*$", r"\1", route.request.url)
            route.continue_() if host in ("127.0.0.1", "localhost") or route.request.url.startswith("data:") else route.abort()

        page.route("**/*", rute)
        yield page, galat
        b.close()


def _bingkai(page):
    for _ in range(60):  # a drill-down redraws the map: wait for its Leaflet map to exist
        frame = next((f for f in page.frames if "st_folium" in f.url and not f.is_detached()
                      and f.evaluate("() => !!(window.map && window.map.latLngToContainerPoint)")), None)
        if frame:
            break
        page.wait_for_timeout(500)
    assert frame is not None
    return frame


def _klik(page, geometri) -> None:
    """Click inside ``geometri`` on the unit polygon itself, not on a marker or a cluster drawn over it.

    A click on a marker reports the marker's position, which may lie in the next unit; so try points of
    the polygon until the element under the pointer is a unit's path.
    """
    frame = _bingkai(page)
    page.locator(IFRAME_PETA).scroll_into_view_if_needed()  # wrapped KPI labels (#22) may push the map down
    kotak = page.locator(IFRAME_PETA).bounding_box()
    x0, y0, x1, y1 = geometri.bounds
    calon = [geometri.representative_point()] + [Point(x0 + (x1 - x0) * i / 6, y0 + (y1 - y0) * j / 6)
                                                  for i in range(1, 6) for j in range(1, 6)]
    for titik in [c for c in calon if geometri.contains(c)]:
        x, y, kena = frame.evaluate(
            "([lat, lng]) => { const t = window.map.latLngToContainerPoint([lat, lng]);"
            " const el = document.elementFromPoint(t.x, t.y);"
            " return [t.x, t.y, !!(el && el.classList && el.classList.contains('kim-kelurahan'))]; }", [titik.y, titik.x])
        if kena:
            page.mouse.click(kotak["x"] + x, kotak["y"] + y)
            return
    raise AssertionError("no point of the unit is free of markers on the map")


def test_turun_kembali_dan_tautan(provinsi, halaman, tmp_path):
    server, ds = provinsi
    page, galat = halaman
    desa = ds.batas.loc[ds.batas["jenis_unit"] == "desa"].iloc[len(ds.batas) // 3]
    kab, kec = desa["kode"][:5], desa["kode"][:8]
    n_kec = ds.batas.loc[ds.batas["kode"].str.startswith(kab + "."), "kode"].str[:8].nunique()
    n_desa = int(ds.batas["kode"].str.startswith(kec + ".").sum())
    peta = page.frame_locator(IFRAME_PETA)

    page.goto(server.url + "/")
    expect(peta.locator(".kim-kelurahan")).to_have_count(10, timeout=60_000)
    page.wait_for_timeout(500)
    _klik(page, desa.geometry)
    _tunggu_wilayah(page, kab)
    expect(peta.locator(".kim-kelurahan")).to_have_count(n_kec, timeout=30_000)
    tunggu_diam(page)
    page.wait_for_timeout(500)
    _klik(page, desa.geometry)
    _tunggu_wilayah(page, kec)
    expect(peta.locator(".kim-kelurahan")).to_have_count(n_desa, timeout=30_000)
    tunggu_diam(page)
    page.wait_for_timeout(500)
    _pas_dengan(page, ds, kec)
    _klik(page, desa.geometry)
    expect(page.locator(".st-key-kim_detail h4")).to_have_text(desa["kelurahan"], timeout=30_000)
    expect(page.locator(".st-key-kim_remah")).to_contain_text(ds.wilayah.nama)
    page.screenshot(path=str(tmp_path / "desa.png"), full_page=True)

    tunggu_diam(page)
    page.locator(".st-key-kim_remah_0 button").click()
    expect(peta.locator(".kim-kelurahan")).to_have_count(10, timeout=30_000)
    page.wait_for_function("() => !location.search.includes('wilayah=')", timeout=30_000)

    page.goto(server.url + f"/?tingkat=kelurahan&wilayah={kec}")
    expect(peta.locator(".kim-kelurahan")).to_have_count(n_desa, timeout=60_000)
    expect(page.locator(".st-key-kim_remah")).to_contain_text("Kecamatan")
    page.wait_for_timeout(500)
    _pas_dengan(page, ds, kec)  # a shared link opens on the unit too
    assert galat == []


def _tunggu_wilayah(page, awalan: str) -> None:
    """The address bar names the unit (Streamlit rewrites it in place: no load event to wait for)."""
    page.wait_for_function("(a) => new URLSearchParams(location.search).get('wilayah') === a", arg=awalan, timeout=30_000)


def _pas_dengan(page, ds, awalan: str) -> None:
    """The map shows the unit drilled into, not the whole region with the unit a speck in a corner."""
    s, w, n, e = _bingkai(page).evaluate("() => { const b = window.map.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
    minx, miny, maxx, maxy = ds.batas.loc[ds.batas["kode"].str.startswith(awalan + ".")].total_bounds
    assert s <= miny and w <= minx and n >= maxy and e >= maxx, "the unit must be inside the view"
    rx0, ry0, rx1, ry1 = ds.batas.total_bounds
    assert (n - s) * (e - w) < 0.5 * (ry1 - ry0) * (rx1 - rx0), "the view must close in on the unit"
