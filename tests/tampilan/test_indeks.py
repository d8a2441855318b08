"""The per-dataset indexes (prefix ranges, parent rows) give the same views as the string path they replace."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.masuk.dataset import muat_dataset
from geo.masuk.tingkat import awalan_seri
from geo.tampilan import indeks
from geo.tampilan.agregat import kode_potensi, ringkas_kelurahan
from geo.tampilan.angka import angka_utama
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.saring import Filter, terapkan
from geo.tampilan.susun import tampilkan
from geo.tampilan.tingkat import jejak, nama_unit, tentukan, unit_tingkat


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory):
    w = buat_wilayah_besar(1000, tmp_path_factory.mktemp("indeks"), seed=5, n_baris=3000)
    d = muat_dataset(w.kim, w.batas, w.referensi, w.wilayah)
    assert d.ok, d.laporan.teks()[:2000]
    return d


@pytest.fixture(scope="module")
def ds_bolong(ds):
    """Every 7th boundary dropped: those potentials have no boundary row (a warning case)."""
    return replace(ds, batas=ds.batas.iloc[np.arange(len(ds.batas)) % 7 != 3].reset_index(drop=True))


def _lama(dataset, f: Filter, tingkat: str, wilayah: str):
    """The string path this module replaced: filter rows, prefix by ``str.startswith``, aggregate."""
    p = terapkan(dataset.potensi, f)
    if wilayah:
        p = p[p["kode_kelurahan"].astype(str).str.startswith(wilayah)]
    batas = dataset.batas
    if f.kecamatan:
        batas = batas[batas["kecamatan"].isin(f.kecamatan)]
    if wilayah:
        batas = batas[batas["kode"].astype(str).str.startswith(wilayah)]
    if tingkat == "kelurahan":
        return p, ringkas_kelurahan(p, batas, dataset.wilayah, dataset.nama_kim())
    unit = unit_tingkat(dataset, tingkat)
    unit = unit[unit["kode"].isin(awalan_seri(batas["kode"], tingkat))]
    dipetakan = p.assign(kode_kelurahan=awalan_seri(p["kode_kelurahan"], tingkat))
    semua = dataset.potensi
    jumlah_kim = semua.groupby(awalan_seri(semua["kode_kelurahan"], tingkat))["nama_kim"].nunique()
    ringkasan = ringkas_kelurahan(dipetakan, unit, dataset.wilayah, jumlah_kim.astype(str) + " KIM")
    return p, ringkasan, kode_potensi(dipetakan, ringkasan, dataset.wilayah).kel


def _jenjang(dataset):
    kode = str(dataset.batas["kode"].iloc[len(dataset.batas) // 2])
    return [("kabkota", ""), ("kecamatan", kode[:5]), ("kelurahan", kode[:8]), ("kelurahan", ""), ("provinsi", ""),
            ("kecamatan", kode[:2])]


FILTER = [Filter(), Filter(kategori=("Kuliner",), status=("Aktif",)), Filter(cari="suka"), None]


@pytest.mark.parametrize("bolong", [False, True])
@pytest.mark.parametrize("nomor", range(len(FILTER)))
def test_sama_dengan_jalur_teks(ds, ds_bolong, bolong, nomor):
    d = ds_bolong if bolong else ds
    f = FILTER[nomor] or Filter(kecamatan=tuple(d.kecamatan()[:3]))
    for tingkat, wilayah in _jenjang(d):
        v = tampilkan(d, Keadaan(filter=f or Filter(), tingkat=tingkat, wilayah=wilayah))
        assert (v.tingkat, v.wilayah) == (tingkat, wilayah)
        hasil = _lama(d, f, tingkat, wilayah)
        pd.testing.assert_frame_equal(pd.DataFrame(v.potensi), pd.DataFrame(hasil[0]))
        pd.testing.assert_frame_equal(pd.DataFrame(v.ringkasan), pd.DataFrame(hasil[1]), check_dtype=True)
        assert v.ringkasan.geometry.equals(hasil[1].geometry)
        if tingkat != "kelurahan":
            assert np.array_equal(v.kode.kel, hasil[2])
        a, lambat = angka_utama(v), angka_utama(replace(v, kode=None))
        if tingkat == "kelurahan":
            assert a == lambat
        else:  # above the kelurahan the string path counted every potential as "not on the map"
            assert replace(a, tanpa_batas=0) == replace(lambat, tanpa_batas=0)
            assert lambat.tanpa_batas == len(v.potensi)
            assert a.tanpa_batas == int((v.kode.kel < 0).sum()) == len(v.potensi) - int(v.ringkasan["jumlah_potensi"].sum())
        assert v.kategori_hadir() == set(v.potensi["kategori_potensi"]) & set(d.wilayah.kategori_potensi)
        assert v.status_hadir() == set(v.potensi["status_aktivitas"])


def test_awalan_seperti_startswith(ds_bolong):
    d = ds_bolong
    kode = d.batas["kode"].astype(str)
    for w in ("", kode.iloc[0][:2], kode.iloc[5][:5], kode.iloc[9][:8], kode.iloc[9], "9", "99.99", kode.iloc[0][:4]):
        harap = kode.str.startswith(w).to_numpy()
        assert np.array_equal(indeks.masker_awalan(d, w), harap), w
        assert indeks.ada_awalan(d, w) == bool(harap.any())
        assert np.array_equal(indeks.baris_awalan(d, w), np.flatnonzero(harap))
        assert nama_unit(d, w) == _nama_unit_lama(d, w)


def _nama_unit_lama(d, kode: str) -> str:
    from geo.masuk.tingkat import KOLOM_NAMA, tingkat_kode

    tingkat = tingkat_kode(kode)
    if tingkat is None:
        return kode
    baris = d.batas.loc[d.batas["kode"].astype(str).str.startswith(kode)]
    if not len(baris):
        return kode
    nama = str(baris[KOLOM_NAMA[tingkat]].iloc[0])
    return f"Kecamatan {nama}" if tingkat == "kecamatan" and not nama.lower().startswith("kec") else nama


def test_tentukan_diingat_dan_tetap_sama(ds):
    kode = str(ds.batas["kode"].iloc[0])
    for t, w in [(None, ""), ("kecamatan", kode[:5]), (None, kode), ("provinsi", "77"), (None, kode[:3])]:
        assert tentukan(ds, t, w) == tentukan(ds, t, w)
        assert tentukan(ds, t, w) is tentukan(ds, t, w)
    assert tentukan(ds, None, kode).wilayah == kode[:8]
    assert "tidak ada di data" in tentukan(ds, "provinsi", "77").catatan[0]
    assert jejak(ds, tentukan(ds, None, kode))[-1][2] == kode[:8]


def test_nama_kim_sama_dengan_dataset(ds):
    p = ds.potensi.copy()
    i = np.arange(len(p))
    p["nama_kim"] = p["nama_kim"].where(i % 5 != 0, "KIM Lain " + pd.Series(i % 3, index=p.index).astype(str))
    cepat = replace(ds, potensi=p)
    # The reference definition: names per kelurahan in order of appearance, one Python join per group.
    harap = p.groupby("kode_kelurahan")["nama_kim"].agg(lambda s: " / ".join(dict.fromkeys(s)))
    assert harap.str.contains(" / ").any()
    pd.testing.assert_series_equal(indeks.nama_kim(cepat), harap, check_names=False)
    assert cepat.nama_kim() is indeks.nama_kim(cepat)  # one memo serves both


def test_siapkan_membangun_indeks_sekali(ds):
    d = replace(ds)
    indeks.siapkan(d)
    induk = indeks.induk_tingkat(d, "kecamatan")
    assert indeks.induk_tingkat(d, "kecamatan") is induk
    unit = unit_tingkat(d, "kecamatan")
    assert (unit["kode"].to_numpy()[induk] == d.batas["kode"].str.slice(0, 8).to_numpy()).all()
