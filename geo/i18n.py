"""User-facing strings: Bahasa Indonesia by default, English as an option.

Officials read the page in Indonesian; English exists for partners and
reviewers. Every visible word of the dashboard page (and of the interactive
map and its HTML export) passes through :func:`t`, so a missing translation
shows up in the tests instead of as a half-English page. The printed
pages' words live in :mod:`geo.i18n_cetak` and are merged in here, like
the other pages' (:mod:`geo.i18n_halaman`) and the field report and account
pages' (:mod:`geo.i18n_lapor`) and the deeper Kelola Data tabs'
(:mod:`geo.i18n_kelola`); the offline XLSForm of
``geo/ekspor/formulir.py`` is labelled in both languages.
"""

from __future__ import annotations

import dataclasses
import math

from geo import format_id
from geo.galat import GalatData
from geo.i18n_cetak import TEKS_CETAK
from geo.i18n_halaman import TEKS_HALAMAN
from geo.i18n_kelola import TEKS_KELOLA
from geo.i18n_lapor import TEKS_LAPOR
from geo.i18n_rab import TEKS_RAB
from geo.masuk.wilayah import Wilayah
from geo.tampilan.agregat import kolom_kategori
from geo.tampilan.metrik import METRIK_DASAR, daftar_metrik
from geo.tampilan.saring import Filter

BAHASA: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
BAHASA_BAWAAN = "id"

