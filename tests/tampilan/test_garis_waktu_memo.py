"""The remembered timeline is the counted one, per filter, date and kelurahan; callers cannot spoil it."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.masuk.dataset import muat_dataset
from geo.tampilan.banding import _garis_waktu, garis_waktu
from geo.tampilan.saring import Filter


def test_garis_waktu_diingat_sama_dengan_dihitung():
    d = muat_dataset()  # the shipped region and its activity log
    assert d.kegiatan is not None and len(d.kegiatan)
    kode = str(d.batas["kode"].iloc[2])
    sampai = d.kegiatan["tanggal"].max().date()
    for f in (Filter(), Filter(kategori=("Kuliner",)), Filter(cari="kim"), Filter(kecamatan=(d.kecamatan()[0],))):
        for k in (None, kode):
            for tanggal in (sampai, sampai - dt.timedelta(days=400)):
                harap = _garis_waktu(d, f, tanggal, k)
                pd.testing.assert_frame_equal(garis_waktu(d, f, tanggal, k), harap)
                # The statuses are drawn, not filtered: a status filter gives the same timeline.
                pd.testing.assert_frame_equal(garis_waktu(d, Filter(f.kategori, ("Aktif",), f.kecamatan, f.cari), tanggal, k), harap)
    g = garis_waktu(d, Filter(), sampai)
    g.loc[:, g.columns[1]] = -1  # a caller changing its copy
    assert (garis_waktu(d, Filter(), sampai).iloc[:, 1] >= 0).all()


def test_kim_tidak_aktif_dari_kode_sama_dengan_groupby():
    from geo.tampilan.banding import kim_tidak_aktif
    from geo.tampilan.keadaan import Keadaan
    from geo.tampilan.susun import tampilkan

    d = muat_dataset()
    sampai = d.kegiatan["tanggal"].max().date()
    for f in (Filter(), Filter(kategori=("Kuliner",)), Filter(status=("Tidak Aktif",))):
        for pada in (sampai, sampai - dt.timedelta(days=700)):
            v = tampilkan(d, Keadaan(filter=f or Filter(), pada=pada))
            for m in (1, 3, 6, 12, 24):
                assert kim_tidak_aktif(v.potensi, m, v.kode.kim) == kim_tidak_aktif(v.potensi, m), (f, pada, m)
    assert any(kim_tidak_aktif(tampilkan(d, Keadaan(pada=sampai)).potensi, m) for m in (1, 3, 6))


def test_spek_garis_waktu_tetap():
    from geo.tampilan.grafik import spek_garis_waktu
    from geo.tampilan.susun import tampilkan

    d = muat_dataset()
    v = tampilkan(d, Filter(kategori=("Kuliner",)))
    data = garis_waktu(d, v.filter, dt.date.today())
    nilai = spek_garis_waktu(v, "id")["layer"][0]["data"]["values"]
    status = list(d.wilayah.status_aktivitas)
    # "nama_bulan" (the month in the page's language, #22) rides along; the figures are checked exactly.
    assert [{k: x[k] for k in ("bulan", "status", "jumlah", "urut")} for x in nilai] == [
        {"bulan": pd.Timestamp(b).strftime("%Y-%m-%d"), "status": s, "jumlah": int(n), "urut": j}
        for j, s in enumerate(status) for b, n in zip(data["bulan"], data[s])]
