"""Reading boundaries through pyogrio's Arrow path gives what the plain read gave, report included."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from shapely.geometry import Polygon, box

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.galat import Laporan
from geo.masuk.batas import muat_batas, siapkan_batas
from geo.masuk.referensi import muat_referensi

_PITA = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])  # a bow-tie: invalid, must be repaired


@pytest.fixture(scope="module")
def rusak(tmp_path_factory: pytest.TempPathFactory):
    """A generated region whose boundary file has a duplicate, an unknown code and an invalid polygon."""
    w = buat_wilayah_besar(200, tmp_path_factory.mktemp("batas_rusak"), seed=4, n_baris=100)
    gdf = gpd.read_file(w.batas)
    x0, y0 = gdf.geometry.iloc[5].bounds[:2]
    gdf.loc[5, "geometry"] = shapely.affinity.translate(shapely.affinity.scale(_PITA, 0.01, 0.01, origin=(0, 0)), x0, y0)
    gdf.loc[7, "kode"] = gdf.loc[7, "kode"].replace(".", "")  # undotted: normalised, still known
    tambahan = pd.concat([gdf.iloc[[3]], gdf.iloc[[4]].assign(kode="77.01.01.2001", geometry=[box(0, 0, 0.01, 0.01)])])
    gdf = pd.concat([gdf, tambahan], ignore_index=True)
    path = w.dir / "boundaries_rusak.geojson"
    gdf.to_file(path, driver="GeoJSON")
    return w, path


def test_sama_dengan_baca_biasa(rusak, monkeypatch):
    monkeypatch.setenv("KIM_CACHE", "off")
    w, path = rusak
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
