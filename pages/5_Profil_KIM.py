"""Profil KIM: each KIM as a record (#25): ranking, prioritas pembinaan, profile with brand, pemetaan report.

Thin: read the widgets and the URL (``?kim=ID``), ask :mod:`geo.kim`, draw.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from geo.galat import GalatData
from geo.i18n import t
from geo.kim.aturan import aturan_nilai
from geo.kim.penilaian import penilaian
from geo.kim.teks import tk
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import muat
from ui.navigasi import bahasa_halaman, menu
from ui.pengaman import jalankan_halaman
from ui.profil_kim import bulanan, id_kim_kecamatan, pemetaan, peringkat, profil
from ui.profil_kim_sunting import sunting

st.set_page_config(page_title=tk("judul", bahasa_halaman()) + " · Peta Potensi KIM", page_icon="🏷️", layout="wide")


def halaman() -> None:
    bahasa = bahasa_halaman()  # the link's ?bahasa= (#22), which the menu carries to every page
    menu(bahasa)
    with st.sidebar:
        pilihan = st.radio(tk("bahasa", "id") + " / Language", ["id", "en"], index=["id", "en"].index(bahasa), horizontal=True,
                           key="w_profil_bahasa", format_func={"id": "Indonesia", "en": "English"}.get)
    if pilihan != bahasa:  # into the URL, so the menu's links and a shared link keep it
        st.query_params["bahasa"] = pilihan
        st.rerun()
    try:
        dataset = muat()
        st.title(tk("judul", bahasa))
        if dataset.profil is None:
            st.error(tk("tanpa_profil", bahasa))
            tabel_laporan(dataset.laporan)
            return
        aturan = aturan_nilai(dataset.wilayah)
        with st.sidebar:
            tanggal = st.date_input(tk("tanggal", bahasa), value=dt.date.today(), max_value=dt.date.today(), format="DD/MM/YYYY",
                                    key="w_profil_tanggal")
            periode = st.text_input(tk("periode", bahasa), value=str(tanggal.year), key="w_profil_periode").strip()
            kecamatan = st.multiselect(t("kecamatan", bahasa), dataset.kecamatan(), key="w_profil_kecamatan",
                                       placeholder=t("semua", bahasa))
        id_kim = id_kim_kecamatan(dataset, kecamatan)
        p = penilaian(dataset, tanggal, periode or None, id_kim)
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    st.caption(aman_md(f"{dataset.wilayah.nama} · {tk('periode', bahasa)} {p.periode}"))
    if dataset.data_contoh:
        st.info(tk("contoh", bahasa), icon=":material/info:")
    for m in p.laporan.masalah:
        st.warning(aman_md(str(m)))
    t1, t2, t3, t4, t5 = st.tabs([tk("tab_peringkat", bahasa), tk("tab_profil", bahasa), tk("tab_pemetaan", bahasa),
                                  tk("tab_bulanan", bahasa), tk("tab_sunting", bahasa)],
                                 key="profil_tab", on_change="rerun")  # a save's rerun stays on its tab (pages/1_Kelola_Data.py)
    with t1:
        peringkat(dataset, p, bahasa)
    with t2:
        profil(dataset, p, aturan, bahasa)
    with t3:
        pemetaan(dataset, tanggal, bahasa, id_kim)
    with t4:
        try:
            bulanan(dataset, tanggal, bahasa)
        except GalatData as exc:
            st.error(aman_md(exc))
    with t5:
        sunting(dataset, bahasa)


jalankan_halaman(halaman)
