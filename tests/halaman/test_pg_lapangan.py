"""#20: the phone tab works on PostgreSQL: it lists the database's potentials and saves into it."""

from __future__ import annotations

import pytest

from geo import config
from tests.halaman.test_pg_halaman import _semua_teks, db_terisi, masuk_pg  # noqa: F401

pytestmark = pytest.mark.lambat


def test_tab_lapangan_dari_basis_data(db_terisi, url_pg, monkeypatch, wilayah_uji):  # noqa: F811
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    sebelum = wilayah_uji.kim.read_bytes()
    at = masuk_pg(monkeypatch)
    assert "Belum ada potensi tersimpan" not in _semua_teks(at)
    at.selectbox(key="lapangan_id").select("B-01").run()
    at.radio(key="lapangan_status_B-01").set_value("Aktif").run()
    assert "Peta akan menampilkan" in _semua_teks(at)
    at.button(key="lapangan_simpan_status").click().run()
    assert not at.exception, at.exception
    tabel, _ = db_terisi.baca_untuk_sunting(db_terisi.muat())
    assert tabel.set_index("id_potensi").loc["B-01", "status_aktivitas"] == "Aktif"
    assert db_terisi.baca_audit().iloc[0]["aksi"] == "lapangan"
    assert wilayah_uji.kim.read_bytes() == sebelum
