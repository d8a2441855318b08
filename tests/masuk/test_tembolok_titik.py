"""The cache of passed point checks: a warm load reports exactly what a fresh one does.

The broken province of :mod:`tests.masuk.wilayah_rusak` (points outside
the region, in another unit, off the coast) is loaded with the boundary
cache on, so its point checks are cached; every later load, whatever
happened to the cache or the file, must give the pinned report.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import numpy as np
import pytest

from geo.masuk import tembolok, tembolok_titik, validasi_titik
from geo.masuk.dataset import muat_dataset
from tests.masuk import wilayah_rusak
from tests.masuk.test_setara_skala import LAPORAN

DI_UNIT_LAIN = "Titik berada di Kelurahan"


@pytest.fixture()
def berkas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """The broken province, with the boundary (and so the point) cache on for its small files."""
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(tmp_path / "cache"))
    monkeypatch.setattr(tembolok, "AMBANG_BYTE", 0)
    return wilayah_rusak.tulis(tmp_path / "rusak")


@pytest.fixture()
def diuji(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many points each load tested against their own polygon."""
    jumlah: list[int] = []
    asli = validasi_titik._di_poligon_sendiri

    def hitung(batas, pos, x, y):
        jumlah.append(len(pos))
        return asli(batas, pos, x, y)

    monkeypatch.setattr(validasi_titik, "_di_poligon_sendiri", hitung)
    return jumlah


def _muat(b: dict[str, Path]):
    return muat_dataset(b["kim"], b["batas"], b["referensi"], b["wilayah"])


def _laporan(ds) -> list[tuple]:
    return [(m.baris, m.kolom, m.nilai, m.tingkat, m.pesan) for m in ds.laporan.masalah]


def _entri(b: dict[str, Path]) -> list[Path]:
    return sorted((b["kim"].parent.parent / "cache").glob("titik-*.arrow"))


def test_muat_hangat_sama_dengan_dingin_dan_hanya_menguji_yang_gagal(berkas, diuji):
    dingin = _muat(berkas)
    assert _laporan(dingin) == LAPORAN
    assert len(_entri(berkas)) == 1
    hangat = _muat(berkas)
    assert _laporan(hangat) == LAPORAN
    assert hangat.potensi.drop(columns="geometry").equals(dingin.potensi.drop(columns="geometry"))
    # Only passes are kept: the second load tests just the points that failed their own unit.
    gagal = sum(1 for m in LAPORAN if m[1] == "lintang" and m[4].startswith(("Titik berada", DI_UNIT_LAIN)))
    assert diuji[0] > diuji[1] >= 1
    assert diuji[1] <= gagal


