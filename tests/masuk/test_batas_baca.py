"""Reading boundaries through pyogrio's Arrow path gives what the plain read gave, report included."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from shapely.geometry import Polygon, box

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.galat import Laporan
from geo.masuk import tembolok
from geo.masuk.batas import baca_geojson_kecil, muat_batas, siapkan_batas
from geo.masuk.referensi import muat_referensi

_PITA = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])  # a bow-tie: invalid, must be repaired


def _rusak(tmp_path_factory: pytest.TempPathFactory, n: int):
    """A generated region whose boundary file has a duplicate, an unknown code and an invalid polygon."""
    w = buat_wilayah_besar(n, tmp_path_factory.mktemp("batas_rusak"), seed=4, n_baris=100)
    gdf = gpd.read_file(w.batas)
    x0, y0 = gdf.geometry.iloc[5].bounds[:2]
    gdf.loc[5, "geometry"] = shapely.affinity.translate(shapely.affinity.scale(_PITA, 0.01, 0.01, origin=(0, 0)), x0, y0)
    gdf.loc[7, "kode"] = gdf.loc[7, "kode"].replace(".", "")  # undotted: normalised, still known
    tambahan = pd.concat([gdf.iloc[[3]], gdf.iloc[[4]].assign(kode="77.01.01.2001", geometry=[box(0, 0, 0.01, 0.01)])])
    gdf = pd.concat([gdf, tambahan], ignore_index=True)
    path = w.dir / "boundaries_rusak.geojson"
    gdf.to_file(path, driver="GeoJSON")
    return w, path


@pytest.fixture(scope="module")
def rusak(tmp_path_factory: pytest.TempPathFactory):
    """Above the disk cache's threshold: read through pyogrio."""
    w, path = _rusak(tmp_path_factory, 200)
    assert path.stat().st_size >= tembolok.AMBANG_BYTE
    return w, path


@pytest.fixture(scope="module")
def rusak_kecil(tmp_path_factory: pytest.TempPathFactory):
    """Below it: read by geo.masuk.batas.baca_geojson_kecil, without importing pyogrio."""
    w, path = _rusak(tmp_path_factory, 30)
    assert baca_geojson_kecil(path) is not None
    return w, path


@pytest.mark.parametrize("berkas", ["rusak", "rusak_kecil"])
def test_sama_dengan_baca_biasa(berkas, request, monkeypatch):
    monkeypatch.setenv("KIM_CACHE", "off")
    w, path = request.getfixturevalue(berkas)
    ref = muat_referensi(w.referensi)
    lama_laporan, baru_laporan = Laporan(), Laporan()
    lama = siapkan_batas(pyogrio.read_dataframe(path), path.name, ref, lama_laporan)
    baru = muat_batas(path, ref, baru_laporan)
    assert_geodataframe_equal(baru, lama)
    assert [m.as_dict() for m in baru_laporan.masalah] == [m.as_dict() for m in lama_laporan.masalah]
    ganda = str(gpd.read_file(path)["kode"].iloc[3])
    assert {m.nilai for m in baru_laporan.masalah} == {ganda, "77.01.01.2001"}
    assert shapely.is_valid(baru.geometry.to_numpy()).all()


def test_berkas_tanpa_geometri_dilaporkan(tmp_path):
    path = tmp_path / "batas.csv"
    path.write_text("kode,nama\n64.74.01.1001,a\n", encoding="utf-8")
    laporan = Laporan()
    assert muat_batas(path, muat_referensi(None), laporan) is None
    assert "tidak dapat dibaca" in laporan.teks()


@pytest.mark.filterwarnings("ignore:Could not parse column")
def test_geojson_kecil_seperti_gdal(tmp_path):
    """Numbers as codes, a missing column, gaps and a null geometry: typed as GDAL types them."""
    path = tmp_path / "batas.geojson"
    kotak = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    fitur = [{"type": "Feature", "properties": {"kode": 6474011001, "luas_km2": 2}, "geometry": kotak},
             {"type": "Feature", "properties": {"kode": "64.74.01.1002", "luas_km2": None}, "geometry": None},
             {"type": "Feature", "properties": {"kode": "64.74.01.1003", "luas_km2": 1.5}, "geometry": kotak}]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": fitur}), encoding="utf-8")
    kecil = baca_geojson_kecil(path)
    gdal = pyogrio.read_dataframe(path, columns=["kode", "luas_km2", "sumber"])
    assert list(kecil.columns) == list(gdal.columns) == ["kode", "luas_km2", "geometry"]
    assert kecil["kode"].tolist() == gdal["kode"].tolist() == ["6474011001", "64.74.01.1002", "64.74.01.1003"]
    assert kecil["luas_km2"].dtype == gdal["luas_km2"].dtype
    assert_geodataframe_equal(kecil, gdal, check_dtype=False, check_less_precise=True)


@pytest.mark.parametrize("isi", [
    '{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32650"}}, "features": []}',
    '{"type": "Feature", "properties": {}, "geometry": null}',
    "{bukan json",
])
def test_geojson_lain_lewat_pyogrio(tmp_path, isi):
    """An old-style CRS, a bare Feature or broken JSON: GDAL reads (or rejects) it, as before."""
    path = tmp_path / "batas.geojson"
    path.write_text(isi, encoding="utf-8")
    assert baca_geojson_kecil(path) is None