TEKS: dict[str, dict[str, str]] = {
    # Page and sidebar
    "judul": {"id": "Peta Potensi KIM", "en": "KIM Potential Map"},
    "subjudul": {"id": "Komunitas Informasi Masyarakat {wilayah}", "en": "Community Information Groups (KIM) of {wilayah}"},
    "filter": {"id": "Filter", "en": "Filters"},
    "kategori": {"id": "Kategori potensi", "en": "Potential category"},
    "status": {"id": "Status aktivitas", "en": "Activity status"},
    "kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "cari": {"id": "Cari nama KIM atau potensi", "en": "Search KIM or potential name"},
    "semua": {"id": "Semua", "en": "All"},
    "tampilan_peta": {"id": "Tampilan peta", "en": "Map display"},
    "metrik": {"id": "Warna {unit} menurut", "en": "Colour {unit} by"},
    "skema": {"id": "Pembagian kelas", "en": "Classification"},
    "jumlah_kelas": {"id": "Jumlah kelas", "en": "Number of classes"},
    "basemap": {"id": "Peta dasar", "en": "Basemap"},
    "bahasa": {"id": "Bahasa", "en": "Language"},
    "reset": {"id": "Hapus semua filter", "en": "Clear all filters"},
    "tautan": {"id": "Alamat halaman ini menyimpan tampilan: salin dari bilah alamat untuk membagikannya.",
               "en": "This page's address keeps the view: copy it from the address bar to share it."},
    # Notices
    "catatan_contoh": {"id": "**Data contoh.** Data KIM ini adalah data contoh (sample data), bukan data resmi.",
                       "en": "**Sample data.** This KIM data is sample data (data contoh), not official data."},
    "catatan_skematik": {"id": "**Batas skematik.** Batas {satuan} bersifat skematik, bukan batas resmi.",
                         "en": "**Schematic boundaries.** {Satuan} boundaries are schematic, not official."},
    "kosong": {"id": "Tidak ada potensi yang cocok dengan filter ini. Longgarkan filter atau klik **Hapus semua filter**.",
               "en": "No potential matches these filters. Loosen them or click **Clear all filters**."},
    "param_salah": {"id": "Parameter alamat diabaikan: {pesan}", "en": "Ignored an address parameter: {pesan}"},
    "data_tidak_sah": {"id": "Data tidak dapat ditampilkan karena tidak sah", "en": "The data cannot be shown because it is invalid"},
    "data_tidak_sah_bantuan": {
        "id": "Perbaiki masalah di bawah pada berkas yang disebut, lalu muat ulang halaman. Berkas tidak diubah oleh aplikasi. "
              "Periksa juga dengan `python -m geo validate`.",
        "en": "Fix the problems below in the named files, then reload the page. The app never changes the files. "
              "You can also check with `python -m geo validate`."},
    "data_lama_disajikan": {
        "id": "Data tersimpan tidak sah ({berkas}); pengunjung tetap melihat versi sah terakhir. Perbaiki di halaman Kelola Data.",
        "en": "The stored data is invalid ({berkas}); visitors still see the last valid version. Fix it on the Kelola Data page."},
    "data_lama_rincian": {"id": "Rincian {n} galat", "en": "Details of {n} errors"},
    "galat_tak_terduga": {"id": "Terjadi kesalahan tak terduga saat memuat data: {pesan}",
                          "en": "An unexpected error occurred while loading the data: {pesan}"},
    "aset_gagal": {"id": "Berkas peta (Leaflet) tidak dapat disalin ke {folder}: {pesan}. Pastikan folder itu dapat ditulis, lalu muat ulang.",
                   "en": "The map files (Leaflet) could not be copied to {folder}: {pesan}. Make that folder writable, then reload."},
    "peringatan_data": {"id": "{n} peringatan data", "en": "{n} data warnings"},
    # KPI
    "kpi_kim": {"id": "KIM", "en": "KIM"},
    "kpi_potensi": {"id": "Potensi", "en": "Potentials"},
    "kpi_aktif": {"id": "Potensi aktif", "en": "Active potentials"},
    "kpi_anggota": {"id": "Anggota", "en": "Members"},
    "aktif": {"id": "Aktif", "en": "Active"},
    "kpi_dari": {"id": "dari {n} {unit}", "en": "of {n} {unit}"},
    "kpi_aktif_bantu": {"id": "{n} aktif", "en": "{n} active"},
    # Map
    "lapisan_kelurahan": {"id": "{Unit}", "en": "{Unit}"},
    "lapisan_potensi": {"id": "Potensi KIM", "en": "KIM potentials"},
    "lapisan_label": {"id": "Nama {unit}", "en": "{Unit} names"},
    "basemap_osm": {"id": "OpenStreetMap", "en": "OpenStreetMap"},
    "basemap_tak_terjangkau": {
        "id": "Peta dasar tidak dapat dijangkau dari jaringan ini, jadi peta ditampilkan di atas latar polos.",
        "en": "The basemap cannot be reached from this network, so the map is shown on a plain background.",
    },
    "basemap_putus": {"id": "{nama} (tak terjangkau)", "en": "{nama} (unreachable)"},
    "basemap_satelit": {"id": "Citra satelit", "en": "Satellite imagery"},
    "basemap_terang": {"id": "Peta terang", "en": "Light map"},
    "basemap_kosong": {"id": "Tanpa peta dasar", "en": "No basemap"},
    "layar_penuh": {"id": "Layar penuh", "en": "Full screen"},
    "keluar_layar_penuh": {"id": "Keluar dari layar penuh", "en": "Exit full screen"},
    "pas_data": {"id": "Tampilkan semua data", "en": "Zoom to all data"},
    "legenda": {"id": "Legenda", "en": "Legend"},
    "legenda_kategori": {"id": "Kategori potensi", "en": "Potential category"},
    "legenda_status": {"id": "Status aktivitas", "en": "Activity status"},
    "legenda_nol": {"id": "Semua {unit} bernilai sama", "en": "All {unit} have the same value"},
    # A share or a median of nothing (no potentials left, no log, no members): never shown as 0.
    "tanpa_data": {"id": "tidak ada data", "en": "no data"},
    "kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "unit": {"id": "{Unit}", "en": "{Unit}"},
    "induk": {"id": "{Induk}", "en": "{Induk}"},
    "kim": {"id": "KIM", "en": "KIM"},
    "potensi": {"id": "Potensi", "en": "Potential"},
    "anggota": {"id": "Anggota", "en": "Members"},
    "kegiatan_terakhir": {"id": "Kegiatan terakhir", "en": "Last activity"},
    "kontak": {"id": "Kontak", "en": "Contact"},
    "deskripsi": {"id": "Deskripsi", "en": "Description"},
    "skema_quantiles": {"id": "Kuantil", "en": "Quantiles"},
    "skema_natural_breaks": {"id": "Jeda alami (Jenks)", "en": "Natural breaks (Jenks)"},
    "skema_equal_interval": {"id": "Interval sama", "en": "Equal interval"},
    "catatan_peta_contoh": {"id": "Data contoh, bukan data resmi.", "en": "Sample data, not official."},
    "catatan_peta_skematik": {"id": "Batas {satuan} skematik, bukan batas resmi.", "en": "Schematic {satuan} boundaries, not official."},
    "dibuat": {"id": "Dibuat {tanggal}", "en": "Made {tanggal}"},
    # Detail panel
    "detail": {"id": "Rincian {satuan}", "en": "{Satuan} detail"},
    "pilih_kelurahan": {"id": "Pilih {satuan} (atau klik di peta)", "en": "Pick a {satuan} (or click the map)"},
    "pilih_placeholder": {"id": "Pilih {satuan}…", "en": "Choose a {satuan}…"},
    "belum_dipilih": {"id": "Klik sebuah {satuan} di peta atau pilih dari daftar untuk melihat KIM dan potensinya.",
                      "en": "Click a {satuan} on the map or pick one from the list to see its KIM and potentials."},
    "tanpa_kim": {"id": "Belum ada KIM tercatat", "en": "No KIM recorded yet"},
    "tanpa_potensi_filter": {"id": "Tidak ada potensi yang cocok dengan filter di {satuan} ini.",
                             "en": "No potential in this {satuan} matches the filters."},
    "jumlah_status": {"id": "Jumlah per status", "en": "Count by status"},
    "kelurahan_di_luar": {"id": "{Satuan} {nama} berada di luar filter kecamatan saat ini.",
                          "en": "{Satuan} {nama} is outside the current kecamatan filter."},
    "tutup": {"id": "Tutup rincian", "en": "Close detail"},
    # Overview
    "ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "tabel_potensi": {"id": "Daftar potensi", "en": "Potentials"},
    "tabel_bantu": {"id": "Klik judul kolom untuk mengurutkan.", "en": "Click a column header to sort."},
    "tabel_terpotong": {"id": "Tabel ini memuat {n} potensi pertama dari {total}; klik judul kolom untuk mengurutkan halaman ini. "
                              "Semua potensi ada di berkas CSV (atau Excel di panel unduh).",
                        "en": "This table holds the first {n} of {total} potentials; click a column header to sort this page. "
                              "Every potential is in the CSV file (or Excel in the download panel)."},
    "tabel_halaman_ini": {"id": "Tabel ini memuat potensi {awal}–{akhir} dari {total}; klik judul kolom untuk mengurutkan halaman ini. "
                                "Semua potensi ada di berkas CSV (atau Excel di panel unduh).",
                          "en": "This table holds potentials {awal}–{akhir} of {total}; click a column header to sort this page. "
                                "Every potential is in the CSV file (or Excel in the download panel)."},
    "tabel_hal": {"id": "Halaman {hal} dari {n}", "en": "Page {hal} of {n}"},
    "tabel_sebelumnya": {"id": "Sebelumnya", "en": "Previous"},
    "tabel_berikutnya": {"id": "Berikutnya", "en": "Next"},
    "cari_satuan": {"id": "Cari {satuan}", "en": "Search {satuan}"},
    "cari_satuan_bantu": {"id": "Ketik sebagian nama atau kode", "en": "Type part of a name or code"},
    "cari_satuan_cocok": {"id": "{n} {satuan} cocok; {k} pertama ada di daftar. Ketik lebih banyak untuk mempersempit.",
                          "en": "{n} {satuan} match; the first {k} are in the list. Type more to narrow them."},
    "cari_satuan_nihil": {"id": "Tidak ada {satuan} yang cocok dengan “{kueri}”.", "en": "No {satuan} matches “{kueri}”."},
    "kecamatan_terlalu_banyak": {"id": "Terlalu banyak kecamatan untuk satu daftar di tampilan ini. Klik satu wilayah di peta untuk masuk, lalu saring kecamatannya.",
                                 "en": "Too many kecamatan for one list in this view. Click an area on the map to drill in, then filter its kecamatan."},
    "belum_dipilih_agregat": {"id": "Pilih {satuan} dari daftar untuk melihat KIM dan potensinya, atau klik satu wilayah di peta untuk masuk ke dalamnya.",
                              "en": "Pick a {satuan} from the list to see its KIM and potentials, or click an area on the map to drill into it."},
    "pilih_terlalu_banyak": {"id": "Daftar ini kosong sampai Anda mencari: {n} {satuan} terlalu banyak untuk satu daftar. "
                                   "Ketik sebagian nama di kotak cari, atau klik satu wilayah di peta untuk masuk lalu pilih dari daftarnya.",
                             "en": "This list stays empty until you search: {n} {satuan} are too many for one list. "
                                   "Type part of a name in the search box, or click an area on the map to drill in and pick from its list."},
    "tabel_unduh_semua": {"id": "Unduh semua (CSV)", "en": "Download all (CSV)"},
    "grafik": {"id": "Grafik kategori dan status", "en": "Category and status charts"},
    "grafik_kategori": {"id": "Potensi per kategori", "en": "Potentials by category"},
    "grafik_status": {"id": "Status aktivitas per {kelompok}", "en": "Activity status by {kelompok}"},
    "jumlah": {"id": "Jumlah", "en": "Count"},
    "id_potensi": {"id": "ID", "en": "ID"},
    "nama_kim": {"id": "Nama KIM", "en": "KIM name"},
    "nama_potensi": {"id": "Nama potensi", "en": "Potential name"},
    "kategori_potensi": {"id": "Kategori", "en": "Category"},
    "status_aktivitas": {"id": "Status", "en": "Status"},
    "jumlah_anggota": {"id": "Anggota", "en": "Members"},
    "ekspor": {"id": "Unduh", "en": "Download"},
    # Download panel (ui/ekspor.py)
    "ekspor_judul_panel": {"id": "Unduh peta dan data", "en": "Download map and data"},
    "ekspor_keterangan": {"id": "Semua berkas mengikuti filter yang sedang dipakai. Berkas dibuat saat tombol diklik.", "en": "Every file follows the current filters. Files are made when you click a button."},
    "ekspor_judul": {"id": "Judul peta", "en": "Map title"},
    "ekspor_judul_bantu": {"id": "Kosongkan untuk judul otomatis dari filter.", "en": "Leave empty for a title generated from the filters."},
    "ekspor_ukuran": {"id": "Kertas", "en": "Paper"},
    "ekspor_dpi": {"id": "Resolusi", "en": "Resolution"},
    "ekspor_basemap": {"id": "Peta dasar OpenStreetMap (butuh internet)", "en": "OpenStreetMap basemap (needs internet)"},
    "ekspor_basemap_bantu": {"id": "Tanpa internet, gambar tetap dibuat tanpa peta dasar dan mencantumkan hal itu.", "en": "Without internet the picture is still made, without a basemap, and says so."},
    "ekspor_pemisah": {"id": "Pemisah kolom CSV", "en": "CSV column separator"},
    "ekspor_pemisah_bantu": {"id": "Excel berbahasa Indonesia biasanya memakai titik koma (;) dan koma desimal.", "en": "Excel in an Indonesian locale usually expects semicolons (;) and decimal commas."},
    "ekspor_peta": {"id": "Peta", "en": "Map"},
    "ekspor_data": {"id": "Data", "en": "Data"},
    "ekspor_rumus": {"id": "Sel yang diawali =, +, - atau @ diekspor sebagai teks, tidak pernah sebagai rumus Excel.", "en": "Cells starting with =, +, - or @ are exported as text, never as Excel formulas."},
    "ekspor_ukuran_a4-landscape": {"id": "A4 mendatar", "en": "A4 landscape"},
    "ekspor_ukuran_a4-portrait": {"id": "A4 tegak", "en": "A4 portrait"},
    "ekspor_pemisah_koma": {"id": "koma ( , )", "en": "comma ( , )"},
    "ekspor_pemisah_titik_koma": {"id": "titik koma ( ; )", "en": "semicolon ( ; )"},
    "ekspor_format_png": {"id": "Gambar siap cetak untuk laporan dan presentasi", "en": "Print-ready picture for reports and slides"},
    "ekspor_format_pdf": {"id": "Halaman A4 siap cetak", "en": "Print-ready A4 page"},
    "ekspor_format_html": {"id": "Peta interaktif satu berkas; bisa dibuka tanpa internet", "en": "Single-file interactive map; opens offline"},
    "ekspor_format_csv": {"id": "Tabel potensi (UTF-8, terbaca Excel)", "en": "Potentials table (UTF-8, Excel-friendly)"},
    "ekspor_format_xlsx": {"id": "Lembar potensi, ringkasan {unit} dan info", "en": "Sheets: potentials, {unit} summary, info"},
    "ekspor_format_geojson": {"id": "{Unit} dan titik potensi untuk QGIS", "en": "{Unit} and potential points for QGIS"},
    # Hardening (#8): a classification that yields fewer classes than asked says so.
    "legenda_kelas_kurang": {"id": "{n} kelas, bukan {diminta} yang diminta: nilai yang berbeda terlalu sedikit",
                             "en": "{n} classes, not the {diminta} requested: too few distinct values"},
    # Province and national scale (#13): levels, drill-down, breadcrumb
    "remah_bantu": {"id": "Klik satu wilayah di peta untuk masuk ke dalamnya.", "en": "Click an area on the map to drill into it."},
    "tingkat_provinsi": {"id": "provinsi", "en": "provinces"},
    "tingkat_kabkota": {"id": "kab/kota", "en": "regencies/cities"},
    "tingkat_kecamatan": {"id": "kecamatan", "en": "districts (kecamatan)"},
    "tingkat_kelurahan": {"id": "desa/kelurahan", "en": "villages (desa/kelurahan)"},
    "tingkat_ditampilkan": {"id": "Peta per {tingkat}", "en": "Map by {tingkat}"},
    # --- Revival over time (#10): activity log, status at a date, comparison ---
    "waktu": {"id": "Waktu", "en": "Time"},
    "waktu_pada": {"id": "Keadaan pada tanggal", "en": "State on date"},
    "waktu_pada_bantu": {"id": "Kosong = hari ini. Status dihitung dari log kegiatan: Aktif bila ada kegiatan kurang dari {n} bulan penuh "
                                "sebelumnya, Kurang Aktif bila kurang dari {m} bulan, selain itu Tidak Aktif.",
                         "en": "Empty = today. Status comes from the activity log: Active with an activity less than {n} whole months "
                               "before, Less active within {m} months, otherwise Inactive."},
    "waktu_banding": {"id": "Bandingkan dengan tanggal", "en": "Compare with date"},
    "waktu_banding_bantu": {"id": "Pilih tanggal kedua untuk melihat {unit} yang bertambah atau berkurang potensi aktifnya.",
                            "en": "Pick a second date to see which {unit} gained or lost active potentials."},
    "waktu_keadaan": {"id": "Keadaan pada **{pada}** (dari log kegiatan)", "en": "State on **{pada}** (from the activity log)"},
    "waktu_keadaan_banding": {"id": "Keadaan pada **{pada}**, dibandingkan dengan **{banding}** (dari log kegiatan)",
                              "en": "State on **{pada}**, compared with **{banding}** (from the activity log)"},
    "waktu_ringkas_banding": {"id": "Potensi aktif: **{a}** pada {pada} → **{b}** pada {banding} ({selisih}); **{bangkit}** potensi bangkit kembali, "
                                    "**{padam}** tidak lagi {aktif}.",
                              "en": "Active potentials: **{a}** on {pada} → **{b}** on {banding} ({selisih}); **{bangkit}** revived, "
                                    "**{padam}** no longer {aktif}."},
    "kpi_tidak_aktif": {"id": "KIM tidak aktif > {m} bulan", "en": "KIM inactive > {m} months"},
    "kpi_tidak_aktif_bantu": {"id": "KIM yang semua potensinya tanpa kegiatan {m} bulan penuh atau lebih (pada {pada})",
                              "en": "KIM whose potentials all had no activity for {m} whole months or more (on {pada})"},
    "status_tercatat": {"id": "Status tercatat", "en": "Recorded status"},
    "status_beda": {"id": "{n} potensi: status tercatat berbeda dengan status menurut log", "en": "{n} potentials: recorded status differs from the log"},
    "kegiatan_kim": {"id": "Kegiatan KIM ({n})", "en": "KIM activities ({n})"},
    "tanpa_kegiatan": {"id": "Belum ada kegiatan tercatat sampai tanggal ini.", "en": "No activity recorded up to this date."},
    "banding_kelurahan": {"id": "Perubahan {pada} → {banding}", "en": "Change {pada} → {banding}"},
    "garis_waktu": {"id": "Status potensi per bulan", "en": "Potential status per month"},
    "garis_waktu_kel": {"id": "Status potensi per bulan: {nama}", "en": "Potential status per month: {nama}"},
    "legenda_divergen": {"id": "Perubahan potensi aktif, {pada} → {banding}", "en": "Change in active potentials, {pada} → {banding}"},
    "bulan": {"id": "Bulan", "en": "Month"},
    "pita_pandemi": {"id": "{nama} ({mulai}\u2013{selesai})", "en": "Pandemic: {nama} ({mulai}\u2013{selesai})"},
    "kol_tanggal": {"id": "Tanggal", "en": "Date"},
    "kol_jenis_kegiatan": {"id": "Jenis kegiatan", "en": "Kind of activity"},
    "kol_peserta": {"id": "Peserta", "en": "Participants"},
    "kol_keterangan": {"id": "Keterangan", "en": "Notes"},
    "kol_nama_potensi": {"id": "Potensi", "en": "Potential"},
    "kol_aktif_pada": {"id": "Aktif {tanggal}", "en": "Active {tanggal}"},
    "kol_perubahan": {"id": "Perubahan", "en": "Change"},
    "kol_bangkit": {"id": "Bangkit kembali", "en": "Revived"},
    "legenda_skor_kim": {"id": "Skor KIM periode {periode} pada {pada} (rata-rata KIM per {unit}; 0–100)",
                         "en": "KIM score, period {periode}, on {pada} (mean of the KIM per {unit}; 0–100)"},
    "legenda_dormansi": {"id": "Bulan tidak aktif pada {pada} (median per {unit})", "en": "Months inactive on {pada} (median per {unit})"},
    # --- Profiles, atlas, photos and branding (#14) ---
    "atlas_judul": {"id": "Atlas dan profil", "en": "Atlas and profiles"},
    "atlas_tombol": {"id": "Atlas PDF", "en": "Atlas PDF"},
    "atlas_bantu": {"id": "Sampul, daftar isi dan satu halaman profil per {satuan} dalam tampilan ini", "en": "Cover, contents and one profile page per {satuan} in this view"},
    "profil_tombol": {"id": "Unduh profil {satuan} (PDF)", "en": "Download {satuan} profile (PDF)"},
    "profil_bantu": {"id": "Satu halaman siap cetak: peta, lokasi, KIM, status, potensi dan fotonya", "en": "One print-ready page: map, locator, KIM, status, potentials and their photos"},
    "foto_potensi": {"id": "Foto potensi", "en": "Photos of potentials"},
    "foto_judul": {"id": "Foto potensi", "en": "Potential photo"},
    "foto_unggah": {"id": "Ambil atau pilih foto (JPEG, PNG, WebP; maks. {mb} MB)", "en": "Take or choose a photo (JPEG, PNG, WebP; max {mb} MB)"},
    "foto_simpan": {"id": "Simpan foto", "en": "Save photo"},
    "foto_belum_dipilih": {"id": "Pilih atau ambil foto dulu, lalu tekan Simpan foto.", "en": "Choose or take a photo first, then press Save photo."},
    "foto_tersimpan": {"id": "Foto {id} tersimpan ({lebar} × {tinggi} piksel, tanpa data lokasi/EXIF).", "en": "Photo {id} saved ({lebar} × {tinggi} pixels, location/EXIF removed)."},
    "foto_keterangan": {"id": "Foto diperiksa, diperkecil dan dibersihkan dari data lokasi (EXIF) sebelum disimpan di data/foto/. Foto lama dicadangkan.", "en": "Photos are checked, downsized and stripped of location data (EXIF) before they are stored in data/foto/. The old photo is backed up."},
    # Province and national scale: aggregate maps mark potentials only inside smaller units.
    "titik_agregat": {"id": "Titik potensi tidak digambar di peta ini (lebih dari {n} potensi); klik satu wilayah untuk masuk dan melihatnya.",
                      "en": "Potential markers are not drawn on this map (more than {n} potentials); click an area to drill in and see them."},
}
TEKS.update(TEKS_CETAK)  # the printed pages' words (geo/i18n_cetak.py)
TEKS.update(TEKS_RAB)  # the RAB print's words (geo/i18n_rab.py)
TEKS.update(TEKS_HALAMAN)  # menu, Kelola Data and Anggaran (geo/i18n_halaman.py)
TEKS.update(TEKS_LAPOR)  # Lapor and Akun (geo/i18n_lapor.py)
TEKS.update(TEKS_KELOLA)  # deeper Kelola Data tabs (geo/i18n_kelola.py)

