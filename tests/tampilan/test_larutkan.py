"""Dissolving levels by sorted slices gives what GeoPandas' dissolve gives, unit by unit."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.masuk import tembolok
from geo.masuk.dataset import muat_dataset
from geo.masuk.tingkat import awalan_seri
from geo.tampilan.tingkat import TOLERANSI_TINGKAT, _larutkan, unit_tingkat


@pytest.fixture(scope="module")
def wilayah(tmp_path_factory: pytest.TempPathFactory):
    return buat_wilayah_besar(400, tmp_path_factory.mktemp("larut"), seed=9, n_kabkota=5, n_baris=200)


@pytest.fixture(scope="module")
def ds(wilayah):
    d = muat_dataset(wilayah.kim, wilayah.batas, wilayah.referensi, wilayah.wilayah)
    assert d.ok
    return d


def _dissolve(batas, tingkat):
    kunci = awalan_seri(batas["kode"], tingkat).to_numpy()
    return batas[["geometry"]].assign(_k=kunci).dissolve(by="_k", method="coverage").geometry


@pytest.mark.parametrize("tingkat", ["kecamatan", "kabkota", "provinsi"])
def test_sama_dengan_dissolve(ds, tingkat):
    bawah = unit_tingkat(ds, {"kecamatan": "kelurahan", "kabkota": "kecamatan", "provinsi": "kabkota"}[tingkat])
    acak = bawah.sample(frac=1, random_state=1)  # input order must not matter
    hasil = _larutkan(acak, tingkat)
    harap = _dissolve(bawah, tingkat)
    assert list(hasil["kode"]) == list(harap.index)
    if TOLERANSI_TINGKAT[tingkat] is None:
        assert shapely.equals(hasil.geometry.to_numpy(), harap.to_numpy()).all()
    else:  # simplified: every outline within a few tolerances of the exact union, areas nearly equal
        jarak = shapely.hausdorff_distance(hasil.geometry.to_numpy(), harap.to_numpy())
        ukuran = np.sqrt(np.median(shapely.area(harap.to_numpy())))
        assert (jarak <= 3 * TOLERANSI_TINGKAT[tingkat] * ukuran).all()
        assert np.allclose(shapely.area(hasil.geometry.to_numpy()), shapely.area(harap.to_numpy()), rtol=0.02)
    luas = bawah.assign(_k=awalan_seri(bawah["kode"], tingkat)).groupby("_k")["luas_km2"].sum()
    assert np.allclose(hasil["luas_km2"], luas.to_numpy())
    pertama = bawah.sort_values("kode").groupby(awalan_seri(bawah.sort_values("kode")["kode"], tingkat)).first()
    nama = {"kecamatan": "kecamatan", "kabkota": "kabkota", "provinsi": "provinsi"}[tingkat]
    assert list(hasil["kelurahan"]) == list(pertama[nama])
    assert (hasil["jenis_unit"] == tingkat).all()


def test_cakupan_tetap_rapat(ds):
    """Simplified neighbours still share their edges: no gaps or overlaps between kab/kota."""
    kab = unit_tingkat(ds, "kabkota").geometry.to_numpy()
    assert shapely.coverage_is_valid(kab)
    assert shapely.area(shapely.union_all(kab)) == pytest.approx(shapely.area(kab).sum(), rel=1e-9)


def test_cakupan_tidak_rapat_tetap_dilarutkan(ds):
    """Overlapping units (not a clean coverage) still give one unit per prefix, as dissolve did."""
    batas = ds.batas.copy()
    batas.loc[0, "geometry"] = batas.geometry.iloc[0].buffer(0.01)
    hasil = _larutkan(batas, "kecamatan")
    assert list(hasil["kode"]) == sorted(awalan_seri(batas["kode"], "kecamatan").unique())


def test_tembolok_tidak_dipakai_tanpa_kunci(wilayah, tmp_path, monkeypatch):
    """A dataset loaded with the cache off (or from the database) never writes levels to it."""
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, "off")
    tanpa = muat_dataset(wilayah.kim, wilayah.batas, wilayah.referensi, wilayah.wilayah)
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(tmp_path))
    assert len(unit_tingkat(tanpa, "provinsi"))
    assert not list(tmp_path.glob("*.arrow"))
