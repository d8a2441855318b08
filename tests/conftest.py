"""Fixtures: a tiny made-up region the tests build themselves.

Three square kelurahan in two kecamatan, far from any real place, so tests
never depend on the shipped sample data unless they say so.
"""

from __future__ import annotations

import atexit
import builtins
import csv
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import box

# Test runs keep the boundary disk cache (geo.masuk.tembolok) out of the user's own cache folder.
if "KIM_CACHE" not in os.environ:
    os.environ["KIM_CACHE"] = tempfile.mkdtemp(prefix="kim-cache-uji-")
    atexit.register(shutil.rmtree, os.environ["KIM_CACHE"], True)

KODE_A, KODE_B, KODE_C = "99.01.01.1001", "99.01.01.1002", "99.01.02.1001"

REFERENSI = [
    # kode, kelurahan, kecamatan, kode_kecamatan, luas_km2, alias
    (KODE_A, "Alfa Laut", "Satu", "99.01.01", 12.3, "Alpa Laut|Alfalaut"),
    (KODE_B, "Beta", "Satu", "99.01.01", 12.3, "Betha"),
    (KODE_C, "Gama Raya", "Dua", "99.01.02", 12.3, ""),
]
# Squares of 0.03° (~3.3 km) side by side along the equator, west to east.
KOTAK = {KODE_A: (110.00, 0.00, 110.03, 0.03), KODE_B: (110.03, 0.00, 110.06, 0.03), KODE_C: (110.06, 0.00, 110.09, 0.03)}

HEADER = [
    "id_potensi", "nama_kim", "kode_kelurahan", "kelurahan", "kecamatan", "kategori_potensi",
    "nama_potensi", "deskripsi", "status_aktivitas", "jumlah_anggota", "kegiatan_terakhir",
    "lintang", "bujur", "kontak",
]

# Hand-checked rows: 3 in Alfa Laut, 2 in Beta, 0 in Gama Raya.
BARIS_BAIK = [
    ["A-01", "KIM Alfa", KODE_A, "Alfa Laut", "Satu", "Kuliner", "Amplang", "Kerupuk ikan", "Aktif", "10", "2024-05-01", "0.010", "110.010", ""],
    ["A-02", "KIM Alfa", KODE_A, "Alfa Laut", "Satu", "Kuliner", "Ikan bakar", "", "Kurang Aktif", "5", "2023-01-15", "0.015", "110.015", "Sekretariat"],
    ["A-03", "KIM Alfa", KODE_A, "Alfa Laut", "Satu", "Pariwisata", "Kampung air", "", "Aktif", "7", "2025-02-03", "0.020", "110.020", ""],
    ["B-01", "KIM Beta", KODE_B, "Beta", "Satu", "Batik & Kerajinan", "Batik tulis", "", "Tidak Aktif", "20", "2020-03-01", "0.010", "110.040", ""],
    ["B-02", "KIM Beta", KODE_B, "Beta", "Satu", "Kuliner", "Kue", "", "Aktif", "3", "", "0.020", "110.050", ""],
]


@dataclass
class Wilayah:
    """Paths of one fixture region's files."""

    dir: Path
    kim: Path
    batas: Path
    referensi: Path
    wilayah: Path

    def tulis_kim(self, rows: list[list[str]], header: list[str] | None = None, nama: str = "kim.csv",
                  delimiter: str = ",", encoding: str = "utf-8", newline: str = "\n") -> Path:
        path = self.dir / nama
        with path.open("w", encoding=encoding, newline="") as f:
            writer = csv.writer(f, delimiter=delimiter, lineterminator=newline)
            writer.writerow(header or HEADER)
            writer.writerows(rows)
        return path


def buat_wilayah(dir: Path) -> Wilayah:
    dir.mkdir(parents=True, exist_ok=True)
    referensi = dir / "kelurahan.csv"
    with referensi.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kode", "kelurahan", "kecamatan", "kode_kecamatan", "luas_km2", "alias"])
        w.writerows(REFERENSI)
    wilayah = dir / "wilayah.json"
    wilayah.write_text(json.dumps({"nama": "Kota Uji", "slug": "uji", "kode": "99.01", "data_contoh": True}), encoding="utf-8")
    batas = dir / "boundaries.geojson"
    gdf = gpd.GeoDataFrame(
        {
            "kode": [r[0] for r in REFERENSI],
            "kelurahan": [r[1] for r in REFERENSI],
            "kecamatan": [r[2] for r in REFERENSI],
            "kode_kecamatan": [r[3] for r in REFERENSI],
            "luas_km2": [r[4] for r in REFERENSI],
            "sumber": ["Batas skematik uji"] * 3,
        },
        geometry=[box(*KOTAK[r[0]]) for r in REFERENSI],
        crs="EPSG:4326",
    )
    gdf.to_file(batas, driver="GeoJSON")
    w = Wilayah(dir, dir / "kim.csv", batas, referensi, wilayah)
    w.tulis_kim(BARIS_BAIK)
    return w


