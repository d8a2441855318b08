"""The RAB print's words (XLSX and PDF), in Indonesian and English.

The RAB follows the page's language like the map prints do; merged into
:data:`geo.i18n.TEKS` so they are fetched with :func:`geo.i18n.t`. The
Indonesian wording is the document's official one and stays unchanged.
"""

from __future__ import annotations

TEKS_RAB: dict[str, dict[str, str]] = {
    "rab_judul": {"id": "Rencana Anggaran Biaya (RAB) Kegiatan Komunitas Informasi Masyarakat (KIM)",
                  "en": "Budget plan (RAB) for Community Information Group (KIM) activities"},
    "rab_wilayah": {"id": "Wilayah", "en": "Region"},
    "rab_tahun": {"id": "Tahun anggaran", "en": "Fiscal year"},
    "rab_kantor": {"id": "Kantor", "en": "Office"},
    "rab_tanggal": {"id": "Tanggal", "en": "Date"},
    "rab_sumber": {"id": "Sumber", "en": "Source"},
    "rab_catatan": {"id": "Catatan", "en": "Note"},
    "rab_rencana": {"id": "rencana {berkas}", "en": "plan {berkas}"},
    "rab_kegiatan": {"id": "Kegiatan", "en": "Activity"},
    "rab_jenis": {"id": "Jenis belanja", "en": "Expense type"},
    "rab_volume": {"id": "Volume", "en": "Quantity"},
    "rab_vol": {"id": "Vol", "en": "Qty"},
    "rab_satuan": {"id": "Satuan", "en": "Unit"},
    "rab_harga": {"id": "Harga satuan", "en": "Unit price"},
    "rab_jumlah": {"id": "Jumlah", "en": "Amount"},
    "rab_keterangan": {"id": "Keterangan", "en": "Remarks"},
    "rab_ppn": {"id": "PPN", "en": "VAT (PPN)"},
    "rab_tambah_ppn": {"id": "+ PPN {persen}%", "en": "+ VAT {persen}%"},
    "rab_total": {"id": "JUMLAH TOTAL", "en": "TOTAL"},
    "rab_sesuai_filter": {"id": " (sesuai filter)", "en": " (matching the filters)"},
    "rab_pagu": {"id": "Pagu anggaran", "en": "Budget ceiling"},
    "rab_total_rencana": {"id": "Total rencana", "en": "Planned total"},
    "rab_sisa": {"id": "Sisa pagu", "en": "Remaining"},
    "rab_sisa_negatif": {"id": "Sisa pagu (negatif: melampaui pagu)", "en": "Remaining (negative: over the ceiling)"},
    "rab_ke_dorman": {"id": "Ke KIM dorman", "en": "To dormant KIM"},
    "rab_anggota": {"id": "Anggota", "en": "Members"},
    "rab_alokasi": {"id": "Alokasi", "en": "Allocation"},
    "rab_per_anggota": {"id": "Alokasi per anggota", "en": "Allocation per member"},
    "rab_kim_dorman": {"id": "KIM dorman", "en": "Dormant KIM"},
    "rab_ya": {"id": "ya", "en": "yes"},
    "rab_tidak": {"id": "tidak", "en": "no"},
    "rab_jumlah_baris": {"id": "Jumlah", "en": "Total"},
    "rab_peta_judul": {"id": "Peta alokasi anggaran per kelurahan \u2014 {filter}", "en": "Budget allocation per kelurahan \u2014 {filter}"},
    "rab_alokasi_kelurahan": {"id": "Alokasi per kelurahan", "en": "Allocation per kelurahan"},
    "rab_alokasi_filter": {"id": "Alokasi per kelurahan (sesuai filter)", "en": "Allocation per kelurahan (matching the filters)"},
    "rab_tanpa_alokasi": {"id": "Tanpa alokasi", "en": "No allocation"},
    "rab_catatan_dorman": {"id": "* KIM dorman: kegiatan terakhir \u2265 {n} bulan lalu.",
                           "en": "* Dormant KIM: last activity \u2265 {n} months ago."},
    "rab_rincian": {"id": "Rincian anggaran per kelurahan dan KIM", "en": "Budget lines per kelurahan and KIM"},
}
