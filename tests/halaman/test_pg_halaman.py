"""Both pages on PostgreSQL (AppTest): the same dashboard as from files, editing, and a database that is down."""

from __future__ import annotations

from pathlib import Path

import bcrypt
import pytest
from streamlit.testing.v1 import AppTest

from geo import config
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from tests.kartu_uji import baris_kartu
from tests.pg_uji import SANDI

pytestmark = pytest.mark.lambat
PROYEK = Path(__file__).resolve().parents[2]
DASBOR = str(PROYEK / "dashboard.py")
KELOLA = str(PROYEK / "pages" / "1_Kelola_Data.py")
SANDI_EDITOR = "sandi-editor-uji-42"


def _jalan(halaman: str) -> AppTest:
    at = AppTest.from_file(halaman, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def _kpi(at: AppTest) -> dict[str, str]:
    return baris_kartu(at)[0]


def _semua_teks(at: AppTest) -> str:
    return " ".join(str(e.value) for e in [*at.error, *at.success, *at.info, *at.warning, *at.markdown, *at.html, *at.caption])


@pytest.fixture
def db_terisi(url_pg, wilayah_uji):
    g = GudangPG(url_pg)
    assert pindah.impor(g, "uji", wilayah_uji.kim, wilayah_uji.batas, wilayah_uji.referensi, wilayah_uji.wilayah).hasil
    yield g
    g.kolam.tutup()


def test_dashboard_from_database_equals_dashboard_from_files(db_terisi, url_pg, monkeypatch):
    dari_berkas = _kpi(_jalan(DASBOR))
    assert len(dari_berkas) == 4
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    at = _jalan(DASBOR)
    assert _kpi(at) == dari_berkas
    assert not at.error


def masuk_pg(monkeypatch) -> AppTest:
    """Kelola Data with editor Budi logged in (the database URL is set by the caller)."""
    monkeypatch.setenv("KIM_PENGGUNA", "Budi:" + bcrypt.hashpw(SANDI_EDITOR.encode(), bcrypt.gensalt(rounds=4)).decode())
    at = _jalan(KELOLA)
    at.text_input(key="kelola_login_nama").input("budi")
    at.text_input(key="kelola_login_sandi").input(SANDI_EDITOR)
    at.button[0].click().run()
    return at


def test_editing_on_the_page_saves_into_the_database(db_terisi, url_pg, monkeypatch, wilayah_uji):
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    berkas_sebelum = wilayah_uji.kim.read_bytes()
    at = masuk_pg(monkeypatch)
    draf = at.session_state["kelola_draf"].copy()
    draf.loc[0, "nama_potensi"] = "Disunting di halaman"
    at.session_state["kelola_draf"] = draf
    at.session_state["kelola_versi"] = at.session_state["kelola_versi"] + 1
    at.run()
    at.button(key="kelola_simpan").click().run()
    assert not at.exception, at.exception
    assert "Tersimpan: 0 ditambah, 1 diubah" in _semua_teks(at)
    tabel, _ = db_terisi.baca_untuk_sunting(db_terisi.muat())
    assert tabel.loc[0, "nama_potensi"] == "Disunting di halaman"
    assert db_terisi.baca_audit().loc[0, "pengguna"].lower() == "budi"
    assert wilayah_uji.kim.read_bytes() == berkas_sebelum  # the files were not touched


@pytest.mark.parametrize("halaman", [DASBOR, KELOLA])
def test_database_down_is_a_clear_message_without_password(halaman, monkeypatch, wilayah_uji):
    monkeypatch.setenv(config.ENV_DATABASE, "postgresql://kim:Geheim-77@127.0.0.1:9/kim")
    at = _jalan(halaman)
    pesan = " ".join(str(e.value) for e in at.error).replace("\\", "")  # Kelola Data escapes Markdown
    # Shown as plain text: aman_md puts an invisible word joiner in URLs so they never become links.
    pesan = pesan.replace("\u2060", "")
    assert "tidak dapat dihubungi" in pesan and "Coba lagi nanti" in pesan
    # #21: a visitor learns nothing about the server: no host, port or user (the server log has them)
    assert "127.0.0.1" not in pesan and "kim:" not in pesan and ":9" not in pesan
    assert "Geheim-77" not in _semua_teks(at) and SANDI not in _semua_teks(at)
    assert not baris_kartu(at)  # nothing drawn from the files instead
