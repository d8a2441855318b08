"""Akun: administrators add, change and remove accounts (role and scope)."""

from __future__ import annotations

import streamlit as st

from geo.i18n import t
from geo.simpan.lingkup import boleh_kelola_akun
from ui.kelola import bagian_login, daftar_pengguna, tampilkan_kabar
from ui.kelola_akun import tab_akun
from ui.navigasi import bahasa_halaman, menu

bahasa = bahasa_halaman()
st.set_page_config(page_title=t("ak_judul_tab", bahasa), page_icon="👥", layout="centered")
menu(bahasa)
st.title(t("ak_judul", bahasa))
pengguna = bagian_login(daftar_pengguna())
if not pengguna:
    st.stop()
if not boleh_kelola_akun(pengguna):
    st.info(t("ak_hanya_admin", bahasa))
    st.stop()
tampilkan_kabar()
tab_akun(pengguna)
