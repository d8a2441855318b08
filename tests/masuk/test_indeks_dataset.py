"""A dataset's derived values live in one typed object (#19), not a string-keyed memo dict."""

from __future__ import annotations

import dataclasses
import threading

from geo.masuk.dataset import Dataset, muat_dataset
from geo.masuk.indeks_dataset import IndeksDataset, Peta
from geo.tampilan import indeks
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.susun import tampilkan


def test_indeks_dibuat_sekali_dan_bertipe(wilayah_uji):
    ds = muat_dataset()
    assert not hasattr(Dataset, "memo")
    assert isinstance(ds.indeks, IndeksDataset) and ds.indeks is ds.indeks
    kode = indeks.kode_batas(ds)
    assert indeks.kode_batas(ds) is kode and ds.indeks.kode_batas is kode  # a named slot, filled once
    tampilkan(ds, Keadaan(wilayah="99.01.01"))
    assert len(ds.indeks.jenjang) >= 1
    salinan = dataclasses.replace(ds, batas=ds.batas.iloc[:1])
    assert salinan.indeks is not ds.indeks  # another dataset: its own indexes


def test_peta_terbatas_dan_aman_antar_utas():
    p: Peta[int, int] = Peta(3)
    hitung = []
    for i in range(5):
        assert p.ambil(i, lambda i=i: hitung.append(i) or i * 10) == i * 10
    assert len(p) == 3 and p.ambil(4, lambda: -1) == 40  # the latest kept, not recomputed
    assert p.ambil(0, lambda: 99) == 99  # the oldest went
    hasil = []
    utas = [threading.Thread(target=lambda: hasil.append(p.ambil("x", lambda: 7))) for _ in range(8)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert hasil == [7] * 8
