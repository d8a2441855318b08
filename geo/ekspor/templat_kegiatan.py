"""The activity-log sheet of the Excel template: the log's columns and a dropdown of kinds."""

from __future__ import annotations

from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from geo.masuk.kegiatan import KOLOM_KEGIATAN, jenis_kegiatan
from geo.masuk.wilayah import Wilayah

LEMBAR_KEGIATAN = "Kegiatan"
PETUNJUK_KEGIATAN: dict[str, str] = {
    "id_kegiatan": "Id unik setiap kegiatan, mis. KEG-00001.",
    "id_potensi": "id_potensi dari lembar Potensi (kim.csv) yang melakukan kegiatan.",
    "tanggal": "Tanggal kegiatan, mis. 13/07/2022.",
    "jenis_kegiatan": "Pilih dari daftar.",
    "peserta": "Jumlah peserta, boleh kosong.",
    "keterangan": "Teks bebas, boleh kosong.",
}


def lembar_berjudul(wb: Workbook, nama: str, kolom: tuple[str, ...] | list[str]):
    """A new sheet whose first row holds the column names in the template's header style."""
    ws = wb.create_sheet(nama)
    ws.append(list(kolom))
    for sel in ws[1]:
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="1F4E79")
    return ws


def tambah_lembar_kegiatan(wb: Workbook, wilayah: Wilayah, baris_isian: int = 1000, lembar_daftar: str = "Daftar") -> None:
    """Add the "Kegiatan" sheet (headers, the kinds as a dropdown fed from the lists sheet)."""
    ws = lembar_berjudul(wb, LEMBAR_KEGIATAN, KOLOM_KEGIATAN)
    ws.freeze_panes = "A2"
    for i, kolom in enumerate(KOLOM_KEGIATAN, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 40 if kolom == "keterangan" else 18
    pilihan = list(jenis_kegiatan(wilayah))
    daftar = wb[lembar_daftar] if lembar_daftar in wb.sheetnames else wb.create_sheet(lembar_daftar)
    kolom_daftar = daftar.max_column + 2  # after the KIM lists, never inside the log's own table
    huruf_daftar = get_column_letter(kolom_daftar)
    daftar.cell(row=1, column=kolom_daftar, value="jenis_kegiatan").font = Font(bold=True)
    daftar.column_dimensions[huruf_daftar].width = 20
    for i, nilai in enumerate(pilihan, start=2):
        daftar.cell(row=i, column=kolom_daftar, value=nilai).data_type = "s"
    huruf = get_column_letter(KOLOM_KEGIATAN.index("jenis_kegiatan") + 1)
    dv = DataValidation(type="list", formula1=f"={quote_sheetname(lembar_daftar)}!${huruf_daftar}$2:${huruf_daftar}${len(pilihan) + 1}",
                        allow_blank=True, showErrorMessage=True, errorTitle="Jenis kegiatan tidak dikenal",
                        error="Pilih jenis kegiatan dari daftar.")
    dv.add(f"{huruf}2:{huruf}{baris_isian + 1}")
    ws.add_data_validation(dv)
