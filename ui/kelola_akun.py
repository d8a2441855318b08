"""The "Akun" tab of Kelola Data: administrators add, change and remove accounts.

The page only gathers the inputs; :mod:`geo.simpan.daftar_akun` refuses a
non-administrator (or a scope outside the administrator's own) and audits it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.galat import GalatData
from geo.i18n import t
from geo.simpan.daftar_akun import hapus_akun, penyimpan_untuk, tambah_akun, ubah_akun
from geo.simpan.lingkup import ADMINISTRATOR, PELAPOR, PERAN, Akun, periksa_lingkup_wilayah
from ui.kelola import kabar, pengguna_awal
from ui.md import aman_md
from ui.muat import gudang, muat
from ui.navigasi import bahasa_halaman


def tab_akun(pengguna: Akun) -> None:
    penyimpan = penyimpan_untuk(gudang())
    try:
        semua = penyimpan.baca()
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    bahasa = bahasa_halaman()
    st.caption(t("ak_keterangan", bahasa))
    kolom = [t(f"ak_kol_{k}", bahasa) for k in ("nama", "peran", "lingkup", "diubah")]
    # The bootstrap administrators (KIM_PENGGUNA / secrets) are accounts too: listed, never editable here.
    tersimpan = {a.nama for a in semua}
    awal = [(n, ADMINISTRATOR, t("ak_semua", bahasa), t("ak_awal", bahasa)) for n in sorted(pengguna_awal().akun) if n not in tersimpan]
    tabel = pd.DataFrame([*awal, *((a.nama, a.peran, a.lingkup or t("ak_semua", bahasa), a.diubah) for a in semua)], columns=kolom)
    st.dataframe(tabel, hide_index=True, width="stretch")
    with st.form("akun_form", clear_on_submit=True):
        nama = st.text_input(t("ak_nama", bahasa), key="akun_nama")
        peran = st.selectbox(t("ak_peran", bahasa), PERAN, index=PERAN.index(PELAPOR), key="akun_peran")
        lingkup = st.text_input(t("ak_lingkup", bahasa), key="akun_lingkup", placeholder="64.74.01.1001")
        sandi = st.text_input(t("ak_sandi", bahasa), type="password", key="akun_sandi")
        kiri, tengah, kanan = st.columns(3)
        tambah = kiri.form_submit_button(t("ak_tambah", bahasa), type="primary", width="stretch")
        ubah = tengah.form_submit_button(t("ak_ubah", bahasa), width="stretch")
        hapus = kanan.form_submit_button(t("ak_hapus", bahasa), width="stretch")
    if not (tambah or ubah or hapus):
        return
    try:
        if (tambah or ubah) and lingkup.strip():
            dataset = muat()
            periksa_lingkup_wilayah(lingkup, dataset.referensi.kode, dataset.wilayah.nama)
        if tambah:
            tambah_akun(penyimpan, pengguna, nama, sandi, peran, lingkup)
        elif ubah:
            ubah_akun(penyimpan, pengguna, nama, sandi=sandi or None, peran=peran, lingkup=lingkup)
        else:
            hapus_akun(penyimpan, pengguna, nama)
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    kabar("success", t("ak_dihapus" if hapus else "ak_tersimpan", bahasa, nama=aman_md(nama.strip().lower())))
    st.rerun()
