"""The print snapshot (PNG/PDF): valid files of the asked size whose texts follow the view."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import re

import numpy as np
import pytest
from PIL import Image

from geo.ekspor import OpsiEkspor, buat, ekspor
from geo.ekspor import snapshot as snap
from geo.ekspor.basemap import Basemap
from geo.ekspor.kartografi import letak_label, panjang_skala
from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.tampilan.kelas import hitung_kelas
from geo.tampilan.saring import Filter
from geo.tampilan.susun import PENGATURAN_PETA, tampilkan

# Each test renders a page with matplotlib (a second or more): in the full run, not the fast loop.
pytestmark = pytest.mark.lambat

HARI = dt.date(2022, 7, 13)


def _teks(tampilan, **opsi) -> list[str]:
    """The page's texts in page order (title first), wrapped lines joined back for easy matching.

    Map settings in ``opsi`` (metric, classes) go to the View, file options to OpsiEkspor.
    """
    peta = {k: opsi.pop(k) for k in list(opsi) if k in PENGATURAN_PETA and k != "basemap"}  # basemap=True: tiles in print
    teks = snap.teks_gambar(snap.buat_gambar(tampilan.dengan(**peta), OpsiEkspor(tanggal=HARI, **opsi)))
    return [teks[0]] + [" ".join(x.split()) for x in teks[1:]]


@pytest.mark.parametrize(
    ("ukuran", "dpi", "piksel"),
    [("a4-landscape", 150, (1754, 1240)), ("a4-portrait", 150, (1240, 1754)),
     pytest.param("a4-landscape", 300, (3508, 2480), marks=pytest.mark.lambat)],
)
def test_png_berukuran_a4(wilayah_uji, ukuran, dpi, piksel):
    data = ekspor("png", tampilkan(muat_dataset()), OpsiEkspor(ukuran=ukuran, dpi=dpi))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    gambar = Image.open(io.BytesIO(data))
    assert gambar.size == piksel
    assert gambar.info.get("dpi", (0,))[0] == pytest.approx(dpi, abs=1)
    # Not blank: the choropleth colours are on the page.
    warna = np.asarray(gambar.convert("RGB").resize((200, 140)))
    assert len(np.unique(warna.reshape(-1, 3), axis=0)) > 20


@pytest.mark.parametrize(("ukuran", "mediabox"), [("a4-landscape", (842, 595)), ("a4-portrait", (595, 842))])
def test_pdf_berukuran_a4_dengan_teks(wilayah_uji, ukuran, mediabox):
    t = tampilkan(muat_dataset(), Filter(kategori=("Kuliner",)))
    data = ekspor("pdf", t, OpsiEkspor(ukuran=ukuran, judul="Laporan Bulanan KIM"))
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    kotak = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert kotak and (round(float(kotak[1])), round(float(kotak[2]))) == mediabox
    assert b"Laporan Bulanan KIM" in data  # document title metadata


def test_judul_filter_dan_legenda_mengikuti_filter(wilayah_uji):
    t = tampilkan(muat_dataset(), Filter(kategori=("Kuliner",), status=("Aktif",)))
    teks = _teks(t)
    assert teks[0] == "Peta Potensi Kuliner KIM Kota Uji \u2014 Status Aktif"
    assert "Filter: Kategori: Kuliner; Status: Aktif" in teks
    assert "Kuliner (2)" in teks
    assert not [x for x in teks if x.startswith(("Pariwisata (", "Batik & Kerajinan ("))]  # absent categories stay out
    assert "Aktif (2)" in teks and "Tidak Aktif (0)" in teks
    assert "Jumlah potensi per kelurahan" in teks
    # In English the region's words read in English too: title, filter line and legend
    en = _teks(t.dengan(bahasa="en"), bahasa="en")
    assert en[0] == "Map of KIM Culinary potentials in Kota Uji \u2014 Status Active"
    assert "Filter: Category: Culinary; Status: Active" in en and "Culinary (2)" in en and "Inactive (0)" in en
    semua = _teks(tampilkan(muat_dataset(), Filter()))
    assert semua[0] == "Peta Potensi KIM Kota Uji"
    assert "Filter: Semua potensi (tanpa filter)" in semua
    assert {"Kuliner (3)", "Pariwisata (1)", "Batik & Kerajinan (1)"} <= set(semua)


def test_legenda_kelas_sama_dengan_halaman(wilayah_uji):
    """Same classifier, scheme and number of classes as the page: same breaks, same labels."""
    t = tampilkan(muat_dataset())
    kelas = hitung_kelas(t.ringkasan["jumlah_anggota"].to_numpy(dtype=float), "equal_interval", 3)
    teks = _teks(t, metrik="jumlah_anggota", skema="equal_interval", kelas=3)
    assert "Jumlah anggota per kelurahan" in teks
    for label in kelas.label(lambda v: f"{v:g}"):
        assert label in teks
    fig = snap.buat_gambar(t.dengan(metrik="jumlah_anggota", skema="equal_interval", kelas=3), OpsiEkspor())
    legenda = next(ax for ax in fig.axes if ax.get_label() == "legenda")
    warna_legenda = {tuple(np.round(p.get_facecolor()[:3], 3)) for p in legenda.patches}
    from matplotlib.colors import to_rgb

    assert {tuple(np.round(to_rgb(w), 3)) for w in kelas.warna} <= warna_legenda


def test_judul_sunting_dan_teks_pengguna_tidak_ditafsirkan(wilayah_uji):
    t = tampilkan(muat_dataset())
    teks = _teks(t, judul="  Anggaran $x^2$ & 100% KIM  ")
    assert teks[0] == "Anggaran $x^2$ & 100% KIM"


def test_judul_panjang_dibungkus_dua_baris(wilayah_uji):
    t = tampilkan(muat_dataset())
    panjang = "Sebaran potensi Komunitas Informasi Masyarakat untuk usulan APBD Perubahan " * 3
    judul = _teks(t, judul=panjang)[0]
    assert judul.count("\n") == 1 and judul.endswith("…")


def test_tanggal_sumber_dan_catatan(wilayah_uji):
    teks = "\n".join(_teks(tampilkan(muat_dataset())))
    assert "Dibuat 13 Juli 2022" in teks
    assert "Sumber: data KIM kim.csv; batas kelurahan boundaries.geojson" in teks
    assert "Batas kelurahan skematik, bukan batas resmi." in teks
    assert "Data contoh untuk peragaan, bukan data resmi." in teks


def test_tanpa_catatan_untuk_data_resmi(wilayah_uji):
    wilayah_uji.wilayah.write_text(json.dumps({"nama": "Kota Uji", "slug": "uji", "data_contoh": False}), encoding="utf-8")
    isi = wilayah_uji.batas.read_text(encoding="utf-8").replace("Batas skematik uji", "BIG 2022")
    wilayah_uji.batas.write_text(isi, encoding="utf-8")
    teks = "\n".join(_teks(tampilkan(muat_dataset())))
    assert "skematik" not in teks and "Data contoh" not in teks


def test_tanpa_jaringan_dibuat_tanpa_basemap_dan_menyebutnya(wilayah_uji, monkeypatch):
    monkeypatch.setattr(snap, "ambil_basemap", lambda *a, **k: None)
    hasil = buat("png", tampilkan(muat_dataset()), OpsiEkspor(basemap=True))
    assert hasil.data[:4] == b"\x89PNG"
    assert any("tanpa peta dasar" in p for p in hasil.pesan)
    teks = _teks(tampilkan(muat_dataset()), basemap=True)
    assert any("Peta dasar tidak tersedia" in x for x in teks)


@pytest.mark.lambat
def test_basemap_dipakai_dengan_atribusi(wilayah_uji, monkeypatch):
    ubin = Basemap(np.full((64, 64, 3), 200, dtype=np.uint8), (12240000.0, 12260000.0, -1000.0, 5000.0), "© OpenStreetMap contributors")
    monkeypatch.setattr(snap, "ambil_basemap", lambda *a, **k: ubin)
    t = tampilkan(muat_dataset())
    fig = snap.buat_gambar(t, OpsiEkspor(basemap=True))
    assert fig.basemap_dipakai
    assert "Peta dasar: © OpenStreetMap contributors" in snap.teks_gambar(fig)
    assert buat("png", t, OpsiEkspor(basemap=True)).pesan == ()


def test_tanpa_potensi_tetap_jadi(wilayah_uji):
    t = tampilkan(muat_dataset(), Filter(kecamatan=("Dua",)))
    teks = _teks(t)
    assert "Tidak ada potensi yang cocok dengan filter ini." in teks
    assert ekspor("png", t)[:4] == b"\x89PNG"


def test_opsi_salah_ditolak_dengan_pesan(wilayah_uji):
    t = tampilkan(muat_dataset())
    with pytest.raises(GalatData, match="Resolusi 72 dpi tidak didukung"):
        ekspor("png", t, OpsiEkspor(dpi=72))
    with pytest.raises(GalatData, match="Ukuran kertas 'a3' tidak dikenal"):
        ekspor("pdf", t, OpsiEkspor(ukuran="a3"))
    with pytest.raises(GalatData, match="Metrik 'luas' tidak dikenal"):
        ekspor("png", t.dengan(metrik="luas"), OpsiEkspor())


def test_label_kelurahan_tidak_bertumpuk(wilayah_uji):
    t = tampilkan(muat_dataset())
    kel = t.ringkasan.to_crs(3857)
    x0, y0, x1, y1 = kel.total_bounds
    sumbu = (x0 - 8000, x1 + 8000, y0 - 3000, y1 + 3000)
    # Large scale: every name fits inside its square.
    besar = letak_label(kel, unit_per_pt=5.0, sumbu=sumbu)
    assert sorted(lb.teks for lb in besar) == ["Alfa Laut", "Beta", "Gama Raya"]
    assert all(lb.jangkar is None for lb in besar)
    # Small scale: names no longer fit and become callouts, each kelurahan once, none overlapping.
    u = 120.0
    kecil = letak_label(kel, unit_per_pt=u, sumbu=sumbu)
    assert sorted(lb.teks.replace("\n", " ") for lb in kecil) == ["Alfa Laut", "Beta", "Gama Raya"]
    tepi = [lb for lb in kecil if lb.jangkar is not None]
    assert tepi, "small kelurahan must get callouts"
    for sisi in ("left", "right"):
        y = sorted((lb.y, lb.ukuran * 1.3 * (lb.teks.count("\n") + 1) * u) for lb in tepi if lb.ha == sisi)
        for (ya, ha), (yb, hb) in itertools.pairwise(y):
            assert yb - ya >= (ha + hb) / 2 - 1e-6, "callouts on one side overlap"
    # Callouts sit outside the city, so they never cover a kelurahan.
    assert all(lb.x >= x1 or lb.x <= x0 for lb in tepi)


def test_panjang_skala_bulat():
    assert panjang_skala(20_000) == 5
    assert panjang_skala(3_000) == 0.5


def test_filter_dan_sumber_panjang_dibungkus_tanpa_terpotong(wilayah_uji):
    isi = {"nama": "Kota Uji", "slug": "uji", "data_contoh": True,
           "sumber_data": "Bidang Informasi dan Komunikasi Publik, Dinas Komunikasi dan Informatika, pendataan KIM triwulan III " * 2}
    wilayah_uji.wilayah.write_text(json.dumps(isi), encoding="utf-8")
    f = Filter(kategori=("Kuliner", "Pariwisata", "Batik & Kerajinan"), status=("Aktif", "Kurang Aktif"),
               kecamatan=("Satu", "Dua"), cari="kampung nelayan di atas laut")
    t = tampilkan(muat_dataset(), f)
    teks = _teks(t, ukuran="a4-portrait")
    assert "Filter: " + f.deskripsi() in teks
    assert isi["sumber_data"].strip() in " ".join(teks)  # the footer wraps; nothing is cut off
    assert ekspor("png", t, OpsiEkspor(ukuran="a4-portrait"))[:4] == b"\x89PNG"