_METRIK_EN = {
    "jumlah_potensi": "Number of potentials",
    "jumlah_aktif": "Number of active potentials",
    "persen_aktif": "Share active (%)",
    "jumlah_anggota": "Number of members",
    "bulan_tidak_aktif": "Months inactive (median per kelurahan)",
    "perubahan_aktif": "Change in active potentials",
    "skor_kim": "KIM score (mean of the KIM per kelurahan)",
}


def bahasa_sah(bahasa: str | None) -> str:
    """Any unknown language code falls back to Indonesian."""
    return bahasa if bahasa in BAHASA else BAHASA_BAWAAN


_SEBUTAN_BAWAAN = {"unit": "kelurahan", "induk": "kecamatan", "satuan": "kelurahan",
                   "Unit": "Kelurahan", "Induk": "Kecamatan", "Satuan": "Kelurahan"}


class _Isian(dict):
    """Placeholders the caller did not fill stay as written (as before the unit words existed)."""

    def __missing__(self, kunci: str) -> str:
        return "{" + kunci + "}"


def t(kunci: str, bahasa: str = BAHASA_BAWAAN, **isian: object) -> str:
    """The string ``kunci`` in ``bahasa``, with ``{placeholders}`` filled in."""
    teks = TEKS[kunci]
    pola = teks.get(bahasa_sah(bahasa)) or teks[BAHASA_BAWAAN]
    if "{" not in pola:
        return pola
    # {unit}/{induk}/{satuan} name the view's units (geo.tampilan.sebutan); a kota of kelurahan by default.
    return pola.format_map(_Isian({**_SEBUTAN_BAWAAN, **isian}))


