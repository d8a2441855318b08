"""Two app servers on one PostgreSQL (#20/#21): a photo saved on one appears on the other.

The photo's bytes live in the database (table ``foto_potensi``); each server
mirrors them into its own folder and serves them from ``/app/static/foto/``.
Real browser (Chromium) on loopback; the harness of ``test_pg_dua_server.py``.
"""

from __future__ import annotations

import io
import os
import re
import urllib.request

import psycopg
import pytest
from PIL import Image

from geo.simpan.foto import nama_berkas
from tests.halaman.test_pg_dua_server import _buka_dan_masuk, env_dua_server
from tests.pg_uji import SANDI
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PROYEK, Server, tunggu_diam

pytestmark = pytest.mark.lambat
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 600), (20, 120, 60)).save(out, "JPEG")
    return out.getvalue()


def _pilih_potensi(page, teks: str) -> None:
    page.get_by_role("tab", name="Lapangan & foto").click()
    page.get_by_role("combobox", name=re.compile("Cari potensi")).click()
    page.keyboard.type(teks)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Simpan status")).to_be_visible(timeout=30_000)
    tunggu_diam(page)


def test_foto_dari_server_satu_tampil_di_server_dua(url_pg, wilayah_uji, tmp_path):
    env = env_dua_server(url_pg, wilayah_uji)
    satu = Server({**env, "KIM_CACHE": str(tmp_path / "cache-satu")}, tmp_path / "satu.log")
    dua = Server({**env, "KIM_CACHE": str(tmp_path / "cache-dua")}, tmp_path / "dua.log")
    statis = PROYEK / "static" / "foto" / nama_berkas("A-02")
    try:
        satu.tunggu()
        dua.tunggu()
        with sync_playwright() as p:
            peramban = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
            try:
                a = _buka_dan_masuk(peramban.new_context(viewport={"width": 1366, "height": 1000}), satu.url)
                _pilih_potensi(a, "Ikan bakar")
                a.locator("input[type=file][accept*='.webp']").set_input_files(
                    {"name": "kamera.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()})
                expect(a.get_by_text("kamera.jpg")).to_be_visible(timeout=30_000)
                tunggu_diam(a)
                a.get_by_role("button", name="Simpan foto").click()
                expect(a.get_by_text("Foto A-02 tersimpan", exact=False)).to_be_visible(timeout=30_000)

                b = _buka_dan_masuk(peramban.new_context(viewport={"width": 1366, "height": 1000}), dua.url)
                _pilih_potensi(b, "Ikan bakar")
                expect(b.get_by_text("Foto saat ini")).to_be_visible(timeout=30_000)
                b.screenshot(path=str(tmp_path / "dua-foto.png"), full_page=True)
                assert list((tmp_path / "cache-dua").glob(f"foto-pg-*/{nama_berkas('A-02')}"))  # server two's own mirror
                statis.unlink(missing_ok=True)  # (both servers share this checkout's static/: server one copied it)
                b.goto(dua.url + "/")  # the dashboard copies the photos where the server serves them
                tunggu_diam(b)
                with urllib.request.urlopen(f"{dua.url}/app/static/foto/{nama_berkas('A-02')}", timeout=10) as r:
                    assert r.status == 200 and r.read()[:2] == b"\xff\xd8"
                assert SANDI not in a.content() and SANDI not in b.content()
            finally:
                peramban.close()
    finally:
        satu.hentikan()
        dua.hentikan()
        statis.unlink(missing_ok=True)
    with psycopg.connect(url_pg) as conn:
        assert conn.execute("SELECT count(*) FROM foto_potensi WHERE id_potensi = 'A-02'").fetchone()[0] == 1
        assert conn.execute("SELECT aksi FROM audit ORDER BY id DESC LIMIT 1").fetchone()[0] == "foto"
    assert not (wilayah_uji.dir / "foto").exists() and not (PROYEK / "foto").exists()  # nothing beside the files
