"""Load test (#21): behind a proxy named in KIM_PROXY_TEPERCAYA, one client's wrong passwords lock out only that client.

The real app on loopback; each browser session sends the proxy's
``X-Forwarded-For`` as nginx would (the app's peer is 127.0.0.1, the named
proxy). Before #21 every such client shared one address entry, so five wrong
passwords from anyone locked every editor out.
"""

from __future__ import annotations

import os

import bcrypt
import pytest

from tests.conftest import buat_wilayah
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, hanya_lokal, jalankan, tunggu_diam

pytestmark = pytest.mark.lambat
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright

SANDI = "sandi-editor-benar-1"


@pytest.fixture
def server_proxy(tmp_path):
    w = buat_wilayah(tmp_path / "data")
    hash_ = bcrypt.hashpw(SANDI.encode(), bcrypt.gensalt(rounds=4)).decode()
    env = {"KIM_CSV": str(w.kim), "KIM_BOUNDARIES": str(w.batas), "KIM_REFERENSI": str(w.referensi),
           "KIM_WILAYAH": str(w.wilayah), "KIM_PENGGUNA": f"budi:{hash_}", "KIM_PROXY_TEPERCAYA": "127.0.0.1,::1"}
    with jalankan(env, tmp_path / "server.log") as srv:
        yield srv, w


def _sesi(b, srv, alamat: str, luar: list[str]):
    konteks = b.new_context(extra_http_headers={"X-Forwarded-For": alamat})
    konteks.route("**/*", hanya_lokal(luar))
    hal = konteks.new_page()
    hal.goto(srv.url + "/Kelola_Data")
    expect(hal.get_by_label("Nama pengguna")).to_be_visible(timeout=60_000)
    return hal


def _masuk(hal, nama: str, sandi: str) -> None:
    hal.get_by_label("Nama pengguna").fill(nama)
    hal.get_by_label("Kata sandi").fill(sandi)
    hal.get_by_role("button", name="Masuk").click()
    tunggu_diam(hal)


def test_lima_sandi_salah_tidak_mengunci_klien_lain(server_proxy, tmp_path):
    srv, _ = server_proxy
    luar: list[str] = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        penyerang = _sesi(b, srv, "203.0.113.66", luar)
        for _ in range(5):
            _masuk(penyerang, "Budi", "tebakan-salah")
            expect(penyerang.get_by_text("kata sandi salah", exact=False)).to_be_visible()
        _masuk(penyerang, "budi", SANDI)  # even the right password: this client is locked out now
        expect(penyerang.get_by_text("Terlalu banyak percobaan", exact=False)).to_be_visible()

        editor = _sesi(b, srv, "198.51.100.7", luar)
        _masuk(editor, "budi", SANDI)
        expect(editor.get_by_text("Masuk sebagai", exact=False)).to_be_visible(timeout=30_000)
        expect(editor.get_by_role("button", name="Keluar")).to_be_visible()
        editor.screenshot(path=str(tmp_path / "editor-masuk.png"), full_page=True)
        penyerang.screenshot(path=str(tmp_path / "penyerang-terkunci.png"), full_page=True)
        b.close()
    assert not luar
    log = (tmp_path / "server.log").read_text(errors="replace")
    assert "alamat=203.0.113.66" in log  # the proxy's report, not 127.0.0.1
    assert "tebakan-salah" not in log and SANDI not in log
