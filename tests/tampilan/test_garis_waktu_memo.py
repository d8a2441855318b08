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
