"""Words of the field report page (Lapor) and the accounts page (Akun), in Indonesian and English.

Merged into :data:`geo.i18n.TEKS` like the other page words. The Indonesian
text is the pages' original wording, unchanged, so the existing tests (and
officials used to it) read the same page; the account notices reuse the
constants of :mod:`geo.simpan.akun` so there is one Indonesian source.
"""

from __future__ import annotations

from geo.simpan.akun import PESAN_AKUN_SALAH, PESAN_BELUM_DIATUR

TEKS_LAPOR: dict[str, dict[str, str]] = {
    # Account notices shown above every login form (ui.kelola.bagian_login)
    "akun_belum_diatur": {
        "id": PESAN_BELUM_DIATUR,
        "en": "There is no editor account yet. The data is read only. To enable editing:\n"
              "1. Make a password hash: `python -m geo hash-password --user NAME`\n"
              "2. Store the line `NAME:HASH` in the environment variable `KIM_PENGGUNA` (several accounts separated by commas), "
              "or in `.streamlit/secrets.toml` in the `[pengguna]` table as `NAME = \"HASH\"`.\n"
              "3. Restart the app. Never keep a real password or a secrets file in git."},
    "akun_salah_diatur": {
        "id": PESAN_AKUN_SALAH,
        "en": "Some editor accounts are set up wrongly and are disabled. Administrator: see the server log "
              "or run `python -m geo check-accounts` to find which entries."},
    "akun_sambungan_ganti": {"id": "Sambungan ke server berganti; demi keamanan Anda perlu masuk lagi.",
                             "en": "The connection to the server changed; for safety you need to sign in again."},
    # Lapor kegiatan (pages/3_Lapor.py, ui/lapor.py)
    "l_judul_tab": {"id": "Lapor Kegiatan · Peta Potensi KIM", "en": "Report an Activity · KIM Potential Map"},
    "l_judul": {"id": "Lapor kegiatan", "en": "Report an activity"},
    "l_semua_wilayah": {"id": "semua wilayah", "en": "whole region"},
    "l_peninjau": {"id": "Akun peninjau hanya dapat melihat data.", "en": "A viewer account can only look at the data."},
    "l_tanpa_potensi": {"id": "Tidak ada potensi dalam lingkup akun ini. Minta administrator memeriksa lingkup akun Anda.",
                        "en": "No potential lies in this account's scope. Ask an administrator to check your account's scope."},
    "l_wajib_verifikasi": {"id": "Laporan menunggu verifikasi editor sebelum dihitung di peta dan angka.",
                           "en": "Reports wait for an editor's check before they count on the map and in the figures."},
    "l_potensi": {"id": "Potensi (ketik untuk mencari)", "en": "Potential (type to search)"},
    "l_tanggal": {"id": "Tanggal kegiatan", "en": "Activity date"},
    "l_jenis": {"id": "Jenis kegiatan", "en": "Activity type"},
    "l_peserta": {"id": "Jumlah peserta", "en": "Number of participants"},
    "l_peserta_contoh": {"id": "mis. 12", "en": "e.g. 12"},
    "l_catatan": {"id": "Catatan singkat", "en": "Short note"},
    "l_foto": {"id": "Foto kegiatan (kamera atau galeri, maks. {mb} MB)", "en": "Activity photo (camera or gallery, max {mb} MB)"},
    "l_kirim": {"id": "Kirim laporan", "en": "Send report"},
    "l_terkirim": {"id": "Laporan {id} terkirim dan menunggu verifikasi editor.",
                   "en": "Report {id} was sent and waits for an editor's check."},
    "l_belum_tersimpan": {"id": "Laporan belum tersimpan; perbaiki isian berikut.",
                          "en": "The report is not saved yet; fix the entries below."},
    "l_tersimpan": {"id": "Laporan {id} tersimpan. Terima kasih!", "en": "Report {id} saved. Thank you!"},
    "l_menunggu": {"id": "Menunggu verifikasi ({n})", "en": "Waiting for a check ({n})"},
    "l_peserta_satuan": {"id": "peserta", "en": "participants"},
    "l_oleh": {"id": "oleh", "en": "by"},
    "l_terima": {"id": "Terima", "en": "Accept"},
    "l_tolak": {"id": "Tolak", "en": "Reject"},
    "l_diterima": {"id": "Laporan {id} diterima dan kini dihitung.", "en": "Report {id} was accepted and now counts."},
    "l_ditolak": {"id": "Laporan {id} ditolak.", "en": "Report {id} was rejected."},
    # Akun (pages/4_Akun.py, ui/kelola_akun.py)
    "ak_judul_tab": {"id": "Akun · Peta Potensi KIM", "en": "Accounts · KIM Potential Map"},
    "ak_judul": {"id": "Akun", "en": "Accounts"},
    "ak_hanya_admin": {"id": "Hanya administrator yang dapat mengelola akun.", "en": "Only an administrator can manage accounts."},
    "ak_awal": {"id": "akun awal (KIM_PENGGUNA), tidak diubah di sini", "en": "bootstrap account (KIM_PENGGUNA), not changed here"},
    "ak_keterangan": {
        "id": "Peran: administrator (juga mengelola akun), editor (menyunting dalam lingkupnya), pelapor (menambah kegiatan, "
              "foto dan status potensi dalam lingkupnya), viewer (hanya melihat). Lingkup = awalan kode Kemendagri, "
              "mis. 64.74.01 untuk satu kecamatan; kosong = semua.",
        "en": "Roles: administrator (also manages accounts), editor (edits within its scope), pelapor (reporter: adds activities, "
              "photos and potential status within its scope), viewer (looks only). Scope = a prefix of the Kemendagri code, "
              "e.g. 64.74.01 for one kecamatan; empty = everything."},
    "ak_semua": {"id": "(semua)", "en": "(everything)"},
    "ak_kol_nama": {"id": "nama", "en": "name"},
    "ak_kol_peran": {"id": "peran", "en": "role"},
    "ak_kol_lingkup": {"id": "lingkup", "en": "scope"},
    "ak_kol_diubah": {"id": "diubah", "en": "changed"},
    "ak_nama": {"id": "Nama akun", "en": "Account name"},
    "ak_peran": {"id": "Peran", "en": "Role"},
    "ak_lingkup": {"id": "Lingkup (kode wilayah)", "en": "Scope (region code)"},
    "ak_sandi": {"id": "Kata sandi (akun baru, atau untuk mengganti)", "en": "Password (new account, or to change it)"},
    "ak_tambah": {"id": "Tambah", "en": "Add"},
    "ak_ubah": {"id": "Ubah", "en": "Change"},
    "ak_hapus": {"id": "Hapus", "en": "Remove"},
    "ak_dihapus": {"id": "Akun {nama} dihapus.", "en": "Account {nama} removed."},
    "ak_tersimpan": {"id": "Akun {nama} tersimpan.", "en": "Account {nama} saved."},
}
