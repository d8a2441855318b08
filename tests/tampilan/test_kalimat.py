"""Sentences and chart titles say what their figures say (#22), in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.masuk.dataset import muat_dataset
from geo.tampilan.grafik import judul_status, spek_garis_waktu, spek_status
from geo.tampilan.kalimat import kalimat_banding
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.rincian import total_banding
from geo.tampilan.susun import tampilkan
from tests.conftest import KODE_A
from tests.tampilan.test_waktu import wilayah_log  # noqa: F401  (fixture)


def test_kalimat_banding_kurang_aktif_bukan_tidak_aktif(wilayah_log):  # noqa: F811
    # 30 Jun 2019: A-01 (1 May) and A-02 (10 Jun) Aktif. 15 Sep 2019: both Kurang Aktif, none Tidak Aktif.
    ds = muat_dataset()
    v = tampilkan(ds, Keadaan(pada=dt.date(2019, 6, 30), banding=dt.date(2019, 9, 15)))
    r = v.ringkasan
    assert int(r["status_kurang_aktif_banding"].sum()) == 2 and int(r["status_tidak_aktif_banding"].sum()) == 3
    assert int(r["jumlah_padam"].sum()) == 2
    id_ = kalimat_banding(total_banding(v), ds.wilayah, v.pada, v.banding, "id")
    assert "**2** pada 30 Juni 2019 → **0** pada 15 September 2019 (-2)" in id_
    assert "**2** tidak lagi Aktif" in id_ and "menjadi tidak aktif" not in id_
    en = kalimat_banding(total_banding(v), ds.wilayah, v.pada, v.banding, "en")
    assert "**2** on 30 June 2019 → **0** on 15 September 2019 (-2)" in en and "**2** no longer Active" in en
    satu = kalimat_banding(total_banding(v, KODE_A), ds.wilayah, v.pada, v.banding, "id")
    assert "**2** tidak lagi Aktif" in satu


def test_sumbu_waktu_dalam_bahasa_halaman(wilayah_log):  # noqa: F811
    ds = muat_dataset()
    v = tampilkan(ds, Keadaan(pada=dt.date(2020, 6, 30)))
    id_, en = spek_garis_waktu(v, "id"), spek_garis_waktu(v, "en")
    sumbu_id = id_["layer"][0]["encoding"]["x"]["axis"]["labelExpr"]
    sumbu_en = en["layer"][0]["encoding"]["x"]["axis"]["labelExpr"]
    assert '"Agu"' in sumbu_id and '"Des"' in sumbu_id and '"Mei"' in sumbu_id and "year(datum.value)" in sumbu_id
    assert '"Aug"' in sumbu_en and '"Dec"' in sumbu_en
    bulan = {b["nama_bulan"] for b in id_["layer"][0]["data"]["values"]}
    assert "Agustus 2019" in bulan and "August 2019" in {b["nama_bulan"] for b in en["layer"][0]["data"]["values"]}


@pytest.fixture(scope="module")
def provinsi(tmp_path_factory: pytest.TempPathFactory):
    p = buat_wilayah_besar(200, tmp_path_factory.mktemp("provinsi_kalimat"), seed=5, n_baris=600)
    return muat_dataset(p.kim, p.batas, p.referensi, p.wilayah)


def _batang(spek: dict) -> set[str]:
    return {b["kecamatan"] for b in spek["data"]["values"]}


def test_judul_dan_batang_mengikuti_tingkat(provinsi):
    prov = tampilkan(provinsi)
    assert prov.tingkat == "kabkota"
    assert judul_status(prov, "id") == "Status aktivitas per kab/kota"
    assert _batang(spek_status(prov, "id")) == set(prov.ringkasan["kelurahan"])
    kab = str(prov.ringkasan["kode"].iloc[0])
    dalam_kab = tampilkan(provinsi, Keadaan(tingkat="kecamatan", wilayah=kab))
    assert judul_status(dalam_kab, "id") == "Status aktivitas per kecamatan"
    # one bar per kecamatan of the kabupaten, never one bar for the kabupaten itself
    assert _batang(spek_status(dalam_kab, "id")) == set(dalam_kab.ringkasan["kelurahan"]) and len(dalam_kab.ringkasan) > 1
    kec = str(dalam_kab.ringkasan["kode"].iloc[0])
    dalam_kec = tampilkan(provinsi, Keadaan(tingkat="kelurahan", wilayah=kec))
    assert judul_status(dalam_kec, "id") in {"Status aktivitas per desa", "Status aktivitas per kelurahan",
                                             "Status aktivitas per desa/kelurahan"}
    assert _batang(spek_status(dalam_kec, "id")) == set(dalam_kec.ringkasan["kelurahan"])
    assert judul_status(dalam_kab, "en") == "Activity status by kecamatan"


def test_kota_per_kecamatan(wilayah_log):  # noqa: F811
    v = tampilkan(muat_dataset())
    assert judul_status(v, "id") == "Status aktivitas per kecamatan"
    assert _batang(spek_status(v, "id")) == set(v.ringkasan["kecamatan"]) and len(set(v.ringkasan["kecamatan"])) == 2
