"""Words of the deeper Kelola Data tabs (Lapangan, Lokasi, Unggah, Riwayat, the #20 status notes), in Indonesian and English.

Merged into :data:`geo.i18n.TEKS`; the Indonesian text is the tabs' original
wording, unchanged, so the existing page tests read the same page.
"""

from __future__ import annotations

TEKS_KELOLA: dict[str, dict[str, str]] = {
    # The map status before saving (ui.kelola.catatan_status, ui.kelola_lapangan.pratinjau_status)
    "ks_sebab_log": {"id": "menurut log kegiatan", "en": "from the activity log"},
    "ks_sebab_tercatat": {"id": "tercatat", "en": "as recorded"},
    "ks_sebab_belum": {"id": "belum ada kegiatan tercatat", "en": "no activity recorded yet"},
    "ks_lainnya": {"id": ", dan {n} lainnya", "en": ", and {n} more"},
    "ks_status_lain": {
        "id": "Peta akan menampilkan status lain untuk {n} potensi: {contoh}{lagi}. "
              "Potensi yang punya kegiatan di log memakai status menurut log; tanpa kegiatan dan tanpa tanggal "
              "kegiatan_terakhir: Tidak Aktif (aturan status di README).",
        "en": "The map will show another status for {n} potentials: {contoh}{lagi}. "
              "A potential with activities in the log takes its status from the log; with no activity and no "
              "kegiatan_terakhir date: Tidak Aktif (the status rule in the README)."},
    "ks_berantai": {"id": "Hapus juga kegiatan dan baris anggaran yang merujuk potensi yang dihapus (hapus berantai, "
                          "dicatat di audit dan dicadangkan)",
                    "en": "Also remove the activities and budget lines that name the removed potentials (cascading removal, "
                          "audited and backed up)"},
    "ks_akan_tampil": {"id": "Peta akan menampilkan: **{status}**.", "en": "The map will show: **{status}**."},
    "ks_tetap_log": {"id": "Peta akan tetap menampilkan **{status}**: status potensi ini dihitung dari "
                           "log kegiatan (aturan status di README). Catat kegiatannya di tab Log kegiatan agar statusnya berubah.",
                     "en": "The map will still show **{status}**: this potential's status is computed from the "
                           "activity log (the status rule in the README). Record its activity on the Activity log tab to change it."},
    "ks_tanpa_kegiatan": {"id": "Peta akan menampilkan **{status}**: belum ada kegiatan tercatat untuk potensi "
                                "ini (tidak ada di log kegiatan dan kegiatan_terakhir kosong). Catat kegiatannya di tab Log kegiatan.",
                          "en": "The map will show **{status}**: no activity is recorded for this potential yet "
                                "(none in the activity log and kegiatan_terakhir is empty). Record its activity on the Activity log tab."},
    # Lapangan & foto (ui/kelola_lapangan.py)
    "kl_kosong": {"id": "Belum ada potensi tersimpan.", "en": "No potential is stored yet."},
    "kl_cari": {"id": "Cari potensi (ketik nama, kelurahan atau id)", "en": "Find a potential (type a name, kelurahan or id)"},
    "kl_cari_contoh": {"id": "Ketik untuk mencari…", "en": "Type to search…"},
    "kl_simpan_status": {"id": "Simpan status", "en": "Save status"},
    "foto_tak_siap": {"id": "Foto tidak dapat disiapkan untuk ditampilkan ({pesan}).", "en": "The photos could not be prepared for display ({pesan})."},
    "kl_foto_kini": {"id": "Foto saat ini", "en": "Current photo"},
    # Lokasi di peta (ui/kelola_peta.py)
    "kp_kosong": {"id": "Tabel masih kosong. Tambahkan baris di tab Tabel terlebih dahulu.",
                  "en": "The table is still empty. Add rows on the Table tab first."},
    "kp_tanpa_id": {"id": "(tanpa id)", "en": "(no id)"},
    "kp_pilih": {"id": "Potensi yang lokasinya diatur", "en": "Potential whose location is set"},
    "kp_tersimpan": {"id": "**Lokasi tersimpan:** {lokasi}", "en": "**Stored location:** {lokasi}"},
    "kp_belum_ada": {"id": "belum ada", "en": "none yet"},
    "kp_klik": {"id": "Klik peta di tempat potensi ini berada. Titik biru menandai pilihan Anda; titik merah lokasi sekarang.",
                "en": "Click the map where this potential is. The blue dot marks your choice; the red dot the current location."},
    "kp_baru": {"id": "**Lokasi baru:** {lokasi}", "en": "**New location:** {lokasi}"},
    "kp_di_kelurahan": {"id": "di Kelurahan **{nama}**", "en": "in Kelurahan **{nama}**"},
    "kp_di_luar": {"id": "di luar semua batas kelurahan", "en": "outside every kelurahan boundary"},
    "kp_beda_kelurahan": {"id": "Titik ini berada di Kelurahan {nama}, sedangkan baris ini tercatat di {tercatat}.",
                          "en": "This point is in Kelurahan {nama}, while this row is recorded in {tercatat}."},
    "kp_kosong_isi": {"id": "(kosong)", "en": "(empty)"},
    "kp_ganti_kelurahan": {"id": "Ubah juga kelurahannya menjadi {nama}", "en": "Also change its kelurahan to {nama}"},
    "kp_luar_batas": {"id": "Titik di luar batas wilayah akan ditolak atau diperingatkan saat disimpan. Periksa kembali.",
                      "en": "A point outside the region's boundary is refused or warned about when saving. Check it again."},
    "kp_pakai": {"id": "Pakai lokasi ini", "en": "Use this location"},
    "kp_diperbarui": {"id": "Lokasi {id} diperbarui di tabel. Tekan **Simpan perubahan** di tab Tabel untuk menyimpannya.",
                      "en": "Location of {id} updated in the table. Press **Save changes** on the Table tab to save it."},
    # Unggah berkas and Riwayat (ui/kelola_berkas.py)
    "kb_mode_gabung": {"id": "Gabungkan menurut id_potensi: baris dengan id yang sama diganti, id baru ditambahkan, baris lain tetap",
                       "en": "Merge by id_potensi: rows with the same id are replaced, new ids are added, other rows stay"},
    "kb_mode_ganti": {"id": "Ganti seluruh data dengan isi berkas ini (baris yang tidak ada di berkas dihapus)",
                      "en": "Replace all data with this file's content (rows not in the file are removed)"},
    "kb_ringkas": {"id": "**{judul}** {tambah} baris ditambah · {ubah} diubah · {hapus} dihapus",
                   "en": "**{judul}** {tambah} rows added · {ubah} changed · {hapus} removed"},
    "kb_ditambah": {"id": "Ditambah", "en": "Added"},
    "kb_diubah": {"id": "Diubah", "en": "Changed"},
    "kb_dihapus": {"id": "Dihapus", "en": "Removed"},
    "kb_templat": {"id": "Unduh templat Excel (dengan daftar pilihan)", "en": "Download the Excel template (with pick lists)"},
    "kb_berkas": {"id": "Berkas KIM (CSV atau XLSX, maks. {mb} MB; kolom seperti templat)",
                  "en": "KIM file (CSV or XLSX, max {mb} MB; columns as in the template)"},
    "kb_diperiksa": {"id": "Berkas diperiksa seluruhnya dan laporannya ditampilkan sebelum apa pun disimpan.",
                     "en": "The whole file is checked and its report shown before anything is saved."},
    "kb_cara": {"id": "Cara memakai berkas ini", "en": "How to use this file"},
    "kb_tidak_sah": {"id": "**{berkas} tidak sah: {galat} galat, {peringatan} peringatan.** "
                           "Tidak ada yang disimpan. Perbaiki berkas (nomor baris seperti di Excel), lalu unggah ulang.",
                     "en": "**{berkas} is invalid: {galat} errors, {peringatan} warnings.** "
                           "Nothing was saved. Fix the file (row numbers as in Excel), then upload it again."},
    "kb_sah_peringatan": {"id": "{berkas} sah, dengan {n} peringatan. Periksa sebelum menyimpan.",
                          "en": "{berkas} is valid, with {n} warnings. Check them before saving."},
    "kb_sah": {"id": "{berkas} sah: {n} baris tanpa masalah.", "en": "{berkas} is valid: {n} rows without problems."},
    "kb_pratinjau": {"id": "**Pratinjau** ({n} baris dari berkas)", "en": "**Preview** ({n} rows from the file)"},
    "kb_jika_disimpan": {"id": "Jika disimpan:", "en": "If saved:"},
    "kb_dibuang": {"id": "Perubahan di tab Tabel yang belum disimpan akan dibuang bila unggahan ini disimpan.",
                   "en": "Unsaved changes on the Table tab are discarded if this upload is saved."},
    "kb_ganti_hapus": {"id": "Mode ganti akan menghapus {n} baris yang tidak ada di berkas. Versi sekarang tetap dicadangkan.",
                       "en": "Replace mode removes {n} rows that are not in the file. The current version is still backed up."},
    "kb_simpan": {"id": "Simpan unggahan", "en": "Save the upload"},
    "kr_pulihkan_judul": {"id": "**Pulihkan versi sebelumnya**", "en": "**Restore an earlier version**"},
    "kr_tanpa_cadangan": {"id": "Belum ada cadangan. Setiap penyimpanan membuat cadangan versi sebelumnya.",
                          "en": "No backup yet. Every save backs up the previous version."},
    "kr_label": {"id": "{tanggal} pukul {jam} · {nama}", "en": "{tanggal} at {jam} · {nama}"},
    "kr_cadangan": {"id": "Cadangan (isi data sebelum penyimpanan pada waktu itu)", "en": "Backup (the data before the save at that time)"},
    "kr_tak_terbaca": {"id": "Cadangan {nama} tidak dapat dibaca.", "en": "Backup {nama} cannot be read."},
    "kr_berisi": {"id": "Cadangan ini berisi {n} baris. Jika dipulihkan:", "en": "This backup holds {n} rows. If restored:"},
    "kr_pulihkan": {"id": "Pulihkan versi ini", "en": "Restore this version"},
    "kr_log_audit": {"id": "**Log audit**", "en": "**Audit log**"},
    "kr_tanpa_audit": {"id": "Belum ada perubahan yang disimpan lewat aplikasi.", "en": "No change has been saved through the app yet."},
    # The Anggaran tab's editor (ui/kelola_anggaran.py)
    "kag_bantu_id_baris": {"id": "id unik baris anggaran, mis. RAB-011001-01", "en": "unique id of the budget line, e.g. RAB-011001-01"},
    "kag_bantu_id_potensi": {"id": "untuk satu potensi, mis. BTG-KUA-01; kosongkan untuk kegiatan seluruh KIM kelurahan",
                             "en": "for one potential, e.g. BTG-KUA-01; leave empty for an activity of the whole kelurahan KIM"},
    "kag_bantu_kode": {"id": "untuk kegiatan seluruh KIM kelurahan, mis. {kode}", "en": "for an activity of the whole kelurahan KIM, e.g. {kode}"},
    "kag_bantu_jenis": {"id": "boleh kosong bila kode_rekening diisi", "en": "may stay empty when kode_rekening is filled"},
    "kag_bantu_rekening": {"id": "akun belanja enam tingkat, mis. 5.1.02.01.01.0052", "en": "six-level expense account, e.g. 5.1.02.01.01.0052"},
    "kag_bantu_ppn": {"id": "mis. 11; kosong bila tanpa PPN", "en": "e.g. 11; empty when there is no VAT (PPN)"},
    "kag_bantu_volume": {"id": "bilangan bulat ≥ 1", "en": "whole number ≥ 1"},
    "kag_bantu_harga": {"id": "rupiah bulat: 1500000 atau Rp 1.500.000", "en": "whole rupiah: 1500000 or Rp 1.500.000"},
    "kag_bantu_jumlah": {"id": "= volume × harga satuan; kosongkan agar dihitung otomatis",
                         "en": "= volume × unit price; leave empty to have it computed"},
    "kag_keterangan": {"id": "Berkas {berkas} · pagu {pagu} · tahun {tahun}. Setiap baris: "
                             "id_potensi (satu potensi) atau hanya kode_kelurahan (seluruh KIM kelurahan); jumlah = koefisien (volume × volume_2 …) "
                             "× harga satuan + PPN.",
                       "en": "File {berkas} · ceiling {pagu} · year {tahun}. Each row: "
                             "id_potensi (one potential) or only kode_kelurahan (every KIM of the kelurahan); jumlah = coefficient (volume × volume_2 …) "
                             "× unit price + VAT (PPN)."},
    "kag_simpan": {"id": "Simpan anggaran", "en": "Save the budget"},
    "kag_konflik": {"id": "**Konflik penyimpanan.** {pesan}", "en": "**Save conflict.** {pesan}"},
    "kag_unduh_suntingan": {"id": "Unduh suntingan Anda (CSV)", "en": "Download your edits (CSV)"},
    "kag_muat_ulang": {"id": "Muat ulang data terbaru", "en": "Reload the latest data"},
    "kag_belum_disimpan": {"id": "**Belum disimpan.** {n} galat harus diperbaiki dulu; berkas anggaran tidak berubah. "
                                 "Nomor baris = urutan baris di tabel (baris pertama = 1).",
                           "en": "**Not saved.** {n} errors must be fixed first; the budget file is unchanged. "
                                 "Row number = the row's place in the table (first row = 1)."},
    "kag_riwayat": {"id": "Riwayat perubahan anggaran", "en": "History of budget changes"},
    "kag_tanpa_riwayat": {"id": "Belum ada perubahan tercatat.", "en": "No change recorded yet."},
    "kag_sisa": {"id": "sisa {jumlah}", "en": "{jumlah} left"},
    "kag_total": {"id": "Total tabel ini {total} dari pagu {pagu} ({keadaan}).", "en": "This table's total is {total} of the {pagu} ceiling ({keadaan})."},
    "kr_kol_waktu": {"id": "waktu", "en": "time"},
    "kr_kol_pengguna": {"id": "pengguna", "en": "user"},
    "kr_kol_aksi": {"id": "aksi", "en": "action"},
    "kr_kol_ditambah": {"id": "ditambah", "en": "added"},
    "kr_kol_diubah": {"id": "diubah", "en": "changed"},
    "kr_kol_dihapus": {"id": "dihapus", "en": "removed"},
    "kr_kol_jumlah_baris": {"id": "jumlah baris", "en": "rows"},
    "kr_kol_cadangan": {"id": "cadangan", "en": "backup"},
    "kl_belum_disimpan": {"id": "**Belum disimpan.** {n} galat harus diperbaiki dulu; berkas tidak berubah.",
                          "en": "**Not saved.** {n} errors must be fixed first; the file is unchanged."},
    "kag_dicadangkan": {"id": " Versi sebelumnya dicadangkan sebagai {nama}.", "en": " The previous version is backed up as {nama}."},
    # Log kegiatan upload (ui/kelola_kegiatan.py) and the error report (ui/laporan.py)
    "kk_muat_ulang": {"id": "Muat ulang log terbaru (perubahan Anda dibuang)", "en": "Reload the latest log (your changes are discarded)"},
    "kk_mode_gabung": {"id": "Gabungkan menurut id_kegiatan: kegiatan dengan id yang sama diganti, id baru ditambahkan",
                       "en": "Merge by id_kegiatan: activities with the same id are replaced, new ids are added"},
    "kk_mode_ganti": {"id": "Ganti seluruh log dengan isi berkas ini", "en": "Replace the whole log with this file's content"},
    "kk_tidak_sah": {"id": "**{berkas} tidak sah: {n} galat.** Tidak ada yang disimpan. "
                           "Perbaiki berkas (nomor baris seperti di Excel), lalu unggah ulang.",
                     "en": "**{berkas} is invalid: {n} errors.** Nothing was saved. "
                           "Fix the file (row numbers as in Excel), then upload it again."},
    "kk_jika_disimpan": {"id": "Jika disimpan: {ringkas}.", "en": "If saved: {ringkas}."},
    "kk_simpan": {"id": "Simpan unggahan log", "en": "Save the log upload"},
    "lap_masalah": {"id": "{n} masalah; geser tabel untuk melihat semuanya, atau buka laporan teks di bawah.",
                    "en": "{n} problems; scroll the table to see them all, or open the text report below."},
    "lap_teks": {"id": "Laporan lengkap sebagai teks", "en": "Full report as text"},
}
