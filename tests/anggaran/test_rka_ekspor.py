"""The budget form files: XLSX formulas recomputed, PDF text, and the Perubahan columns, against hand figures."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from geo.anggaran.rencana import muat_rencana
from geo.cli.utama import main
from geo.ekspor.rka_buat import buat_rka
from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.tampilan.susun import tampilkan
from tests.anggaran.rka_uji import AKUN, BARIS, JUMLAH, PAGU_RKA, SUBTOTAL, tulis_rka
from tests.anggaran.rumus_uji import Lembar

pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) tidak terpasang")
KOMPONEN = {b[6]: b[0] for b in BARIS}



def _kolom(ws, judul: str) -> str:
    for baris in ws.iter_rows(max_row=40):
        for sel in baris:
            if isinstance(sel.value, str) and sel.value.startswith(judul + "\n"):
                return sel.column_letter
    raise AssertionError(f"kolom {judul} tidak ada")


def _baca_xlsx(data: bytes):
    ws = load_workbook(io.BytesIO(data)).active
    lembar = Lembar(ws)
    kode, uraian, jumlah, jenis = (_kolom(ws, j) for j in ("Kode Rekening", "Uraian", "Jumlah", "jenis baris"))
    garis, kepala, total = {}, {}, None
    for r in range(1, ws.max_row + 1):
        teks = str(ws[f"{uraian}{r}"].value or "").strip()
        if ws[f"{jenis}{r}"].value == "rincian":
            garis[KOMPONEN[teks.split("\n")[0].strip()]] = (r, lembar.nilai(f"{jumlah}{r}"))
        elif ws[f"{jenis}{r}"].value == "akun":
            kepala[ws[f"{kode}{r}"].value] = lembar.nilai(f"{jumlah}{r}")
        if teks == "JUMLAH / TOTAL":
            total = lembar.nilai(f"{jumlah}{r}")
    return ws, lembar, garis, kepala, total


def test_xlsx_jumlah_subtotal_total_dari_rumus(rka_uji):
    dataset = muat_dataset()
    data = buat_rka("rka-xlsx", tampilkan(dataset), muat_rencana(dataset), "rka").data
    ws, _lembar, garis, kepala, total = _baca_xlsx(data)
    assert {k: v for k, (_r, v) in garis.items()} == JUMLAH
    assert {k: v for k, v in kepala.items() if k in SUBTOTAL} == SUBTOTAL
    assert {k for k, _ in AKUN} <= set(kepala)
    assert total == PAGU_RKA
    # Every line's jumlah is a formula over its own cells, and an edit in Excel flows up.
    jumlah = _kolom(ws, "Jumlah")
    baris_r02 = garis["R-02"][0]
    assert str(ws[f"{jumlah}{baris_r02}"].value).startswith("=")
    ws[f"{_kolom(ws, 'Vol 1')}{baris_r02}"] = 16  # 16 × 2 × 10 × 2.300 = 736.000 + 80.960 = 816.960
    _ws, _l, garis2, kepala2, total2 = _baca_xlsx(_simpan(ws))
    assert garis2["R-02"][1] == 816_960 and kepala2["5.1.02.01.01"] == 12_925_345 + 51_060 and total2 == PAGU_RKA + 51_060


def _simpan(ws) -> bytes:
    keluaran = io.BytesIO()
    ws.parent.save(keluaran)
    return keluaran.getvalue()


def test_periksa_mencetak_subtotal_yang_sama(rka_uji, capsys):
    assert main(["anggaran", "periksa"]) == 0
    keluar = capsys.readouterr().out
    for kode, nilai in SUBTOTAL.items():
        assert re.search(rf"^\s+{re.escape(kode)}\s+Rp {nilai:,}\s".replace(",", "."), keluar, re.MULTILINE), kode


def _teks_pdf(data: bytes, tmp_path) -> str:
    path = tmp_path / "rka.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pdftotext
def test_pdf_memuat_angka_yang_sama(rka_uji, tmp_path):
    dataset = muat_dataset()
    teks = _teks_pdf(buat_rka("rka-pdf", tampilkan(dataset), muat_rencana(dataset), "rka").data, tmp_path)
    assert "RENCANA KERJA DAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH" in teks and "Formulir RKA" in teks
    for nilai in (*JUMLAH.values(), *SUBTOTAL.values()):
        assert f"{nilai:,}".replace(",", ".") in teks
    for kode, _nama in AKUN:
        assert re.search(rf"(^|\s){re.escape(kode)}\s", teks, re.MULTILINE), kode
    assert "15 KIM x 2 Kali x 10 Lembar" in teks and "Halaman 1 dari" in teks


def _ubah_setelah_tetapkan(rka_uji, wilayah_uji):
    """Baseline = the hand plan; Perubahan: R-01 3 → 2 Kali (−1.800.000), R-05 dropped, R-06 new (+4.050.000)."""
    assert main(["anggaran", "tetapkan"]) == 0
    rows = [list(r) for r in BARIS if r[0] != "R-05"]
    rows[0][10], rows[0][16] = "2", "3600000"
    rows.append(["R-06", "", KODE_B_, "Transport KIM", "", "5.1.02.04.01.0003", "Transport KIM", "", "9", "Orang", "3", "Hari", "", "",
                 "150000", "", "4050000", "", "DAU", "", "", ""])
    tulis_rka(rka_uji, rows)


KODE_B_ = BARIS[1][2]


def test_rkpa_tanpa_penetapan_ditolak(rka_uji):
    dataset = muat_dataset()
    with pytest.raises(GalatData, match="anggaran tetapkan"):
        buat_rka("rka-pdf", tampilkan(dataset), muat_rencana(dataset), "rkpa")


@pdftotext
def test_rkpa_pdf_sebelum_setelah_dan_tanda_tangan(rka_uji, wilayah_uji, tmp_path, capsys):
    _ubah_setelah_tetapkan(rka_uji, wilayah_uji)
    keluar = tmp_path / "rkpa.pdf"
    assert main(["export", "--format", "rka-pdf", "--tahap", "rkpa", "--output", str(keluar)]) == 0
    teks = subprocess.run(["pdftotext", "-layout", str(keluar), "-"], capture_output=True, text=True, check=True).stdout
    assert "RENCANA KERJA DAN PERUBAHAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH" in teks and "Formulir RKPA" in teks
    assert "2.16.02.2.01.0015" in teks and "Kemitraan Komunikasi dengan Komunitas Informasi Masyarakat" in teks
    for kode, _nama in AKUN:
        assert re.search(rf"(^|\s){re.escape(kode)}\s", teks, re.MULTILINE), kode
    for kata in ("Sebelum Perubahan", "Setelah Perubahan", "Bertambah/", "(Berkurang)", "Pejabat Pelaksana Teknis Kegiatan",
                 "Kepala Dinas Uji", "Ani Uji", "NIP. 198001012005012001", "Budi Uji"):
        assert kata in teks, kata
    # R-01 falls by 1.800.000; R-05 (2.250.000) is gone; R-06 adds 4.050.000: total 20.575.345 → 20.575.345.
    assert "(1.800.000)" in teks and "(2.250.000)" in teks and "4.050.000" in teks
    assert "5.400.000" in teks and "3.600.000" in teks


def test_rkpa_xlsx_selisih_dari_rumus(rka_uji, wilayah_uji):
    _ubah_setelah_tetapkan(rka_uji, wilayah_uji)
    dataset = muat_dataset()
    ws = load_workbook(io.BytesIO(buat_rka("rka-xlsx", tampilkan(dataset), muat_rencana(dataset), "dppa").data)).active
    lembar = Lembar(ws)
    kode, selisih, jenis = (_kolom(ws, j) for j in ("Kode Rekening", "Bertambah/(Berkurang)", "jenis baris"))
    per_kode = {ws[f"{kode}{r}"].value: lembar.nilai(f"{selisih}{r}") for r in range(1, ws.max_row + 1) if ws[f"{jenis}{r}"].value == "akun"}
    assert per_kode["5.1.02.02.01.0003"] == -1_800_000
    assert per_kode["5.1.02.04.01.0003"] == 4_050_000 - 2_250_000
    assert per_kode["5"] == 0


@pdftotext
def test_rkpa_halaman_untuk_dilihat(rka_uji, wilayah_uji, tmp_path):
    """Renders the pages to PNG (pdftoppm) so a reviewer can look; KIM_RKA_PNG keeps them."""
    import os

    _ubah_setelah_tetapkan(rka_uji, wilayah_uji)
    dataset = muat_dataset()
    pdf = tmp_path / "rkpa.pdf"
    pdf.write_bytes(buat_rka("rka-pdf", tampilkan(dataset), muat_rencana(dataset), "rkpa").data)
    tujuan = os.environ.get("KIM_RKA_PNG") or str(tmp_path / "hal")
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), tujuan], check=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+841\.\d+ x 595\.\d+", info)  # A4 landscape


def test_xlsx_sel_data_aman_dan_halaman(rka_uji, wilayah_uji):
    rows = [list(r) for r in BARIS]
    rows[0][6] = '=HYPERLINK("http://contoh.invalid","klik")'
    formula = rows[0][6]
    tulis_rka(rka_uji, rows)
    dataset = muat_dataset()
    ws = load_workbook(io.BytesIO(buat_rka("rka-xlsx", tampilkan(dataset), muat_rencana(dataset), "rka").data)).active
    sel = [c for baris in ws.iter_rows() for c in baris if isinstance(c.value, str) and formula in c.value]
    assert sel and all(c.data_type == "s" for c in sel)  # text, never a live formula
    teks = {str(c.value) for baris in ws.iter_rows() for c in baris if c.value is not None}
    assert "Kode Rekening\nAccount code" in teks and "Ani Uji" in teks and "NIP. 198001012005012001" in teks
    assert any("2.16.02.2.01.0015" in t and "Kemitraan Komunikasi" in t for t in teks)
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text


def test_penetapan_dan_referensi_dijaga_dari_ekspor(rka_uji, wilayah_uji):
    from geo.simpan.lindung import dijaga

    for nama in ("anggaran_penetapan.csv", "akun_belanja.csv", "standar_harga.csv", "jenis_belanja_akun.csv"):
        assert dijaga(wilayah_uji.dir / nama), nama
    assert main(["anggaran", "sipd", "--output", str(wilayah_uji.dir / "standar_harga.csv")]) == 1
