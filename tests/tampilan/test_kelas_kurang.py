"""A quantile map asked for 5 classes that can show only 3 says so, on the page legend and in print."""

from __future__ import annotations

from matplotlib.figure import Figure

from geo.ekspor.legenda_cetak import gambar_legenda
from geo.masuk.dataset import muat_dataset
from geo.peta.legenda import html_legenda
from geo.tampilan.kelas import hitung_kelas
from geo.tampilan.susun import tampilkan


def test_fewer_classes_than_asked_is_flagged():
    k = hitung_kelas([0, 2, 3], "quantiles", 5)
    assert len(k.atas) == 3 and k.diminta == 5 and k.kurang
    assert not hitung_kelas(list(range(20)), "quantiles", 5).kurang
    assert not hitung_kelas([4, 4, 4], "quantiles", 5).kurang  # one class has its own note


def test_page_legend_and_print_say_so(wilayah_uji):
    t = tampilkan(muat_dataset())  # jumlah_potensi per kelurahan: 3, 2, 0 → 3 classes at most
    t = t.dengan(metrik="jumlah_potensi", skema="quantiles", kelas=5)
    kls = t.kelas
    assert len(kls.atas) == 3 and kls.kurang
    html = html_legenda(t)
    assert "kim-kelas-kurang" in html and "3 kelas, bukan 5 yang diminta" in html
    assert "3 classes, not the 5 requested" in html_legenda(t.dengan(bahasa="en"))
    ax = Figure().subplots()  # no pyplot: no global figure state
    gambar_legenda(ax, t, 60)
    teks = [a.get_text() for a in ax.texts]
    assert len(teks) > 3
    assert any("bukan 5 yang diminta" in s.replace("\n", " ") for s in teks)


def test_no_note_when_all_classes_are_shown(wilayah_uji):
    t = tampilkan(muat_dataset())
    t = t.dengan(metrik="jumlah_potensi", skema="quantiles", kelas=3)
    kls = t.kelas
    assert not kls.kurang and "kim-kelas-kurang" not in html_legenda(t)

