"""The drill-down on the page: the level and code prefix shown, map clicks, the breadcrumb."""

from __future__ import annotations

import streamlit as st

from geo.i18n import bahasa_sah, t
from geo.masuk.batas import kelurahan_di_titik
from geo.masuk.dataset import Dataset
from geo.tampilan.sebutan import jenis_dalam
from geo.tampilan.tingkat import Jenjang, jejak, tentukan, turun
from ui.filter import ambil_klik_baru, jenjang_sesi, lihat_klik_baru, pindah_jenjang
from ui.md import aman_md

TOLERANSI_KLIK = 0.002  # degrees (~200 m), as for selecting a kelurahan


def jenjang_halaman(dataset: Dataset) -> Jenjang:
    """The level and prefix to show; a new map click on an aggregate drills into it first."""
    jenjang = tentukan(dataset, *jenjang_sesi())
    klik = lihat_klik_baru()
    if jenjang.tingkat != "kelurahan" and klik and "lat" in klik and "lng" in klik:
        ambil_klik_baru()  # at the bottom level the click selects a kelurahan instead
        kode = kelurahan_di_titik(dataset.batas, klik["lat"], klik["lng"], TOLERANSI_KLIK)
        baru = turun(jenjang, kode) if kode else None
        if baru:
            pindah_jenjang(baru.tingkat, baru.wilayah)
            jenjang = tentukan(dataset, baru.tingkat, baru.wilayah)
    return jenjang


def remah(dataset: Dataset, jenjang: Jenjang, bahasa: str) -> None:
    """The breadcrumb from the whole region down to the unit shown; each step goes back up."""
    langkah = jejak(dataset, jenjang)
    if len(langkah) == 1 and jenjang.tingkat == "kelurahan":
        return  # one kota on its kelurahan: nothing to go up to, the page looks as it always did
    with st.container(key="kim_remah", horizontal=True, vertical_alignment="center", gap="small"):
        for i, (label, tingkat, wilayah) in enumerate(langkah):
            if i:
                st.markdown("›")
            if i == len(langkah) - 1:
                st.markdown(f"**{aman_md(label)}**")
            else:
                st.button(aman_md(label), key=f"kim_remah_{i}", on_click=pindah_jenjang, args=(None if i == 0 else tingkat, wilayah),
                          type="tertiary")
        kata = t(f"tingkat_{jenjang.tingkat}", bahasa)
        if jenjang.tingkat == "kelurahan" and bahasa_sah(bahasa) == "id":
            kata = jenis_dalam(dataset, jenjang.wilayah)  # "Peta per desa" in a kabupaten of desa
        st.caption(t("tingkat_ditampilkan", bahasa, tingkat=kata)
                   + (" · " + t("remah_bantu", bahasa) if jenjang.tingkat != "kelurahan" else ""))
