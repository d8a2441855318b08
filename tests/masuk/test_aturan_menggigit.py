"""Rules that a mutation check could remove unnoticed: each test here fails if its rule goes.

Every loop over results is preceded by a count, so an empty result cannot pass.
"""

from __future__ import annotations

import copy
import datetime as dt

import geopandas as gpd
import pandas as pd
import pytest

from geo.format_id import angka, persen
from geo.masuk.dataset import muat_dataset
from geo.masuk.validasi import KOLOM_WAJIB_ISI, TOLERANSI_PANTAI_M
from geo.tampilan.keadaan import dari_param
from geo.tampilan.kelas import JUMLAH_KELAS_MAX, hitung_kelas
from geo.tampilan.saring import Filter, terapkan
from tests.conftest import BARIS_BAIK, HEADER


def _muat(w):
    return muat_dataset(w.kim, w.batas, w.referensi, w.wilayah)


def _baris():
    return copy.deepcopy(BARIS_BAIK)


def _galat(laporan, kolom, tingkat="galat"):
    return [m for m in laporan.masalah if m.kolom == kolom and m.tingkat == tingkat]


# --- validation rules ---------------------------------------------------------------

@pytest.mark.parametrize("kolom", KOLOM_WAJIB_ISI)
def test_every_required_cell_is_checked(wilayah_uji, kolom):
    rows = _baris()
    rows[1][HEADER.index(kolom)] = ""
    d = _muat(wilayah_uji)  # baseline is valid
    assert d.ok
    wilayah_uji.tulis_kim(rows)
    d = _muat(wilayah_uji)
    masalah = _galat(d.laporan, kolom)
    assert len(masalah) == 1
    assert masalah[0].baris == 3 and "wajib diisi" in masalah[0].pesan
    assert not d.ok


def test_required_cells_cover_the_identity_columns():
    assert {"id_potensi", "nama_kim", "nama_potensi", "kategori_potensi", "status_aktivitas"} <= set(KOLOM_WAJIB_ISI)


def test_nama_kim_is_a_required_column(wilayah_uji):
    i = HEADER.index("nama_kim")
    header = HEADER[:i] + HEADER[i + 1:]
    wilayah_uji.tulis_kim([r[:i] + r[i + 1:] for r in _baris()], header=header)
    d = _muat(wilayah_uji)
    masalah = [m for m in d.laporan.galat if m.kolom == "nama_kim"]
    assert len(masalah) == 1 and "Kolom wajib tidak ada" in masalah[0].pesan and not d.ok


def test_future_date_is_a_warning(wilayah_uji):
    rows = _baris()
    rows[0][HEADER.index("kegiatan_terakhir")] = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    rows[1][HEADER.index("kegiatan_terakhir")] = dt.date.today().isoformat()
    wilayah_uji.tulis_kim(rows)
    d = _muat(wilayah_uji)
    masalah = _galat(d.laporan, "kegiatan_terakhir", "peringatan")
    assert len(masalah) == 1 and masalah[0].baris == 2 and "masa depan" in masalah[0].pesan
    assert d.ok


@pytest.mark.parametrize(("meter", "tingkat"), [(TOLERANSI_PANTAI_M * 0.4, "peringatan"), (TOLERANSI_PANTAI_M * 3, "galat")])
def test_coastal_tolerance(wilayah_uji, meter, tingkat):
    # Alfa Laut's southern edge is the equator; go south by `meter` (1° ≈ 110.57 km here).
    rows = _baris()
    rows[0][HEADER.index("lintang")] = f"{-meter / 110_574:.7f}"
    wilayah_uji.tulis_kim(rows)
    d = _muat(wilayah_uji)
    masalah = [m for m in d.laporan.masalah if m.baris == 2 and m.kolom == "lintang"]
    assert len(masalah) == 1
    assert masalah[0].tingkat == tingkat


def test_coastal_tolerance_is_a_few_hundred_metres():
    assert 100 <= TOLERANSI_PANTAI_M <= 500


