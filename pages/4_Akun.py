"""Akun: administrators add, change and remove accounts (role and scope)."""

from __future__ import annotations

import streamlit as st

from geo.simpan.lingkup import boleh_kelola_akun
from ui.kelola import bagian_login, daftar_pengguna, tampilkan_kabar
from ui.kelola_akun import tab_akun
from ui.navigasi import menu

st.set_page_config(page_title="Akun · Peta Potensi KIM", page_icon="👥", layout="centered")
menu()
st.title("Akun")
pengguna = bagian_login(daftar_pengguna())
if not pengguna:
    st.stop()
if not boleh_kelola_akun(pengguna):
    st.info("Hanya administrator yang dapat mengelola akun.")
    st.stop()
tampilkan_kabar()
tab_akun(pengguna)
