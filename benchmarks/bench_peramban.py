"""Real-browser figures for ``bench_cepat.py``: the app against the floor page, both on loopback.

Chromium (Playwright, ``/usr/bin/chromium``) with every non-loopback request
refused. Navigation → map drawn: a new browser context each time (cold
cache, as for a new visitor), until every kelurahan polygon of our map, or the
floor's Leaflet container, is in the page. Filter click → map updated: from
the click on a category option until our map shows that category's markers,
against the floor page's widget round trip (click until its rerun finished).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

PROYEK = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROYEK))

from tests.server_uji import ARG_CHROMIUM, CHROMIUM, Server, port_bebas, tunggu_diam

IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


class _ServerLantai(Server):
    """The floor page as its own app, beside a ``static`` link so it gets the same Leaflet files."""

    def __init__(self, tmp: Path, nama: str = "lantai"):
        app = tmp / nama
        (app / ".streamlit").mkdir(parents=True)
        shutil.copy(PROYEK / "benchmarks" / "halaman_lantai.py", app / "halaman_lantai.py")
        (app / "static").symlink_to(PROYEK / "static", target_is_directory=True)
        shutil.copy(PROYEK / ".streamlit" / "config.toml", app / ".streamlit" / "config.toml")
        self.port = port_bebas()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / f"{nama}.log"
        self._berkas_log = self.log.open("wb")
        self.proses = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(app / "halaman_lantai.py"), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
             "--browser.gatherUsageStats", "false"],
            cwd=app, env={**os.environ, "PYTHONPATH": str(PROYEK)}, stdout=self._berkas_log, stderr=subprocess.STDOUT,
        )


def _rute(route) -> None:
    host = urlsplit(route.request.url).hostname or ""
    if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort()


def _buka(peramban, url: str, siap) -> tuple[float, object, object]:
    """Open ``url`` in a new context; ``halaman.kim_bita[0]`` counts every byte the server sends on the websocket."""
    konteks = peramban.new_context(viewport={"width": 1366, "height": 1000})
    konteks.route("**/*", _rute)
    halaman = konteks.new_page()
    bita = [0]
    halaman.on("websocket", lambda ws: ws.on("framereceived", lambda isi: bita.__setitem__(0, bita[0] + len(isi))))
    halaman.kim_bita = bita
    halaman.kim_permintaan = []  # every HTTP request of every frame, sized after the page settled (_bita_muat)
    halaman.on("requestfinished", lambda r: halaman.kim_permintaan.append(r))
    t0 = time.perf_counter()
    halaman.goto(url)
    siap(halaman)
    return time.perf_counter() - t0, konteks, halaman


def _bita_muat(halaman) -> tuple[int, int]:
    """(bytes, requests) a first visit received: every HTTP response (headers and body, every frame) and websocket frame."""
    n = 0
    for r in halaman.kim_permintaan:
        ukuran = r.sizes()
        n += ukuran["responseBodySize"] + ukuran["responseHeadersSize"]
    return n + halaman.kim_bita[0], len(halaman.kim_permintaan)


def _klik_kategori(halaman, kategori: str) -> None:
    halaman.locator(".st-key-w_kategori").click()
    halaman.get_by_role("option", name=kategori, exact=True).click()


def ukur_peramban(env: dict[str, str], putaran: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from geo.masuk.dataset import muat_dataset

    ds = muat_dataset(env["KIM_CSV"], env["KIM_BOUNDARIES"], env["KIM_REFERENSI"], env["KIM_WILAYAH"])
    n_kel = len(ds.batas)
    kategori = str(ds.potensi["kategori_potensi"].value_counts().index[0])
    n_kat = int((ds.potensi["kategori_potensi"] == kategori).sum())

    def siap_kim(h) -> None:
        h.frame_locator(IFRAME).locator(".kim-kelurahan").nth(n_kel - 1).wait_for(timeout=120_000)

    def siap_lantai(h) -> None:
        h.frame_locator(IFRAME).locator(".leaflet-container").wait_for(timeout=120_000)

    from geo.peta import aset

    aset.siapkan()  # a fresh clone has no static/vendor yet; the floor app links to it at start-up
    with tempfile.TemporaryDirectory(prefix="kim-peramban-") as tmp:
        tmp = Path(tmp)
        kim = Server(env, tmp / "kim.log")
        lantai = _ServerLantai(tmp)
        try:
            kim.tunggu()
            lantai.tunggu()
            with sync_playwright() as pw:
                peramban = pw.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
                nav: dict[str, list[float]] = {"kim": [], "lantai": []}
                klik: dict[str, list[float]] = {"kim": [], "lantai": []}
                kirim: dict[str, list[float]] = {"kim": [], "lantai": []}  # websocket bytes per filter click
                muat: dict[str, list[float]] = {"kim": [], "lantai": []}  # bytes of the first visit
                permintaan: dict[str, list[float]] = {"kim": [], "lantai": []}
                for _ in range(putaran):
                    for nama, server, siap in (("kim", kim, siap_kim), ("lantai", lantai, siap_lantai)):
                        dt, konteks, h = _buka(peramban, server.url + "/", siap)
                        nav[nama].append(dt)
                        tunggu_diam(h)
                        h.wait_for_timeout(300)
                        bita_muat, n_minta = _bita_muat(h)
                        muat[nama].append(bita_muat)
                        permintaan[nama].append(n_minta)
                        sebelum = h.kim_bita[0]
                        if nama == "kim":
                            bingkai = next(f for f in h.frames if "st_folium" in f.url)
                            t0 = time.perf_counter()
                            _klik_kategori(h, kategori)
                            bingkai.wait_for_function("n => document.querySelectorAll('.kim-potensi').length === n", arg=n_kat,
                                                      timeout=60_000, polling=10)
                        else:
                            # An observer set before the click catches a rerun however short it is.
                            h.evaluate("""() => { window.__kimJalan = false; const app = document.querySelector('[data-testid=stApp]');
                                new MutationObserver(() => { if (app.getAttribute('data-test-script-state') === 'running') {
                                    window.__kimJalan = true; } }).observe(app, {attributes: true}); }""")
                            t0 = time.perf_counter()
                            _klik_kategori(h, kategori)
                            h.wait_for_function("() => window.__kimJalan && document.querySelector('[data-testid=stApp]')"
                                                ".getAttribute('data-test-script-state') === 'notRunning'", timeout=60_000, polling=5)
                        klik[nama].append(time.perf_counter() - t0)
                        tunggu_diam(h)
                        kirim[nama].append(h.kim_bita[0] - sebelum)
                        konteks.close()
                peramban.close()
        finally:
            kim.hentikan()
            lantai.hentikan()
    m = {k: {n: statistics.median(v) * 1000 for n, v in d.items()} for k, d in (("nav", nav), ("klik", klik))}
    b = {n: statistics.median(v) / 1024 for n, v in kirim.items()}
    mb = {n: statistics.median(v) / 1024 / 1024 for n, v in muat.items()}
    nm = {n: statistics.median(v) for n, v in permintaan.items()}
    return [
        {"ukuran": "peramban: semua yang dikirim per klik filter (websocket)", "nilai": b["kim"], "satuan": "KB",
         "pembanding": f"lantai {b['lantai']:.1f} KB", "rasio": b["kim"] / max(b["lantai"], 1e-9), "target": "≤ 15 KB",
         "tercapai": b["kim"] <= 15},
        {"ukuran": "peramban: navigasi → peta tergambar", "nilai": m["nav"]["kim"], "satuan": "ms",
         "pembanding": f"lantai {m['nav']['lantai']:.0f} ms", "rasio": m["nav"]["kim"] / m["nav"]["lantai"], "target": "≤ 1,3× lantai",
         "tercapai": m["nav"]["kim"] <= 1.3 * m["nav"]["lantai"]},
        {"ukuran": f"peramban: bita muat pertama ({nm['kim']:.0f} permintaan)", "nilai": mb["kim"], "satuan": "MB",
         "pembanding": f"lantai {mb['lantai']:.2f} MB ({nm['lantai']:.0f} permintaan)", "rasio": mb["kim"] / mb["lantai"],
         "target": "≤ 1,3× lantai", "tercapai": mb["kim"] <= 1.3 * mb["lantai"]},
        {"ukuran": "peramban: klik filter → peta diperbarui", "nilai": m["klik"]["kim"], "satuan": "ms",
         "pembanding": f"lantai (pulang-pergi widget) {m['klik']['lantai']:.0f} ms", "rasio": m["klik"]["kim"] / m["klik"]["lantai"],
         "target": "≤ 1,5× lantai", "tercapai": m["klik"]["kim"] <= 1.5 * m["klik"]["lantai"]},
    ]
