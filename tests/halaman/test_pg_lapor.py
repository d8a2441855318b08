"""The Lapor page on PostgreSQL with verification on (AppTest): the report waits in the database's queue, not in a file."""

from __future__ import annotations

import json

import bcrypt
import pytest

from geo import config
from geo.simpan.daftar_akun import penyimpan_untuk, tambah_akun
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from tests.conftest import KODE_A, tulis_log
from tests.halaman.test_lapor_apptest import LAPOR, _masuk

pytestmark = pytest.mark.lambat


@pytest.fixture
def db_lapor(url_pg, wilayah_uji, monkeypatch):
    isi = json.loads(wilayah_uji.wilayah.read_text(encoding="utf-8"))
    wilayah_uji.wilayah.write_text(json.dumps({**isi, "verifikasi_laporan": True}), encoding="utf-8")
    tulis_log(wilayah_uji, "KEG-00001,A-01,2024-05-01,rapat,6,")
    g = GudangPG(url_pg)
    assert pindah.impor(g, "uji", wilayah_uji.kim, wilayah_uji.batas, wilayah_uji.referensi, wilayah_uji.wilayah).hasil
    tambah_akun(penyimpan_untuk(g), "uji", "alfa", "sandi-alfa-1", "pelapor", KODE_A)
    monkeypatch.setenv("KIM_PENGGUNA", "admin:" + bcrypt.hashpw(b"sandi-admin-1", bcrypt.gensalt(rounds=4)).decode())
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    yield g
    g.kolam.tutup()


def test_laporan_menunggu_di_basis_data_lalu_diterima_editor(db_lapor, wilayah_uji):
    at = _masuk(LAPOR, "alfa", "sandi-alfa-1")
    at.selectbox(key="lapor_potensi").set_value("A-02")
    at.text_area(key="lapor_catatan").input("Rapat di balai")
    at.button[-1].click().run()  # "Kirim laporan"
    assert not at.exception, at.exception
    assert any("KEG-00002" in s.value and "menunggu" in s.value for s in at.success)
    assert list(db_lapor.baca_menunggu()["id_kegiatan"]) == ["KEG-00002"]
    assert not (wilayah_uji.dir / "laporan_menunggu.csv").exists()  # the queue is the database's, not a file
    assert "KEG-00002" not in set(db_lapor.muat().kegiatan["id_kegiatan"])  # not counted yet

    at = _masuk(LAPOR, "admin", "sandi-admin-1")
    assert any("(1)" in h.value for h in at.subheader)
    next(b for b in at.button if b.key == "terima_KEG-00002").click().run()
    assert not at.exception, at.exception
    assert db_lapor.baca_menunggu().empty and "KEG-00002" in set(db_lapor.muat().kegiatan["id_kegiatan"])
    assert list(db_lapor.baca_audit("menunggu")["aksi"])[:2] == ["lapor-terima", "lapor-ajukan"]
