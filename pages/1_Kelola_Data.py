"""Kelola Data: edit, upload and restore the KIM table, safely.

Anyone may look; only a logged-in editor may change anything. Every change
is validated with the same rules as ``python -m geo validate``, saved
atomically with a backup and an audit entry, and refused if someone else
changed the file in the meantime.
"""

from __future__ import annotations

import streamlit as st

from geo.galat import GalatData
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
from ui.navigasi import menu, tautan

st.set_page_config(page_title="Kelola Data · Peta Potensi KIM", page_icon="🗂️", layout="wide")
menu()
st.title("Kelola Data")

try:
    dataset = muat()
except GalatData as exc:  # reference table or region file unusable: nothing to edit against
    st.error(aman_md(exc))
    st.stop()

st.caption(f"Wilayah: {aman_md(dataset.wilayah.nama)} · berkas data: {aman_md(dataset.path_kim.name)}")
akun = daftar_pengguna()
if akun.kosong or st.session_state.get(K_PENGGUNA) in akun.akun:
    pengguna = bagian_login(akun)
else:
    kiri, _ = st.columns([2, 3])
    with kiri:
        pengguna = bagian_login(akun)
if pengguna:
    kiri, kanan = st.columns([5, 1], vertical_alignment="center")
    kiri.markdown(f"Masuk sebagai **{aman_md(pengguna)}** ({aman_md(pengguna.peran)}, lingkup {aman_md(pengguna.lingkup or 'semua')}). "
                  "Setiap penyimpanan dicatat di log audit dan versi sebelumnya dicadangkan.")
    if kanan.button("Keluar", width="stretch", key="kelola_keluar"):
        keluar()
        st.rerun()
elif st.session_state.get(K_PENGGUNA):
    keluar()  # the account was removed from the configuration: log out

pastikan_dimuat(dataset)
tampilkan_kabar()
if not dataset.ok:
    st.warning(
        f"Data di {dataset.path_kim.name} saat ini tidak sah ({len(dataset.laporan.galat)} galat), sehingga peta menampilkan "
        "laporan galat. Perbaiki di sini atau pulihkan versi sebelumnya di tab Riwayat."
    )

if not pengguna or pengguna.peran == PENINJAU:
    st.subheader("Data KIM (hanya baca)")
    editor(dataset, boleh_sunting=False)
    st.stop()

if pengguna.peran == PELAPOR:  # the store refuses anything else; the page shows only what it may do
    tautan("pages/3_Lapor.py", "Lapor kegiatan dari lapangan", ":material/add_a_photo:")
    st.subheader("Status & foto potensi")
    lapangan(dataset, pengguna)
    st.stop()

kotak = st.container()
tab_tabel, tab_lokasi, tab_lapangan, tab_unggah, tab_riwayat, tab_log, tab_anggaran_ = st.tabs(
    ["Tabel", "Lokasi di peta", "Lapangan & foto", "Unggah berkas", "Riwayat & pemulihan", "Log kegiatan", "Anggaran"],
    key="kelola_tab")  # keyed: a save's rerun keeps the editor on the tab they were using (phone field updates)
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
        st.info("Rencana anggaran disunting oleh editor atau administrator seluruh wilayah.")
    else:
        tab_anggaran(dataset, pengguna.nama)
with kotak:
    kotak_konflik(dataset, suntingan)
