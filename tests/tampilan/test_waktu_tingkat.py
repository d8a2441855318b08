"""Above the kelurahan the time columns are computed per unit too (dormancy, the comparison), on the shipped data."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.cli.utama import main
from geo.masuk.dataset import muat_dataset
from geo.peta.buat import buat_peta
from geo.tampilan.angka import angka_utama, teks_cakupan
from geo.tampilan.banding import kolom_banding
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan

PADA, BANDING = dt.date(2024, 6, 30), dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def dataset():
    ds = muat_dataset()
    assert ds.ok and ds.kegiatan is not None, "the shipped data carries an activity log"
    return ds


@pytest.mark.parametrize("f", [Filter(), Filter(kategori=("Kuliner",))])
def test_banding_per_kecamatan_sama_dengan_jumlah_kelurahannya(dataset, f):
    kec = tampilkan(dataset, Keadaan(filter=f or Filter(), tingkat="kecamatan", pada=PADA, banding=BANDING)).ringkasan.set_index("kode")
    kel = tampilkan(dataset, Keadaan(filter=f or Filter(), tingkat="kelurahan", pada=PADA, banding=BANDING)).ringkasan
    jumlah = kel.groupby("kode_kecamatan")[kolom_banding(dataset)].sum()
    assert len(kec) == 3 and set(kec.index) == set(jumlah.index)
    for kolom in kolom_banding(dataset):
        assert (kec.loc[jumlah.index, kolom].astype(int) == jumlah[kolom].astype(int)).all(), kolom
    assert kec["perubahan_aktif"].sum() == (kec["jumlah_aktif_banding"] - kec["jumlah_aktif_pada"]).sum()


def test_dormansi_per_kab_kota_adalah_median_potensinya(dataset):
    v = tampilkan(dataset, Keadaan(tingkat="kabkota", pada=PADA))
    (median,) = v.ringkasan["bulan_tidak_aktif"].tolist()
    assert median == pytest.approx(float(v.potensi["bulan_tidak_aktif"].median()))
    # The map can colour any level by dormancy or by change (it raised KeyError before).
    for metrik, banding in (("bulan_tidak_aktif", None), ("perubahan_aktif", BANDING)):
        html = buat_peta(tampilkan(dataset, Keadaan(tingkat="kecamatan", pada=PADA, banding=banding)).dengan(metrik=metrik)).get_root().render()
        assert "kim-kelurahan" in html


def test_cakupan_menghitung_unit_tingkatnya(dataset):
    v = tampilkan(dataset, Keadaan(filter=Filter(kategori=("Kuliner",)), tingkat="kecamatan"))
    a = angka_utama(v)
    assert a.kelurahan == 3 and 1 <= a.kelurahan_berpotensi <= 3
    assert teks_cakupan(v) == f"{a.kelurahan_berpotensi} dari 3 kecamatan"
    assert teks_cakupan(tampilkan(dataset)) == "15 dari 15 kelurahan"


def test_cli_summary_banding_per_kecamatan(capsys):
    assert main(["summary", "--tingkat", "kecamatan", "--pada", "2024-06-30", "--banding", "2026-11-30"]) == 0
    keluar = capsys.readouterr()
    baris = keluar.out.strip().splitlines()
    assert baris[0].startswith("Keadaan pada 2024-06-30 dibandingkan dengan 2026-11-30")
    assert baris[1].split()[:2] == ["nama", "induk"] and len(baris) == 2 + 3 + 1
    assert baris[-1].split()[0] == "JUMLAH"
