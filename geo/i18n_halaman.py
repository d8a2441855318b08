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
    "menu_lapor": {"id": "Lapor Kegiatan", "en": "Report an Activity"},
    "menu_akun": {"id": "Akun", "en": "Accounts"},
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
    "k_peran_lingkup": {"id": "Peran: {peran}, lingkup {lingkup}.", "en": "Role: {peran}, scope {lingkup}."},
    "k_lingkup_semua": {"id": "semua", "en": "everything"},
    "k_lapor_tautan": {"id": "Lapor kegiatan dari lapangan", "en": "Report an activity from the field"},
    "k_status_foto": {"id": "Status & foto potensi", "en": "Status & photo of a potential"},
    "k_anggaran_seluruh": {"id": "Rencana anggaran disunting oleh editor atau administrator seluruh wilayah.",
                           "en": "The budget plan is edited by an editor or administrator of the whole region."},
    "k_hanya_baca": {"id": "Data KIM (hanya baca)", "en": "KIM data (read only)"},
    "k_tab_tabel": {"id": "Tabel", "en": "Table"},
    "k_tab_lokasi": {"id": "Lokasi di peta", "en": "Location on the map"},
    "k_tab_lapangan": {"id": "Lapangan & foto", "en": "Field & photos"},
    "k_tab_unggah": {"id": "Unggah berkas", "en": "Upload a file"},
    "unggah_tombol": {"id": "Unggah", "en": "Upload"},  # the uploader's button (ui.navigasi.css_unggah)
    "unggah_seret": {"id": "Lepaskan berkas di sini", "en": "Drop the file here"},  # while a file is dragged over it
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
    "k_id_kim_bantu": {"id": "KIM di tabel KIM (Profil KIM). Kosongkan agar KIM dicari menurut nama KIM dan kelurahan.",
                       "en": "The KIM in the KIM table (KIM profiles). Leave empty to find the KIM by its name and kelurahan."},
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
    "k_log_berkas": {"id": "Berkas log kegiatan (CSV atau XLSX, maks. {mb} MB)", "en": "Activity log file (CSV or XLSX, max {mb} MB)"},
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
    # Budget forms and the what-if ceiling (ui/anggaran_form.py)
    "af_judul": {"id": "Formulir anggaran (RKA/RKPA/DPA/DPPA)", "en": "Budget forms (RKA/RKPA/DPA/DPPA)"},
    "af_simulasi_judul": {"id": "Simulasi pagu baru", "en": "What if the ceiling changes"},
    "af_tahap": {"id": "Tahap formulir", "en": "Form stage"},
    "af_perubahan": {"id": "perubahan", "en": "revised"},
    "af_murni": {"id": "murni", "en": "original"},
    "af_belum_ditetapkan": {"id": "Formulir {singkat} membandingkan dengan rencana yang ditetapkan, tetapi {berkas} "
                                  "belum ada. Tetapkan dulu rencana murni: `python -m geo anggaran tetapkan`.",
                            "en": "The {singkat} form compares with the adopted plan, but {berkas} does not exist yet. "
                                  "Adopt the original plan first: `python -m geo anggaran tetapkan`."},
    "af_isi": {"id": "{formulir}: kode rekening, koefisien, harga, PPN, subtotal per tingkat akun{perubahan}; "
                     "blok sub kegiatan dan tanda tangan dari wilayah.json.",
               "en": "{formulir}: account code, coefficient, price, VAT (PPN), subtotal per account level{perubahan}; "
                     "the sub-activity block and signatures from wilayah.json."},
    "af_isi_perubahan": {"id": ", kolom Sebelum/Setelah Perubahan dan Bertambah (Berkurang)",
                         "en": ", Before/After Revision and Increase (Decrease) columns"},
    "af_unduh_excel": {"id": "Unduh {singkat} (Excel)", "en": "Download {singkat} (Excel)"},
    "af_unduh_pdf": {"id": "Unduh {singkat} (PDF)", "en": "Download {singkat} (PDF)"},
    "af_sipd": {"id": "Unduh rincian SIPD (CSV)", "en": "Download SIPD lines (CSV)"},
    "af_sipd_bantu": {"id": "Satu baris per rincian dengan nama kolom SIPD; dapat dimuat kembali sebagai rencana.",
                      "en": "One row per line with SIPD column names; it can be loaded back as a plan."},
    "af_pagu_baru": {"id": "Pagu baru (rupiah)", "en": "New ceiling (rupiah)"},
    "af_pagu_bantu": {"id": "Aturan penyesuaian: README, anggaran sesuaikan.", "en": "The fitting rule: README, anggaran sesuaikan."},
    "af_ubah_pagu": {"id": "Ubah pagu untuk melihat rencana yang disesuaikan; semua baris tetap, harga satuan menyesuaikan.",
                     "en": "Change the ceiling to see the fitted plan; every line stays, unit prices adjust."},
    "af_simulasi": {"id": "**Simulasi:** {n} baris tetap; total {lama} \u2192 **{baru}** (tepat pagu baru). Belum disimpan.",
                    "en": "**What-if:** {n} lines kept; total {lama} \u2192 **{baru}** (exactly the new ceiling). Not saved."},
    "af_kol_komponen": {"id": "Komponen", "en": "Component"},
    "af_kol_harga_lama": {"id": "Harga lama", "en": "Old price"},
    "af_kol_harga_baru": {"id": "Harga baru", "en": "New price"},
    "af_kol_jumlah_lama": {"id": "Jumlah lama", "en": "Old amount"},
    "af_kol_jumlah_baru": {"id": "Jumlah baru", "en": "New amount"},
    "af_unduh_simulasi": {"id": "Unduh rencana hasil simulasi (CSV)", "en": "Download the what-if plan (CSV)"},
    "af_cara_simpan": {"id": "Untuk menyimpannya: `python -m geo anggaran sesuaikan --pagu {pagu}` (versi lama dicadangkan), "
                             "lalu ubah pagu_anggaran di wilayah.json.",
                       "en": "To save it: `python -m geo anggaran sesuaikan --pagu {pagu}` (the old version is backed up), "
                             "then change pagu_anggaran in wilayah.json."},
    # The budget map (geo/anggaran/peta.py): value options, layer, tooltip and legend
    "ap_nilai_alokasi": {"id": "Alokasi per kelurahan", "en": "Allocation per kelurahan"},
    "ap_nilai_per_anggota": {"id": "Alokasi per anggota KIM", "en": "Allocation per KIM member"},
    "ap_lapisan": {"id": "Alokasi anggaran", "en": "Budget allocation"},
    "ap_kim_dorman": {"id": "KIM dorman", "en": "Dormant KIM"},
    "ap_tidak": {"id": "tidak", "en": "no"},
    "ap_tanpa_alokasi": {"id": "Tanpa alokasi", "en": "No allocation"},
    "ap_tanpa_alokasi_data": {"id": "Tanpa alokasi atau {tanpa_data}", "en": "No allocation or {tanpa_data}"},
}
