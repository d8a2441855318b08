"""Kelola Data: edit, upload and restore the KIM table, safely.

Anyone may look; only a logged-in editor may change anything. Every change
is validated with the same rules as ``python -m geo validate``, saved
atomically with a backup and an audit entry, and refused if someone else
changed the file in the meantime.
"""

from __future__ import annotations

import streamlit as st

from geo.galat import GalatData
from geo.i18n import t
from geo.simpan.lingkup import PELAPOR, PENINJAU
from ui.kelola import K_PENGGUNA, bagian_login, daftar_pengguna, keluar, pastikan_dimuat, tampilkan_kabar
from ui.kelola_anggaran import tab_anggaran
from ui.kelola_berkas import riwayat, unggah
from ui.kelola_kegiatan import tab_kegiatan
from ui.kelola_lapangan import lapangan
from ui.kelola_peta import pilih_lokasi
from ui.kelola_tabel import bilah_simpan, editor, kotak_konflik
from ui.md import aman_md
from ui.muat import muat
from ui.navigasi import bahasa_halaman, menu, tautan

bahasa = bahasa_halaman()
st.set_page_config(page_title=t("k_judul_tab", bahasa), page_icon="🗂️", layout="wide")
menu(bahasa)
st.title(t("k_judul", bahasa))

try:
    dataset = muat(terakhir_sah=False)  # editors fix the stored data as it is
except GalatData as exc:  # reference table or region file unusable: nothing to edit against
    st.error(aman_md(exc))
    st.stop()

st.caption(t("k_wilayah", bahasa, wilayah=aman_md(dataset.wilayah.nama), berkas=aman_md(dataset.path_kim.name)))
akun = daftar_pengguna()
if akun.kosong or st.session_state.get(K_PENGGUNA) in akun.akun:
    pengguna = bagian_login(akun)
else:
    kiri, _ = st.columns([2, 3])
    with kiri:
        pengguna = bagian_login(akun)
if pengguna:
    kiri, kanan = st.columns([5, 1], vertical_alignment="center")
    kiri.markdown(t("k_masuk_sebagai", bahasa, nama=aman_md(pengguna)) + " "
                  + t("k_peran_lingkup", bahasa, peran=aman_md(pengguna.peran),
                      lingkup=aman_md(pengguna.lingkup or t("k_lingkup_semua", bahasa))))
    if kanan.button(t("k_keluar", bahasa), width="stretch", key="kelola_keluar"):
        keluar()
        st.rerun()
elif st.session_state.get(K_PENGGUNA):
    keluar()  # the account was removed from the configuration: log out

pastikan_dimuat(dataset)
tampilkan_kabar()
if not dataset.ok:
    st.warning(t("k_data_tidak_sah", bahasa, berkas=aman_md(dataset.path_kim.name), n=len(dataset.laporan.galat)))

if not pengguna or pengguna.peran == PENINJAU:
    st.subheader(t("k_hanya_baca", bahasa))
    editor(dataset, boleh_sunting=False)
    st.stop()

if pengguna.peran == PELAPOR:  # the store refuses anything else; the page shows only what it may do
    tautan("pages/3_Lapor.py", t("k_lapor_tautan", bahasa), ":material/add_a_photo:")
    st.subheader(t("k_status_foto", bahasa))
    lapangan(dataset, pengguna)
    st.stop()

kotak = st.container()
tab_tabel, tab_lokasi, tab_lapangan, tab_unggah, tab_riwayat, tab_log, tab_anggaran_ = st.tabs(
    [t(k, bahasa) for k in ("k_tab_tabel", "k_tab_lokasi", "k_tab_lapangan", "k_tab_unggah", "k_tab_riwayat", "k_tab_log",
                            "k_tab_anggaran")],
    # Tracked by the server: a save's message above the tabs moves them down the page, and a tab the browser
    # alone remembered then fell back to the first one (a phone's status save landed on the table).
    key="kelola_tab", on_change="rerun")
with tab_tabel:
    suntingan = editor(dataset, boleh_sunting=True)
    bilah_simpan(dataset, pengguna, suntingan)
with tab_lokasi:
    pilih_lokasi(dataset, suntingan)
with tab_lapangan:
    lapangan(dataset, pengguna)
with tab_unggah:
    unggah(dataset, pengguna)
with tab_riwayat:
    riwayat(dataset, pengguna)
with tab_log:
    tab_kegiatan(dataset, pengguna)
with tab_anggaran_:
    if pengguna.lingkup:  # budget lines are not scope-checked at the store yet: whole-region editors only
        st.info(t("k_anggaran_seluruh", bahasa))
    else:
        tab_anggaran(dataset, pengguna.nama)
with kotak:
    kotak_konflik(dataset, suntingan)
