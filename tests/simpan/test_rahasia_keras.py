"""Secrets (#21): no connection-string form of the database password reaches a page, a log or the CLI."""

from __future__ import annotations

import logging

import pytest

from geo import config
from geo.cli.utama import main
from geo.simpan.pg.gudang_pg import GudangPG
from geo.simpan.pg.koneksi import GalatBasisData, periksa_url, samarkan, tempat

# (connection string, every fragment of its password that must never be shown)
BENTUK = [
    ("postgresql://kim:Rahasia@Bocor77@127.0.0.1:9/kim", ["Rahasia@Bocor77", "Bocor77", "Rahasia"]),
    ("postgresql://kim:Rahasia%40Bocor77@127.0.0.1:9/kim", ["Rahasia@Bocor77", "Rahasia%40Bocor77", "Bocor77"]),
    ("postgresql://127.0.0.1:9/kim?user=kim&password=Rahasia@Bocor77", ["Rahasia@Bocor77", "Bocor77", "Rahasia"]),
    ("postgresql://127.0.0.1:9/kim?password='Rahasia Bocor77'&user=kim", ["Rahasia Bocor77", "Rahasia", "Bocor77"]),
    ('postgresql://127.0.0.1:9/kim?password="Rahasia Bocor77"', ["Rahasia Bocor77", "Rahasia", "Bocor77"]),
    ("host=127.0.0.1 port=9 dbname=kim user=kim password='Rahasia Bocor77'", ["Rahasia", "Bocor77"]),
    ("host=127.0.0.1 port=9 dbname=kim password=RahasiaBocor77", ["RahasiaBocor77"]),
    ("postgresql://kim:Rahasia/Bocor77@127.0.0.1:9/kim", ["Rahasia/Bocor77", "Rahasia", "Bocor77"]),
]


@pytest.mark.parametrize("url, rahasia", BENTUK)
def test_samarkan_dan_tempat_tanpa_sandi(url, rahasia):
    for teks in (samarkan(url), tempat(url)):
        assert not any(r in teks for r in rahasia), teks


@pytest.mark.lambat  # each form waits out the pool's connection timeout
@pytest.mark.parametrize("url, rahasia", BENTUK)
def test_sandi_tidak_pernah_tampil(url, rahasia, caplog, capsys, monkeypatch):
    with caplog.at_level(logging.DEBUG):
        try:
            g = GudangPG(url)
            g.versi()
            g.kolam.tutup()
            pytest.fail("an unreachable database must raise")
        except GalatBasisData as exc:
            halaman, admin = str(exc), exc.rincian
    assert "Coba lagi nanti" in halaman and "127.0.0.1" not in halaman and "kim" not in halaman.lower().replace("kim_", "")
    assert "127.0.0.1" in admin or "KIM_DATABASE_URL" in admin  # the administrator can find the server
    for teks in (halaman, admin, caplog.text):
        assert not any(r in teks for r in rahasia), teks
    monkeypatch.setenv(config.ENV_DATABASE, url)
    assert main(["summary"]) == 1
    keluaran = capsys.readouterr()
    assert not any(r in keluaran.err + keluaran.out for r in rahasia), keluaran.err
    assert "127.0.0.1" in keluaran.err or "KIM_DATABASE_URL" in keluaran.err


def test_tempat_hanya_host_dan_basis_data():
    assert tempat("postgresql://kim:rahasia@db.lan:5432/kim") == "db.lan:5432/kim"
    assert tempat("postgresql://db.lan/kim?password=a@b") == "db.lan/kim"


def test_sandi_dengan_at_mentah_ditolak_dengan_petunjuk():
    with pytest.raises(GalatBasisData) as info:
        periksa_url("postgresql://kim:p@ss-kata@db:5432/kim")
    assert "%40" in info.value.rincian and "ss-kata" not in info.value.rincian
