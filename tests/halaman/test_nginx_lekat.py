"""N app processes behind nginx with sticky sessions (#26): the shipped sample ``deploy/nginx-lokal.conf``, for real.

Two ``streamlit run dashboard.py`` processes on loopback and a real nginx in
front of them, configured by the sample file itself (only its ports changed).
Each client address always reaches the same process (a Streamlit session lives
in one process), different addresses are spread over both, and the page works
through the proxy, websocket included. Skips cleanly where nginx is not installed
(CI installs only Chromium, poppler, PostgreSQL).
"""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PROYEK, Server, butuh_chromium, hanya_lokal, port_bebas, tunggu_diam

pytestmark = pytest.mark.lambat
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
if NGINX is None:
    pytest.skip("nginx tidak terpasang (apt-get install nginx); uji proxy lengket dilewati", allow_module_level=True)

CONTOH = PROYEK / "deploy" / "nginx-lokal.conf"
# Observation only, added by the test around the sample: which process answered each request.
_BUNGKUS = """
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fcgi;
    uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
    add_header X-Kim-Proses $upstream_addr always;
{isi}
}}
"""


def _konfigurasi(tmp: Path, port_app: list[int], port_proxy: int) -> Path:
    """The sample with this test's ports: its upstream lists our processes, it listens on a free port."""
    isi = CONTOH.read_text(encoding="utf-8")
    baris_server = re.findall(r"^\s*server 127\.0\.0\.1:\d+;\n", isi, flags=re.MULTILINE)
    assert len(baris_server) >= 2, "contoh nginx harus menyebut tiap proses dengan satu baris 'server 127.0.0.1:PORT;'"
    isi = isi.replace("".join(baris_server), "".join(f"    server 127.0.0.1:{p};\n" for p in port_app))
    isi = re.sub(r"listen 80;", f"listen 127.0.0.1:{port_proxy};", isi)
    assert "ip_hash;" in isi  # sticky by client address
    path = tmp / "nginx.conf"
    path.write_text(_BUNGKUS.format(tmp=tmp, isi=isi), encoding="utf-8")
    return path


def _proses_penjawab(port: int, dari: str) -> str:
    """GET /_stcore/health through the proxy from the client address ``dari``; the answering process."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(dari, 0))
    try:
        c.request("GET", "/_stcore/health")
        r = c.getresponse()
        r.read()
        assert r.status == 200, r.status
        return r.getheader("X-Kim-Proses")
    finally:
        c.close()


@pytest.fixture
def dua_proses_di_balik_nginx(tmp_path):
    server = [Server(None, tmp_path / f"app{i}.log") for i in range(2)]
    nginx = None
    try:
        for s in server:
            s.tunggu(120)
        port = port_bebas()
        conf = _konfigurasi(tmp_path, [s.port for s in server], port)
        for d in ("body", "proxy", "fcgi", "uwsgi", "scgi"):
            (tmp_path / d).mkdir()
        nginx = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(conf)], stderr=subprocess.PIPE)
        akhir = time.monotonic() + 20
        while True:
            try:
                _proses_penjawab(port, "127.0.0.1")
                break
            except OSError:
                if nginx.poll() is not None or time.monotonic() > akhir:
                    raise RuntimeError(f"nginx tidak jalan: {(tmp_path / 'error.log').read_text(errors='replace')[-2000:]}") from None
                time.sleep(0.2)
        yield port, server
    finally:
        if nginx is not None and nginx.poll() is None:
            nginx.terminate()
            nginx.wait(timeout=10)
        for s in server:
            s.hentikan()


def test_klien_lengket_ke_satu_proses_dan_tersebar(dua_proses_di_balik_nginx):
    port, server = dua_proses_di_balik_nginx
    semua = {f"127.0.0.1:{s.port}" for s in server}
    # Loopback answers from all of 127/8; ip_hash keys on the first three octets: ten "clients".
    per_klien = {}
    for x in range(10):
        dari = f"127.0.{x}.1"
        jawab = {_proses_penjawab(port, dari) for _ in range(5)}
        assert len(jawab) == 1, f"{dari} dilayani {jawab}: sesi tidak lengket"
        per_klien[dari] = jawab.pop()
    assert set(per_klien.values()) == semua, per_klien  # both processes take clients


def test_halaman_berjalan_lewat_proxy(dua_proses_di_balik_nginx):
    """The real page through nginx: its websocket is upgraded and the session stays on one process."""
    butuh_chromium()
    from playwright.sync_api import expect, sync_playwright

    port, _ = dua_proses_di_balik_nginx
    url = f"http://127.0.0.1:{port}/"
    luar: list[str] = []
    proses: set[str] = set()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        try:
            halaman = b.new_page(viewport={"width": 1366, "height": 900})
            halaman.route("**/*", hanya_lokal(luar))
            halaman.on("response", lambda r: proses.add(r.headers.get("x-kim-proses")) if r.headers.get("x-kim-proses") else None)
            halaman.goto(url)
            expect(halaman.get_by_role("heading", name="Peta Potensi KIM")).to_be_visible(timeout=90_000)
            tunggu_diam(halaman)
            assert not halaman.locator("[data-testid='stException']").count()
        finally:
            b.close()
    assert not luar, luar
    assert len(proses) == 1, proses  # every request of one browser to one process
