"""One function for the headline figures: cards, detail, print legend, XLSX and `summary` agree."""

from __future__ import annotations

import copy
import io

import geopandas as gpd
import openpyxl
import pytest

from geo.cli.utama import main
from geo.ekspor.legenda_cetak import _total
from geo.ekspor.tabel import ke_xlsx
from geo.masuk.dataset import muat_dataset
from geo.tampilan.angka import angka_utama
from geo.tampilan.susun import tampilkan
from tests.conftest import BARIS_BAIK, HEADER, KODE_A, KODE_B
from ui.ringkasan import angka_kpi


@pytest.fixture
def tanpa_beta(wilayah_uji):
    """Boundaries without Beta: its 2 potentials are valid (a warning) but not on the map."""
    batas = gpd.read_file(wilayah_uji.batas)
    batas[batas["kode"] != KODE_B].to_file(wilayah_uji.batas, driver="GeoJSON")
    rows = copy.deepcopy(BARIS_BAIK)
    for r in rows[3:]:  # Beta's points, now inside the nearest polygon (a warning, not an error)
        r[HEADER.index("bujur")] = "110.025"
    wilayah_uji.tulis_kim(rows)
    d = muat_dataset()
    assert d.ok and len(d.potensi) == 5
    assert len([m for m in d.laporan.peringatan if "tidak ada di berkas batas" in m.pesan]) == 2
    return tampilkan(d)


def test_missing_kelurahan_counts_everywhere(tanpa_beta, capsys):
    a = angka_utama(tanpa_beta)
    assert (a.potensi, a.aktif, a.anggota, a.tanpa_batas) == (5, 3, 45, 2)
    assert angka_kpi(tanpa_beta)["potensi"] == 5
    assert _total(tanpa_beta).startswith("Ditampilkan: 5 potensi, 2 KIM")
    wb = openpyxl.load_workbook(io.BytesIO(ke_xlsx(tanpa_beta, "uji")))
    potensi = list(wb["Potensi"].iter_rows(min_row=2, values_only=True))
    ringkasan = wb["Ringkasan kelurahan"]
    judul = [c.value for c in ringkasan[1]]
    kolom = judul.index("Jumlah potensi")
    jumlah = [r[kolom] for r in ringkasan.iter_rows(min_row=2, values_only=True)]
    assert len(potensi) == 5 and len(jumlah) == 3  # Alfa Laut, Gama Raya, and the "not on the map" row
    assert sum(jumlah) == 5
    info = {r[0]: r[1] for r in wb["Info"].iter_rows(values_only=True)}
    assert info["Jumlah potensi"] == 5 and info["Jumlah KIM"] == 2
    assert main(["summary", "--format", "csv"]) == 0
    assert "5 potensi" in capsys.readouterr().err


def test_same_kim_name_in_two_kelurahan_is_two_kim(wilayah_uji):
    rows = copy.deepcopy(BARIS_BAIK)
    for r in rows:
        r[HEADER.index("nama_kim")] = "KIM Bersama"
    wilayah_uji.tulis_kim(rows)
    t = tampilkan(muat_dataset())
    assert angka_utama(t).kim == 2
    assert angka_kpi(t)["kim"] == 2
    assert ", 2 KIM" in _total(t)
    wb = openpyxl.load_workbook(io.BytesIO(ke_xlsx(t, "uji")))
    assert {r[0]: r[1] for r in wb["Info"].iter_rows(values_only=True)}["Jumlah KIM"] == 2


def test_detail_figures_for_one_kelurahan(wilayah_uji):
    t = tampilkan(muat_dataset())
    a = angka_utama(t, KODE_A)
    assert (a.potensi, a.aktif, a.anggota, a.kim) == (3, 2, 22, 1)
    assert a.persen_aktif == pytest.approx(66.7)
