"""Anggaran: the budget plan on the map, the Rp ceiling and where it goes.

Thin like the map page: read the widgets and the URL, ask ``geo/`` for the
view and the plan's figures, draw them. Editing the plan happens on Kelola
Data (login, validation, backup, audit).
"""

from __future__ import annotations

import streamlit as st

from geo.anggaran.ringkas import ringkas_anggaran
from geo.galat import GalatData
from geo.i18n import deskripsi_filter, t
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.sebutan import sebutan
from geo.tampilan.susun import tampilkan
from ui.anggaran import kartu, mulai_dari_url, peta, sidebar, sinkron_url, tabel_kelurahan, tabel_rencana, unduh
from ui.anggaran_form import formulir, simulasi_pagu
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import gudang, muat
from ui.navigasi import bahasa_halaman, menu
from ui.pengaman import jalankan_halaman
from ui.peta import siapkan_aset

st.set_page_config(page_title=t("a_judul_tab", bahasa_halaman()), page_icon="💰", layout="wide")


def halaman() -> None:
    bahasa = bahasa_halaman()
    menu(bahasa)
    url_aset = siapkan_aset()
    try:
        dataset = muat()
        if not dataset.ok:
            st.title(t("a_judul", bahasa))
            st.error(t("a_data_tidak_sah", bahasa, berkas=aman_md(dataset.path_kim.name)))
            tabel_laporan(dataset.laporan)
            return
        rencana = gudang().muat_rencana(dataset)
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    p = rencana.pengaturan
    st.title(t("a_judul", bahasa))
    st.caption(aman_md(t("a_sub", bahasa, wilayah=dataset.wilayah.nama, tahun=p.tahun) + (f" · {p.kantor}" if p.kantor else "")))
    if dataset.data_contoh:
        st.info(t("a_contoh", bahasa), icon=":material/info:")
    if not rencana.path.exists() and not len(rencana.tabel):  # no file, or no plan in the database
        st.info(t("a_belum_ada", bahasa, berkas=aman_md(rencana.path.name)))
        return
    if not rencana.ok:
        st.error(t("a_tidak_sah", bahasa, berkas=aman_md(rencana.path.name), n=len(rencana.laporan.galat)))
        tabel_laporan(rencana.laporan)
        return
    awal = mulai_dari_url(dataset)
    f, nilai = sidebar(dataset, bahasa)
    for pesan in awal.catatan if awal else ():
        st.warning(aman_md(t("a_tautan_diabaikan", bahasa, pesan=pesan)))
    for m in rencana.laporan.peringatan:
        st.caption(aman_md(str(m)))
    tampilan = tampilkan(dataset, Keadaan(filter=f, bahasa=bahasa))  # the RAB downloads follow the page's language
    r = ringkas_anggaran(tampilan, rencana)
    st.caption(aman_md(deskripsi_filter(tampilan.filter, bahasa, tampilan.dataset.wilayah)))
    kartu(r, f, bahasa)
    kiri, kanan = st.columns([0.62, 0.38], gap="medium")
    with kiri:
        peta(r, nilai, url_aset, bahasa)
    with kanan:
        st.markdown(f"**{t('a_alokasi_kelurahan', bahasa, **sebutan(dataset, bahasa=bahasa))}**")
        tabel_kelurahan(r, bahasa)
    sinkron_url(f, nilai, dataset, bahasa)
    st.subheader(t("a_rincian", bahasa))
    if not len(r.baris):
        st.info(t("a_kosong", bahasa))
    tabel_rencana(r, bahasa)
    unduh(tampilan, rencana, bahasa)
    st.subheader(t("af_judul", bahasa))
    formulir(tampilan, rencana, bahasa)
    st.subheader(t("af_simulasi_judul", bahasa))
    simulasi_pagu(dataset, rencana, bahasa)


jalankan_halaman(halaman)
