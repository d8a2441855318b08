"""RAB exports: XLSX totals are live formulas that match the figures; the PDF's text has every kelurahan."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from geo import config
from geo.anggaran.rencana import muat_rencana
from geo.anggaran.ringkas import ringkas_anggaran
from geo.anggaran.uang import rupiah
from geo.cli.utama import main
from geo.ekspor.rab import PENANDA_SUBTOTAL, ke_rab_xlsx
from geo.ekspor.rab_cetak import ke_rab_pdf
from geo.masuk.dataset import muat_dataset
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.anggaran.test_anggaran import BARIS, _atur, _tulis
from tests.server_uji import PROYEK

_RANGE = re.compile(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def _nilai(ws, alamat: str):
    """Evaluate the few formulas an RAB uses (SUM, SUMIF, a - b) over the sheet's own cells."""
    sel = ws[alamat].value
    if not (isinstance(sel, str) and sel.startswith("=")):
        return sel
    rumus = sel[1:]
    if m := re.fullmatch(r"SUM\((\w+):(\w+)\)", rumus):
        return sum(_nilai(ws, c.coordinate) or 0 for row in ws[f"{m[1]}:{m[2]}"] for c in row)
    if m := re.fullmatch(r'SUMIF\((\w+):(\w+),"([^"]+)",(\w+):(\w+)\)', rumus):
        kunci = [c.value for row in ws[f"{m[1]}:{m[2]}"] for c in row]
        isi = [c.coordinate for row in ws[f"{m[4]}:{m[5]}"] for c in row]
        assert len(kunci) == len(isi)
        return sum(_nilai(ws, a) or 0 for k, a in zip(kunci, isi) if k == m[3])
    if m := re.fullmatch(r"(\w+)-(\w+)", rumus):
        return _nilai(ws, m[1]) - _nilai(ws, m[2])
    raise AssertionError(f"rumus tak terduga {sel}")


def _baris_label(ws, label: str) -> int:
    hasil = [c.row for c in ws["C"] if isinstance(c.value, str) and c.value.startswith(label)]
    assert len(hasil) == 1, hasil
    return hasil[0]


@pytest.fixture
def rab_uji(wilayah_uji, monkeypatch):
    _atur(wilayah_uji)
    rows = [list(r) for r in BARIS]
    rows[1][3] = '=HYPERLINK("http://contoh.invalid","klik")'  # a formula typed as an activity name
    path = _tulis(wilayah_uji, rows)
    monkeypatch.setenv("KIM_ANGGARAN", str(path))
    return path


