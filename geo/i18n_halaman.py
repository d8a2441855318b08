"""Words of the other pages (menu, Kelola Data, Anggaran), in Indonesian and English.

Merged into :data:`geo.i18n.TEKS` like the print words, so every page string
goes through the one :func:`geo.i18n.t` and the English walk
(``tests/halaman/test_bahasa_halaman.py``) can find an Indonesian leftover.
"""

from __future__ import annotations

TEKS_HALAMAN: dict[str, dict[str, str]] = {
    # Menu
    "menu_peta": {"id": "Peta Potensi KIM", "en": "KIM Potential Map"},
    "menu_anggaran": {"id": "Anggaran", "en": "Budget"},
    "menu_kelola": {"id": "Kelola Data", "en": "Manage Data"},
    "menu_profil_kim": {"id": "Profil KIM", "en": "KIM Profiles"},
    # Kelola Data
    "k_judul_tab": {"id": "Kelola Data · Peta Potensi KIM", "en": "Manage Data · KIM Potential Map"},
    "k_judul": {"id": "Kelola Data", "en": "Manage Data"},
    "k_wilayah": {"id": "Wilayah: {wilayah} · berkas data: {berkas}", "en": "Region: {wilayah} · data file: {berkas}"},
    "k_masuk_sebagai": {"id": "Masuk sebagai **{nama}**. Setiap penyimpanan dicatat di log audit dan versi sebelumnya dicadangkan.",
                        "en": "Signed in as **{nama}**. Every save is written to the audit log and the previous version is backed up."},
    "k_keluar": {"id": "Keluar", "en": "Sign out"},
    "k_data_tidak_sah": {"id": "Data di {berkas} saat ini tidak sah ({n} galat), sehingga peta menampilkan laporan galat. "
                               "Perbaiki di sini atau pulihkan versi sebelumnya di tab Riwayat.",
                         "en": "The data in {berkas} is currently invalid ({n} errors), so the map shows the error report. "
                               "Fix it here or restore an earlier version on the History tab."},
    "k_hanya_baca": {"id": "Data KIM (hanya baca)", "en": "KIM data (read only)"},
    "k_tab_tabel": {"id": "Tabel", "en": "Table"},
    "k_tab_lokasi": {"id": "Lokasi di peta", "en": "Location on the map"},
    "k_tab_lapangan": {"id": "Lapangan & foto", "en": "Field & photos"},
    "k_tab_unggah": {"id": "Unggah berkas", "en": "Upload a file"},
    "k_tab_riwayat": {"id": "Riwayat & pemulihan", "en": "History & restore"},
    "k_tab_log": {"id": "Log kegiatan", "en": "Activity log"},
    "k_tab_anggaran": {"id": "Anggaran", "en": "Budget"},
    "k_login_judul": {"id": "**Masuk sebagai penyunting** — tanpa masuk, data hanya dapat dilihat.",
                      "en": "**Sign in as an editor** — without signing in, the data is read only."},
    "k_login_nama": {"id": "Nama pengguna", "en": "User name"},
    "k_login_sandi": {"id": "Kata sandi", "en": "Password"},
    "k_login_masuk": {"id": "Masuk", "en": "Sign in"},
    "k_login_tunggu": {"id": "Terlalu banyak percobaan yang gagal. Coba lagi dalam {n} detik.",
                       "en": "Too many failed attempts. Try again in {n} seconds."},
    "k_login_salah": {"id": "Nama pengguna atau kata sandi salah.", "en": "Wrong user name or password."},
    "k_editor_bantu": {"id": "Klik sel untuk mengubah; baris baru di bagian bawah tabel; centang baris lalu tekan ikon tempat sampah "
                             "untuk menghapus. Tidak ada yang tersimpan sebelum Anda menekan **Simpan perubahan**.",
                       "en": "Click a cell to change it; new rows at the bottom of the table; tick rows and press the bin icon to delete "
                             "them. Nothing is saved until you press **Save changes**."},
    "k_tanpa_perubahan": {"id": "Tidak ada perubahan yang belum disimpan.", "en": "No unsaved changes."},
    "k_belum_disimpan": {"id": "**Belum disimpan:** {ringkas}.", "en": "**Not saved yet:** {ringkas}."},
    "k_simpan": {"id": "Simpan perubahan", "en": "Save changes"},
    "k_batal": {"id": "Batalkan perubahan", "en": "Discard changes"},
    "k_log_keterangan": {"id": "Berkas: {berkas} · {n} kegiatan. Status pada suatu tanggal dihitung dari log ini. Jenis kegiatan: {jenis}.",
                         "en": "File: {berkas} · {n} activities. The status on a date is computed from this log. Activity types: {jenis}."},
    "k_log_simpan": {"id": "Simpan log kegiatan", "en": "Save the activity log"},
    "k_log_unggah": {"id": "**Unggah log kegiatan** (CSV, atau XLSX: lembar *Kegiatan* dari templat Excel atau lembar pertama)",
                     "en": "**Upload an activity log** (CSV, or XLSX: the *Kegiatan* sheet of the Excel template or the first sheet)"},
    "k_log_berkas": {"id": "Berkas log kegiatan", "en": "Activity log file"},
    # Anggaran
    "a_judul_tab": {"id": "Anggaran · Peta Potensi KIM", "en": "Budget · KIM Potential Map"},
    "a_judul": {"id": "Anggaran KIM", "en": "KIM Budget"},
    "a_data_tidak_sah": {"id": "Data KIM tidak sah ({berkas}), jadi anggaran tidak dapat dihitung.",
                         "en": "The KIM data is invalid ({berkas}), so the budget cannot be computed."},
    "a_sub": {"id": "Rencana Anggaran Biaya {wilayah} · tahun anggaran {tahun}", "en": "Budget plan (RAB) of {wilayah} · fiscal year {tahun}"},
    "a_contoh": {"id": "**Data contoh**: rencana anggaran ini dikarang untuk peragaan, bukan usulan resmi.",
                 "en": "**Sample data**: this budget plan is made up for demonstration, not an official proposal."},
    "a_belum_ada": {"id": "Belum ada rencana anggaran ({berkas}). Buat usulan awal dengan `python -m geo anggaran usul`, lalu sunting "
                          "di halaman Kelola Data (tab Anggaran).",
                    "en": "There is no budget plan yet ({berkas}). Make a first proposal with `python -m geo anggaran usul`, then edit "
                          "it on the Manage Data page (Budget tab)."},
    "a_tidak_sah": {"id": "Rencana anggaran {berkas} tidak sah: {n} galat. Perbaiki di halaman Kelola Data (tab Anggaran) atau buat "
                          "usulan awal dengan `python -m geo anggaran usul`.",
                    "en": "The budget plan {berkas} is invalid: {n} errors. Fix it on the Manage Data page (Budget tab) or make a "
                          "first proposal with `python -m geo anggaran usul`."},
    "a_tautan_diabaikan": {"id": "Bagian tautan diabaikan: {pesan}", "en": "Ignored part of the link: {pesan}"},
    "a_alokasi_kelurahan": {"id": "Alokasi per {unit}", "en": "Allocation per {unit}"},
    "a_rincian": {"id": "Rincian rencana", "en": "Plan lines"},
    "a_kosong": {"id": "Tidak ada baris anggaran yang cocok dengan filter ini.", "en": "No budget line matches these filters."},
    "a_peta_anggaran": {"id": "Peta anggaran", "en": "Budget map"},
    "a_warna_menurut": {"id": "Warna {unit} menurut", "en": "Colour {unit} by"},
    "a_tautan": {"id": "Alamat halaman menyimpan filter dan pilihan peta; salin untuk membagikannya.",
                 "en": "The page address keeps the filters and the map choice; copy it to share them."},
    "a_pagu": {"id": "Pagu anggaran", "en": "Budget ceiling"},
    "a_total": {"id": "Total rencana", "en": "Planned total"},
    "a_dalam_filter": {"id": "Dalam filter: {jumlah}", "en": "Within the filters: {jumlah}"},
    "a_sisa": {"id": "Sisa pagu", "en": "Remaining"},
    "a_lewat": {"id": "melampaui pagu {jumlah}", "en": "over the ceiling by {jumlah}"},
    "a_dorman": {"id": "Ke KIM dorman", "en": "To dormant KIM"},
    "a_persen_total": {"id": "{persen}% dari total rencana", "en": "{persen}% of the planned total"},
    "a_dalam_filter_baris": {"id": "Dalam filter ini: {jumlah} pada {n} baris anggaran.",
                             "en": "Within these filters: {jumlah} on {n} budget lines."},
    "a_basemap_tak_terjangkau": {"id": "Peta dasar tidak dapat dijangkau dari jaringan ini; peta digambar tanpa peta dasar.",
                                 "en": "The basemap cannot be reached from this network; the map is drawn without it."},
    "a_kol_alokasi": {"id": "Alokasi", "en": "Allocation"},
    "a_kol_per_anggota": {"id": "Per anggota", "en": "Per member"},
    "a_kol_dorman": {"id": "Dorman", "en": "Dormant"},
    "a_ya": {"id": "ya", "en": "yes"},
    "a_kol_kegiatan": {"id": "Kegiatan", "en": "Activity"},
    "a_kol_jenis": {"id": "Jenis belanja", "en": "Expense type"},
    "a_kol_rekening": {"id": "Kode rekening", "en": "Account code"},
    "a_kol_koefisien": {"id": "Koefisien", "en": "Coefficient"},
    "a_kol_satuan": {"id": "Satuan", "en": "Unit"},
    "a_kol_harga": {"id": "Harga satuan", "en": "Unit price"},
    "a_kol_jumlah": {"id": "Jumlah", "en": "Amount"},
    "a_kol_target": {"id": "Target", "en": "Target"},
    "a_kol_keterangan": {"id": "Keterangan", "en": "Notes"},
    "a_unduh_xlsx": {"id": "Unduh RAB (Excel)", "en": "Download RAB (Excel)"},
    "a_unduh_pdf": {"id": "Unduh RAB (PDF)", "en": "Download RAB (PDF)"},
}