def _ubah_koordinat(path: Path, id_potensi: str, lintang: str, bujur: str) -> int:
    """Move one row's point; returns its Excel row."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    for n, r in enumerate(rows):
        if r[0] == id_potensi:
            r[rows[0].index("lintang")], r[rows[0].index("bujur")] = lintang, bujur
            baris = n + 1
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return baris


def test_koordinat_diubah_diuji_lagi_dan_dilaporkan(berkas, diuji):
    _muat(berkas)
    _muat(berkas)
    sebelum = diuji[-1]
    # R-000 lies in the first unit (Sukamaju); move it into the next square east (Mekarsari).
    baris = _ubah_koordinat(berkas["kim"], "R-000", "0.00400", "120.01600")
    ds = _muat(berkas)
    assert diuji[-1] == sebelum + 1  # only the edited row is tested again
    baru = [m for m in _laporan(ds) if m not in LAPORAN]
    assert baru == [(baris, "lintang", "0.00400", "peringatan",
                     "Titik berada di Kelurahan Mekarsari, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.")]
    # Moved back: it passes again, from the cache grown by the earlier load.
    _ubah_koordinat(berkas["kim"], "R-000", "0.00400", "120.00600")
    assert _laporan(_muat(berkas)) == LAPORAN


@pytest.mark.parametrize("rusak", ["sampah", "terpotong", "kosong"])
def test_tembolok_rusak_diabaikan(berkas, diuji, rusak):
    _muat(berkas)
    entri = _entri(berkas)[0]
    isi = entri.read_bytes()
    entri.write_bytes({"sampah": b"bukan arrow" * 50, "terpotong": isi[: len(isi) // 2], "kosong": b""}[rusak])
    assert _laporan(_muat(berkas)) == LAPORAN
    assert diuji[-1] == diuji[0]  # everything tested again


def test_tembolok_tak_bisa_ditulis_diabaikan(berkas, diuji, monkeypatch, tmp_path):
    bukan_folder = tmp_path / "berkas-biasa"
    bukan_folder.write_text("x")
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(bukan_folder))
    assert _laporan(_muat(berkas)) == LAPORAN
    assert _laporan(_muat(berkas)) == LAPORAN
    assert diuji[0] == diuji[1]


def test_tembolok_mati(berkas, diuji, monkeypatch):
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, "off")
    assert _laporan(_muat(berkas)) == LAPORAN
    assert not _entri(berkas)


def test_batas_lain_entri_lain(berkas, tmp_path):
    ds = _muat(berkas)
    nama = tembolok_titik.nama_entri(ds.batas)
    assert nama and nama.startswith("titik-")
    # A subset keeps the key in attrs but not the positions: another entry.
    assert tembolok_titik.nama_entri(ds.batas.iloc[1:]) not in (None, nama)
    # A changed boundary file is a new boundary key, hence a new entry.
    lain = dict(berkas, batas=tmp_path / "lain.geojson")
    teks = berkas["batas"].read_text(encoding="utf-8")
    lain["batas"].write_text(teks.replace("uji skematik", "uji skematik 2"), encoding="utf-8")
    assert tembolok_titik.nama_entri(_muat(lain).batas) not in (None, nama)
    # A table that never came through the cache has no entry.
    assert tembolok_titik.nama_entri(_tanpa_kunci(ds.batas)) is None


def _tanpa_kunci(gdf):
    gdf = gdf.copy()
    gdf.attrs.clear()
    return gdf


def test_hit_perlu_tripel_yang_persis(tmp_path, monkeypatch):
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(tmp_path))
    pos = np.array([0, 1, 2])
    x, y = np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])
    lulus = tembolok_titik.Lulus("titik-uji")
    h, kena = lulus.cari(pos, x, y)
    assert not kena.any()
    lulus.simpan(h, pos, x, y, np.array([True, True, False]), np.array([True, True, False]))
    lagi = tembolok_titik.Lulus("titik-uji")
    assert lagi.cari(pos, x, y)[1].tolist() == [True, True, False]
    # Same row with a different last bit of a coordinate, or another unit: a miss, tested again.
    assert lagi.cari(pos, np.nextafter(x, 9), y)[1].tolist() == [False, False, False]
    assert lagi.cari(pos + 1, x, y)[1].tolist() == [False, False, False]
    # A stored hash whose triple differs (a collision, or a tampered entry) is not a hit.
    palsu = {"h": h[:1], "pos": np.array([0], dtype=np.int32), "x": np.array([1.5]), "y": np.array([4.0])}
    assert tembolok.tulis_larik("titik-palsu", palsu)
    assert not tembolok_titik.Lulus("titik-palsu").cari(pos[:1], x[:1], y[:1])[1].any()


def test_entri_dibatasi(tmp_path, monkeypatch):
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(tmp_path))
    monkeypatch.setattr(tembolok_titik, "MAKS_TITIK", 5)
    semua = np.ones(4, dtype=bool)
    for geser in (0.0, 10.0):
        pos, x, y = np.arange(4), np.arange(4) + geser, np.zeros(4)
        lulus = tembolok_titik.Lulus("titik-batas")
        h, _ = lulus.cari(pos, x, y)
        lulus.simpan(h, pos, x, y, semua, semua)
    simpanan = tembolok_titik.Lulus("titik-batas").simpanan
    assert simpanan is not None and sorted(simpanan["x"].tolist()) == [10.0, 11.0, 12.0, 13.0]  # only the latest load


def test_folder_dihapus_di_tengah(berkas, diuji):
    _muat(berkas)
    shutil.rmtree(berkas["kim"].parent.parent / "cache")
    assert _laporan(_muat(berkas)) == LAPORAN
