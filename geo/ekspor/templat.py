"""A blank KIM workbook for Excel, with dropdowns that prevent typos at the source.

Most validation errors officials meet are spelling: a category, a status or a
kelurahan typed by hand. The template offers those as Excel dropdown lists
fed from the region's own vocabulary and reference table, so nothing here is
specific to one kota.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from geo.ekspor.templat_kegiatan import PETUNJUK_KEGIATAN, tambah_lembar_kegiatan
from geo.masuk import skema
from geo.masuk.referensi import Referensi
from geo.masuk.wilayah import Wilayah

BARIS_ISIAN = 1000  # rows that get dropdowns; Excel copies them further on its own
LEMBAR_DATA, LEMBAR_DAFTAR, LEMBAR_PETUNJUK = "Potensi", "Daftar", "Petunjuk"

PETUNJUK: dict[str, str] = {
    "id_potensi": "Id unik setiap baris, mis. BTG-KUA-01. Jangan dipakai dua kali.",
    "nama_kim": "Nama KIM.",
    "kode_kelurahan": "Kode Kemendagri kelurahan (lihat lembar Daftar). Boleh kosong bila nama kelurahan diisi.",
    "kelurahan": "Pilih dari daftar.",
    "kecamatan": "Pilih dari daftar; harus sesuai kelurahannya.",
    "kategori_potensi": "Pilih dari daftar.",
    "nama_potensi": "Teks bebas.",
    "deskripsi": "Teks bebas, boleh kosong.",
    "status_aktivitas": "Pilih dari daftar.",
    "jumlah_anggota": "Bilangan bulat 0 atau lebih.",
    "kegiatan_terakhir": "Tanggal kegiatan terakhir, mis. 13/07/2022.",
    "lintang": "Lintang WGS84 derajat desimal, mis. 0,1331 (ambil dari peta).",
    "bujur": "Bujur WGS84 derajat desimal, mis. 117,4915.",
    "kontak": "Opsional.",
}


def _daftar(ws, kolom: int, judul: str, isi: list[str]) -> str:
    """Write a list into the Daftar sheet; returns the absolute range for a dropdown."""
    ws.cell(row=1, column=kolom, value=judul).font = Font(bold=True)
    for i, nilai in enumerate(isi, start=2):
        ws.cell(row=i, column=kolom, value=nilai).data_type = "s"
    huruf = get_column_letter(kolom)
    ws.column_dimensions[huruf].width = max(14, *(len(v) + 2 for v in [judul, *isi]))
    return f"{quote_sheetname(LEMBAR_DAFTAR)}!${huruf}$2:${huruf}${len(isi) + 1}"


def _dropdown(ws, rentang: str, kolom: str, nama: str) -> None:
    huruf = get_column_letter(skema.KOLOM_KIM.index(kolom) + 1)
    dv = DataValidation(type="list", formula1=f"={rentang}", allow_blank=True, showErrorMessage=True,
                        errorTitle=f"{nama} tidak dikenal", error=f"Pilih {nama.lower()} dari daftar.")
    dv.add(f"{huruf}2:{huruf}{BARIS_ISIAN + 1}")
    ws.add_data_validation(dv)


def buat_templat(wilayah: Wilayah, referensi: Referensi) -> bytes:
    """The template workbook as XLSX bytes: data sheet, lists, and instructions."""
    wb = Workbook()
    data = wb.active
    data.title = LEMBAR_DATA
    data.append(list(skema.KOLOM_KIM))
    for sel in data[1]:
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="1F4E79")
        sel.alignment = Alignment(vertical="center")
    data.freeze_panes = "A2"
    for i, kolom in enumerate(skema.KOLOM_KIM, start=1):
        data.column_dimensions[get_column_letter(i)].width = 34 if kolom in skema.KOLOM_TEKS_BEBAS else 18
    for kolom in ("kode_kelurahan", "id_potensi", "nama_kim", "nama_potensi", "deskripsi", "kontak"):
        huruf = get_column_letter(skema.KOLOM_KIM.index(kolom) + 1)
        data.column_dimensions[huruf].number_format = "@"  # text: codes keep their dots, formulas stay text

    daftar = wb.create_sheet(LEMBAR_DAFTAR)
    tabel = referensi.tabel
    rentang = {
        "kategori_potensi": _daftar(daftar, 1, "kategori_potensi", list(wilayah.kategori_potensi)),
        "status_aktivitas": _daftar(daftar, 2, "status_aktivitas", list(wilayah.status_aktivitas)),
        "kelurahan": _daftar(daftar, 3, "kelurahan", [str(v) for v in tabel["kelurahan"]]),
        "kecamatan": _daftar(daftar, 6, "kecamatan", referensi.kecamatan()),
    }
    _daftar(daftar, 4, "kode_kelurahan", [str(v) for v in tabel["kode"]])
    _daftar(daftar, 5, "kecamatan_kelurahan", [str(v) for v in tabel["kecamatan"]])
    for kolom, nama in (("kategori_potensi", "Kategori"), ("status_aktivitas", "Status"),
                        ("kelurahan", "Kelurahan"), ("kecamatan", "Kecamatan")):
        _dropdown(data, rentang[kolom], kolom, nama)

    petunjuk = wb.create_sheet(LEMBAR_PETUNJUK)
    petunjuk.append([f"Templat data KIM — {wilayah.nama}"])
    petunjuk["A1"].font = Font(bold=True, size=13)
    petunjuk.append(["Isi lembar Potensi, satu baris per potensi. Periksa dengan 'python -m geo validate --kim BERKAS.xlsx'."])
    petunjuk.append([])
    petunjuk.append(["kolom", "isi"])
    for kolom in skema.KOLOM_KIM:
        petunjuk.append([kolom, PETUNJUK.get(kolom, "")])
    petunjuk.column_dimensions["A"].width = 20
    petunjuk.column_dimensions["B"].width = 100
    # The optional activity log (issue #10): its own sheet, uploaded on Kelola Data as "log kegiatan".
    tambah_lembar_kegiatan(wb, wilayah, BARIS_ISIAN, LEMBAR_DAFTAR)
    petunjuk.append([])
    petunjuk.append(["Lembar Kegiatan (opsional): satu baris per kegiatan; unggah di Kelola Data, tab Log kegiatan."])
    for kolom, isi in PETUNJUK_KEGIATAN.items():
        petunjuk.append([kolom, isi])
    # The KIM table (issue #25): one row per KIM.
    from geo.kim.templat import tambah_lembar_profil

    petunjuk.append([])
    for baris in tambah_lembar_profil(wb, BARIS_ISIAN):
        petunjuk.append(baris)

    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