def test_xlsx_total_rumus_hidup_sama_dengan_ringkasan(rab_uji, capsys):
    dataset = muat_dataset()
    rencana = muat_rencana(dataset)
    assert rencana.ok, rencana.laporan.teks()
    tampilan = tampilkan(dataset)
    wb = load_workbook(io.BytesIO(ke_rab_xlsx(tampilan, rencana)))
    ws = wb["RAB"]
    subtotal = [c.row for c in ws["B"] if c.value == PENANDA_SUBTOTAL]
    assert len(subtotal) == 2  # Alfa Laut and Beta
    assert [ws[f"I{r}"].value.startswith("=SUM(") for r in subtotal] == [True, True]
    assert [_nilai(ws, f"I{r}") for r in subtotal] == [600_000, 400_000]
    total = _baris_label(ws, "JUMLAH TOTAL")
    assert ws[f"I{total}"].value.startswith("=SUMIF(")
    assert _nilai(ws, f"I{total}") == 1_000_000
    assert _nilai(ws, f"I{total + 1}") == 1_000_000 and _nilai(ws, f"I{total + 2}") == 0
    assert ws[f"I{total}"].number_format == '"Rp "#,##0'

    assert main(["anggaran", "ringkasan", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == _nilai(ws, f"I{total}") == ringkas_anggaran(tampilan, rencana).total

    per = wb["Per kelurahan"]
    assert per.max_row == 5  # header, 3 kelurahan, total row
    assert _nilai(per, "E5") == 1_000_000

    assert main(["summary", "--format", "json", "--alokasi"]) == 0  # the plan is read only on request (issue #26)
    ringkasan = json.loads(capsys.readouterr().out)
    assert len(ringkasan) == 3
    # Same kelurahan order in both: the view's per-kelurahan summary.
    assert [d["kelurahan"] for d in ringkasan] == [per[f"A{i}"].value for i in range(2, 5)]
    assert [d["alokasi_anggaran"] for d in ringkasan] == [_nilai(per, f"E{i}") for i in range(2, 5)] == [600_000, 400_000, 0]
    assert sum(d["alokasi_anggaran"] for d in ringkasan) == _nilai(ws, f"I{total}")

    halaman = AppTest.from_file(str(PROYEK / "pages" / "2_Anggaran.py"), default_timeout=60)
    halaman.run()
    assert not halaman.exception
    kartu = {m.label: m.value for m in halaman.metric}
    assert kartu["Total rencana"] == rupiah(_nilai(ws, f"I{total}")) == "Rp 1.000.000"
    assert kartu["Sisa pagu"] == rupiah(_nilai(ws, f"I{total + 2}"))


def test_xlsx_sel_data_tetap_teks(rab_uji):
    dataset = muat_dataset()
    wb = load_workbook(io.BytesIO(ke_rab_xlsx(tampilkan(dataset), muat_rencana(dataset))))
    ws = wb["RAB"]
    sel = [c for c in ws["C"] if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert len(sel) == 1
    assert sel[0].data_type == "s" and sel[0].quotePrefix
    assert "Kota Uji" in [c.value for c in ws["C"]] and "2027" in [c.value for c in ws["C"]]
    assert "Peta alokasi" in wb.sheetnames and len(wb["Peta alokasi"]._images) == 1


def test_xlsx_mengikuti_filter(rab_uji):
    dataset = muat_dataset()
    tampilan = tampilkan(dataset, Filter(kategori=("Pariwisata",)))  # only Alfa has Pariwisata: A-03
    wb = load_workbook(io.BytesIO(ke_rab_xlsx(tampilan, muat_rencana(dataset))))
    ws = wb["RAB"]
    # R-01 is tied to A-01 (Kuliner) and drops out; R-02 is Alfa-wide and stays; Beta has no Pariwisata.
    total = _baris_label(ws, "JUMLAH TOTAL (sesuai filter)")
    assert _nilai(ws, f"I{total}") == 300_000
    assert [c.value for c in ws["B"] if c.value == PENANDA_SUBTOTAL] == [PENANDA_SUBTOTAL]


def test_cli_export_rab_xlsx(rab_uji, wilayah_uji, capsys):
    tujuan = wilayah_uji.dir.parent / "rab.xlsx"  # outside the data folder (#21: exports may not write into it)
    assert main(["export", "--format", "rab-xlsx", "--output", str(tujuan)]) == 0
    wb = load_workbook(tujuan)
    assert _nilai(wb["RAB"], f"I{_baris_label(wb['RAB'], 'JUMLAH TOTAL')}") == 1_000_000
    assert main(["export", "--format", "rab-pdf", "--output", str(tujuan)]) == 1
    assert "tidak cocok dengan --format rab-pdf" in capsys.readouterr().err


def test_cli_export_rab_ditolak_bila_rencana_tidak_sah(rab_uji, wilayah_uji, capsys):
    rows = [list(r) for r in BARIS]
    rows[0][8] = "1"
    _tulis(wilayah_uji, rows)
    tujuan = wilayah_uji.dir.parent / "rab.pdf"  # outside the data folder (#21)
    assert main(["export", "--format", "rab-pdf", "--output", str(tujuan)]) == 1
    assert "baris 2, kolom jumlah" in capsys.readouterr().err
    assert not tujuan.exists()


@pytest.mark.lambat
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) tidak terpasang")
def test_pdf_memuat_setiap_kelurahan_dan_total(tmp_path):
    data = config.DATA_DIR
    dataset = muat_dataset(data / "kim.csv", data / "boundaries.geojson", data / "kelurahan.csv", data / "wilayah.json")
    rencana = muat_rencana(dataset, data / "anggaran.csv")
    assert rencana.ok
    pdf = tmp_path / "rab.pdf"
    pdf.write_bytes(ke_rab_pdf(tampilkan(dataset), rencana))
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    kelurahan = list(dataset.batas["kelurahan"])
    assert len(kelurahan) == 15
    hilang = [k for k in kelurahan if f"Kelurahan {k}," not in teks or f"Subtotal {k}" not in teks]
    assert not hilang
    assert re.search(r"JUMLAH TOTAL\s+Rp 200\.000\.000", teks)
    assert re.search(r"Pagu anggaran\s+Rp 200\.000\.000", teks)
    assert "Tahun anggaran" in teks and "2027" in teks and "Dinas Komunikasi dan Informatika" in teks


def _rencana_bawaan():
    """The shipped sample plan: some lines carry PPN 11% (alat tulis, leaflet)."""
    dataset = muat_dataset(config.DATA_DIR / "kim.csv", config.DATA_DIR / "boundaries.geojson",
                           config.DATA_DIR / "kelurahan.csv", config.DATA_DIR / "wilayah.json")
    return dataset, muat_rencana(dataset, config.DATA_DIR / "anggaran.csv")


def test_xlsx_ppn_terlihat_sehingga_volume_kali_harga_cocok():
    """An official checks Volume × Harga satuan = Jumlah; a line with PPN must show its PPN, or it looks wrong."""
    dataset, rencana = _rencana_bawaan()
    ws = load_workbook(io.BytesIO(ke_rab_xlsx(tampilkan(dataset), rencana)))["RAB"]
    kepala = next(c.row for c in ws["A"] if c.value == "No")
    judul = [c.value for c in ws[kepala]]
    assert judul[:9] == ["No", "id_baris", "Kegiatan", "id_potensi", "Jenis belanja", "Volume", "Satuan", "Harga satuan", "Jumlah"]
    assert "PPN" in judul
    kolom_ppn = judul.index("PPN") + 1
    diperiksa = 0
    for r in range(kepala + 1, ws.max_row + 1):
        if not isinstance(ws.cell(r, 1).value, int):
            continue
        volume, harga, jumlah = (ws.cell(r, k).value for k in (6, 8, 9))
        ppn = ws.cell(r, kolom_ppn).value or 0
        assert volume * harga + ppn == jumlah, (r, volume, harga, ppn, jumlah)
        diperiksa += ppn > 0
    assert diperiksa >= 15  # the sample has PPN on many lines


@pytest.mark.lambat
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) tidak terpasang")
def test_pdf_rab_menyebut_ppn(tmp_path):
    dataset, rencana = _rencana_bawaan()
    pdf = tmp_path / "rab.pdf"
    pdf.write_bytes(ke_rab_pdf(tampilkan(dataset), rencana))
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Rp 49\.549\s*\+ PPN 11%", teks) or ("Rp 49.549" in teks and "+ PPN 11%" in teks)


def test_xlsx_rab_mengikuti_bahasa_halaman():
    """The English Anggaran page's 'Download RAB (Excel)' gives an English RAB, like the map prints."""
    from geo.tampilan.keadaan import Keadaan

    dataset, rencana = _rencana_bawaan()
    wb = load_workbook(io.BytesIO(ke_rab_xlsx(tampilkan(dataset, Keadaan(bahasa="en")), rencana)))
    ws = wb["RAB"]
    semua = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Fiscal year" in semua and "Unit price" in semua and "Budget ceiling" in semua
    assert any(v.startswith("TOTAL") for v in semua) and "All potentials (no filter)" in semua
    assert not [v for v in semua if v in ("Tahun anggaran", "Harga satuan", "Pagu anggaran", "JUMLAH TOTAL", "Catatan")]
    total = next(c.row for c in ws["C"] if c.value == "TOTAL")
    assert _nilai(ws, f"I{total}") == 200_000_000  # the SUMIF still finds the subtotals
    per = wb["Per kelurahan"]
    assert [c.value for c in per[1]][3:] == ["Members", "Allocation", "Allocation per member", "Dormant KIM"]
    assert {c.value for c in per["G"][1:-1]} <= {"yes", "no"}


@pytest.mark.lambat
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) tidak terpasang")
def test_pdf_rab_mengikuti_bahasa_halaman(tmp_path):
    from geo.tampilan.keadaan import Keadaan

    dataset, rencana = _rencana_bawaan()
    pdf = tmp_path / "rab.pdf"
    pdf.write_bytes(ke_rab_pdf(tampilkan(dataset, Keadaan(bahasa="en")), rencana))
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for kata in ("Budget plan (RAB)", "Fiscal year", "Budget ceiling", "Budget lines per kelurahan and KIM", "Unit price", "+ VAT 11%"):
        assert kata in teks, kata
    for kata in ("Tahun anggaran", "Pagu anggaran", "Rincian anggaran", "Harga satuan", "bulan lalu"):
        assert kata not in teks, kata
    assert re.search(r"TOTAL\s+Rp 200\.000\.000", teks)
