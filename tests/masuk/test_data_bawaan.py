"""The shipped data: it validates cleanly and the summary agrees with kim.csv."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter, defaultdict

import pytest

from geo import config
from geo.masuk.dataset import muat_dataset

ENV_BERSIH = {k: "" for k in (config.ENV_KIM, config.ENV_BATAS, config.ENV_REFERENSI, config.ENV_WILAYAH)}


def _jalankan(*args: str, env_tambah: dict | None = None) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, **ENV_BERSIH, **(env_tambah or {})}
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, env=env,
                          cwd=config.PROJECT_DIR, timeout=180, check=False)


def test_data_bawaan_sah_tanpa_galat(monkeypatch):
    for k in ENV_BERSIH:
        monkeypatch.delenv(k, raising=False)
    d = muat_dataset()
    assert d.ok, d.laporan.teks()
    assert d.laporan.masalah == [], d.laporan.teks()
    assert d.skematik and d.data_contoh
    assert len(d.batas) == 15


@pytest.mark.lambat
def test_cli_validate_keluar_nol():
    hasil = _jalankan("validate")
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "SAH:" in hasil.stdout


@pytest.mark.lambat
def test_summary_json_cocok_dengan_kim_csv():
    hasil = _jalankan("summary", "--format", "json")
    assert hasil.returncode == 0, hasil.stderr
    ringkasan = {r["kode"]: r for r in json.loads(hasil.stdout)}
    assert len(ringkasan) == 15

    # Recount kim.csv independently of geo/, with the csv module only.
    with (config.DATA_DIR / "kim.csv").open(encoding="utf-8-sig", newline="") as f:
        baris = list(csv.DictReader(f))
    jumlah, aktif, anggota = Counter(), Counter(), Counter()
    kategori: dict[str, Counter] = defaultdict(Counter)
    terakhir: dict[str, str] = {}
    for b in baris:
        kode = b["kode_kelurahan"]
        jumlah[kode] += 1
        aktif[kode] += b["status_aktivitas"] == "Aktif"
        anggota[kode] += int(b["jumlah_anggota"])
        kategori[kode][b["kategori_potensi"]] += 1
        if b["kegiatan_terakhir"]:
            terakhir[kode] = max(terakhir.get(kode, ""), b["kegiatan_terakhir"])
    assert sum(r["jumlah_potensi"] for r in ringkasan.values()) == len(baris)
    for kode, r in ringkasan.items():
        assert r["jumlah_potensi"] == jumlah[kode], kode
        assert 2 <= r["jumlah_potensi"] <= 5
        assert r["jumlah_aktif"] == aktif[kode]
        assert r["jumlah_anggota"] == anggota[kode]
        assert r["persen_aktif"] == round(100 * aktif[kode] / jumlah[kode], 1)
        assert r["kegiatan_terakhir"] == terakhir.get(kode)
        assert kategori[kode][r["kategori_dominan"]] == max(kategori[kode].values())
        assert r["potensi_kuliner"] == kategori[kode]["Kuliner"]


@pytest.mark.lambat
def test_variabel_lingkungan_mengganti_path(tmp_path):
    kosong = tmp_path / "kim.csv"
    kosong.write_text("", encoding="utf-8")
    hasil = _jalankan("validate", env_tambah={config.ENV_KIM: str(kosong)})
    assert hasil.returncode == 1
    assert "kim.csv: Berkas kosong" in hasil.stdout