def label_metrik(metrik: str, wilayah: Wilayah, bahasa: str = BAHASA_BAWAAN) -> str:
    """A metric's label; per-category counts name their category.

    The only metric-label function (page, map, exports, CLI); an unknown
    metric raises :class:`~geo.galat.GalatData` listing the valid names.
    """
    if bahasa_sah(bahasa) == "en":
        if metrik in _METRIK_EN:
            return _METRIK_EN[metrik]
        for k in wilayah.kategori_potensi:
            if kolom_kategori(k) == metrik:
                return f"Number of {wilayah.label(k, 'en')} potentials"
    if metrik in METRIK_DASAR:
        return METRIK_DASAR[metrik]
    for k in wilayah.kategori_potensi:
        if kolom_kategori(k) == metrik:
            return f"Jumlah potensi {k}"
    raise GalatData(f"Metrik '{metrik}' tidak dikenal. Pilihan: {', '.join(daftar_metrik(wilayah))}.")


def angka(nilai: float | None, bahasa: str = BAHASA_BAWAAN, desimal: int | None = None) -> str:
    return format_id.angka(nilai, desimal=desimal, bahasa=bahasa_sah(bahasa))


def persen(nilai: float | None, bahasa: str = BAHASA_BAWAAN) -> str:
    return format_id.persen(nilai, bahasa=bahasa_sah(bahasa))


