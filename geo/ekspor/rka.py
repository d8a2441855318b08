"""The budget annex as the office submits it: Formulir RKA/RKPA/DPA/DPPA – Rincian Belanja SKPD, as XLSX.

Every line's jumlah is a live formula over its own cells (koefisien =
``PRODUCT`` of the volumes, jumlah = koefisien × harga + ``ROUND``\\ (PPN)),
every heading sums the lines below it with ``SUMIF`` on a hidden row-kind
column, so an official who changes a volume or a price in Excel sees every
subtotal and the total follow. Cells from the data are text Excel never
evaluates. Figures come from :func:`geo.anggaran.susunan.susun_form`, the
same as the PDF and ``anggaran periksa``.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from geo import format_id
from geo.anggaran.koefisien import JUMLAH_PASANGAN
from geo.anggaran.rencana import Rencana
from geo.anggaran.subkegiatan import SubKegiatan
from geo.anggaran.susunan import AKUN, RINCIAN, Angka, Susunan
from geo.anggaran.tahap import Tahap
from geo.ekspor.formula import berbahaya

FORMAT_RP = "#,##0"
FORMAT_SELISIH = "#,##0;(#,##0);0"
WARNA_KEPALA = "D9E1F2"
WARNA_AKUN = "F2F2F2"
TIPIS = Side(style="thin", color="808080")
KOTAK = Border(left=TIPIS, right=TIPIS, top=TIPIS, bottom=TIPIS)
PENANDA = "rincian"


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    judul_en: str
    lebar: float


def kolom_form(perubahan: bool) -> list[Kolom]:
    """The form's columns; a Perubahan form puts Sebelum before Setelah and ends with the difference."""
    awal = [Kolom("kode", "Kode Rekening", "Account code", 19), Kolom("uraian", "Uraian", "Description", 46)]
    sebelum = [Kolom("s_koef", "Koefisien", "Coefficient", 10), Kolom("s_satuan", "Satuan", "Unit", 14),
               Kolom("s_harga", "Harga", "Unit price", 13), Kolom("s_ppn", "PPN (%)", "VAT (%)", 7),
               Kolom("s_jumlah", "Jumlah", "Amount", 15)]
    setelah = [Kolom(f"v{n}", f"Vol {n}", f"Qty {n}", 7) for n in range(1, JUMLAH_PASANGAN + 1)] + [
        Kolom("koef", "Koefisien", "Coefficient", 10), Kolom("satuan", "Satuan", "Unit", 16), Kolom("harga", "Harga", "Unit price", 13),
        Kolom("ppn", "PPN (%)", "VAT (%)", 7), Kolom("jumlah", "Jumlah", "Amount", 16)]
    akhir = [Kolom("selisih", "Bertambah/(Berkurang)", "Increase/(decrease)", 16)] if perubahan else []
    return awal + (sebelum if perubahan else []) + setelah + akhir + [Kolom("jenis", "jenis baris", "row kind", 9)]


def sel_teks(ws: Worksheet, baris: int, kolom: int, nilai: object, tebal: bool = False) -> None:
    """A cell from the data: always a string, never a formula."""
    sel = ws.cell(row=baris, column=kolom)
    sel.value = "" if nilai is None else str(nilai)
    sel.data_type = "s"
    if berbahaya(sel.value):
        sel.quotePrefix = True
    if tebal:
        sel.font = Font(bold=True)


def _angka(ws: Worksheet, r: int, c: int, nilai: object, fmt: str = FORMAT_RP, tebal: bool = False) -> None:
    sel = ws.cell(row=r, column=c, value=nilai)
    sel.number_format = fmt
    if tebal:
        sel.font = Font(bold=True)


def _kepala_dokumen(ws: Worksheet, tahap: Tahap, sub: SubKegiatan, wilayah: str, tahun: int, kantor: str, lebar: int) -> int:
    judul = [(tahap.judul, 12), (tahap.judul_en, 9), (tahap.formulir + " / Expenditure detail form", 11),
             (f"Pemerintah {wilayah} \u00b7 Tahun Anggaran {tahun} / Fiscal year {tahun}", 10)]
    for r, (teks, ukuran) in enumerate(judul, start=1):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=lebar)
        sel_teks(ws, r, 1, teks)
        ws.cell(row=r, column=1).font = Font(bold=True, size=ukuran, italic=ukuran == 9)
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
    r = len(judul) + 2
    for label, nilai in sub.baris_kepala(kantor):
        sel_teks(ws, r, 1, label, tebal=True)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=lebar)
        sel_teks(ws, r, 2, nilai or "-")
        r += 1
    return r


