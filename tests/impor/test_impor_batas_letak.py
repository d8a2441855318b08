"""Boundary import refuses files in the wrong place: UTM without CRS, degrees labelled EPSG:3857, limits."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest

from geo.cli.utama import main
from tests.impor.test_impor_batas import _big_uji

UTM_49N = "EPSG:32649"  # the fixture region sits at 110° E on the equator


def _tanpa_crs(gdf: gpd.GeoDataFrame, path) -> None:
    gdf.set_crs(None, allow_override=True).to_file(path, driver="GeoJSON")


def _bbox(wilayah_uji) -> None:
    isi = json.loads(wilayah_uji.wilayah.read_text(encoding="utf-8"))
    isi["batas_bbox"] = [110.0, 0.0, 110.09, 0.03]
    wilayah_uji.wilayah.write_text(json.dumps(isi), encoding="utf-8")


def test_utm_without_crs_names_the_flag(wilayah_uji, tmp_path, capsys):
    _bbox(wilayah_uji)
    src = tmp_path / "utm.geojson"
    _tanpa_crs(_big_uji(UTM_49N), src)
    lama = wilayah_uji.batas.read_bytes()
    assert main(["boundaries", "import", str(src)]) == 1
    err = capsys.readouterr().err
    assert "--crs" in err and "UTM" in err and "EPSG:32649" in err and "Traceback" not in err
    assert wilayah_uji.batas.read_bytes() == lama
    assert main(["boundaries", "import", str(src), "--crs", UTM_49N]) == 0
    batas = gpd.read_file(wilayah_uji.batas)
    assert len(batas) == 3 and abs(batas.total_bounds[0] - 110.0) < 1e-3


def test_unknown_crs_flag_is_a_message(wilayah_uji, tmp_path, capsys):
    src = tmp_path / "utm.geojson"
    _tanpa_crs(_big_uji(UTM_49N), src)
    assert main(["boundaries", "import", str(src), "--crs", "EPSG:bukan"]) == 1
    assert "--crs" in capsys.readouterr().err


def test_degrees_labelled_3857_are_refused_outside_the_region(wilayah_uji, tmp_path, capsys):
    _bbox(wilayah_uji)
    src = tmp_path / "salah_label.gpkg"
    _big_uji().set_crs("EPSG:3857", allow_override=True).to_file(src, driver="GPKG")
    lama = wilayah_uji.batas.read_bytes()
    assert main(["boundaries", "import", str(src)]) == 1
    err = capsys.readouterr().err
    assert "tidak bertumpang dengan wilayah" in err and "batas_bbox" in err and "--force" in err
    assert wilayah_uji.batas.read_bytes() == lama
    assert main(["boundaries", "import", str(src), "--force"]) == 0  # deliberate: written
    assert wilayah_uji.batas.read_bytes() != lama


def test_all_kim_points_outside_is_refused_without_a_bbox(wilayah_uji, tmp_path, capsys):
    src = tmp_path / "salah_label.gpkg"
    _big_uji().set_crs("EPSG:3857", allow_override=True).to_file(src, driver="GPKG")
    lama = wilayah_uji.batas.read_bytes()
    assert main(["boundaries", "import", str(src)]) == 1
    err = capsys.readouterr().err
    assert "tidak satu pun dari 5 titik KIM" in err and "--force" in err
    assert wilayah_uji.batas.read_bytes() == lama


@pytest.mark.parametrize(("env", "kata"), [("KIM_BATAS_UNSUR", "Jumlah unsur"), ("KIM_BATAS_TITIK_SUDUT", "Jumlah titik sudut")])
def test_feature_and_vertex_limits(wilayah_uji, tmp_path, capsys, monkeypatch, env, kata):
    src = tmp_path / "batas.gpkg"
    _big_uji().to_file(src, driver="GPKG")
    monkeypatch.setenv(env, "2")
    lama = wilayah_uji.batas.read_bytes()
    assert main(["boundaries", "import", str(src)]) == 1
    err = capsys.readouterr().err
    assert kata in err and env in err
    assert wilayah_uji.batas.read_bytes() == lama
