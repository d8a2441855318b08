"""CSV, XLSX and GeoJSON exports: they follow the filters and carry no live formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile

import geopandas as gpd
import openpyxl
import pytest

from geo.ekspor import OpsiEkspor, ekspor
from geo.galat import Laporan
from geo.masuk.baca import baca_bytes
from geo.masuk.dataset import muat_dataset
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.conftest import BARIS_BAIK, KODE_A

PAYLOAD = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x.test","klik")']
AWALAN_BAHAYA = ("=", "+", "-", "@", "\t", "\r")


def _baris_payload() -> list[list[str]]:
    """One row per payload, the payload in every free-text field and in the id."""
    return [
        [f"{p}#{i}", p, KODE_A, "Alfa Laut", "Satu", "Kuliner", p, p, "Aktif", "4", "2024-01-01", "0.012", "110.012", p]
        for i, p in enumerate(PAYLOAD)
    ]


@pytest.fixture
def tampilan_payload(wilayah_uji):
    wilayah_uji.tulis_kim(BARIS_BAIK + _baris_payload())
    ds = muat_dataset()
    assert ds.ok, ds.laporan.teks()
    return tampilkan(ds, Filter())


@pytest.fixture
def wilayah_selatan(wilayah_uji):
    """The fixture region moved one degree south, so latitudes are genuinely negative."""
    batas = gpd.read_file(wilayah_uji.batas)
    batas.geometry = batas.geometry.translate(yoff=-1.0)
    wilayah_uji.batas.unlink()
    batas.to_file(wilayah_uji.batas, driver="GeoJSON")
    baris = [r[:11] + [f"{float(r[11]) - 1:.3f}"] + r[12:] for r in BARIS_BAIK]
    wilayah_uji.tulis_kim(baris)
    return wilayah_uji


def _baca_csv(data: bytes, pemisah: str = ",") -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV harus UTF-8 dengan BOM agar Excel membacanya benar"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=pemisah))


@pytest.mark.parametrize(
    ("f", "jumlah"),
    [(Filter(), 5), (Filter(kategori=("Kuliner",)), 3), (Filter(status=("Aktif",)), 3),
     (Filter(kategori=("Kuliner",), status=("Aktif",)), 2), (Filter(kecamatan=("Dua",)), 0)],
)
def test_jumlah_baris_mengikuti_filter(wilayah_uji, f, jumlah):
    t = tampilkan(muat_dataset(), f)
    assert len(_baca_csv(ekspor("csv", t))) == jumlah
    wb = openpyxl.load_workbook(io.BytesIO(ekspor("xlsx", t)))
    assert wb.sheetnames == ["Potensi", "Ringkasan kelurahan", "Info"]
    assert wb["Potensi"].max_row - 1 == jumlah
    assert wb["Ringkasan kelurahan"].max_row - 1 == len(t.ringkasan)
    fitur = json.loads(ekspor("geojson", t))["features"]
    assert sum(f_["properties"]["jenis"] == "potensi" for f_ in fitur) == jumlah
    assert sum(f_["properties"]["jenis"] == "kelurahan" for f_ in fitur) == len(t.ringkasan)


def test_csv_isi_dan_pemisah_titik_koma(wilayah_uji):
    t = tampilkan(muat_dataset(), Filter(kategori=("Kuliner",)))
    data = ekspor("csv", t, OpsiEkspor(pemisah=";"))
    assert b"\r\n" in data
    baris = _baca_csv(data, ";")
    assert [b["id_potensi"] for b in baris] == ["A-01", "A-02", "B-02"]
    # ';' goes with Indonesian Excel, which needs decimal commas
    assert baris[0]["lintang"] == "0,01" and baris[0]["bujur"] == "110,01"
    assert baris[0]["kegiatan_terakhir"] == "2024-05-01" and baris[2]["kegiatan_terakhir"] == ""
    koma = _baca_csv(ekspor("csv", t), ",")
    assert koma[0]["lintang"] == "0.01"


def test_csv_ekspor_bisa_dimuat_ulang(wilayah_uji):
    """The potentials export keeps the import columns: it is a valid KIM table again."""
    t = tampilkan(muat_dataset(), Filter(status=("Aktif",)))
    for kode in ("csv", "xlsx"):
        laporan = Laporan()
        tabel = baca_bytes(ekspor(kode, t), f"ekspor.{kode}", laporan)
        assert laporan.ok and tabel is not None
        assert list(tabel["id_potensi"]) == ["A-01", "A-03", "B-02"]
        assert tabel.loc[0, "kegiatan_terakhir"] == "2024-05-01"


def test_csv_rumus_dinetralkan(tampilan_payload):
    baris = _baca_csv(ekspor("csv", tampilan_payload))
    sel = [v for b in baris for v in b.values() if v]
    assert not [v for v in sel if v.startswith(AWALAN_BAHAYA)], "ada sel CSV yang bisa dijalankan sebagai rumus"
    assert "'=HYPERLINK(\"http://x.test\",\"klik\")" in [b["nama_kim"] for b in baris]
    assert "'-2+3" in [b["kontak"] for b in baris]


def test_xlsx_tanpa_rumus_hidup(tampilan_payload):
    data = ekspor("xlsx", tampilan_payload)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for nama in z.namelist():
            if nama.startswith("xl/worksheets/"):
                xml = z.read(nama).decode("utf-8")
                assert not re.search(r"<f[ >]", xml), f"{nama} berisi elemen rumus"
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Potensi"]
    teks = [c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert not [c.coordinate for c in teks if c.data_type == "f"]
    berbahaya = [c for c in teks if c.value.startswith(AWALAN_BAHAYA)]
    assert {c.value for c in berbahaya} >= set(PAYLOAD)  # kept verbatim, as text...
    assert all(c.data_type in ("s", "inlineStr") and c.quotePrefix for c in berbahaya)  # ...and marked as text


def test_xlsx_format_lembar(wilayah_uji):
    t = tampilkan(muat_dataset(), Filter(kategori=("Kuliner",)))
    wb = openpyxl.load_workbook(io.BytesIO(ekspor("xlsx", t, OpsiEkspor(judul="Laporan Juli", tanggal=dt.date(2026, 7, 13)))))
    ws = wb["Potensi"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].value == "id_potensi" and ws["A1"].font.b
    assert ws.column_dimensions["G"].width >= len("nama_potensi")
    assert isinstance(ws["K2"].value, dt.datetime) and ws["K2"].number_format == "dd/mm/yyyy"
    ringkasan = wb["Ringkasan kelurahan"]
    judul = [c.value for c in ringkasan[1]]
    assert "Jumlah potensi" in judul and "Potensi Kuliner" in judul
    info = {r[0].value: r[1].value for r in wb["Info"].iter_rows()}
    assert info["Judul"] == "Laporan Juli"
    assert info["Filter"] == "Kategori: Kuliner"
    assert info["Tanggal ekspor"] == "13 Juli 2026"
    assert info["Jumlah potensi"] == 3


def test_angka_negatif_asli_tetap_angka(wilayah_selatan):
    t = tampilkan(muat_dataset(), Filter())
    assert (t.potensi["lintang"] < 0).all()
    baris = _baca_csv(ekspor("csv", t))
    assert baris[0]["lintang"] == "-0.99"  # not "'-0.99"
    ws = openpyxl.load_workbook(io.BytesIO(ekspor("xlsx", t)))["Potensi"]
    kolom = [c.value for c in ws[1]].index("lintang") + 1
    nilai = ws.cell(row=2, column=kolom)
    assert nilai.value == pytest.approx(-0.99) and nilai.data_type == "n"


def test_geojson_kelurahan_dengan_agregat_dan_titik(wilayah_uji):
    t = tampilkan(muat_dataset(), Filter(status=("Aktif",)))
    koleksi = json.loads(ekspor("geojson", t, OpsiEkspor(judul="Uji")))
    assert koleksi["type"] == "FeatureCollection" and koleksi["name"] == "Uji"
    assert koleksi["filter"] == "Status: Aktif"
    kel = {f["properties"]["kelurahan"]: f for f in koleksi["features"] if f["properties"]["jenis"] == "kelurahan"}
    assert kel["Alfa Laut"]["geometry"]["type"] == "Polygon"
    assert kel["Alfa Laut"]["properties"]["jumlah_potensi"] == 2
    assert kel["Beta"]["properties"]["kegiatan_terakhir"] is None  # the only active row in Beta has no date
    titik = [f for f in koleksi["features"] if f["properties"]["jenis"] == "potensi"]
    assert {f["geometry"]["type"] for f in titik} == {"Point"}
    assert titik[0]["properties"]["kegiatan_terakhir"] == "2024-05-01"
    gdf = gpd.read_file(io.BytesIO(ekspor("geojson", t)))
    assert len(gdf) == len(t.ringkasan) + len(t.potensi)
