"""The boundaries' disk cache: a hit gives exactly what a fresh load gives, and nothing about it can break a load."""

from __future__ import annotations

import threading
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from shapely.geometry import GeometryCollection, MultiPolygon, Point, Polygon, box

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.masuk import batas as modul_batas
from geo.masuk import tembolok
from geo.masuk.dataset import muat_dataset
from geo.tampilan import tingkat as modul_tingkat
from geo.tampilan.tingkat import siapkan_tingkat, unit_tingkat

TINGKAT_AGREGAT = ("provinsi", "kabkota", "kecamatan")


@pytest.fixture(scope="module")
def wilayah(tmp_path_factory: pytest.TempPathFactory):
    return buat_wilayah_besar(300, tmp_path_factory.mktemp("tembolok"), seed=11, n_kabkota=6, n_baris=300)


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder, used for every file size."""
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(tmp_path / "cache"))
    monkeypatch.setattr(tembolok, "AMBANG_BYTE", 0)
    return tmp_path / "cache"


def _muat(w, **path):
    ds = muat_dataset(path.get("kim", w.kim), path.get("batas", w.batas), w.referensi, w.wilayah)
    siapkan_tingkat(ds)
    for t in TINGKAT_AGREGAT:  # provinsi too, though one province opens on its kab/kota
        unit_tingkat(ds, t)
    return ds


def _tanpa_hitung(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, preparing boundaries or dissolving a level fails the test: only the cache may answer."""
    def gagal(*a, **k):
        raise AssertionError("dihitung ulang, padahal ada di tembolok")
    monkeypatch.setattr(modul_batas, "siapkan_batas", gagal)
    monkeypatch.setattr(modul_tingkat, "_larutkan", gagal)


def _sama(a, b) -> None:
    assert_geodataframe_equal(a.batas, b.batas, check_like=False)
    for t in TINGKAT_AGREGAT:
        assert_geodataframe_equal(unit_tingkat(a, t), unit_tingkat(b, t))
    assert a.laporan.teks() == b.laporan.teks()


def test_hit_sama_dengan_muat_segar(wilayah, folder, monkeypatch):
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, "off")
    segar = _muat(wilayah)
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(folder))
    pertama = _muat(wilayah)
    # The boundaries, their levels, and the points that passed (geo.masuk.tembolok_titik).
    assert len(list(folder.glob("*.arrow"))) == 1 + len(TINGKAT_AGREGAT) + 1
    assert len(list(folder.glob("titik-*.arrow"))) == 1
    _tanpa_hitung(monkeypatch)
    kedua = _muat(wilayah)
    _sama(segar, pertama)
    _sama(segar, kedua)
    assert kedua.ok


def _tulis_batas(w, dir: Path, ubah) -> Path:
    gdf = gpd.read_file(w.batas)
    gdf = ubah(gdf)
    path = dir / Path(w.batas).name
    gdf.to_file(path, driver="GeoJSON" if path.suffix == ".geojson" else None)
    return path


def test_peringatan_tetap_dilaporkan_saat_hit(wilayah, folder, tmp_path, monkeypatch):
    def asing(gdf):
        tambahan = gdf.iloc[[0]].assign(kode="77.01.01.2001", geometry=[box(0, 0, 0.01, 0.01)])
        return pd.concat([gdf, tambahan], ignore_index=True)

    path = _tulis_batas(wilayah, tmp_path, asing)
    pertama = _muat(wilayah, batas=path)
    pesan = [m for m in pertama.laporan.peringatan if m.nilai == "77.01.01.2001"]
    assert pesan and pesan[0].berkas == path.name
    _tanpa_hitung(monkeypatch)
    kedua = _muat(wilayah, batas=path)
    assert [m.as_dict() for m in kedua.laporan.peringatan] == [m.as_dict() for m in pertama.laporan.peringatan]


def test_berkas_berubah_tidak_pernah_memberi_geometri_lama(wilayah, folder, tmp_path):
    path = _tulis_batas(wilayah, tmp_path, lambda g: g)
    lama = _muat(wilayah, batas=path)
    geser = lambda g: g.assign(geometry=g.geometry.translate(0.5, 0))
    path = _tulis_batas(wilayah, tmp_path, geser)
    baru = _muat(wilayah, batas=path)
    assert baru.batas.total_bounds[0] == pytest.approx(lama.batas.total_bounds[0] + 0.5)
    for t in TINGKAT_AGREGAT:
        assert unit_tingkat(baru, t).total_bounds[0] == pytest.approx(unit_tingkat(lama, t).total_bounds[0] + 0.5)


