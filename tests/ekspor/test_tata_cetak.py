"""Printed pages never overprint or clip (#22): every text box of every page, measured.

The shipped atlas is checked page by page, in both languages, without and
with photos, and with a filter that leaves profiles empty; see
:mod:`tests.ekspor.tata_cetak` for what counts as a problem.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from geo.ekspor.atlas import halaman_atlas
from geo.ekspor.opsi import OpsiEkspor
from geo.ekspor.profil import buat_profil
from geo.masuk.dataset import muat_dataset
from geo.simpan.foto import simpan_foto
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.ekspor.tata_cetak import masalah_tata_letak

PROYEK = Path(__file__).resolve().parents[2]


def _data(folder: Path):
    return muat_dataset(folder / "kim.csv", folder / "boundaries.geojson", folder / "kelurahan.csv", folder / "wilayah.json")


def _periksa_atlas(ds, f: Filter, bahasa: str) -> list[str]:
    masalah = []
    for i, fig in enumerate(halaman_atlas(tampilkan(ds, Keadaan(filter=f, bahasa=bahasa)), OpsiEkspor(dpi=150)), start=1):
        masalah += masalah_tata_letak(fig, f"halaman {i} ({bahasa})")
    return masalah


def test_pemeriksa_menemukan_tumpang_tindih_dan_terpotong():
    """The checker itself: two texts on one spot and a line past the right edge are both reported."""
    fig = Figure(figsize=(8.27, 11.69), dpi=72)
    ax = fig.add_axes((0.1, 0.1, 0.3, 0.3), label="info")
    ax.set_axis_off()
    ax.text(0.1, 0.5, "Kegiatan terakhir")
    ax.text(0.1, 0.5, "Tidak ada potensi")
    ax.text(0.1, 0.9, "sebuah baris yang jauh terlalu panjang untuk kotak ini dan melewati tepi kanan halaman " * 2)
    masalah = masalah_tata_letak(fig, "uji")
    assert any("menimpa" in m and "Kegiatan terakhir" in m for m in masalah)
    assert any("keluar dari kotak info" in m for m in masalah)
    assert any("tepi aman" in m for m in masalah)


@pytest.mark.lambat
@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_atlas_bawaan_tanpa_tumpang_tindih(bahasa):
    assert _periksa_atlas(_data(PROYEK / "data"), Filter(), bahasa) == []


@pytest.mark.lambat
def test_atlas_profil_kosong_tanpa_tumpang_tindih():
    # "Lainnya" leaves most kelurahan without a potential, but their KIM still have activities in the log.
    ds = _data(PROYEK / "data")
    v = tampilkan(ds, Filter(kategori=("Lainnya",)))
    assert (v.ringkasan["jumlah_potensi"] == 0).sum() >= 5
    fig = buat_profil(v, str(v.ringkasan.loc[v.ringkasan["jumlah_potensi"] == 0, "kode"].iloc[0]))
    teks = [t.get_text() for t in fig.findobj(Text)]
    assert "Tidak ada potensi yang cocok dengan filter." in teks and "Kegiatan terakhir" in teks
    assert _periksa_atlas(ds, Filter(kategori=("Lainnya",)), "id") == []


@pytest.mark.lambat
def test_atlas_dengan_foto_tanpa_tumpang_tindih(tmp_path):
    """A wide and a tall photo for every potential: the description still ends inside the margin."""
    folder = tmp_path / "data"
    shutil.copytree(PROYEK / "data", folder)
    ds = _data(folder)
    for i, id_potensi in enumerate(ds.potensi["id_potensi"].astype(str)):
        gambar = io.BytesIO()
        Image.new("RGB", (900, 300) if i % 2 else (300, 600), (40 + i, 120, 160)).save(gambar, format="JPEG")
        simpan_foto(folder / "kim.csv", id_potensi, gambar.getvalue(), "uji")
    ds = _data(folder)
    assert _periksa_atlas(ds, Filter(), "id") == []


@pytest.mark.lambat
@pytest.mark.parametrize("ukuran", ["a4-landscape", "a4-portrait"])
def test_peta_cetak_tanpa_tumpang_tindih(ukuran):
    from geo.ekspor.snapshot import buat_gambar

    ds = _data(PROYEK / "data")
    for f in (Filter(), Filter(kategori=("Lainnya",))):
        assert masalah_tata_letak(buat_gambar(tampilkan(ds, f), OpsiEkspor(ukuran=ukuran)), ukuran) == []


@pytest.mark.lambat
def test_cetakan_bahasa_inggris_tanpa_sisa_indonesia():
    """The map print, a profile and the contents page in English carry no Indonesian string that has an English entry."""
    from geo.ekspor.snapshot import buat_gambar, teks_gambar
    from tests.halaman.test_bahasa_halaman import _sisa_indonesia

    ds = _data(PROYEK / "data")
    v = tampilkan(ds, Keadaan(bahasa="en"))
    opsi = OpsiEkspor()
    halaman = [buat_gambar(v, opsi), buat_profil(v, str(v.ringkasan["kode"].iloc[0]), opsi)]
    halaman.append(list(halaman_atlas(v, opsi))[1])
    teks = [x for fig in halaman for x in teks_gambar(fig)]
    assert "Shown: 50 potentials, 15 KIM, 15 of 15 kelurahan" in " ".join(teks).replace("\n", " ")
    assert "Contents" in teks and "Latest activities" in teks
    assert _sisa_indonesia(teks) == []
