"""A generated province (10 kab/kota, 1,000 desa/kelurahan) shared by the page tests of levels and scale."""

from __future__ import annotations

import pytest

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.masuk.dataset import muat_dataset


@pytest.fixture(scope="session")
def provinsi(tmp_path_factory: pytest.TempPathFactory):
    return buat_wilayah_besar(1000, tmp_path_factory.mktemp("provinsi_halaman"), seed=5, n_baris=2000)


@pytest.fixture
def env_provinsi(provinsi, monkeypatch):
    """The province as the page's data (KIM_* variables) and its loaded dataset."""
    for k, v in provinsi.env().items():
        monkeypatch.setenv(k, v)
    ds = muat_dataset(provinsi.kim, provinsi.batas, provinsi.referensi, provinsi.wilayah)
    assert ds.ok, ds.laporan.teks()[:2000]
    return ds