def test_referensi_berubah_juga_kunci_baru(wilayah, folder, tmp_path):
    lama = _muat(wilayah)
    ref = pd.read_csv(wilayah.referensi, dtype=str, keep_default_na=False)
    ref.loc[0, "kelurahan"] = "Nama Baru Sekali"
    path_ref = tmp_path / "kelurahan.csv"
    ref.to_csv(path_ref, index=False)
    baru = muat_dataset(wilayah.kim, wilayah.batas, path_ref, wilayah.wilayah)
    kode = ref.loc[0, "kode"]
    assert baru.batas.set_index("kode").at[kode, "kelurahan"] == "Nama Baru Sekali"
    assert lama.batas.set_index("kode").at[kode, "kelurahan"] != "Nama Baru Sekali"


def test_berkas_berubah_saat_dimuat_tidak_disimpan(wilayah, folder, monkeypatch):
    asli = modul_batas.kunci_batas
    panggilan = []

    def kunci_berganti(*a, **k):
        panggilan.append(1)
        return asli(*a, **k) if len(panggilan) == 1 else "lain"
    monkeypatch.setattr("geo.masuk.dataset.kunci_batas", kunci_berganti)
    ds = _muat(wilayah)
    assert ds.ok and len(ds.batas) == wilayah.n_unit
    assert not list(folder.glob("*.arrow"))


@pytest.mark.parametrize("rusak", [b"", b"bukan arrow", None])
def test_tembolok_rusak_diabaikan(wilayah, folder, monkeypatch, rusak):
    segar = _muat(wilayah)
    for p in folder.glob("*.arrow"):
        p.write_bytes(rusak if rusak is not None else p.read_bytes()[: p.stat().st_size // 2])
    ulang = _muat(wilayah)
    _sama(segar, ulang)
    _tanpa_hitung(monkeypatch)  # the damaged entries were replaced by good ones
    _sama(segar, _muat(wilayah))


def test_tembolok_tak_bisa_ditulis_diabaikan(wilayah, tmp_path, monkeypatch):
    berkas = tmp_path / "bukan-folder"
    berkas.write_text("x")
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(berkas / "cache"))
    monkeypatch.setattr(tembolok, "AMBANG_BYTE", 0)
    ds = _muat(wilayah)
    assert ds.ok and len(unit_tingkat(ds, "provinsi"))


def test_berkas_kecil_tidak_menyentuh_disk(wilayah, tmp_path, monkeypatch):
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(tmp_path / "cache"))
    monkeypatch.setattr(tembolok, "AMBANG_BYTE", Path(wilayah.batas).stat().st_size + 1)
    _muat(wilayah)
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("nilai", ["0", "off", "OFF"])
def test_kim_cache_mematikan(monkeypatch, nilai):
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, nilai)
    assert tembolok.folder() is None
    assert tembolok.baca("apa-saja") is None
    assert tembolok.tulis("apa-saja", gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)], crs="EPSG:4326")) is False


def test_folder_bawaan_di_cache_pengguna(monkeypatch, tmp_path):
    monkeypatch.delenv(tembolok.ENV_TEMBOLOK, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tembolok.folder_bawaan("posix", "linux") == tmp_path / "peta-kim"
    if tembolok.os.name == "posix":
        assert tembolok.folder() == tmp_path / "peta-kim"
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "lokal"))
    assert tembolok.folder_bawaan("nt", "win32") == tmp_path / "lokal" / "peta-kim" / "cache"


_BERLUBANG = Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (2, 1), (2, 2), (1, 2)]])


