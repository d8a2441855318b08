"""The Excel template: dropdowns from the region's vocabulary, and it validates once filled."""

from __future__ import annotations

import io

import openpyxl

from geo.cli.utama import main
from geo.ekspor.templat import buat_templat
from geo.masuk import skema
from geo.masuk.dataset import muat_dataset
from geo.masuk.referensi import muat_referensi
from geo.masuk.wilayah import muat_wilayah
from tests.conftest import BARIS_BAIK, HEADER


def test_templat_berisi_daftar_pilihan(wilayah_uji):
    wb = openpyxl.load_workbook(io.BytesIO(buat_templat(muat_wilayah(), muat_referensi())))
    ws = wb["Potensi"]
    assert [c.value for c in ws[1]] == list(skema.KOLOM_KIM)
    rentang = {str(dv.sqref).split(":")[0][0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    kolom = {k: openpyxl.utils.get_column_letter(skema.KOLOM_KIM.index(k) + 1) for k in skema.KOLOM_KIM}
    assert set(rentang) == {kolom["kategori_potensi"], kolom["status_aktivitas"], kolom["kelurahan"], kolom["kecamatan"]}
    daftar = wb["Daftar"]
    kategori = [c.value for c in daftar["A"][1:] if c.value]
    assert kategori == list(skema.KATEGORI_POTENSI)
    assert [c.value for c in daftar["C"][1:] if c.value] == ["Alfa Laut", "Beta", "Gama Raya"]
    assert rentang[kolom["kategori_potensi"]] == f"='Daftar'!$A$2:$A${len(kategori) + 1}"


def test_templat_terisi_lolos_validasi(wilayah_uji, tmp_path):
    path = tmp_path / "templat.xlsx"
    assert main(["template", "--output", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    ws = wb["Potensi"]
    for baris in BARIS_BAIK:
        ws.append(baris)
    wb.save(path)
    d = muat_dataset(path)
    assert d.ok, d.laporan.teks()
    assert list(d.potensi["id_potensi"]) == [b[HEADER.index("id_potensi")] for b in BARIS_BAIK]


def test_templat_tidak_menimpa_tanpa_force(wilayah_uji, tmp_path, capsys):
    path = tmp_path / "ada.xlsx"
    path.write_bytes(b"data penting")
    assert main(["template", "--output", str(path)]) == 1
    assert path.read_bytes() == b"data penting"
    assert "tidak ditimpa" in capsys.readouterr().err
    assert main(["template", "--output", str(tmp_path / "salah.csv")]) == 1


def test_templat_force_menimpa(wilayah_uji, tmp_path):
    path = tmp_path / "ada.xlsx"
    path.write_bytes(b"lama")
    assert main(["template", "--output", str(path), "--force"]) == 0
    assert path.read_bytes()[:2] == b"PK"