def _indikator(ws: Worksheet, r: int, sub: SubKegiatan, lebar: int) -> int:
    if not sub.indikator:
        return r
    r += 1
    sel_teks(ws, r, 1, "Indikator Kinerja / Performance indicators", tebal=True)
    r += 1
    for c, judul in ((1, "Indikator / Indicator"), (2, "Tolok Ukur Kinerja / Measure"), (3, "Target Kinerja / Target")):
        sel_teks(ws, r, c, judul, tebal=True)
        ws.cell(row=r, column=c).fill = PatternFill("solid", fgColor=WARNA_KEPALA)
    ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=lebar)
    for ind in sub.indikator:
        r += 1
        sel_teks(ws, r, 1, ind.jenis)
        sel_teks(ws, r, 2, ind.tolok_ukur)
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=lebar)
        sel_teks(ws, r, 3, ind.target)
    return r + 2


def _isi_angka(ws: Worksheet, r: int, pos: dict[str, int], a: Angka, awalan: str) -> None:
    """Volumes (Setelah) or the koefisien (Sebelum), price, PPN and the live jumlah formula."""
    huruf = {k: get_column_letter(c) for k, c in pos.items()}
    if awalan == "":
        for n, v in enumerate(a.volume, start=1):
            _angka(ws, r, pos[f"v{n}"], v)
        vol = f"{huruf['v1']}{r}:{huruf[f'v{JUMLAH_PASANGAN}']}{r}"
        _angka(ws, r, pos["koef"], f"=PRODUCT({vol})")
    else:
        _angka(ws, r, pos["s_koef"], a.koefisien)
    sel_teks(ws, r, pos[f"{awalan}satuan"], a.satuan_teks)
    _angka(ws, r, pos[f"{awalan}harga"], a.harga)
    ws.cell(row=r, column=pos[f"{awalan}ppn"], value=int(a.ppn_persen) if a.ppn_persen.isdigit() else
            (float(a.ppn_persen.replace(",", ".")) if a.ppn_persen else 0))
    k, h, p = (f"{huruf[awalan + x]}{r}" for x in ("koef", "harga", "ppn"))
    _angka(ws, r, pos[f"{awalan}jumlah"], f"={k}*{h}+ROUND({k}*{h}*{p}/100,0)")


def _badan(ws: Worksheet, r: int, susunan: Susunan, kolom: list[Kolom]) -> tuple[int, int, int]:
    """Column headings and every row; returns (first body row, last body row, next free row)."""
    pos = {k.kunci: i for i, k in enumerate(kolom, start=1)}
    if susunan.perubahan:
        for kunci_awal, kunci_akhir, teks in (("s_koef", "s_jumlah", "Sebelum Perubahan / Before revision"),
                                               ("v1", "jumlah", "Setelah Perubahan / After revision")):
            ws.merge_cells(start_row=r, start_column=pos[kunci_awal], end_row=r, end_column=pos[kunci_akhir])
            sel_teks(ws, r, pos[kunci_awal], teks, tebal=True)
            ws.cell(row=r, column=pos[kunci_awal]).alignment = Alignment(horizontal="center")
        r += 1
    for i, k in enumerate(kolom, start=1):
        sel = ws.cell(row=r, column=i, value=f"{k.judul}\n{k.judul_en}")
        sel.font, sel.border = Font(bold=True), KOTAK
        sel.fill = PatternFill("solid", fgColor=WARNA_KEPALA)
        sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    kepala = r
    awal = r + 1
    akhir = awal + len(susunan.baris) - 1
    huruf = {k: get_column_letter(c) for k, c in pos.items()}
    jenis = huruf["jenis"]
    for i, b in enumerate(susunan.baris):
        rr = awal + i
        sel_teks(ws, rr, pos["jenis"], PENANDA if b.jenis == RINCIAN else b.jenis)
        if b.jenis == RINCIAN:
            sel_teks(ws, rr, pos["uraian"], f"{'  ' * b.kedalaman}{b.uraian}" + (f"\n{'  ' * b.kedalaman}{b.keterangan}" if b.keterangan else ""))
            if b.angka_setelah:
                _isi_angka(ws, rr, pos, b.angka_setelah, "")
            if susunan.perubahan and b.angka_sebelum:
                _isi_angka(ws, rr, pos, b.angka_sebelum, "s_")
        else:
            sel_teks(ws, rr, pos["kode"], b.kode, tebal=b.jenis == AKUN)
            sel_teks(ws, rr, pos["uraian"], f"{'  ' * b.kedalaman}{b.uraian}", tebal=True)
            a, z = awal + i + 1, awal + b.akhir - 1
            for kunci in ("jumlah", "s_jumlah") if susunan.perubahan else ("jumlah",):
                hk = huruf[kunci]
                _angka(ws, rr, pos[kunci], f'=SUMIF({jenis}{a}:{jenis}{z},"{PENANDA}",{hk}{a}:{hk}{z})', tebal=True)
            if b.jenis == AKUN:
                for c in range(1, len(kolom) + 1):
                    ws.cell(row=rr, column=c).fill = PatternFill("solid", fgColor=WARNA_AKUN)
        if susunan.perubahan:
            _angka(ws, rr, pos["selisih"], f"={huruf['jumlah']}{rr}-{huruf['s_jumlah']}{rr}", FORMAT_SELISIH, b.jenis != RINCIAN)
        ws.cell(row=rr, column=pos["uraian"]).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=kepala + 1, column=3)
    ws.print_title_rows = f"{kepala - (1 if susunan.perubahan else 0)}:{kepala}"
    return awal, akhir, akhir + 1


