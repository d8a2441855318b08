"""The running app in a real browser (Chromium) with every non-loopback request refused.

Checks what the issue's "Done when" asks: the 15 kelurahan and every potential
are drawn, the only external requests are basemap tiles, a shared link is
restored exactly, a click opens the detail, the console stays clean, and
hostile text in the data never runs.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point

from geo.masuk.dataset import muat_dataset
from geo.peta.buat import html_mandiri
from geo.peta.ubin import BASEMAP
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.conftest import KODE_A, buat_wilayah
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PROYEK, Server, hitung_run, tunggu_diam, tunggu_run

if not os.access(CHROMIUM, os.X_OK):
    if os.environ.get("CI"):  # under CI a missing browser is a broken setup, not a reason to skip
        pytest.fail(f"CI: Chromium tidak ada di {CHROMIUM}; pasang dengan 'apt-get install chromium'.", pytrace=False)
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}; pasang dengan 'apt-get install chromium' (lihat .ci/run).", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright

IFRAME_PETA = 'iframe[title="streamlit_folium.st_folium"]'
HOST_UBIN = {urlsplit(p.build_url(fill_subdomain=False)).hostname.replace("{s}.", "") for p in BASEMAP.values() if p is not None}
MUATAN = [
    '<img src=x onerror="window.__kim_xss=1">',
    "`); window.__kim_xss=2; (`",
    "${window.__kim_xss=3}",
    "\\'; window.__kim_xss=4; //\\",
    "</script><script>window.__kim_xss=5</script>",
]

# Every test here starts Streamlit and Chromium.
pytestmark = pytest.mark.lambat


def _muat(env: dict[str, str]):
    return muat_dataset(env["KIM_CSV"], env["KIM_BOUNDARIES"], env["KIM_REFERENSI"], env["KIM_WILAYAH"])


def _data_bawaan() -> dict[str, str] | None:
    """The shipped data, when present and valid (the acceptance case); else None."""
    data = PROYEK / "data"
    env = {"KIM_CSV": str(data / "kim.csv"), "KIM_BOUNDARIES": str(data / "boundaries.geojson"),
           "KIM_REFERENSI": str(data / "kelurahan.csv"), "KIM_WILAYAH": str(data / "wilayah.json")}
    return env if (data / "kim.csv").exists() and _muat(env).ok else None


def _env_wilayah(dir: Path, baris: list[list[str]] | None = None, nama: str | None = None) -> dict[str, str]:
    w = buat_wilayah(dir)
    if baris:
        w.tulis_kim(baris)
    if nama:
        w.wilayah.write_text(json.dumps({"nama": nama, "slug": "uji", "data_contoh": True}), encoding="utf-8")
    return {"KIM_CSV": str(w.kim), "KIM_BOUNDARIES": str(w.batas), "KIM_REFERENSI": str(w.referensi), "KIM_WILAYAH": str(w.wilayah)}


def _baris_muatan() -> list[list[str]]:
    return [
        [f"M-{i:02d}", m, KODE_A, "Alfa Laut", "Satu", "Kuliner", m, m, "Aktif", "3", "2024-02-01",
         f"{0.004 + 0.005 * i:.3f}", f"{110.004 + 0.005 * i:.3f}", m]
        for i, m in enumerate(MUATAN)
    ]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Both apps start together (shipped data, and a region full of hostile text)."""
    tmp = tmp_path_factory.mktemp("server")
    env_utama = _data_bawaan() or _env_wilayah(tmp / "utama")
    env_muatan = _env_wilayah(tmp / "muatan", _baris_muatan(), nama="Kota <b>Uji</b> `${x}`")
    utama, muatan = Server(env_utama, tmp / "utama.log"), Server(env_muatan, tmp / "muatan.log")
    try:
        utama.tunggu()
        muatan.tunggu()
        yield {"utama": utama, "muatan": muatan, "env_utama": env_utama, "env_muatan": env_muatan}
    finally:
        utama.hentikan()
        muatan.hentikan()


@pytest.fixture(scope="module")
def peramban():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        yield b
        b.close()


@pytest.fixture(scope="module")
def dataset_utama(server):
    return _muat(server["env_utama"])


