"""What keeps the page and the commands cheap: lazy imports, numpy breaks, the bincount
aggregate shared by charts, the download panel closed, the synthetic region generator."""

from __future__ import annotations

import subprocess
import sys
import warnings

import mapclassify
import numpy as np
import pytest

from geo.masuk.dataset import muat_dataset
from geo.tampilan import kelas
from geo.tampilan.grafik import spek_kategori, spek_status
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.conftest import BARIS_BAIK
from tests.server_uji import PROYEK

BERAT = ("matplotlib", "scipy", "mapclassify", "sklearn")


@pytest.mark.lambat
@pytest.mark.parametrize("perintah", [["validate"], ["summary", "--format", "json"]])
def test_perintah_ringan_tanpa_impor_berat(wilayah_uji, perintah):
    kode = ("import runpy, sys; sys.argv = ['geo', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('geo', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {BERAT!r}))")
    hasil = subprocess.run([sys.executable, "-c", kode, *perintah], cwd=PROYEK, capture_output=True, text=True, timeout=300, check=False)
    assert hasil.stdout.strip().splitlines()[-1] == "[]", hasil.stdout[-2000:] + hasil.stderr[-2000:]


def test_kuantil_dan_interval_sama_seperti_mapclassify():
    rng = np.random.default_rng(7)
    diuji = 0
    for i in range(400):
        n = int(rng.integers(3, 80))
        y = [rng.integers(0, 12, n).astype(float), rng.random(n) * 100, np.round(rng.random(n) * 50, 1)][i % 3]
        k = min(int(rng.integers(3, 8)), len(np.unique(y)))
        if k < 2:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            harapan_q = np.unique(mapclassify.Quantiles(y, k=k).bins)
            harapan_e = np.unique(mapclassify.EqualInterval(y, k=k).bins)
        assert np.array_equal(np.unique(kelas._kuantil(y, k)), harapan_q)
        assert np.allclose(np.unique(kelas._interval_sama(y, k)), harapan_e)
        diuji += 1
    assert diuji > 300


def test_grafik_dari_agregat(wilayah_uji):
    tp = tampilkan(muat_dataset(), Filter(status=("Aktif",)))
    nilai = spek_kategori(tp, "id")["data"]["values"]
    aktif = [b for b in BARIS_BAIK if b[8] == "Aktif"]
    assert len(nilai) == len(tp.dataset.wilayah.kategori_potensi)
    assert {v["kategori"]: v["jumlah"] for v in nilai if v["jumlah"]} == {
        k: sum(1 for b in aktif if b[5] == k) for k in {b[5] for b in aktif}}
    status = spek_status(tp, "id")["data"]["values"]
    assert len(status) == 2 * 3  # two kecamatan × three statuses
    assert sum(v["jumlah"] for v in status if v["status"] == "Aktif") == len(aktif)
    assert sum(v["jumlah"] for v in status if v["status"] != "Aktif") == 0


def test_wilayah_sintetis_sah(tmp_path):
    sys.path.insert(0, str(PROYEK / "benchmarks"))
    from wilayah_sintetis import buat_wilayah

    p = buat_wilayah(30, tmp_path, seed=3)
    ds = muat_dataset(p.kim, p.batas, p.referensi, p.wilayah)
    assert ds.ok, ds.laporan.teks()
    assert len(ds.batas) == 30 and len(ds.potensi) == 90
    assert ds.batas["kode"].str.fullmatch(r"\d{2}\.\d{2}\.\d{2}\.\d{4}").all() and ds.batas["kode"].is_unique
    assert ds.batas.is_valid.all()
    # A coverage: no overlaps between neighbours.
    batas = ds.batas.to_crs(32650)
    assert batas.area.sum() == pytest.approx(batas.union_all().area, rel=1e-4)


@pytest.mark.lambat
def test_halaman_tanpa_impor_ekspor_berat(wilayah_uji):
    kode = ("import sys\nfrom streamlit.testing.v1 import AppTest\n"
            f"at = AppTest.from_file({str(PROYEK / 'dashboard.py')!r}, default_timeout=300)\nat.run()\n"
            "assert not at.exception, at.exception\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {(*BERAT, 'openpyxl', 'altair')!r}))")
    hasil = subprocess.run([sys.executable, "-c", kode], cwd=PROYEK, capture_output=True, text=True, timeout=300, check=False)
    assert hasil.stdout.strip().splitlines()[-1] == "[]", hasil.stdout[-2000:] + hasil.stderr[-2000:]
