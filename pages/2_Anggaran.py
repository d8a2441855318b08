"""Anggaran: the budget plan on the map, the Rp ceiling and where it goes.

Thin like the map page: read the widgets and the URL, ask ``geo/`` for the
view and the plan's figures, draw them. Editing the plan happens on Kelola
Data (login, validation, backup, audit).
"""

from __future__ import annotations

import streamlit as st

from geo.anggaran.ringkas import ringkas_anggaran
from geo.galat import GalatData
from geo.tampilan.susun import tampilkan
from ui.anggaran import kartu, mulai_dari_url, peta, sidebar, sinkron_url, tabel_kelurahan, tabel_rencana, unduh
from ui.anggaran_form import formulir, simulasi_pagu
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import gudang, muat
from ui.navigasi import menu
from ui.pengaman import jalankan_halaman
from ui.peta import siapkan_aset

st.set_page_config(page_title="Anggaran · Peta Potensi KIM", page_icon="💰", layout="wide")


def halaman() -> None:
    menu()
    url_aset = siapkan_aset()
    try:
        dataset = muat()
        if not dataset.ok:
            st.title("Anggaran KIM")
            st.error(f"Data KIM tidak sah ({aman_md(dataset.path_kim.name)}), jadi anggaran tidak dapat dihitung.")
            tabel_laporan(dataset.laporan)
            return
        rencana = gudang().muat_rencana(dataset)
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    p = rencana.pengaturan
    st.title("Anggaran KIM")
    st.caption(aman_md(f"Rencana Anggaran Biaya {dataset.wilayah.nama} · tahun anggaran {p.tahun}"
                       + (f" · {p.kantor}" if p.kantor else "")))
    if dataset.data_contoh:
        st.info("**Data contoh**: rencana anggaran ini dikarang untuk peragaan, bukan usulan resmi.", icon=":material/info:")
    if not rencana.path.exists() and not len(rencana.tabel):  # no file, or no plan in the database
        st.info(f"Belum ada rencana anggaran ({aman_md(rencana.path.name)}). Buat usulan awal dengan "
                "`python -m geo anggaran usul`, lalu sunting di halaman Kelola Data (tab Anggaran).")
        return
    if not rencana.ok:
        st.error(f"Rencana anggaran {aman_md(rencana.path.name)} tidak sah: {len(rencana.laporan.galat)} galat. "
                 "Perbaiki di halaman Kelola Data (tab Anggaran) atau buat usulan awal dengan `python -m geo anggaran usul`.")
        tabel_laporan(rencana.laporan)
        return
    awal = mulai_dari_url(dataset)
    f, nilai = sidebar(dataset)
    for pesan in awal.catatan if awal else ():
        st.warning(aman_md(f"Bagian tautan diabaikan: {pesan}"))
    for m in rencana.laporan.peringatan:
        st.caption(aman_md(str(m)))
    tampilan = tampilkan(dataset, f)
    r = ringkas_anggaran(tampilan, rencana)
    st.caption(aman_md(tampilan.filter.deskripsi()))
    kartu(r, f)
    kiri, kanan = st.columns([0.62, 0.38], gap="medium")
    with kiri:
        peta(r, nilai, url_aset)
    with kanan:
        st.markdown("**Alokasi per kelurahan**")
        tabel_kelurahan(r)
    sinkron_url(f, nilai, dataset)
    st.subheader("Rincian rencana")
    if not len(r.baris):
        st.info("Tidak ada baris anggaran yang cocok dengan filter ini.")
    tabel_rencana(r)
    unduh(tampilan, rencana)
    st.subheader("Formulir anggaran (RKA/RKPA/DPA/DPPA)")
    formulir(dataset, rencana)
    st.subheader("Simulasi pagu baru")
    simulasi_pagu(dataset, rencana)


jalankan_halaman(halaman)
