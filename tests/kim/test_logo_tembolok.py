"""A logo's verdict is kept in the disk cache under the file's identity (issue #26): Pillow only for a new file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.kim import logo
from geo.kim.logo import periksa_logo
from tests.conftest import jpeg_uji, simpan_tabel_teruji

PROYEK = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _simpan(monkeypatch):
    simpan_tabel_teruji(monkeypatch)


def _lama(path: Path) -> None:
    dulu = time.time() - 60
    os.utime(path, (dulu, dulu))


def test_putusan_disimpan_dan_diperiksa_lagi_bila_berubah(tmp_path, monkeypatch):
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "logo.jpg"
    path.write_bytes(jpeg_uji())
    _lama(path)
    assert periksa_logo(path) is None
    diperiksa: list[Path] = []
    asli = logo.logo_bersih
    monkeypatch.setattr(logo, "logo_bersih", lambda p, buat=True: diperiksa.append(p) or asli(p, buat=buat))
    assert periksa_logo(path) is None and diperiksa == []  # the stored verdict
    path.write_bytes(b"bukan gambar sama sekali")  # replaced: another size and time
    pesan = periksa_logo(path)
    assert diperiksa == [path] and pesan and "bukan gambar" in pesan
    # Just written: checked again on every load until it has been still for a while.
    assert periksa_logo(path) == pesan and diperiksa == [path, path]


@pytest.mark.lambat
def test_muat_kedua_tanpa_pillow(tmp_path):
    """A second load of the shipped data imports no Pillow: the logos' verdicts come from the cache."""
    data = tmp_path / "data"
    shutil.copytree(PROYEK / "data", data)
    for p in data.rglob("*"):
        _lama(p)
    skrip = ("import sys; from geo.masuk.dataset import muat_dataset; d = muat_dataset(); "
             "assert d.ok and d.profil is not None; print('PIL' in sys.modules)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIM_")}
    env.update({"KIM_CACHE": str(tmp_path / "cache"), "PYTHONPATH": str(PROYEK), "KIM_CSV": str(data / "kim.csv"),
                "KIM_BOUNDARIES": str(data / "boundaries.geojson"), "KIM_REFERENSI": str(data / "kelurahan.csv"),
                "KIM_WILAYAH": str(data / "wilayah.json")})
    hasil = [subprocess.run([sys.executable, "-c", skrip], cwd=PROYEK, env=env, capture_output=True, text=True, check=True).stdout.strip()
             for _ in range(2)]
    assert hasil == ["True", "False"]
