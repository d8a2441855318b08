"""File names and spreadsheet-formula neutralisation for exports."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from geo.ekspor import FORMAT, format_ekspor, nama_berkas
from geo.ekspor.formula import berbahaya, netralkan, netralkan_kolom, netralkan_tabel
from geo.ekspor.nama_berkas import nama_berkas as nama_dasar
from geo.ekspor.opsi import OpsiEkspor
from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan

HARI = dt.date(2026, 11, 28)
PAYLOAD = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x.test","klik")', "\t=1", "\r=1", "\uff1d1+1"]


def test_nama_berkas_membawa_wilayah_tanggal_dan_filter(wilayah_uji):
    ds = muat_dataset()
    t = tampilkan(ds, Filter(kategori=("Kuliner",), status=("Aktif",)))
    assert nama_berkas(t, "png", OpsiEkspor(tanggal=HARI)) == "peta-kim-uji-2026-11-28-kuliner-aktif.png"
    assert nama_berkas(t, "xlsx", OpsiEkspor(tanggal=HARI)) == "data-kim-uji-2026-11-28-kuliner-aktif.xlsx"
    tanpa = tampilkan(ds, Filter())
    assert nama_berkas(tanpa, "pdf", OpsiEkspor(tanggal=HARI)) == "peta-kim-uji-2026-11-28.pdf"


def test_slug_wilayah_dari_berkas_wilayah_bukan_kode(wilayah_uji):
    wilayah_uji.wilayah.write_text(json.dumps({"nama": "Kabupaten Contoh Raya", "data_contoh": False}), encoding="utf-8")
    t = tampilkan(muat_dataset(), Filter())
    assert nama_berkas(t, "csv", OpsiEkspor(tanggal=HARI)).startswith("data-kim-kabupaten-contoh-raya-2026-11-28")


def test_nama_berkas_aman_untuk_windows_dan_ringkas():
    f = Filter(kategori=("Batik & Kerajinan", "Seni & Budaya", "Kuliner"), status=("Kurang Aktif",),
               kecamatan=("Bontang Utara",), cari='a/b:c*"?<>| ' * 10)
    nama = nama_dasar("bontang", f, "png", tanggal=HARI)
    assert nama.startswith("peta-kim-bontang-2026-11-28-3-kategori-kurang-aktif-bontang-utara-cari-")
    assert not set(nama) & set('/\\:*?"<>| &')
    assert len(nama) < 120


def test_format_tidak_dikenal_pesan_jelas():
    assert format_ekspor(".PNG").kode == "png"
    with pytest.raises(GalatData, match="Format ekspor 'jpg' tidak dikenal. Pilihan: png, pdf, html, csv, xlsx, geojson"):
        format_ekspor("jpg")
    assert set(FORMAT) == {"png", "pdf", "html", "csv", "xlsx", "geojson", "profil", "atlas"}


@pytest.mark.parametrize("teks", PAYLOAD)
def test_muatan_rumus_dinetralkan(teks):
    assert berbahaya(teks)
    assert netralkan(teks) == "'" + teks


@pytest.mark.parametrize("teks", ["KIM Alfa", "-5", "+62", "3,5", "", "a=b", " =1"])
def test_teks_biasa_dan_angka_polos_tidak_diubah(teks):
    assert not berbahaya(teks)
    assert netralkan(teks) == teks


def test_netralkan_tabel_vektor_dan_kolom_angka_tetap_angka():
    tabel = pd.DataFrame({
        "nama": pd.Series(PAYLOAD + ["aman"], dtype="string"),
        "kontak": PAYLOAD[::-1] + [None],
        "lintang": [-6.2] * (len(PAYLOAD) + 1),
        "jumlah": [-3] * (len(PAYLOAD) + 1),
    })
    hasil = netralkan_tabel(tabel)
    assert all(v.startswith("'") for v in hasil["nama"][:-1]) and hasil["nama"].iloc[-1] == "aman"
    assert hasil["kontak"].iloc[-1] is None or pd.isna(hasil["kontak"].iloc[-1])
    assert hasil["lintang"].dtype.kind == "f" and (hasil["lintang"] == -6.2).all()
    assert hasil["jumlah"].dtype.kind == "i" and (hasil["jumlah"] == -3).all()
    assert tabel["nama"].iloc[0] == "=1+1"  # the input is not modified
    aman = pd.Series(["a", "b"])
    assert netralkan_kolom(aman) is aman  # nothing to do: no copy
