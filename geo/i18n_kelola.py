"""Words of the deeper Kelola Data tabs (Lapangan, the status notes of #20), in Indonesian and English.

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
    "kl_foto_kini": {"id": "Foto saat ini", "en": "Current photo"},
}
