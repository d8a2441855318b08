"""Choosing the store: files unless a database URL is set (env or secrets.toml); passwords masked."""

from __future__ import annotations

import pytest

from geo import config
from geo.galat import GalatData
from geo.simpan.gudang import Gudang, GudangBerkas, pilih_gudang
from geo.simpan.pg.gudang_pg import GudangPG
from geo.simpan.pg.koneksi import samarkan


def test_url_from_env_then_secrets_toml(tmp_path, monkeypatch):
    monkeypatch.delenv(config.ENV_DATABASE, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(config, "PROJECT_DIR", tmp_path / "tidak-ada")
    assert config.url_database() == ""
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('[database]\nurl = "postgresql://a:b@h/db"\n', encoding="utf-8")
    assert config.url_database() == "postgresql://a:b@h/db"
    monkeypatch.setenv(config.ENV_DATABASE, "postgresql://c:d@h2/db2")
    assert config.url_database() == "postgresql://c:d@h2/db2"


def test_files_by_default_and_for_explicit_paths(wilayah_uji, monkeypatch):
    monkeypatch.delenv(config.ENV_DATABASE, raising=False)
    g = pilih_gudang()
    assert isinstance(g, GudangBerkas) and isinstance(g, Gudang)
    assert g.muat().ok and len(g.muat().potensi) == 5
    monkeypatch.setenv(config.ENV_DATABASE, "postgresql://kim:x@127.0.0.1:9/kim")
    assert isinstance(pilih_gudang(kim=wilayah_uji.kim), GudangBerkas)  # --kim names a file: files
    db = pilih_gudang()
    assert isinstance(db, GudangPG) and isinstance(db, Gudang)  # created lazily: no connection yet
    assert "x@" not in db.keterangan() and "kim:***@127.0.0.1:9/kim" in db.keterangan()


@pytest.mark.parametrize("url,samar", [
    ("postgresql://kim:rahasia@db:5432/kim", "postgresql://kim:***@db:5432/kim"),
    ("postgresql://kim@db/kim", "postgresql://kim@db/kim"),
    ("postgresql://db/kim?user=kim&password=rahasia", "postgresql://db/kim?user=kim&password=***"),
])
def test_password_masked(url, samar):
    assert samarkan(url) == samar


def test_not_a_postgresql_url_is_refused_with_a_message():
    with pytest.raises(GalatData) as info:
        pilih_gudang(url="mysql://kim:rahasia@db/kim")
    assert "harus berupa URL postgresql://" in info.value.rincian  # the administrator's detail (#21)
    assert "rahasia" not in str(info.value) and "rahasia" not in info.value.rincian
