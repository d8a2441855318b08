"""Fitting a detailed plan to a new ceiling (every line kept, exact to the rupiah) and the coded proposal."""

from __future__ import annotations

import math
from fractions import Fraction

import pandas as pd
import pytest

from geo.anggaran.rencana import muat_rencana
from geo.anggaran.sesuaikan import sesuaikan_pagu
from geo.cli.utama import main
from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import daftar_cadangan
from tests.anggaran.rka_uji import BARIS, PAGU_RKA, atur_wilayah, tulis_referensi, tulis_rka
from tests.conftest import KODE_A

# The hand plan plus one line of koefisien 1 (a "1 Paket" line takes any rupiah).
PAKET = ["R-06", "", KODE_A, "Paket publikasi", "", "5.1.02.01.01.0026", "Paket publikasi", "", "1", "Paket", "", "", "", "",
         "100000", "", "100000", "", "DAU", "", "", ""]
TOTAL = PAGU_RKA + 100_000


@pytest.fixture
def rka_uji(wilayah_uji, monkeypatch):
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=TOTAL)
    tulis_referensi(wilayah_uji.dir)
    path = tulis_rka(wilayah_uji.dir / "anggaran.csv", [*BARIS, PAKET])
    monkeypatch.setenv("KIM_ANGGARAN", str(path))
    return path


@pytest.mark.parametrize("pagu", [15_000_000, 25_000_001, TOTAL - 1, 18_000_007])
def test_sesuaikan_tepat_pagu_semua_baris_tetap(rka_uji, pagu):
    lama = muat_rencana(muat_dataset()).tabel
    hasil = sesuaikan_pagu(lama, pagu)
    t = hasil.tabel
    assert t["id_baris"].tolist() == lama["id_baris"].tolist()
    assert t["volume"].tolist() == lama["volume"].astype(str).tolist() and t["volume_2"].tolist() == lama["volume_2"].astype(str).replace("0", "").tolist()
    assert sum(int(j) for j in t["jumlah"]) == pagu == hasil.total_baru
    f = Fraction(pagu, TOTAL)
    for baru, asli in zip(t["harga_satuan"].astype(int), lama["harga_satuan"]):
        assert math.floor(asli * f) <= baru <= math.floor(asli * f) + 20  # floor(harga × f), then the rupiah passes


def test_sisa_kecil_dengan_langkah_naik_turun(wilayah_uji):
    """Steps Rp 6 (2 OJ × 3 Kali) and Rp 5 (5 Orang × 1 Hari): Rp 1 left = +6 on one line, −5 on the other (rule step 3)."""
    tulis_referensi(wilayah_uji.dir)
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=0)
    r05 = list(BARIS[4])
    r05[8], r05[10], r05[16] = "5", "1", "750000"
    rencana = muat_rencana(muat_dataset(), tulis_rka(wilayah_uji.dir / "dua.csv", [BARIS[0], r05]))
    assert rencana.total == 6_150_000
    t = sesuaikan_pagu(rencana.tabel, 6_150_001).tabel
    assert t["harga_satuan"].tolist() == ["900001", "149999"] and t["jumlah"].tolist() == ["5400006", "749995"]


def test_sesuaikan_yang_tidak_bisa_tepat_ditolak_dengan_sisanya(rka_uji, wilayah_uji):
    baris = [BARIS[1]]  # one line: 300 × harga + 11 %: the smallest step is Rp 333
    rencana = muat_rencana(muat_dataset(), tulis_rka(wilayah_uji.dir / "satu.csv", baris))
    with pytest.raises(GalatData, match="tersisa Rp"):
        sesuaikan_pagu(rencana.tabel, 1_000_001)


def test_cli_sesuaikan_menulis_dengan_cadangan(rka_uji, wilayah_uji, capsys):
    assert main(["anggaran", "sesuaikan", "--pagu", "18000000"]) == 0
    assert "Rp 20.675.345 → Rp 18.000.000" in capsys.readouterr().out
    assert len(daftar_cadangan(rka_uji)) == 1
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=18_000_000)
    rencana = muat_rencana(muat_dataset())
    assert rencana.ok and rencana.total == 18_000_000 and len(rencana.tabel) == len(BARIS) + 1


def test_usul_rincian_berkode_dan_tepat_pagu(wilayah_uji, tmp_path, capsys):
    tulis_referensi(wilayah_uji.dir)
    menu = {"sumber_dana": "DAU", "rincian": [
        {"komponen": "Honor narasumber", "kode_standar": "SBU-1", "volume": [[2, "OJ"], [1, "Kali"]], "kelompok": "Pelatihan"},
        {"komponen": "Leaflet", "kode_standar": "SSH-1", "volume": [[10, "Lembar"], [2, "Kali"]], "ppn_persen": 11, "kelompok": "Publikasi"}],
        "penyeimbang": {"komponen": "Paket publikasi", "kode_rekening": "5.1.02.01.01.0026", "satuan": "Paket"}}
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=10_000_000, pembulatan_anggaran=10_000, usul_rincian=menu)
    path = tmp_path / "usul.csv"
    assert main(["anggaran", "usul", "--output", str(path), "--tanggal", "2025-08-03"]) == 0
    rencana = muat_rencana(muat_dataset(), path)
    assert rencana.ok, rencana.laporan.teks()
    t = rencana.tabel
    assert rencana.total == 10_000_000 and len(t) == 2 * 3
    leaflet = t[t["komponen"] == "Leaflet"].iloc[0]
    # SSH-1 is 2.600 including tax: 2.600 / 1,11 = 2.342,34 → 2.342; 20 × 2.342 = 46.840 + 5.152 (5.152,4) = 51.992.
    assert (leaflet["harga_satuan"], leaflet["koefisien"], leaflet["jumlah"]) == (2_342, 20, 51_992)
    assert set(t["kode_rekening"]) == {"5.1.02.02.01.0003", "5.1.02.01.01.0026"}
    assert (t.groupby("kode_kelurahan")["jumlah"].sum() % 10_000 == 0).all()
    assert pd.Series(t["kode_standar"] != "").sum() == 4
