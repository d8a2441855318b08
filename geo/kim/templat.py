"""The KIM table's sheet in the Excel template (``python -m geo template``)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from geo.ekspor.templat_kegiatan import lembar_berjudul
from geo.kim.profil import KOLOM_PROFIL

LEMBAR_PROFIL = "Profil KIM"
PETUNJUK_PROFIL: dict[str, str] = {
    "id_kim": "wajib, tetap dan unik: huruf, angka, titik, garis bawah, tanda hubung (mis. KIM-BTG-01)",
    "nama_kim": "wajib; sama dengan nama_kim di lembar Potensi", "kode_kelurahan": "wajib; kode Kemendagri",
    "sk_tanggal": "tanggal SK pembentukan (13/07/2022 atau 2022-07-13)", "ad_art": "ya / tidak",
    "website": "URL lengkap diawali https:// (juga blog, instagram, facebook, youtube)",
    "pos_website": "tanggal pos terakhir di kanal itu (juga pos_blog, pos_instagram, …)",
    "bimtek": "tanggal | judul; entri dipisah ';' (mis. 2026-03-14 | Bimtek jurnalistik; 2025-08-02 | Pelatihan video)",
    "bantuan": "tanggal | barang; entri dipisah ';'", "penghargaan": "tahun | tingkat | peringkat; entri dipisah ';'",
    "logo": "nama berkas gambar (JPEG/PNG/WebP) di folder logo_kim/ di samping tabel",
}


def tambah_lembar_profil(wb: Workbook, baris_isian: int = 500) -> list[list[str]]:
    """Add the "Profil KIM" sheet (one row per KIM); returns the instruction lines for the Petunjuk sheet."""
    ws = lembar_berjudul(wb, LEMBAR_PROFIL, KOLOM_PROFIL)
    ws.freeze_panes = "B2"
    for i, kolom in enumerate(KOLOM_PROFIL, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 40 if kolom in ("bimtek", "bantuan", "penghargaan") else 18
    huruf = get_column_letter(KOLOM_PROFIL.index("ad_art") + 1)
    dv = DataValidation(type="list", formula1='"ya,tidak"', allow_blank=True, showErrorMessage=True,
                        errorTitle="AD/ART", error="Isi ya atau tidak.")
    dv.add(f"{huruf}2:{huruf}{baris_isian + 1}")
    ws.add_data_validation(dv)
    return [["Lembar Profil KIM (opsional): satu baris per KIM; simpan sebagai profil_kim.csv atau .xlsx di samping kim.csv."],
            *([k, v] for k, v in PETUNJUK_PROFIL.items())]
