"""Name and code matching, and the Excel-style number and date parsers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from geo.masuk.referensi import buat_referensi, muat_referensi, normalisasi_kode, normalisasi_nama
from geo.masuk.urai import urai_bulat, urai_desimal, urai_tanggal


@pytest.fixture
def ref():
    return buat_referensi(pd.DataFrame({
        "kode": ["11.22.33.4444", "11.22.33.5555", "11.22.33.6666", "11.22.33.7777"],
        "kelurahan": ["Api-api", "Lok Tuan", "Gunung Telihan", "Berbas Tengah"],
        "kecamatan": ["Utara", "Utara", "Barat", "Selatan"],
        "kode_kecamatan": ["11.22.33"] * 4,
        "luas_km2": [1, 2, 3, 4],
        "alias": ["Api Api", "Loktuan", "Telihan", "Berebas Tengah"],
    }))


@pytest.mark.parametrize(
    ("ejaan", "kode"),
    [
        ("Api-api", "11.22.33.4444"), ("Api-Api", "11.22.33.4444"), ("Api Api", "11.22.33.4444"),
        ("API-API", "11.22.33.4444"), ("Kel. Api-api", "11.22.33.4444"), ("KEL-API API", "11.22.33.4444"),
        ("Lok Tuan", "11.22.33.5555"), ("Loktuan", "11.22.33.5555"), ("LOK TUAN", "11.22.33.5555"),
        ("Kelurahan Loktuan", "11.22.33.5555"), ("Gunung Telihan", "11.22.33.6666"), ("Telihan", "11.22.33.6666"),
        ("Berebas Tengah", "11.22.33.7777"), ("berbas  tengah", "11.22.33.7777"),
    ],
)
def test_ejaan_dikenal(ref, ejaan, kode):
    assert ref.cari_nama(ejaan) == kode


def test_nama_tidak_dikenal_dan_saran(ref):
    assert ref.cari_nama("Gunung Elai") is None
    assert ref.saran_nama("Lok Tuwan") == "Lok Tuan"
    assert ref.saran_nama("zzzz") is None


def test_normalisasi():
    assert normalisasi_nama("  Kel. Bontang-Kuala ") == "bontangkuala"
    assert normalisasi_nama(None) == ""
    assert normalisasi_kode("6474011006") == "64.74.01.1006"
    assert normalisasi_kode(" 64.74.01.1006 ") == "64.74.01.1006"
    assert normalisasi_kode("abc") == "abc"


def test_referensi_bawaan_lengkap():
    ref = muat_referensi()
    assert len(ref.kode) == 15
    assert ref.cari_nama("Berebas Pantai") == ref.cari_nama("Berbas Pantai") is not None
    assert len(ref.kecamatan()) == 3


@pytest.mark.parametrize(("teks", "nilai"), [("0,1331", 0.1331), ("117.4915", 117.4915), (" -0,5 ", -0.5)])
def test_desimal(teks, nilai):
    assert urai_desimal(teks) == pytest.approx(nilai)


@pytest.mark.parametrize("teks", ["1,2,3", "abc", "nan", "inf", "1.234,5"])
def test_desimal_ditolak(teks):
    with pytest.raises(ValueError):
        urai_desimal(teks)


@pytest.mark.parametrize(("teks", "nilai"), [("25", 25), ("25,0", 25), ("1.250", 1250), ("0", 0)])
def test_bulat(teks, nilai):
    assert urai_bulat(teks) == nilai


@pytest.mark.parametrize(
    ("teks", "tanggal"),
    [("13/07/2022", dt.date(2022, 7, 13)), ("2022-07-13", dt.date(2022, 7, 13)), ("1/2/2023", dt.date(2023, 2, 1)),
     ("13-07-2022", dt.date(2022, 7, 13)), ("13.07.2022", dt.date(2022, 7, 13)), ("2022-07-13 00:00:00", dt.date(2022, 7, 13))],
)
def test_tanggal(teks, tanggal):
    assert urai_tanggal(teks) == tanggal


@pytest.mark.parametrize("teks", ["29/02/2023", "07/13/2022", "2022-02-30", "13 Juli 2022", "44000"])
def test_tanggal_ditolak(teks):
    with pytest.raises(ValueError):
        urai_tanggal(teks)


@pytest.mark.parametrize(
    ("teks", "tanggal"),
    [("13/07/22", dt.date(2022, 7, 13)), ("13/07/2022 14:30", dt.date(2022, 7, 13)), ("2022-07-13T08:00:00", dt.date(2022, 7, 13))],
)
def test_tanggal_excel_pendek_dan_berjam(teks, tanggal):
    assert urai_tanggal(teks) == tanggal


@pytest.mark.parametrize("teks", ["1e3", "2,5", "12 orang", "-"])
def test_bulat_ditolak(teks):
    with pytest.raises(ValueError):
        urai_bulat(teks)


def test_normalisasi_seri_sama_dengan_per_nilai():
    """The column-wise forms must give exactly what the per-value ones give, Unicode spaces included."""
    import numpy as np
    import pandas as pd

    from geo.masuk.nama import kunci_seri  # the column-wise name key the loaders use
    from geo.masuk.referensi import normalisasi_kode, normalisasi_kode_seri, normalisasi_nama

    nilai = pd.Series(["64.74.01.1001", "6474011001", " 64 74 01\u00a01001", None, np.nan, "abc", "64.74.011001",
                       "Kel. Api-Api", "KELURAHAN\u2003Loktuan", "desa x", "Ds.Sumber", "dsa", "", "Désa", "Kelurahanx"], dtype=object)
    kode, nama = normalisasi_kode_seri(nilai), kunci_seri(nilai.fillna(""))
    assert len(kode) == len(nilai) == len(nama)
    assert list(kode) == [normalisasi_kode(v) for v in nilai]
    assert list(nama) == [normalisasi_nama(v) for v in nilai]
    assert kode.iloc[2] == "64.74.01.1001" and nama.iloc[7] == "apiapi"
