"""Profiles and the atlas: page count, order, text per page (pdftotext), filters, photos, branding."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from geo.ekspor import buat
from geo.ekspor.atlas import ke_atlas, urutan_kelurahan
from geo.ekspor.opsi import OpsiEkspor
from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.simpan.foto import simpan_foto
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.conftest import KODE_A, KODE_B

# Each test renders a page with matplotlib (a second or more): in the full run, not the fast loop.
pytestmark = pytest.mark.lambat

PROYEK = Path(__file__).resolve().parents[2]
PDFTOTEXT = shutil.which("pdftotext")
perlu_poppler = pytest.mark.skipif(not PDFTOTEXT, reason="poppler-utils (pdftotext) tidak terpasang")


def _halaman(pdf: bytes, tmp_path: Path) -> list[str]:
    """Text of every page, split at form feeds as pdftotext writes them."""
    berkas = tmp_path / "uji.pdf"
    berkas.write_bytes(pdf)
    teks = subprocess.run([PDFTOTEXT, "-layout", str(berkas), "-"], check=True, capture_output=True, text=True).stdout
    return teks.split("\f")[:-1] if teks.endswith("\f") else teks.split("\f")


def _gambar_per_halaman(pdf: bytes, tmp_path: Path) -> list[int]:
    berkas = tmp_path / "gambar.pdf"
    berkas.write_bytes(pdf)
    keluaran = subprocess.run(["pdfimages", "-list", str(berkas)], check=True, capture_output=True, text=True).stdout
    return [int(b.split()[0]) for b in keluaran.splitlines()[2:] if b.strip()]


def _dengan_merek(w) -> None:
    # The city points at an outline of its province, so the locator may name the province it draws (#22).
    from tests.ekspor.test_merek import _garis_provinsi

    w.wilayah.write_text(json.dumps({"nama": "Kota Uji", "slug": "uji", "kode": "99.01", "data_contoh": True,
                                     "provinsi": "Provinsi Uji", "instansi": "Dinas Uji Informatika", "unit": "Bidang Uji",
                                     "catatan_kaki": "Catatan kaki uji.", "batas_konteks": _garis_provinsi(w)}), encoding="utf-8")


@pytest.mark.lambat
@perlu_poppler
def test_atlas_data_bawaan_sampul_isi_dan_15_profil(tmp_path):
    ds = muat_dataset(PROYEK / "data/kim.csv", PROYEK / "data/boundaries.geojson", PROYEK / "data/kelurahan.csv",
                      PROYEK / "data/wilayah.json")
    assert ds.ok
    tampilan = tampilkan(ds)
    urut = urutan_kelurahan(tampilan)
    assert len(urut) == 15
    assert [k for k, _, _ in urut] == sorted(k for k, _, _ in urut)
    halaman = _halaman(ke_atlas(tampilan), tmp_path)
    assert len(halaman) == 1 + 1 + 15  # cover, contents, one profile per kelurahan
    instansi = ds.wilayah.extra["instansi"]
    assert "Atlas Potensi KIM Kota Bontang" in halaman[0] and "Halaman 1 dari 17" in halaman[0]
    assert "Daftar Isi" in halaman[1]
    kim = ds.nama_kim()
    for i, (kode, nama, _) in enumerate(urut):
        teks = halaman[2 + i]
        assert f"Profil Kelurahan {nama}" in teks
        assert kim[kode] in " ".join(teks.split())  # KIM name (possibly wrapped)
        assert instansi in teks
        assert f"Halaman {3 + i} dari 17" in teks
        baris_isi = next(b for b in halaman[1].splitlines() if f"Kelurahan {nama} " in b + " ")
        assert baris_isi.split()[-1] == str(3 + i)  # the contents point at the right page


@perlu_poppler
def test_atlas_mengikuti_filter(wilayah_uji, tmp_path):
    _dengan_merek(wilayah_uji)
    ds = muat_dataset()
    tampilan = tampilkan(ds, Filter(kategori=("Kuliner",), kecamatan=("Satu",)))
    halaman = _halaman(ke_atlas(tampilan), tmp_path)
    assert len(halaman) == 2 + 2  # Alfa Laut and Beta are in kecamatan Satu; Gama Raya is not
    assert "Kuliner" in halaman[0]
    alfa, beta = halaman[2], halaman[3]
    assert "Profil Kelurahan Alfa Laut" in alfa and "KIM Alfa" in alfa and "Dinas Uji Informatika" in alfa
    assert "Amplang" in alfa and "Ikan bakar" in alfa and "Kampung air" not in alfa  # Pariwisata filtered out
    assert "Profil Kelurahan Beta" in beta and "Kue" in beta and "Batik tulis" not in beta
    assert "Catatan kaki uji." in alfa
    assert "Gama Raya" not in "".join(halaman[1:])


@perlu_poppler
def test_profil_satu_halaman_dan_foto(wilayah_uji, tmp_path):
    ds = muat_dataset()
    tampilan = tampilkan(ds)
    tanpa = buat("profil", tampilan, OpsiEkspor(), kelurahan=KODE_A)
    assert tanpa.nama.startswith("profil-kim-alfa-laut-uji-")
    assert _gambar_per_halaman(tanpa.data, tmp_path) == []
    gambar = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 90, 160)).save(gambar, "JPEG")
    simpan_foto(wilayah_uji.kim, "A-02", gambar.getvalue(), "budi")
    dengan = buat("profil", tampilkan(muat_dataset()), OpsiEkspor(), kelurahan="alfa laut")
    halaman = _halaman(dengan.data, tmp_path)
    assert len(halaman) == 1
    assert "Profil Kelurahan Alfa Laut" in halaman[0] and "KIM Alfa" in halaman[0] and "Sekretariat" in halaman[0]
    assert _gambar_per_halaman(dengan.data, tmp_path) == [1]  # the photo, on page 1


def test_profil_kelurahan_tak_dikenal(wilayah_uji):
    tampilan = tampilkan(muat_dataset(), Filter(kecamatan=("Satu",)))
    with pytest.raises(GalatData, match="Kelurahan 'Gama Raya' tidak ada di tampilan ini"):
        buat("profil", tampilan, OpsiEkspor(), kelurahan="Gama Raya")
    with pytest.raises(GalatData, match="--kelurahan"):
        buat("profil", tampilan, OpsiEkspor())


def test_profil_teks_merek_dan_status(wilayah_uji):
    from geo.ekspor.profil import buat_profil
    from geo.ekspor.snapshot import teks_gambar

    _dengan_merek(wilayah_uji)
    teks = teks_gambar(buat_profil(tampilkan(muat_dataset()), KODE_B))
    assert "Dinas Uji Informatika \u00b7 Bidang Uji" in teks
    assert "Aktif: 1" in teks and "Tidak Aktif: 1" in teks and "Kurang Aktif: 0" in teks
    assert any("Provinsi Provinsi Uji" in t for t in teks)  # the locator names the province


def test_titik_label_di_dalam_poligon_bawaan():
    from geo.peta.label import prioritas_label, titik_label

    ds = muat_dataset(PROYEK / "data/kim.csv", PROYEK / "data/boundaries.geojson", PROYEK / "data/kelurahan.csv",
                      PROYEK / "data/wilayah.json")
    titik = titik_label(ds.batas.geometry)
    assert len(titik) == 15
    assert ds.batas.geometry.contains(titik).all()
    prioritas = prioritas_label(ds.batas.geometry)
    assert sorted(prioritas) == list(range(15))
    assert ds.batas["kelurahan"].iloc[int(prioritas.argmin())] == "Bontang Lestari"  # the largest keeps its spot


def test_profil_menampilkan_kegiatan_bila_log_ada(wilayah_uji):
    """With an activity log beside the KIM table, the profile lists this kelurahan's latest activities."""
    from geo.ekspor.profil import buat_profil
    from geo.ekspor.snapshot import teks_gambar

    tanpa_log = muat_dataset()
    (wilayah_uji.kim.parent / "kegiatan.csv").write_text(
        "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\n"
        "K-1,A-01,2026-03-01,pelatihan/bimtek,12,Pelatihan kemasan\n"
        "K-2,A-02,2026-05-20,pameran/bazar,,Bazar ramadan\n"
        "K-3,B-01,2026-04-04,pameran/bazar,30,Pameran batik\n", encoding="utf-8")
    ds = muat_dataset()
    assert ds.ok and ds.kegiatan is not None and len(ds.kegiatan) == 3
    teks = teks_gambar(buat_profil(tampilkan(ds), KODE_A))
    assert "Kegiatan terakhir" in teks
    baris = [t for t in teks if "Bazar ramadan" in t or "Pelatihan kemasan" in t]
    # newest first, this kelurahan only, in the log's own words
    assert baris == ["20 Mei 2026: pameran/bazar \u2014 Bazar ramadan", "1 Maret 2026: pelatihan/bimtek (12 peserta) \u2014 Pelatihan kemasan"]
    assert not any("Pameran batik" in t for t in teks)
    ds = tanpa_log
    assert "Kegiatan terakhir" not in teks_gambar(buat_profil(tampilkan(ds), KODE_A))