def _total(ws: Worksheet, r: int, awal: int, akhir: int, susunan: Susunan, kolom: list[Kolom], pagu: int) -> int:
    pos = {k.kunci: i for i, k in enumerate(kolom, start=1)}
    huruf = {k: get_column_letter(c) for k, c in pos.items()}
    j = huruf["jenis"]
    sel_teks(ws, r, pos["uraian"], "JUMLAH / TOTAL", tebal=True)
    for kunci in ("jumlah", "s_jumlah") if susunan.perubahan else ("jumlah",):
        hk = huruf[kunci]
        _angka(ws, r, pos[kunci], f'=SUMIF({j}{awal}:{j}{akhir},"{PENANDA}",{hk}{awal}:{hk}{akhir})', tebal=True)
    if susunan.perubahan:
        _angka(ws, r, pos["selisih"], f"={huruf['jumlah']}{r}-{huruf['s_jumlah']}{r}", FORMAT_SELISIH, True)
    total = f"{huruf['jumlah']}{r}"
    sel_teks(ws, r + 1, pos["uraian"], "Pagu anggaran / Budget ceiling", tebal=True)
    _angka(ws, r + 1, pos["jumlah"], pagu if pagu > 0 else None, tebal=True)
    if pagu <= 0:
        sel_teks(ws, r + 1, pos["harga"], "pagu belum diatur / not set")
    sel_teks(ws, r + 2, pos["uraian"], "Sisa pagu (negatif: melampaui pagu) / Remaining", tebal=True)
    if pagu > 0:
        _angka(ws, r + 2, pos["jumlah"], f"={huruf['jumlah']}{r + 1}-{total}", FORMAT_SELISIH, True)
    return r + 4


def _tanda_tangan(ws: Worksheet, r: int, sub: SubKegiatan, tanggal: dt.date, lebar: int) -> int:
    if not sub.penandatangan:
        return r
    tempat = f"{sub.tempat}, " if sub.tempat else ""
    petak = max(1, lebar // len(sub.penandatangan))
    for i, p in enumerate(sub.penandatangan):
        c = 2 + i * petak if len(sub.penandatangan) > 1 else lebar - 4
        baris = ([f"{tempat}{format_id.tanggal(tanggal)}"] if i == len(sub.penandatangan) - 1 else [""]) + [p.jabatan, "", "", "",
                                                                                                               p.nama, f"NIP. {p.nip}"]
        for j, teks in enumerate(baris):
            sel_teks(ws, r + j, c, teks, tebal=j == 5)
    return r + 8


def ke_rka_xlsx(rencana: Rencana, susunan: Susunan, sub: SubKegiatan, tahap: Tahap, wilayah: str, tanggal: dt.date,
                catatan: tuple[str, ...] = ()) -> bytes:
    """Workbook with one sheet, the form; A4 landscape, page numbers in the footer."""
    p = rencana.pengaturan
    kolom = kolom_form(susunan.perubahan)
    wb = Workbook()
    ws = wb.active
    ws.title = tahap.singkat
    r = _kepala_dokumen(ws, tahap, sub, wilayah, p.tahun, p.kantor, len(kolom) - 1)
    r = _indikator(ws, r, sub, len(kolom) - 1)
    awal, akhir, r = _badan(ws, r, susunan, kolom)
    r = _total(ws, r + 1, awal, akhir, susunan, kolom, p.pagu)
    for teks in catatan:
        sel_teks(ws, r, 1, teks)
        ws.cell(row=r, column=1).font = Font(italic=True, size=8)
        r += 1
    _tanda_tangan(ws, r + 1, sub, tanggal, len(kolom) - 1)
    for i, k in enumerate(kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = k.lebar
    ws.column_dimensions[get_column_letter(len(kolom))].hidden = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "Halaman &P dari &N / Page &P of &N"
    ws.oddFooter.left.text = f"{tahap.formulir} \u00b7 {sub.kode_sub[0]}"
    wb.properties.title = f"{tahap.singkat} {sub.kode_sub[0]} {wilayah} {p.tahun}"
    wb.properties.creator = "Peta Potensi KIM"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