@pytest.mark.parametrize("geometri", [
    [box(0, 0, 1, 1), _BERLUBANG],
    [box(0, 0, 1, 1), MultiPolygon([box(2, 2, 3, 3), _BERLUBANG]), _BERLUBANG],
    [box(0, 0, 1, 1), GeometryCollection([box(0, 0, 1, 1), Point(5, 5)])],
    [box(0, 0, 1, 1), None],
    [Polygon([(0, 0, 1), (1, 0, 1), (1, 1, 1)])],
])
def test_geometri_kembali_persis(folder, geometri):
    gdf = gpd.GeoDataFrame({"kode": [str(i) for i in range(len(geometri))], "luas": np.arange(len(geometri), dtype=float)},
                           geometry=geometri, crs="EPSG:4326")
    assert tembolok.tulis("uji", gdf, {"x": [1]})
    kembali, meta = tembolok.baca("uji")
    assert meta == {"x": [1]}
    assert_geodataframe_equal(kembali, gdf)
    assert list(shapely.get_type_id(kembali.geometry.array)) == list(shapely.get_type_id(gdf.geometry.array))
    assert shapely.equals_exact(kembali.geometry.to_numpy(), gdf.geometry.to_numpy(), tolerance=0).tolist() == \
        [g is not None for g in geometri]


def test_banyak_penulis_dan_pembaca_sekaligus(folder):
    gdf = gpd.GeoDataFrame({"kode": [str(i) for i in range(500)]},
                           geometry=[box(i, 0, i + 1, 1) for i in range(500)], crs="EPSG:4326")
    hasil, galat = [], []

    def kerja() -> None:
        try:
            for _ in range(5):
                tembolok.tulis("bersama", gdf)
                dibaca = tembolok.baca("bersama")
                if dibaca is not None:
                    hasil.append(dibaca[0])
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            galat.append(exc)

    utas = [threading.Thread(target=kerja) for _ in range(4)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert not galat and hasil
    for h in hasil:  # every read is a whole entry, never a half-written one
        assert_geodataframe_equal(h, gdf)
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temp files left


def test_entri_lama_dirapikan(folder, monkeypatch):
    monkeypatch.setattr(tembolok, "MAKS_ENTRI", 3)
    gdf = gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)], crs="EPSG:4326")
    for i in range(6):
        tembolok.tulis(f"e{i}", gdf)
    assert len(list(folder.glob("*.arrow"))) == 3


def test_entri_lama_dirapikan_menurut_ukuran(folder, monkeypatch):
    gdf = gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)], crs="EPSG:4326")
    tembolok.tulis("e0", gdf)
    monkeypatch.setattr(tembolok, "MAKS_BYTE", int((folder / "e0.arrow").stat().st_size * 2.5))
    for i in range(1, 5):
        tembolok.tulis(f"e{i}", gdf)
    assert sorted(p.name for p in folder.glob("*.arrow")) == ["e3.arrow", "e4.arrow"]


_SKRIP_MUAT = """
import hashlib, sys
from geo.masuk.dataset import muat_dataset
from geo.tampilan.tingkat import unit_tingkat
ds = muat_dataset(*sys.argv[1:5])
h = hashlib.sha256()
for gdf in (ds.batas, *(unit_tingkat(ds, t) for t in ("kecamatan", "kabkota", "provinsi"))):
    h.update(gdf.to_wkb(hex=True).astype(str).to_csv().encode())
print(ds.ok, h.hexdigest())
"""


@pytest.mark.lambat
def test_beberapa_proses_sekaligus(wilayah, tmp_path):
    """Processes starting together on an empty cache all load the same data, and leave whole entries."""
    import os
    import subprocess
    import sys

    env = {**os.environ, tembolok.ENV_TEMBOLOK: str(tmp_path / "cache"), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    argumen = [sys.executable, "-c", _SKRIP_MUAT, str(wilayah.kim), str(wilayah.batas), str(wilayah.referensi), str(wilayah.wilayah)]
    proses = [subprocess.Popen(argumen, env=env, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    hasil = {p.communicate(timeout=300)[0].strip() for p in proses}
    assert all(p.returncode == 0 for p in proses)
    env_mati = {**env, tembolok.ENV_TEMBOLOK: "off"}
    segar = subprocess.run(argumen, env=env_mati, stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    dari_tembolok = subprocess.run(argumen, env=env, stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    assert hasil == {segar} and dari_tembolok == segar and segar.startswith("True")
    assert len(list((tmp_path / "cache").glob("*.arrow"))) >= 2
