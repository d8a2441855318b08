"""Lapor Kegiatan: a KIM reporter records one activity with a photo from a phone.

Narrow (centered) for one thumb at 390 px; the login is the one of Kelola
Data, and the store refuses anything outside the account's role and scope.
"""

from __future__ import annotations

import streamlit as st

from geo.galat import GalatData
from geo.i18n import t
from geo.simpan.lingkup import PENINJAU
from ui.kelola import bagian_login, daftar_pengguna, keluar
from ui.lapor import formulir_lapor, tinjau_menunggu
from ui.md import aman_md
from ui.muat import muat
from ui.navigasi import bahasa_halaman, menu

bahasa = bahasa_halaman()
st.set_page_config(page_title=t("l_judul_tab", bahasa), page_icon="📝", layout="centered",
                   initial_sidebar_state="collapsed")
menu(bahasa)
st.title(t("l_judul", bahasa))

try:
    dataset = muat()
except GalatData as exc:
    st.error(aman_md(exc))
    st.stop()

pengguna = bagian_login(daftar_pengguna())
if not pengguna:
    st.stop()
kiri, kanan = st.columns([3, 1], vertical_alignment="center")
kiri.caption(f"{aman_md(pengguna)} · {aman_md(pengguna.peran)} · {aman_md(pengguna.lingkup or t('l_semua_wilayah', bahasa))}")
if kanan.button(t("k_keluar", bahasa), key="lapor_keluar", width="stretch"):
    keluar()
    st.rerun()
if pengguna.peran == PENINJAU:
    st.info(t("l_peninjau", bahasa))
    st.stop()
formulir_lapor(dataset, pengguna)
tinjau_menunggu(dataset, pengguna)