class Pengamat:
    """A page that refuses every non-loopback request and records what it saw."""

    def __init__(self, peramban, lebar: int = 1366, tinggi: int = 1000, ponsel: bool = False):
        # ponsel: a touch screen that honours the page's viewport, as a phone does (taps, not mouse clicks).
        self.konteks = peramban.new_context(viewport={"width": lebar, "height": tinggi}, is_mobile=ponsel, has_touch=ponsel)
        self.page = self.konteks.new_page()
        self.run = hitung_run(self.page)  # script runs finished, from the websocket (tunggu_run)
        self.luar: list[str] = []
        self.galat: list[str] = []
        self.dialog: list[str] = []
        self.page.route("**/*", self._rute)
        self.page.on("console", self._konsol)
        self.page.on("pageerror", lambda e: self.galat.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)

    def _rute(self, route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:", "file:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.luar.append(url)
            route.abort()

    def _konsol(self, pesan) -> None:
        if pesan.type != "error":
            return
        sumber = pesan.location.get("url", "") if pesan.location else ""
        # Refused basemap tiles are expected offline; the map still works without them.
        if "Failed to load resource" in pesan.text and (urlsplit(sumber).hostname or "").endswith(tuple(HOST_UBIN)):
            return
        self.galat.append(f"{pesan.text} ({sumber})")

    def _dialog(self, dialog) -> None:
        self.dialog.append(dialog.message)
        dialog.dismiss()

    def tunggu_diam(self) -> None:
        tunggu_diam(self.page)

    def tunggu_run(self, sebelum: int) -> None:
        """Until a script run that began after ``sebelum`` (``self.run[0]`` before an action) has finished."""
        tunggu_run(self.page, self.run, sebelum)

    def buka(self, url: str) -> None:
        self.page.goto(url)
        self.peta.locator(".kim-kelurahan").first.wait_for(timeout=60_000)

    @property
    def peta(self):
        return self.page.frame_locator(IFRAME_PETA)

    @property
    def frame(self):
        return next(f for f in self.page.frames if "st_folium" in f.url)

    def periksa_bersih(self) -> None:
        assert self.galat == [], self.galat
        assert self.dialog == []
        hosts = {urlsplit(u).hostname for u in self.luar}
        assert hosts <= HOST_UBIN, f"external requests other than basemap tiles: {sorted(hosts - HOST_UBIN)}"
        assert all(re.search(r"/\d+/\d+/\d+(\.png)?$", urlsplit(u).path) for u in self.luar), self.luar

    def tutup(self) -> None:
        self.konteks.close()


@pytest.fixture
def pengamat(peramban):
    dibuat: list[Pengamat] = []

    def buat(**kw) -> Pengamat:
        p = Pengamat(peramban, **kw)
        dibuat.append(p)
        return p

    yield buat
    for p in dibuat:
        p.tutup()


def test_semua_kelurahan_dan_potensi_tanpa_internet(server, dataset_utama, pengamat, tmp_path):
    p = pengamat()
    p.buka(server["utama"].url + "/")
    n_kelurahan = len(dataset_utama.batas)
    if server["env_utama"]["KIM_CSV"] == str(PROYEK / "data" / "kim.csv"):
        assert n_kelurahan == 15  # the shipped Bontang data
    expect(p.peta.locator(".kim-kelurahan")).to_have_count(n_kelurahan)
    expect(p.peta.locator(".kim-potensi")).to_have_count(len(dataset_utama.potensi))
    expect(p.page.get_by_text("Data contoh.", exact=False).first).to_be_visible()
    # Leaflet and our helpers came from the app itself.
    assert p.frame.evaluate("() => typeof L !== 'undefined' && L.version") == "1.9.3"
    assert p.frame.evaluate("() => typeof L.kimPotensi") == "function"
    p.page.wait_for_timeout(500)
    p.page.screenshot(path=str(tmp_path / "dasbor.png"), full_page=True)
    assert (tmp_path / "dasbor.png").stat().st_size > 10_000
    p.periksa_bersih()


def test_tautan_kategori_status(server, dataset_utama, pengamat):
    p = pengamat()
    p.buka(server["utama"].url + "/?kategori=Kuliner&status=Aktif")
    pot = dataset_utama.potensi
    harapan = int(((pot["kategori_potensi"] == "Kuliner") & (pot["status_aktivitas"] == "Aktif")).sum())
    expect(p.peta.locator(".kim-potensi")).to_have_count(harapan)
    expect(p.peta.locator(".kim-kelurahan")).to_have_count(len(dataset_utama.batas))
    assert p.page.url.endswith("/?kategori=Kuliner&status=Aktif")
    p.periksa_bersih()


def _titik_klik(dataset) -> tuple[str, str, float, float]:
    """A point well inside the largest kelurahan and away from every marker."""
    batas = dataset.batas.to_crs(3857)
    i = int(batas.area.to_numpy().argmax())
    poligon = batas.geometry.iloc[i].buffer(-150)
    penanda = dataset.potensi.to_crs(3857).geometry
    minx, miny, maxx, maxy = poligon.bounds
    kandidat = [Point(x, y) for x in np.linspace(minx, maxx, 25) for y in np.linspace(miny, maxy, 25)]
    kandidat = [k for k in kandidat if poligon.contains(k)]
    terbaik = max(kandidat, key=lambda k: penanda.distance(k).min() if len(penanda) else 0)
    ll = gpd.GeoSeries([terbaik], crs=3857).to_crs(4326).iloc[0]
    return str(dataset.batas["kode"].iloc[i]), str(dataset.batas["kelurahan"].iloc[i]), ll.y, ll.x


def test_klik_kelurahan_membuka_rincian(server, dataset_utama, pengamat):
    kode, nama, lat, lng = _titik_klik(dataset_utama)
    p = pengamat()
    p.buka(server["utama"].url + "/")
    p.page.wait_for_timeout(500)
    x, y = p.frame.evaluate("([lat, lng]) => { const t = window.map.latLngToContainerPoint([lat, lng]); return [t.x, t.y]; }", [lat, lng])
    p.page.locator(IFRAME_PETA).scroll_into_view_if_needed()  # KPI labels may wrap (#22): the map can start lower
    kotak = p.page.locator(IFRAME_PETA).bounding_box()
    p.page.mouse.click(kotak["x"] + x, kotak["y"] + y)
    detail = p.page.locator(".st-key-kim_detail")
    expect(detail.locator("h4")).to_have_text(nama, timeout=20_000)
    expect(detail).to_contain_text(kode)
    expect(p.peta.locator(".kim-terpilih")).to_have_count(1)
    expect(p.peta.locator(".kim-kelurahan")).to_have_count(len(dataset_utama.batas))  # the map was not reloaded
    p.page.wait_for_url(re.compile(r"kelurahan="))
    p.periksa_bersih()


def test_tautan_dibagikan_dipulihkan_persis(server, dataset_utama, pengamat):
    pot = dataset_utama.potensi
    kategori = list(dict.fromkeys(pot["kategori_potensi"]))[:2]
    kecamatan = dataset_utama.kecamatan()[0]
    f = Filter(kategori=tuple(kategori), kecamatan=(kecamatan,))
    tp = tampilkan(dataset_utama, f)
    kel = tp.ringkasan.sort_values("jumlah_potensi", ascending=False).iloc[0]
    param = [("kategori", k) for k in kategori] + [("kecamatan", kecamatan), ("metrik", "persen_aktif"), ("kelurahan", kel["kelurahan"])]
    tautan = server["utama"].url + "/?" + urlencode(param)
    for _ in range(2):  # open the link, then open it again in a fresh browser: same view both times
        p = pengamat()
        p.buka(tautan)
        expect(p.peta.locator(".kim-potensi")).to_have_count(len(tp.potensi))
        expect(p.peta.locator(".kim-kelurahan")).to_have_count(len(tp.ringkasan))
        expect(p.page.locator(".st-key-kim_detail h4")).to_have_text(kel["kelurahan"], timeout=20_000)
        for k in kategori:
            expect(p.page.locator(".stMultiSelect").first).to_contain_text(k)
        expect(p.page.get_by_text("Persentase aktif (%)").first).to_be_visible()
        p.page.wait_for_timeout(800)  # give the page time to (wrongly) rewrite the address
        assert p.page.url == tautan
        p.periksa_bersih()


def test_muatan_di_data_tidak_berjalan(server, pengamat):
    p = pengamat()
    p.buka(server["muatan"].url + "/")
    expect(p.peta.locator(".kim-potensi")).to_have_count(len(MUATAN))
    # Each click reruns the page (the map reports it), so open two here; the standalone test opens all.
    for i in (0, 1):
        sebelum = p.run[0]
        # On the marker itself: at this zoom the first popup covers the second marker, and a click at its
        # place would land on the popup (no new popup, no rerun).
        p.peta.locator(".kim-potensi").nth(i).dispatch_event("click")
        popup = p.peta.locator(".leaflet-popup-content").last
        expect(popup).to_contain_text("Kuliner")
        teks = popup.inner_text()
        assert MUATAN[i] in teks, teks  # this marker's own text, shown literally
        assert popup.locator("img").count() == 0
        # The map reports the click and the page reruns: waited for here, not guessed with a pause. A rerun still on
        # its way when the picker below is opened would redraw the list under the click (seen once in CI).
        p.tunggu_run(sebelum)
    p.tunggu_diam()
    p.page.locator(".st-key-w_kelurahan").get_by_role("combobox").click()
    p.page.get_by_role("option", name=re.compile("Alfa Laut")).click()
    detail = p.page.locator(".st-key-kim_detail")
    expect(detail).to_contain_text(MUATAN[0].split('"')[0])
    assert p.frame.evaluate("() => window.__kim_xss === undefined")
    assert p.page.evaluate("() => window.__kim_xss === undefined")
    expect(p.page.get_by_text("Kota <b>Uji</b>", exact=False).first).to_be_visible()
    p.periksa_bersih()


def test_html_mandiri_berjalan_tanpa_jaringan(server, pengamat, tmp_path):
    html = html_mandiri(tampilkan(_muat(server["env_muatan"])))
    berkas = tmp_path / "peta.html"
    berkas.write_text(html, encoding="utf-8")
    p = pengamat()
    p.page.goto(berkas.as_uri())
    expect(p.page.locator(".kim-kelurahan")).to_have_count(3)
    expect(p.page.locator(".kim-potensi")).to_have_count(len(MUATAN))
    p.page.locator(".kim-kelurahan").first.hover()
    expect(p.page.locator(".leaflet-tooltip")).to_be_visible()
    for i in range(len(MUATAN)):
        p.page.locator(".kim-potensi").nth(i).dispatch_event("click")  # on the marker, not the popup over it
        expect(p.page.locator(".leaflet-popup-content").last).to_contain_text(MUATAN[i])  # literally, as text
    assert p.page.evaluate("() => window.__kim_xss === undefined")
    p.page.screenshot(path=str(tmp_path / "mandiri.png"))
    p.periksa_bersih()


def test_layar_ponsel(server, dataset_utama, pengamat, tmp_path):
    p = pengamat(lebar=390, tinggi=844, ponsel=True)
    p.buka(server["utama"].url + "/")
    expect(p.peta.locator(".kim-potensi")).to_have_count(len(dataset_utama.potensi))
    lebar = p.page.evaluate("() => document.documentElement.scrollWidth")
    assert lebar <= 390, "the page must not scroll sideways on a phone"
    kotak = p.page.locator(IFRAME_PETA).bounding_box()
    assert kotak["width"] >= 330
    p.page.screenshot(path=str(tmp_path / "ponsel.png"), full_page=True)
    # A field officer opens a kelurahan with a tap on the picker under the map: the list opens with every
    # unit, and a tap on one opens its detail card.
    pemilih = p.page.locator(".st-key-w_kelurahan").get_by_role("combobox")
    pemilih.scroll_into_view_if_needed()
    pemilih.tap()
    opsi = p.page.get_by_role("option")
    expect(opsi).to_have_count(len(dataset_utama.batas))
    nama = opsi.first.inner_text()
    opsi.first.tap()
    expect(p.page.locator(".st-key-kim_detail h4")).to_have_text(nama.split(" (")[0])
    assert p.page.evaluate("() => document.documentElement.scrollWidth") <= 390  # the card fits too
    p.periksa_bersih()
