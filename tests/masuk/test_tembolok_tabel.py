"""Checked tables from the disk cache equal the files read afresh, and a file just written is never stored (issue #26)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal

from geo.masuk.dataset import muat_dataset
from tests.conftest import jangan_buka, simpan_tabel_teruji

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(autouse=True)
def _simpan(monkeypatch):
    simpan_tabel_teruji(monkeypatch)


def _salin(tujuan: Path) -> Path:
    shutil.copytree(DATA, tujuan)
    dulu = time.time() - 60
    for p in tujuan.rglob("*"):
        os.utime(p, (dulu, dulu))
    return tujuan


def _muat(data: Path):
    return muat_dataset(data / "kim.csv", data / "boundaries.geojson", data / "kelurahan.csv", data / "wilayah.json")


def _sama(a, b) -> None:
    assert_geodataframe_equal(a.potensi, b.potensi)
    pd.testing.assert_frame_equal(a.kegiatan, b.kegiatan)
    pd.testing.assert_frame_equal(a.referensi.tabel, b.referensi.tabel)
    pd.testing.assert_frame_equal(a.referensi.nama, b.referensi.nama)
    for bagian in ("tabel", "bimtek", "bantuan", "penghargaan"):
        pd.testing.assert_frame_equal(getattr(a.profil, bagian), getattr(b.profil, bagian))
    pd.testing.assert_series_equal(a.profil.tautan, b.profil.tautan)
    pd.testing.assert_frame_equal(a.profil.juri.tabel, b.profil.juri.tabel)
    assert a.profil.juri.laporan.masalah == b.profil.juri.laporan.masalah
    assert a.profil.path == b.profil.path
    assert a.laporan.masalah == b.laporan.masalah


def test_dari_tembolok_sama_dengan_dibaca(tmp_path, monkeypatch):
    data = _salin(tmp_path / "data")
    monkeypatch.setenv("KIM_CACHE", "off")
    segar = _muat(data)
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    pertama = _muat(data)
    with monkeypatch.context() as m:
        dicoba = jangan_buka(m, "kim.csv", "kegiatan.csv", "kelurahan.csv", "profil_kim.csv", "nilai_juri.csv")
        kedua = _muat(data)
    assert dicoba == []  # every checked table from the cache
    entri = {p.name.split("-")[0] for p in (tmp_path / "cache").glob("*.arrow")}
    assert {"kim", "log", "referensi", "profil", "juri"} <= entri
    _sama(pertama, segar)
    _sama(kedua, segar)


def test_berkas_baru_ditulis_tidak_disimpan(tmp_path, monkeypatch):
    """Just written (in place, maybe within the clock's granularity): read again on every load, never stored."""
    data = _salin(tmp_path / "data")
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    log = data / "kegiatan.csv"
    log.write_bytes(log.read_bytes())
    _muat(data)
    assert not list((tmp_path / "cache").glob("log-*")) and list((tmp_path / "cache").glob("kim-*"))
    baris = log.read_text(encoding="utf-8").splitlines()
    log.write_text("\n".join(baris[:-1]) + "\n", encoding="utf-8")  # one activity fewer
    assert len(_muat(data).kegiatan) == len(baris) - 2


def test_logo_berubah_profil_dibaca_lagi(tmp_path, monkeypatch):
    """The KIM table's check names unusable logos: a logo replaced by a broken file is reported on the next load."""
    data = _salin(tmp_path / "data")
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    assert not _muat(data).laporan.peringatan
    logo = next((data / "logo_kim").iterdir())
    logo.write_bytes(b"bukan gambar")
    assert any(m.kolom == "logo" for m in _muat(data).laporan.peringatan)
