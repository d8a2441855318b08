"""The KIM table in PostgreSQL (migration 0004): imported from the files, loaded back identical and linked."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from geo.config import DATA_DIR
from geo.kim.tautan import profil_dengan_daftar
from geo.masuk.dataset import muat_dataset
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG

pytestmark = pytest.mark.lambat


def test_tabel_kim_di_basis_data_sama_dengan_berkas(url_pg, tmp_path):
    for nama in ("kim.csv", "kegiatan.csv", "boundaries.geojson", "kelurahan.csv", "wilayah.json", "profil_kim.csv"):
        shutil.copy(DATA_DIR / nama, tmp_path / nama)
    shutil.copytree(DATA_DIR / "logo_kim", tmp_path / "logo_kim")
    args = (tmp_path / "kim.csv", tmp_path / "boundaries.geojson", tmp_path / "kelurahan.csv", tmp_path / "wilayah.json")
    berkas = muat_dataset(*args)
    g = GudangPG(url_pg)
    hasil = pindah.impor(g, "uji", *args)
    assert hasil.hasil is not None, hasil.laporan.teks()
    db = g.muat()
    assert db.ok, db.laporan.teks()
    assert db.profil is not None and db.profil.dibuat == ()
    pd.testing.assert_frame_equal(profil_dengan_daftar(db.profil), profil_dengan_daftar(berkas.profil))
    assert db.profil.tautan.to_dict() == berkas.profil.tautan.to_dict()
    g.kolam.tutup()
