"""Importing official boundaries: every schema and format, and every refusal.

Fixtures are built here from the conftest region (three 0.03° squares) or,
for the acceptance check, from the shipped Bontang boundaries turned into a
dense, 3D, UTM, BIG-style file.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from geo.cli.utama import main
from geo.config import PROJECT_DIR
from geo.galat import GalatData
from geo.impor import baca as sumber_batas
from geo.impor.alur import impor_batas
from geo.masuk.batas import batas_skematik
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import daftar_cadangan
from tests.conftest import KODE_A, KODE_B, KODE_C, KOTAK

PROJECT = PROJECT_DIR
UTM_50N = "EPSG:32650"


def _kotak_3d(kode: str) -> MultiPolygon:
    return shapely.force_3d(MultiPolygon([box(*KOTAK[kode])]), 0.0)


def _big(rows: list[tuple], crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    """BIG 'Batas Desa/Kelurahan' fields: KDEPUM, NAMOBJ, WADMKD, WADMKC, ..."""
    kode, nama, kec, geom = zip(*rows)
    gdf = gpd.GeoDataFrame({
        "KDEPUM": kode, "NAMOBJ": [n.upper() for n in nama], "WADMKD": nama, "WADMKC": kec,
        "WADMKK": "Kota Uji", "KDCPUM": [k[:8] for k in kode], "KDEBPS": None, "LUASWH": 0.0,
    }, geometry=list(geom), crs="EPSG:4326")
    return gdf.to_crs(crs)


def _big_uji(crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    return _big([(KODE_A, "Alfa Laut", "Satu", _kotak_3d(KODE_A)), (KODE_B, "Beta", "Satu", _kotak_3d(KODE_B)),
                 (KODE_C, "Gama Raya", "Dua", _kotak_3d(KODE_C))], crs)


def _hausdorff_m(a: shapely.Geometry, b: shapely.Geometry) -> float:
    s = gpd.GeoSeries([a, b], crs="EPSG:4326").to_crs(gpd.GeoSeries([a], crs="EPSG:4326").estimate_utm_crs())
    return float(s.iloc[0].hausdorff_distance(s.iloc[1]))


def _baca(path: Path) -> gpd.GeoDataFrame:
    return gpd.read_file(path).set_index("kode")


@pytest.mark.lambat
def test_big_3d_utm_shapefile_becomes_2d_wgs84(wilayah_uji, tmp_path):
    src = tmp_path / "Batas_Desa.shp"
    _big_uji(UTM_50N).to_file(src)
    out = tmp_path / "keluar" / "boundaries.geojson"
    hasil = impor_batas(src, out)
    batas = _baca(out)
    assert sorted(batas.index) == [KODE_A, KODE_B, KODE_C]
    assert set(hasil.cocok["cara"]) == {"kode"}
    assert batas.crs.to_epsg() == 4326
    assert not batas.has_z.any() and batas.is_valid.all()
    for kode in KOTAK:
        assert _hausdorff_m(batas.geometry[kode], box(*KOTAK[kode])) < 0.5
    assert batas.loc[KODE_A, "luas_km2"] == pytest.approx(11.1, rel=0.02)  # 0.03° x 0.03° at the equator
    assert "skematik" not in batas.loc[KODE_A, "sumber"] and "Batas_Desa.shp" in batas.loc[KODE_A, "sumber"]


def test_official_import_clears_schematic_notice_and_keeps_backup(wilayah_uji, tmp_path):
    lama = wilayah_uji.batas.read_bytes()
    assert muat_dataset().skematik
    src = tmp_path / "resmi.geojson"
    _big_uji().to_file(src)
    hasil = impor_batas(src)  # default --out: $KIM_BOUNDARIES
    assert hasil.ditulis and hasil.cadangan is not None
    assert hasil.cadangan.read_bytes() == lama
    assert daftar_cadangan(wilayah_uji.batas)[0].path == hasil.cadangan
    dataset = muat_dataset()
    assert dataset.ok and not dataset.skematik and not batas_skematik(dataset.batas)
    # Printed maps now credit the imported source, not the output file's name.
    from geo.ekspor.keterangan import sumber

    assert "resmi.geojson" in sumber(dataset) and wilayah_uji.batas.name not in sumber(dataset).split(";")[1]


def test_multi_part_coastal_kelurahan_is_merged(wilayah_uji, tmp_path):
    pulau1, pulau2 = box(110.001, -0.010, 110.004, -0.007), box(110.010, -0.010, 110.012, -0.008)
    gdf = _big([
        (KODE_A, "Alfa Laut", "Satu", MultiPolygon([box(*KOTAK[KODE_A]), pulau1])),
        (KODE_A, "Alfa Laut", "Satu", MultiPolygon([pulau2])),  # an island delivered as its own feature
        (KODE_B, "Beta", "Satu", MultiPolygon([box(*KOTAK[KODE_B])])),
        (KODE_C, "Gama Raya", "Dua", MultiPolygon([box(*KOTAK[KODE_C])])),
    ])
    src = tmp_path / "pesisir.geojson"
    gdf.to_file(src)
    hasil = impor_batas(src, tmp_path / "b.geojson")
    batas = _baca(tmp_path / "b.geojson")
    assert len(batas) == 3
    assert batas.geometry[KODE_A].geom_type == "MultiPolygon"
    assert shapely.get_num_geometries(batas.geometry[KODE_A]) == 3
    assert hasil.cocok.loc[hasil.cocok["kode"] == KODE_A, "bagian"].eq(3).all()


def test_variant_spellings_match_by_name_geoboundaries(wilayah_uji, tmp_path):
    gdf = gpd.GeoDataFrame({
        "shapeName": ["KEL. ALPA LAUT", "Betha", "gama  RAYA"], "shapeID": ["IDN-ADM4-1", "IDN-ADM4-2", "IDN-ADM4-3"],
        "shapeType": "ADM4",
    }, geometry=[box(*KOTAK[k]) for k in (KODE_A, KODE_B, KODE_C)], crs="EPSG:4326")
    src = tmp_path / "geoBoundaries-IDN-ADM4.geojson"
    gdf.to_file(src)
    hasil = impor_batas(src, tmp_path / "b.geojson")
    assert hasil.skema.nama == "geoBoundaries"
    cara = hasil.cocok.set_index("kode")["cara"]
    assert cara[KODE_A] == "ejaan lain" and cara[KODE_B] == "ejaan lain" and cara[KODE_C] == "nama"
    assert sorted(_baca(tmp_path / "b.geojson").index) == [KODE_A, KODE_B, KODE_C]


def test_gadm_level4_needs_matching_kecamatan(wilayah_uji, tmp_path):
    gdf = gpd.GeoDataFrame({
        "GID_4": ["IDN.1.1.1_1", "IDN.1.1.2_1", "IDN.1.2.1_1", "IDN.9.9.9_1"],
        "NAME_4": ["Alfa Laut", "Beta", "Gama Raya", "Beta"],
        "NAME_3": ["Satu", "Satu", "Dua", "Kecamatan Lain"],
        "NAME_2": "Kota Uji",
    }, geometry=[box(*KOTAK[k]) for k in (KODE_A, KODE_B, KODE_C)] + [box(111, 1, 111.03, 1.03)], crs="EPSG:4326")
    src = tmp_path / "gadm41_IDN_4.gpkg"
    gdf.to_file(src, driver="GPKG")
    hasil = impor_batas(src, tmp_path / "b.geojson")
    assert hasil.skema.nama == "GADM level 4"
    assert len(hasil.batas) == 3
    assert hasil.tak_dikenal["alasan"].tolist() == ["nama cocok, tetapi kecamatannya berbeda"]
    # the namesake far away was not merged into Beta
    assert _baca(tmp_path / "b.geojson").geometry[KODE_B].bounds[2] < 110.07


def test_osm_extract_keeps_the_kelurahan_admin_level(wilayah_uji, tmp_path):
    gdf = gpd.GeoDataFrame({
        "name": ["Satu", "Dua", "Alfa Laut", "Beta", "Gama Raya"],
        "admin_level": ["6", "6", "7", "7", "7"],
        "boundary": "administrative",
    }, geometry=[box(110.0, 0, 110.06, 0.03), box(110.06, 0, 110.09, 0.03)] + [box(*KOTAK[k]) for k in (KODE_A, KODE_B, KODE_C)],
        crs="EPSG:4326")
    src = tmp_path / "osm.fgb"
    gdf.to_file(src, driver="FlatGeobuf")
    hasil = impor_batas(src, tmp_path / "b.geojson")
    assert hasil.skema.nama == "OpenStreetMap"
    assert len(hasil.batas) == 3 and len(hasil.tak_dikenal) == 0


def test_province_wide_file_keeps_only_the_region(wilayah_uji, tmp_path):
    kota_lain = [("99.02.01.1001", "Beta", "Satu", MultiPolygon([box(112, 0, 112.03, 0.03)])),
                 ("99.02.01.1002", "Delta", "Satu", MultiPolygon([box(112.03, 0, 112.06, 0.03)]))]
    gdf = pd.concat([_big_uji(), _big(kota_lain)], ignore_index=True)
    src = tmp_path / "provinsi.shp"
    gdf.to_file(src)
    hasil = impor_batas(src, tmp_path / "b.geojson")  # region code 99.01 from wilayah.json
    assert hasil.dibaca == 5 and len(hasil.batas) == 3 and len(hasil.tak_dikenal) == 0
    assert _baca(tmp_path / "b.geojson").total_bounds[2] < 110.1
    with pytest.raises(GalatData, match="Tidak ada fitur"):  # the other kota's "Beta" is not ours
        impor_batas(src, tmp_path / "b.geojson", wilayah="9902")


def test_invalid_polygon_is_repaired(wilayah_uji, tmp_path):
    x0, y0, x1, y1 = KOTAK[KODE_C]
    dasi = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1), (x0, y0)])  # a self-intersecting bow-tie
    assert not dasi.is_valid
    gdf = _big([(KODE_A, "Alfa Laut", "Satu", box(*KOTAK[KODE_A])), (KODE_B, "Beta", "Satu", box(*KOTAK[KODE_B])),
                (KODE_C, "Gama Raya", "Dua", dasi)])
    src = tmp_path / "rusak.geojson"
    gdf.to_file(src)
    hasil = impor_batas(src, tmp_path / "b.geojson")
    batas = _baca(tmp_path / "b.geojson")
    assert hasil.diperbaiki == 1
    assert batas.is_valid.all() and batas.geometry[KODE_C].area == pytest.approx(0.03 * 0.03 / 2, rel=0.01)
    assert hasil.tumpang_tindih == []  # this bow-tie stays inside its own square


def test_overlapping_neighbours_are_reported(wilayah_uji, tmp_path, capsys):
    x0, y0, x1, y1 = KOTAK[KODE_B]
    melebar = box(x0 - 0.01, y0, x1, y1)  # Beta reaches 1 km into Alfa Laut
    gdf = _big([(KODE_A, "Alfa Laut", "Satu", box(*KOTAK[KODE_A])), (KODE_B, "Beta", "Satu", melebar),
                (KODE_C, "Gama Raya", "Dua", box(*KOTAK[KODE_C]))])
    src = tmp_path / "tumpang.geojson"
    gdf.to_file(src)
    assert main(["boundaries", "import", str(src), "--out", str(tmp_path / "b.geojson")]) == 0
    out = capsys.readouterr().out
    assert "Alfa Laut dan Beta bertumpang tindih" in out and "Gama Raya" not in out.split("PERINGATAN")[1]


@pytest.mark.parametrize("format_", ["zip", "gpkg", "fgb"])
def test_cli_reads_zip_geopackage_flatgeobuf(wilayah_uji, tmp_path, capsys, format_):
    gdf = _big_uji(UTM_50N)
    if format_ == "zip":
        folder = tmp_path / "shp"
        folder.mkdir()
        gdf.to_file(folder / "ADMINISTRASIDESA_AR_25K.shp")
        src = tmp_path / "batas.zip"
        with zipfile.ZipFile(src, "w") as z:
            for f in folder.iterdir():
                z.write(f, f"BATAS/{f.name}")
    elif format_ == "gpkg":
        src = tmp_path / "batas.gpkg"
        gdf.to_file(src, layer="desa", driver="GPKG")
        gpd.GeoDataFrame({"nama": ["kantor"]}, geometry=gpd.points_from_xy([110.01], [0.01]), crs="EPSG:4326").to_file(
            src, layer="titik", driver="GPKG")  # a second, non-polygon layer is skipped
    else:
        src = tmp_path / "batas.fgb"
        gdf.to_file(src, driver="FlatGeobuf")
    out = tmp_path / "b.geojson"
    assert main(["boundaries", "import", str(src), "--out", str(out)]) == 0
    keluaran = capsys.readouterr()
    assert "Cocok: 3 kelurahan" in keluaran.out and "Traceback" not in keluaran.err
    assert sorted(_baca(out).index) == [KODE_A, KODE_B, KODE_C]


@pytest.mark.lambat
def test_refuses_to_lose_a_kelurahan_the_kim_data_uses(wilayah_uji, tmp_path, capsys):
    src = tmp_path / "tanpa_beta.geojson"
    _big_uji()[lambda g: g["KDEPUM"] != KODE_B].to_file(src)
    lama = wilayah_uji.batas.read_bytes()
    assert main(["boundaries", "import", str(src)]) == 1
    err = capsys.readouterr().err
    assert "Beta (99.01.01.1002)" in err and "--force" in err and "Traceback" not in err
    assert wilayah_uji.batas.read_bytes() == lama and daftar_cadangan(wilayah_uji.batas) == []
    with pytest.raises(GalatData):
        impor_batas(src)
    hasil = impor_batas(src, paksa=True)
    assert hasil.ditulis and hasil.hilang == [KODE_B]
    assert set(hasil.titik_luar["id_potensi"]) == {"B-01", "B-02"}
    assert (hasil.titik_luar["keterangan"] == "kelurahannya tidak ada di batas baru").all()


def test_points_now_outside_their_kelurahan_are_listed(wilayah_uji, tmp_path):
    geser = {KODE_A: box(110.00, 0.00, 110.018, 0.03), KODE_B: box(110.018, 0.00, 110.06, 0.03), KODE_C: box(*KOTAK[KODE_C])}
    src = tmp_path / "geser.geojson"
    _big([(k, n, c, geser[k]) for k, n, c in ((KODE_A, "Alfa Laut", "Satu"), (KODE_B, "Beta", "Satu"), (KODE_C, "Gama Raya", "Dua"))]).to_file(src)
    hasil = impor_batas(src, tmp_path / "b.geojson")
    assert hasil.titik_luar["id_potensi"].tolist() == ["A-03"]  # at 110.020: now in Beta
    assert hasil.titik_luar["keterangan"].iloc[0] == "kini berada di Kelurahan Beta"


def test_unknown_fields_need_options(wilayah_uji, tmp_path, capsys):
    gdf = gpd.GeoDataFrame({"DESA_NM": ["Alfa Laut", "Beta", "Gama Raya"], "ID": [1, 2, 3]},
                           geometry=[box(*KOTAK[k]) for k in (KODE_A, KODE_B, KODE_C)], crs="EPSG:4326")
    src = tmp_path / "aneh.geojson"
    gdf.to_file(src)
    assert main(["boundaries", "import", str(src), "--out", str(tmp_path / "b.geojson")]) == 1
    assert "--name-field" in capsys.readouterr().err
    assert main(["boundaries", "import", str(src), "--out", str(tmp_path / "b.geojson"), "--name-field", "desa_nm"]) == 0
    assert len(_baca(tmp_path / "b.geojson")) == 3


def test_dry_run_and_progress_for_large_files(wilayah_uji, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sumber_batas, "UKURAN_BATCH", 1)
    src = tmp_path / "resmi.geojson"
    _big_uji().to_file(src)
    out = tmp_path / "b.geojson"
    assert main(["boundaries", "import", str(src), "--out", str(out), "--dry-run"]) == 0
    keluaran = capsys.readouterr()
    assert "3 / 3 fitur dibaca" in keluaran.err and "tidak diubah" in keluaran.out
    assert not out.exists()


def test_write_failure_leaves_old_boundaries(wilayah_uji, tmp_path, monkeypatch):
    src = tmp_path / "resmi.geojson"
    _big_uji().to_file(src)
    lama = wilayah_uji.batas.read_bytes()

    def gagal(*args, **kwargs):
        raise OSError("disk penuh")

    monkeypatch.setattr(pyogrio, "write_dataframe", gagal)
    with pytest.raises(OSError):
        impor_batas(src)
    assert wilayah_uji.batas.read_bytes() == lama
    assert not [p for p in wilayah_uji.batas.parent.iterdir() if ".tmp-" in p.name]


def _big_bontang(tmp_path: Path) -> tuple[Path, gpd.GeoDataFrame]:
    """The shipped boundaries as an official BIG file would be: dense, wobbly, 3D, UTM 50N, islands."""
    asli = gpd.read_file(PROJECT / "data" / "boundaries.geojson").to_crs(UTM_50N)

    def goyang(xy: np.ndarray) -> np.ndarray:  # deterministic per coordinate: shared edges stay shared
        return np.column_stack([xy[:, 0] + 1.5 * np.sin(xy[:, 1] / 9.0), xy[:, 1] + 1.5 * np.cos(xy[:, 0] / 11.0)])

    geom = shapely.set_precision(shapely.transform(shapely.segmentize(asli.geometry.to_numpy(), 2.0), goyang), 0.001)
    geom = [MultiPolygon(shapely.get_parts(g).tolist()) for g in geom]
    kuala = int(np.flatnonzero(asli["kelurahan"] == "Bontang Kuala")[0])
    _, miny, maxx, maxy = asli.total_bounds
    pulau = shapely.Point(maxx + 800, (miny + maxy) / 2).buffer(250, quad_segs=64)
    geom[kuala] = MultiPolygon([*geom[kuala].geoms, pulau])
    ejaan = {"Api-api": "API-API", "Lok Tuan": "LOKTUAN", "Berbas Tengah": "Berebas Tengah"}
    big = gpd.GeoDataFrame({
        "KDEPUM": asli["kode"], "NAMOBJ": asli["kelurahan"].replace(ejaan), "WADMKD": asli["kelurahan"],
        "WADMKC": asli["kecamatan"], "WADMKK": "Kota Bontang", "WADMPR": "Kalimantan Timur",
        "KDCPUM": asli["kode_kecamatan"], "KDPKAB": "64.74", "KDPPUM": "64", "TIPADM": 4, "SRS_ID": "SRGI2013",
    }, geometry=shapely.force_3d(np.array(geom, dtype=object), 0.0), crs=UTM_50N)
    src = tmp_path / "BATAS_DESA_KELURAHAN_KOTA_BONTANG.geojson"
    big.to_file(src, driver="GeoJSON")
    return src, big


@pytest.mark.lambat
def test_done_when_big_kota_file_imports_in_one_command(tmp_path, monkeypatch, capsys):
    if not (PROJECT / "data" / "boundaries.geojson").exists():
        pytest.skip("data/boundaries.geojson belum dibangkitkan")
    for env, nama in (("KIM_REFERENSI", "kelurahan.csv"), ("KIM_WILAYAH", "wilayah.json"), ("KIM_CSV", "kim.csv")):
        if (PROJECT / "data" / nama).exists():
            shutil.copy(PROJECT / "data" / nama, tmp_path / nama)
        monkeypatch.setenv(env, str(tmp_path / nama))
    out = tmp_path / "boundaries.geojson"
    monkeypatch.setenv("KIM_BOUNDARIES", str(out))
    src, big = _big_bontang(tmp_path)
    assert pyogrio.read_info(src)["geometry_type"].endswith("Z")

    assert main(["boundaries", "import", str(src), "--simplify-m", "5"]) == 0
    keluaran = capsys.readouterr().out
    assert "Cocok: 15 kelurahan" in keluaran and "ejaan lain" not in keluaran  # the codes matched first

    batas = gpd.read_file(out)
    assert len(batas) == 15 and batas["kode"].is_unique
    assert batas.crs.to_epsg() == 4326
    assert not batas.has_z.any() and batas.is_valid.all()
    assert shapely.coverage_is_valid(batas.geometry.to_numpy())
    assert out.stat().st_size < src.stat().st_size
    assert shapely.get_num_coordinates(batas.geometry.to_numpy()).sum() < shapely.get_num_coordinates(big.geometry.to_numpy()).sum()
    asal = big.dissolve("KDEPUM").geometry
    baru = batas.set_index("kode").to_crs(UTM_50N).geometry
    jarak = [asal[k].hausdorff_distance(baru[k]) for k in baru.index]
    assert max(jarak) <= 10.0
    assert "skematik" not in " ".join(batas["sumber"]).lower()
    assert not muat_dataset().skematik


def test_simplify_keeps_neighbours_edge_matched_despite_float_noise(wilayah_uji, tmp_path):
    rapat = {k: shapely.segmentize(box(*KOTAK[k]), 0.0002) for k in KOTAK}
    rapat[KODE_B] = shapely.transform(rapat[KODE_B], lambda xy: xy + 1e-10)  # shared edges now differ by ~0.01 mm
    gdf = _big([(KODE_A, "Alfa Laut", "Satu", rapat[KODE_A]), (KODE_B, "Beta", "Satu", rapat[KODE_B]),
                (KODE_C, "Gama Raya", "Dua", rapat[KODE_C])], UTM_50N)
    assert not shapely.coverage_is_valid(gdf.geometry.to_numpy())
    src = tmp_path / "bising.geojson"
    gdf.to_file(src)
    hasil = impor_batas(src, tmp_path / "b.geojson", toleransi_m=5)
    assert hasil.penyederhanaan.cakupan and "tanpa celah" in hasil.penyederhanaan.uraian()
    assert hasil.penyederhanaan.titik_akhir < hasil.penyederhanaan.titik_awal / 10
    batas = _baca(tmp_path / "b.geojson")
    assert shapely.coverage_is_valid(batas.geometry.to_numpy())
    assert shapely.union_all(batas.geometry.to_numpy()).geom_type == "Polygon"  # no slivers between neighbours


def test_layer_yang_tidak_ada_ditolak(wilayah_uji, tmp_path, capsys):
    src = tmp_path / "satu.gpkg"
    _big_uji(UTM_50N).to_file(src, layer="desa", driver="GPKG")
    out = tmp_path / "b.geojson"
    assert main(["boundaries", "import", str(src), "--layer", "TIDAK_ADA", "--out", str(out)]) == 1
    assert "Lapisan 'TIDAK_ADA' tidak ada" in capsys.readouterr().err and not out.exists()
    assert main(["boundaries", "import", str(src), "--layer", "DESA", "--out", str(out)]) == 0
