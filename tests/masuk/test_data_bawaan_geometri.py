"""Geometry of the shipped data: schematic boundaries and sample KIM points agree.

Deliberately independent of ``geo/``: the data files are read with plain
geopandas/pandas, so a bug in the code cannot hide a fault in the data.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

# The project folder, wherever this file sits under tests/.
ROOT = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
DATA = ROOT / "data"
BATAS = DATA / "boundaries.geojson"
REFERENSI = DATA / "kelurahan.csv"
KIM = DATA / "kim.csv"
SKRIP_BATAS = ROOT / "scripts" / "make_boundaries.py"

PROPERTI = ["kode", "kelurahan", "kecamatan", "kode_kecamatan", "luas_km2", "sumber"]
KOLOM_KIM = [
    "id_potensi",
    "nama_kim",
    "kode_kelurahan",
    "kelurahan",
    "kecamatan",
    "kategori_potensi",
    "nama_potensi",
    "deskripsi",
    "status_aktivitas",
    "jumlah_anggota",
    "kegiatan_terakhir",
    "lintang",
    "bujur",
    "kontak",
]


@pytest.fixture(scope="module")
def batas() -> gpd.GeoDataFrame:
    return gpd.read_file(BATAS)


@pytest.fixture(scope="module")
def batas_m(batas: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Boundaries in metres (local UTM) for areas and distances."""
    return batas.to_crs(batas.estimate_utm_crs()).set_index("kode")


@pytest.fixture(scope="module")
def referensi() -> pd.DataFrame:
    return pd.read_csv(REFERENSI, dtype=str, keep_default_na=False).set_index("kode")


@pytest.fixture(scope="module")
def kim() -> pd.DataFrame:
    return pd.read_csv(KIM, dtype=str, keep_default_na=False)


def test_lima_belas_fitur_valid_dalam_wgs84(batas: gpd.GeoDataFrame, referensi: pd.DataFrame) -> None:
    assert len(batas) == 15
    assert batas.crs is not None and batas.crs.to_epsg() == 4326
    assert sorted(batas["kode"]) == sorted(referensi.index)
    assert list(batas["kode"]) == sorted(batas["kode"]), "fitur harus urut menurut kode"
    assert [c for c in batas.columns if c != "geometry"] == PROPERTI
    assert set(batas.geom_type) <= {"Polygon", "MultiPolygon"}
    assert batas.is_valid.all()


def test_tidak_ada_tumpang_tindih(batas_m: gpd.GeoDataFrame) -> None:
    for a, b in itertools.combinations(batas_m.index, 2):
        irisan_km2 = batas_m.geometry[a].intersection(batas_m.geometry[b]).area / 1e6
        assert irisan_km2 <= 0.01, f"{a} dan {b} tumpang tindih {irisan_km2:.3f} km2"


def test_titik_acuan_di_dalam_poligonnya_sendiri(batas: gpd.GeoDataFrame, referensi: pd.DataFrame) -> None:
    geom = batas.set_index("kode").geometry
    titik = gpd.points_from_xy(referensi["bujur_titik_dalam"].astype(float), referensi["lintang_titik_dalam"].astype(float))
    for kode, pt in zip(referensi.index, titik):
        assert geom[kode].contains(pt), f"titik acuan {referensi.at[kode, 'kelurahan']} di luar poligonnya"


def test_luas_mendekati_referensi(batas_m: gpd.GeoDataFrame, referensi: pd.DataFrame) -> None:
    for kode, geom in batas_m.geometry.items():
        target = float(referensi.at[kode, "luas_km2"])
        luas = geom.area / 1e6
        assert abs(luas - target) <= 0.15 * target, f"{kode}: {luas:.2f} km2 vs {target:.2f} km2"
        # luas_km2 is the schematic cell's own area, not a copy of the reference value.
        assert float(batas_m.at[kode, "luas_km2"]) == pytest.approx(luas, rel=0.01, abs=0.01)


def test_sumber_menyatakan_skematik(batas: gpd.GeoDataFrame) -> None:
    assert batas["sumber"].str.lower().str.contains("skematik").all()


def test_titik_kim_di_dalam_kelurahannya(batas_m: gpd.GeoDataFrame, kim: pd.DataFrame) -> None:
    titik = gpd.GeoSeries(gpd.points_from_xy(kim["bujur"].astype(float), kim["lintang"].astype(float)), crs="EPSG:4326")
    titik = titik.to_crs(batas_m.crs)
    for (_, baris), pt in zip(kim.iterrows(), titik):
        poligon = batas_m.geometry[baris["kode_kelurahan"]]
        assert poligon.contains(pt), f"{baris['id_potensi']} di luar kelurahan {baris['kelurahan']}"


def test_kim_id_unik_dan_dua_sampai_lima_per_kelurahan(kim: pd.DataFrame, referensi: pd.DataFrame) -> None:
    assert list(kim.columns) == KOLOM_KIM
    assert kim["id_potensi"].is_unique
    per_kelurahan = kim.groupby("kode_kelurahan").size()
    assert sorted(per_kelurahan.index) == sorted(referensi.index)
    assert per_kelurahan.between(2, 5).all(), per_kelurahan.to_dict()


def test_kim_csv_utf8_tanpa_bom_dan_lf() -> None:
    mentah = KIM.read_bytes()
    assert not mentah.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in mentah
    mentah.decode("utf-8")


@pytest.mark.lambat
def test_skrip_batas_menghasilkan_berkas_yang_sama_persis(tmp_path: Path) -> None:
    keluaran = tmp_path / "boundaries.geojson"
    hasil = subprocess.run(
        [sys.executable, str(SKRIP_BATAS), "--referensi", str(REFERENSI), "--out", str(keluaran)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert keluaran.read_bytes() == BATAS.read_bytes()
