"""The "Akun" tab of Kelola Data: administrators add, change and remove accounts.

The page only gathers the inputs; :mod:`geo.simpan.daftar_akun` refuses a
non-administrator (or a scope outside the administrator's own) and audits it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.galat import GalatData
from geo.simpan.daftar_akun import hapus_akun, penyimpan_untuk, tambah_akun, ubah_akun
from geo.simpan.lingkup import PELAPOR, PERAN, Akun
from ui.kelola import kabar
from ui.md import aman_md
from ui.muat import gudang


def tab_akun(pengguna: Akun) -> None:
    penyimpan = penyimpan_untuk(gudang())
    try:
        semua = penyimpan.baca()
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    st.caption("Peran: administrator (juga mengelola akun), editor (menyunting dalam lingkupnya), pelapor (menambah kegiatan, "
               "foto dan status potensi dalam lingkupnya), viewer (hanya melihat). Lingkup = awalan kode Kemendagri, "
               "mis. 64.74.01 untuk satu kecamatan; kosong = semua.")
    tabel = pd.DataFrame([{"nama": a.nama, "peran": a.peran, "lingkup": a.lingkup or "(semua)", "diubah": a.diubah} for a in semua],
                         columns=["nama", "peran", "lingkup", "diubah"])
    st.dataframe(tabel, hide_index=True, width="stretch")
    with st.form("akun_form", clear_on_submit=True):
        nama = st.text_input("Nama akun", key="akun_nama")
        peran = st.selectbox("Peran", PERAN, index=PERAN.index(PELAPOR), key="akun_peran")
        lingkup = st.text_input("Lingkup (kode wilayah)", key="akun_lingkup", placeholder="64.74.01.1001")
        sandi = st.text_input("Kata sandi (akun baru, atau untuk mengganti)", type="password", key="akun_sandi")
        kiri, tengah, kanan = st.columns(3)
        tambah = kiri.form_submit_button("Tambah", type="primary", width="stretch")
        ubah = tengah.form_submit_button("Ubah", width="stretch")
        hapus = kanan.form_submit_button("Hapus", width="stretch")
    if not (tambah or ubah or hapus):
        return
    try:
        if tambah:
            tambah_akun(penyimpan, pengguna, nama, sandi, peran, lingkup)
        elif ubah:
            ubah_akun(penyimpan, pengguna, nama, sandi=sandi or None, peran=peran, lingkup=lingkup)
        else:
            hapus_akun(penyimpan, pengguna, nama)
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    kabar("success", f"Akun {aman_md(nama.strip().lower())} {'dihapus' if hapus else 'tersimpan'}.")
    st.rerun()