@pytest.mark.parametrize(("ejaan", "sah"), [("satu", True), (" SATU ", True), ("Sa-tu", True), ("Dua", False)])
def test_kecamatan_name_normalisation(wilayah_uji, ejaan, sah):
    rows = _baris()
    rows[0][HEADER.index("kecamatan")] = ejaan
    wilayah_uji.tulis_kim(rows)
    d = _muat(wilayah_uji)
    assert len(_galat(d.laporan, "kecamatan")) == (0 if sah else 1)
    if sah:
        assert d.potensi.loc[0, "kecamatan"] == "Satu"


def test_unknown_name_never_prints_nan(wilayah_uji):
    rows = _baris()
    rows[0][HEADER.index("kode_kelurahan")] = "99.99.99.9999"
    rows[0][HEADER.index("kelurahan")] = "Nowhere"
    wilayah_uji.tulis_kim(rows)
    d = _muat(wilayah_uji)
    assert len(d.laporan.masalah) >= 1
    for m in d.laporan.masalah:
        assert "nan" not in m.pesan.lower().split() and "nan." not in m.pesan


# --- view rules ---------------------------------------------------------------------

def test_search_joins_fields_with_a_separator():
    potensi = pd.DataFrame({"nama_kim": ["KIM Alfa"], "nama_potensi": ["Amplang"], "kategori_potensi": ["Kuliner"],
                            "status_aktivitas": ["Aktif"], "kecamatan": ["Satu"]})
    assert len(terapkan(potensi, Filter(cari="alfa"))) == 1
    assert len(terapkan(potensi, Filter(cari="amplang"))) == 1
    assert len(terapkan(potensi, Filter(cari="alfaamplang"))) == 0  # no match across the join
    assert len(terapkan(potensi, Filter(cari="KIM AlfaAmplang"))) == 0


def test_two_class_palette_keeps_the_ends():
    kelas = hitung_kelas([1, 1, 5, 5], "quantiles", 5)
    tiga = hitung_kelas([1, 3, 5], "quantiles", 3)
    assert len(kelas.warna) == 2 and len(tiga.warna) == 3
    assert kelas.warna[0] == tiga.warna[0] and kelas.warna[1] == tiga.warna[-1]
    assert kelas.warna[0] != kelas.warna[1]


@pytest.mark.parametrize(("nilai", "teks"), [(250, "250"), (1250, "1.250"), (1234567, "1.234.567"), (1234.5, "1.234,5"), (0, "0")])
def test_thousands_separator(nilai, teks):
    assert angka(nilai) == teks


def test_english_thousands_and_percent():
    assert angka(1250, bahasa="en") == "1,250" and angka(250, bahasa="en") == "250"
    assert persen(12.5) == "12,5%" or persen(12.5).startswith("12,5")


# --- URL rules ----------------------------------------------------------------------

def test_url_kelas_7_is_accepted_8_is_not(wilayah_uji):
    d = _muat(wilayah_uji)
    assert JUMLAH_KELAS_MAX == 7
    k = dari_param({"kelas": ["7"]}, d)
    assert k.kelas == 7 and k.catatan == ()
    k = dari_param({"kelas": ["8"]}, d)
    assert k.kelas != 8 and len(k.catatan) == 1
    k = dari_param({"kelas": ["2"]}, d)
    assert k.kelas != 2 and len(k.catatan) == 1


def test_repeated_single_value_parameter_uses_the_first(wilayah_uji):
    d = _muat(wilayah_uji)
    k = dari_param({"metrik": ["persen_aktif", "jumlah_anggota"], "kelas": ["4", "6"]}, d)
    assert k.metrik == "persen_aktif" and k.kelas == 4


def test_cari_is_cut_to_100_characters(wilayah_uji):
    d = _muat(wilayah_uji)
    k = dari_param({"cari": ["a" * 500]}, d)
    assert len(k.filter.cari) == 100
    assert dari_param({"cari": ["amplang"]}, d).filter.cari == "amplang"


def test_fixture_boundaries_are_what_the_coastal_test_assumes(wilayah_uji):
    batas = gpd.read_file(wilayah_uji.batas)
    assert len(batas) == 3 and batas.total_bounds[1] == 0.0
