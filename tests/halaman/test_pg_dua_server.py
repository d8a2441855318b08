"""Two app processes (streamlit on two ports) sharing one PostgreSQL never lose an edit.

Two editors, each on their own server, load Kelola Data, then both save an
upload that changes a different row: both edits are in the database. Then one
of them, still holding the older copy, changes the row the other just saved:
they get the conflict message with their edits offered for download, and the
other's edit stays. Driven in a real browser (Chromium), loopback only.
"""

from __future__ import annotations

import csv
import io
import os

import bcrypt
import psycopg
import pytest

from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from tests.conftest import BARIS_BAIK, HEADER
from tests.pg_uji import SANDI
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, Server, tunggu_diam, unggah

pytestmark = pytest.mark.lambat
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}; pasang dengan 'apt-get install chromium' (lihat .ci/run).", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright

SANDI_EDITOR = "sandi-editor-uji-42"


def _csv(baris: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    w.writerow(baris)
    return buf.getvalue().encode("utf-8")


def _ubah(baris: list[str], nama_potensi: str) -> list[str]:
    baru = list(baris)
    baru[HEADER.index("nama_potensi")] = nama_potensi
    return baru


def _buka_dan_masuk(konteks, url: str):
    page = konteks.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else r.abort())
    page.goto(f"{url}/Kelola_Data")
    tunggu_diam(page)
    page.get_by_label("Nama pengguna").fill("budi")
    page.get_by_label("Kata sandi").fill(SANDI_EDITOR)
    page.get_by_role("button", name="Masuk").click()
    tunggu_diam(page)
    return page


def _tab_unggah(page) -> None:
    tab = page.get_by_role("tab", name="Unggah berkas")
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def _unggah_dan_simpan(page, nama: str, isi: bytes) -> None:
    _tab_unggah(page)
    # The "Unggah berkas" tab's uploader (the activity log has its own on another tab).
    unggah(page, page.locator("input[type=file]").first, {"name": nama, "mimeType": "text/csv", "buffer": isi}, tab="Unggah berkas")
    _tab_unggah(page)
    tombol = page.get_by_role("button", name="Simpan unggahan")
    expect(tombol).to_be_enabled(timeout=30_000)
    tombol.click()
    tunggu_diam(page)


def env_dua_server(url_pg: str, w) -> dict[str, str]:
    """The fixture region imported into the database, and the environment of an app server on it."""
    g = GudangPG(url_pg)
    assert pindah.impor(g, "uji", w.kim, w.batas, w.referensi, w.wilayah).hasil
    g.kolam.tutup()
    hash_ = bcrypt.hashpw(SANDI_EDITOR.encode(), bcrypt.gensalt(rounds=4)).decode()
    return {"KIM_DATABASE_URL": url_pg, "KIM_PENGGUNA": f"Budi:{hash_}"}


def _nama_potensi(url: str, id_potensi: str) -> str:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT nama_potensi FROM kim_potensi WHERE id_potensi = %s", (id_potensi,)).fetchone()[0]


def test_two_servers_sharing_one_database_never_lose_an_edit(url_pg, wilayah_uji, tmp_path):
    env = env_dua_server(url_pg, wilayah_uji)
    satu, dua = Server(env, tmp_path / "satu.log"), Server(env, tmp_path / "dua.log")
    try:
        satu.tunggu()
        dua.tunggu()
        assert satu.port != dua.port
        with sync_playwright() as p:
            peramban = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
            try:
                a = _buka_dan_masuk(peramban.new_context(viewport={"width": 1366, "height": 1000}), satu.url)
                b = _buka_dan_masuk(peramban.new_context(viewport={"width": 1366, "height": 1000}), dua.url)
                # Both loaded the same version; each changes a different row.
                _unggah_dan_simpan(a, "a.csv", _csv(_ubah(BARIS_BAIK[0], "Dari server satu")))
                expect(a.get_by_text("Tersimpan: 0 ditambah, 1 diubah").first).to_be_visible(timeout=30_000)
                _unggah_dan_simpan(b, "b.csv", _csv(_ubah(BARIS_BAIK[3], "Dari server dua")))
                expect(b.get_by_text("Tersimpan: 0 ditambah, 1 diubah").first).to_be_visible(timeout=30_000)
                assert _nama_potensi(url_pg, "A-01") == "Dari server satu"
                assert _nama_potensi(url_pg, "B-01") == "Dari server dua"
                # Server one's editor still holds B-01 as it was before server two saved it.
                _unggah_dan_simpan(a, "a2.csv", _csv(_ubah(BARIS_BAIK[3], "Menimpa dari server satu")))
                expect(a.get_by_text("Konflik penyimpanan").first).to_be_visible(timeout=30_000)
                expect(a.get_by_text("B-01").first).to_be_visible()
                assert _nama_potensi(url_pg, "B-01") == "Dari server dua"
                a.screenshot(path=str(tmp_path / "konflik.png"), full_page=True)
                # Server two's dashboard shows server one's edit without a restart.
                b.goto(f"{dua.url}/?cari=Dari%20server%20satu")
                tunggu_diam(b)
                expect(b.locator(".kim-kartu-nilai").first).to_have_text("1", timeout=30_000)
                b.screenshot(path=str(tmp_path / "dasbor_dua.png"))
                assert SANDI not in b.content() and SANDI not in a.content()
            finally:
                peramban.close()
    finally:
        satu.hentikan()
        dua.hentikan()
    with psycopg.connect(url_pg) as conn:
        aksi = [r[0] for r in conn.execute("SELECT aksi FROM audit ORDER BY id")]
    assert aksi == ["impor-db", "unggah-gabung", "unggah-gabung"]
    for log in (tmp_path / "satu.log", tmp_path / "dua.log"):
        assert SANDI not in log.read_text(errors="replace")
