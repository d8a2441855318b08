"""The XLSForm for offline reports: choices from the data, converts with pyxform as ODK does."""

from __future__ import annotations

from openpyxl import load_workbook
from pyxform.xls2xform import convert

from geo.cli.utama import main
from tests.conftest import BARIS_BAIK


def test_formulir_dikonversi_pyxform_tanpa_galat(wilayah_uji, tmp_path, capsys):
    tujuan = tmp_path / "laporan_kegiatan.xlsx"
    assert main(["formulir", "--output", str(tujuan)]) == 0
    hasil = convert(xlsform=str(tujuan))
    assert hasil.warnings == []
    xml = hasil.xform
    for bagian in ('type="geopoint"', 'mediatype="image/*"', "/laporan/potensi", "instanceID"):
        assert bagian in xml, bagian
    buku = load_workbook(tujuan)
    assert buku.sheetnames == ["survey", "choices", "settings"]
    pilihan = [tuple(r) for r in buku["choices"].iter_rows(min_row=2, values_only=True)]
    assert {r[1] for r in pilihan if r[0] == "potensi"} == {b[0] for b in BARIS_BAIK}
    assert {r[2] for r in pilihan if r[0] == "jenis_kegiatan"} >= {"rapat", "pelatihan/bimtek"}
    assert {(r[1], r[3]) for r in pilihan if r[0] == "jenis_kegiatan"} >= {("rapat", "meeting")}  # English label, same name
    # Cascade: each potential names its KIM, each KIM its kelurahan.
    kim = {r[1]: r[4] for r in pilihan if r[0] == "kim"}
    assert all(r[5] in kim for r in pilihan if r[0] == "potensi")


def test_formulir_per_wilayah_dan_nama_rumus_tetap_teks(wilayah_uji, tmp_path):
    baris = [list(b) for b in BARIS_BAIK]
    baris[0][1] = '=HYPERLINK("http://contoh")'  # a KIM name typed as a formula
    wilayah_uji.tulis_kim(baris)
    tujuan = tmp_path / "f.xlsx"
    assert main(["formulir", "--output", str(tujuan), "--wilayah", "990101100"[:6]]) == 0  # 990101 = 99.01.01
    buku = load_workbook(tujuan)
    sel = [c for row in buku["choices"].iter_rows(min_row=2) for c in row if c.value and str(c.value).startswith("=")]
    assert sel and all(c.data_type == "s" for c in sel)
    assert convert(xlsform=str(tujuan)).warnings == []
    assert main(["formulir", "--output", str(tmp_path / "g.xlsx"), "--wilayah", "99.01.02"]) == 1  # no potential there
    assert main(["formulir", "--output", str(tujuan)]) == 1  # never overwritten without --force