def tanggal(nilai: object, bahasa: str = BAHASA_BAWAAN) -> str:
    return format_id.tanggal(nilai, bahasa=bahasa_sah(bahasa))


def nilai_metrik(metrik: str, nilai: float | None, bahasa: str = BAHASA_BAWAAN) -> str:
    """A metric value as shown in tooltips and legends (percent sign for percentages).

    A missing value (NaN/None: a share of no potentials, dormancy without a log) says "no data", never 0.
    """
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return t("tanpa_data", bahasa)
    if metrik == "perubahan_aktif" and nilai is not None and nilai > 0:
        return "+" + angka(nilai, bahasa)  # a gain reads as a gain on the diverging legend
    return persen(nilai, bahasa) if metrik == "persen_aktif" else angka(nilai, bahasa)


def deskripsi_filter(f: Filter, bahasa: str = BAHASA_BAWAAN, wilayah: Wilayah | None = None) -> str:
    """The filter in words; Indonesian is the core's own wording, shared with the exports. In English the
    chosen categories and statuses read as ``wilayah`` names them in English (``Wilayah.label``)."""
    if bahasa_sah(bahasa) != "en":
        return f.deskripsi()
    if wilayah is not None:
        f = dataclasses.replace(f, kategori=tuple(wilayah.label(k, "en") for k in f.kategori),
                                status=tuple(wilayah.label(s, "en") for s in f.status))
    return f.deskripsi({"kategori": "Category", "cari": "Search", "semua": "All potentials (no filter)"})