@pytest.fixture
def wilayah_uji(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Wilayah:
    """A fixture region, with the KIM_* variables pointing at it."""
    w = buat_wilayah(tmp_path / "data")
    monkeypatch.setenv("KIM_CSV", str(w.kim))
    monkeypatch.setenv("KIM_BOUNDARIES", str(w.batas))
    monkeypatch.setenv("KIM_REFERENSI", str(w.referensi))
    monkeypatch.setenv("KIM_WILAYAH", str(w.wilayah))
    return w


def jpeg_uji(lebar: int = 80, tinggi: int = 60, warna: str | tuple = "red") -> bytes:
    """A small real JPEG, as a phone camera would send (photo tests)."""
    import io

    from PIL import Image

    keluaran = io.BytesIO()
    Image.new("RGB", (lebar, tinggi), warna).save(keluaran, "JPEG")
    return keluaran.getvalue()


def tulis_log(w: Wilayah, *baris: str) -> Path:
    """The fixture region's activity log with these CSV rows (after the header)."""
    path = w.dir / "kegiatan.csv"
    path.write_text("id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\n" + "".join(b + "\n" for b in baris),
                    encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _tabel_tidak_disimpan(monkeypatch: pytest.MonkeyPatch):
    """Checked tables and logo verdicts are never stored in tests (geo.masuk.tembolok_tabel, issue #26).

    Many tests load a fixture region more than once and change how it is read or checked
    (a monkeypatched reader, a limit); a table cached by an earlier load would skip that. The tests
    of the cache itself call :func:`simpan_tabel_teruji` to store as a server does.
    """
    from geo.masuk import tembolok

    monkeypatch.setattr(tembolok, "DETIK_TENANG", float("inf"))


def simpan_tabel_teruji(monkeypatch: pytest.MonkeyPatch) -> None:
    """Store checked tables of files unchanged for a couple of seconds, as outside the tests."""
    from geo.masuk import tembolok

    monkeypatch.setattr(tembolok, "DETIK_TENANG", 2.0)


@pytest.fixture(autouse=True)
def _lupakan_login_gagal():
    """The login limiter is server-wide (one per process): tests must not inherit each other's failures."""
    from geo.simpan import gudang
    from geo.simpan.pembatas import PEMBATAS

    PEMBATAS.penyimpan.kosongkan()
    gudang._GAGAL_MEMORI.kosongkan()
    yield
    PEMBATAS.penyimpan.kosongkan()
    gudang._GAGAL_MEMORI.kosongkan()


# The real PostgreSQL/PostGIS server of the database tests (#12).
from tests.pg_uji import server_pg, url_pg  # noqa: F401

# --- the fast loop -------------------------------------------------------------
# Besides the tests marked by hand (browser, subprocess, database), tests that were
# measured at half a second or more are kept out of the fast loop: the list is
# written by `python benchmarks/uji_lambat.py` from a `--durations=0` run, so the
# fast loop stays under a minute as the suite grows (docs/uji.md).
_TERUKUR = Path(__file__).with_name("lambat_terukur.txt")


_PERAMBAN: dict[str, bool] = {}


def _pakai_peramban(item) -> bool:
    """Whether the test's module drives Chromium through Playwright (imported at the top or inside a test)."""
    berkas = str(getattr(getattr(item, "module", None), "__file__", "") or "")
    if berkas and berkas not in _PERAMBAN:
        _PERAMBAN[berkas] = "playwright" in Path(berkas).read_text(encoding="utf-8", errors="replace")
    return _PERAMBAN.get(berkas, False)


def pytest_collection_modifyitems(config, items) -> None:
    try:
        lambat = {b.strip() for b in _TERUKUR.read_text(encoding="utf-8").splitlines() if b.strip() and not b.startswith("#")}
    except FileNotFoundError:
        lambat = set()
    for item in items:
        if item.nodeid in lambat:
            item.add_marker(pytest.mark.lambat)
        # A real browser against real server processes on a loaded two-core runner: a press can
        # land in a rerun the page is still drawing. One more try, reported as RERUN (-raR in pyproject.toml); a
        # defect fails both tries.
        if _pakai_peramban(item):
            item.add_marker(pytest.mark.flaky(reruns=1, reruns_delay=2))


def jangan_buka(monkeypatch, *nama: str) -> list[str]:
    """Fail any open of a file called one of ``nama``; returns the list the attempts are noted in."""
    dicoba: list[str] = []
    asli = builtins.open

    def buka(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(file).name in nama:
            dicoba.append(str(file))
            raise AssertionError(f"{file} dibuka")
        return asli(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", buka)
    monkeypatch.setattr(io, "open", buka)
    return dicoba
