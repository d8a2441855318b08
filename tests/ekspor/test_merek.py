"""Office branding, the human boundary source and the locator inset in prints and the HTML export."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from geo.ekspor.merek import html_merek, merek
from geo.ekspor.opsi import OpsiEkspor
from geo.ekspor.snapshot import buat_gambar, teks_gambar
from geo.impor.alur import impor_batas
from geo.masuk.dataset import muat_dataset
from geo.peta.buat import html_mandiri
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.susun import tampilkan
from tests.conftest import KODE_A, KODE_B, KODE_C, KOTAK, REFERENSI

PROYEK = Path(__file__).resolve().parents[2]


def _merek(w, **tambah) -> None:
    isi = {"nama": "Kota Uji", "slug": "uji", "kode": "99.01", "data_contoh": True, "provinsi": "Provinsi Uji",
           "instansi": "Dinas <b>Kominfo</b> Uji", "unit": "Bidang IKP", "catatan_kaki": "Dicetak untuk rapat."} | tambah
    w.wilayah.write_text(json.dumps(isi), encoding="utf-8")


def test_tanpa_merek_tetap_bersih(wilayah_uji):
    m = merek(muat_dataset().wilayah)
    assert not m.ada and m.baris() == "" and m.logo is None and html_merek(m) == ""


def test_merek_di_cetakan_dan_html(wilayah_uji):
    logo = wilayah_uji.dir / "logo.png"
    Image.new("RGBA", (120, 60), (0, 90, 160, 255)).save(logo)
    _merek(wilayah_uji, logo="logo.png", sumber_data="Data KIM Diskominfo 2026")
    ds = muat_dataset()
    m = merek(ds.wilayah)
    assert m.logo == logo and m.baris() == "Dinas <b>Kominfo</b> Uji \u00b7 Bidang IKP"
    fig = buat_gambar(tampilkan(ds), OpsiEkspor())
    teks = teks_gambar(fig)
    assert "Dinas <b>Kominfo</b> Uji \u00b7 Bidang IKP" in teks and "Dicetak untuk rapat." in teks
    assert any("Sumber: Data KIM Diskominfo 2026" in t for t in teks)
    assert not any("kim.csv" in t for t in teks)  # the free-text source replaces the file names
    kepala = next(ax for ax in fig.axes if ax.get_label() == "kepala")
    assert len(kepala.images) == 1  # the logo
    html = html_mandiri(tampilkan(ds))
    assert "Dinas &lt;b&gt;Kominfo&lt;/b&gt; Uji" in html and "<b>Kominfo</b>" not in html
    assert 'class="kim-merek-logo" src="data:image/png;base64,' in html


def test_logo_bukan_png_svg_diabaikan(wilayah_uji):
    (wilayah_uji.dir / "logo.gif").write_bytes(b"GIF89a")
    _merek(wilayah_uji, logo="logo.gif")
    assert merek(muat_dataset().wilayah).logo is None
    _merek(wilayah_uji, logo="tidak-ada.png")
    assert merek(muat_dataset().wilayah).logo is None


def test_impor_batas_mencatat_sumber_manusia(wilayah_uji, tmp_path):
    src = tmp_path / "batas kelurahan big.geojson"
    gpd.GeoDataFrame({"KDEPUM": [KODE_A, KODE_B, KODE_C], "WADMKD": [r[1] for r in REFERENSI], "WADMKC": [r[2] for r in REFERENSI]},
                     geometry=[gpd.GeoSeries.from_wkt([f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"]).iloc[0]
                               for a, b, c, d in (KOTAK[k] for k in (KODE_A, KODE_B, KODE_C))], crs="EPSG:4326").to_file(src)
    impor_batas(src, sumber_teks="BIG, Batas Desa/Kelurahan 1:10.000, 2022")
    ds = muat_dataset()
    assert not ds.skematik
    teks = teks_gambar(buat_gambar(tampilkan(ds), OpsiEkspor()))
    kaki = next(t for t in teks if t.startswith("Dibuat"))
    assert "BIG, Batas Desa/Kelurahan 1:10.000, 2022" in kaki and "batas kelurahan big.geojson" not in kaki


@pytest.mark.lambat
def test_cli_boundaries_import_sumber(wilayah_uji, tmp_path):
    src = tmp_path / "b.geojson"
    gpd.read_file(wilayah_uji.batas).assign(sumber="").rename(columns={"kode": "KDEPUM"}).to_file(src)
    hasil = subprocess.run([sys.executable, "-m", "geo", "boundaries", "import", str(src), "--sumber", "BIG 2022"],
                           check=False, cwd=PROYEK, capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr
    assert set(gpd.read_file(wilayah_uji.batas)["sumber"]) == {"BIG 2022"}


def _garis_provinsi(w) -> str:
    """An outline around the fixture city, three times its size: the "province" a city install may point at."""
    from shapely.geometry import box

    minx, miny, maxx, maxy = gpd.read_file(w.batas).total_bounds
    lebar, tinggi = maxx - minx, maxy - miny
    gpd.GeoDataFrame({"nama": ["Provinsi Uji"]}, geometry=[box(minx - lebar, miny - tinggi, maxx + lebar, maxy + tinggi)],
                     crs="EPSG:4326").to_file(w.dir / "provinsi.geojson")
    return "provinsi.geojson"


def test_lokator_di_peta_cetak(wilayah_uji):
    # The inset names the province because it draws it (#22): the city points at the province's outline.
    _merek(wilayah_uji, batas_konteks=_garis_provinsi(wilayah_uji))
    fig = buat_gambar(tampilkan(muat_dataset()), OpsiEkspor())
    lokator = [ax for ax in fig.axes if ax.get_label() == "lokator"]
    assert len(lokator) == 1
    assert [ax.get_label() for ax in fig.axes[:4]] == ["kepala", "peta", "legenda", "kaki"]
    assert any("Provinsi Uji" in t.get_text() for t in lokator[0].texts)


def test_label_cetak_data_bawaan_tidak_bertumpuk_atau_terpotong():
    ds = muat_dataset(PROYEK / "data/kim.csv", PROYEK / "data/boundaries.geojson", PROYEK / "data/kelurahan.csv",
                      PROYEK / "data/wilayah.json")
    for ukuran in ("a4-landscape", "a4-portrait"):
        fig = buat_gambar(tampilkan(ds), OpsiEkspor(ukuran=ukuran))
        kanvas = FigureCanvasAgg(fig)
        kanvas.draw()
        peta = next(ax for ax in fig.axes if ax.get_label() == "peta")
        nama = set(ds.batas["kelurahan"])
        # Each name is drawn twice (white halo, then the letters): keep the top copy.
        label = {t.get_text().replace("\n", " "): t.get_window_extent() for t in peta.texts if t.get_text().replace("\n", " ") in nama}
        assert set(label) == nama
        for (a, ka), (b, kb) in itertools.combinations(label.items(), 2):
            assert not ka.overlaps(kb), f"{ukuran}: '{a}' menimpa '{b}'"
        kotak = peta.get_window_extent()
        assert all(kotak.x0 <= k.x0 and k.x1 <= kotak.x1 and kotak.y0 <= k.y0 and k.y1 <= kotak.y1 for k in label.values())


def test_aktif_dan_kurang_aktif_terbedakan_dalam_skala_abu():
    from matplotlib.colors import to_rgba

    from geo.ekspor.legenda_cetak import gaya_penanda
    from geo.masuk import skema

    def abu(rgba) -> float:
        return 0.299 * rgba[0] + 0.587 * rgba[1] + 0.114 * rgba[2]

    warna = list(skema.PALET_KATEGORI)
    assert len(warna) >= 8
    aktif = gaya_penanda(warna, ["aktif"] * len(warna))
    kurang = gaya_penanda(warna, ["kurang"] * len(warna))
    for i, w in enumerate(warna):
        # Aktif: rim lighter than its fill; Kurang Aktif: rim darker than its fill, by a visible margin.
        assert abu(aktif["edgecolors"][i]) - abu(aktif["facecolors"][i]) > 0.05, w
        assert abu(kurang["facecolors"][i]) - abu(kurang["edgecolors"][i]) > 0.3, w
        assert to_rgba(w) == pytest.approx(tuple(aktif["facecolors"][i]))


def test_lokator_kota_tanpa_garis_tidak_mengaku_provinsi(wilayah_uji):
    _merek(wilayah_uji)  # "provinsi" is set, but nothing of the province is drawn
    fig = buat_gambar(tampilkan(muat_dataset()), OpsiEkspor())
    (lokator,) = [ax for ax in fig.axes if ax.get_label() == "lokator"]
    assert not any("Provinsi" in t.get_text() for t in lokator.texts)
    assert len(lokator.collections) >= 2  # the city and its kecamatan lines, no context layer


def test_lokator_dengan_garis_menggambar_provinsi(wilayah_uji):
    _merek(wilayah_uji, batas_konteks=_garis_provinsi(wilayah_uji))
    fig = buat_gambar(tampilkan(muat_dataset(), Keadaan(bahasa="en")), OpsiEkspor())
    (lokator,) = [ax for ax in fig.axes if ax.get_label() == "lokator"]
    assert any("Provinsi Uji province" in t.get_text() for t in lokator.texts)
    x0, x1 = lokator.get_xlim()
    kota = gpd.read_file(wilayah_uji.batas).to_crs(3857).total_bounds
    assert (x1 - x0) > 2.5 * (kota[2] - kota[0])  # the frame holds the province, not only the city


def test_logo_svg_tercetak(wilayah_uji):
    (wilayah_uji.dir / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="#0b5394"/></svg>',
        encoding="utf-8")
    _merek(wilayah_uji, logo="logo.svg")
    m = merek(muat_dataset().wilayah)
    piksel = m.logo_raster()
    assert piksel is not None and piksel.shape[:2] == (300, 600)
    assert tuple(piksel[150, 300][:3]) == (11, 83, 148)
    fig = buat_gambar(tampilkan(muat_dataset()), OpsiEkspor())
    assert len(next(ax for ax in fig.axes if ax.get_label() == "kepala").images) == 1
    (wilayah_uji.dir / "logo.svg").write_text("<svg><bukan svg", encoding="utf-8")
    assert merek(muat_dataset().wilayah).logo_raster() is None  # a broken SVG is left out, the print still works
