"""Pick a potential's location by clicking on the map."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.i18n import t
from geo.masuk.batas import kelurahan_di_titik
from geo.masuk.dataset import Dataset
from geo.peta.pilih import lapisan_pilihan, peta_pilih_lokasi
from ui.kelola import ganti_draf, kabar
from ui.md import aman_md
from ui.navigasi import bahasa_halaman
from ui.peta import siapkan_aset

K_KLIK = "kelola_klik"
K_PETA = "kelola_peta"
K_BARIS = "kelola_lokasi_baris"


def _saat_klik() -> None:
    nilai = st.session_state.get(K_PETA) or {}
    klik = nilai.get("last_clicked")
    if klik and "lat" in klik and "lng" in klik:
        st.session_state[K_KLIK] = (round(float(klik["lat"]), 6), round(float(klik["lng"]), 6))


def _label(tabel: pd.DataFrame, bahasa: str) -> list[str]:
    def teks(kolom: str, kosong: str) -> pd.Series:
        return tabel[kolom].fillna("").astype(str).replace("", kosong)

    return (teks("id_potensi", t("kp_tanpa_id", bahasa)) + " · " + teks("nama_potensi", "-") + " · " + teks("kelurahan", "-")).tolist()


def pilih_lokasi(dataset: Dataset, suntingan: pd.DataFrame) -> None:
    """Choose a row, click the map, apply: the working copy gets the new coordinates."""
    bahasa = bahasa_halaman()
    if suntingan.empty:
        st.info(t("kp_kosong", bahasa))
        return
    label = _label(suntingan, bahasa)
    pilihan = st.selectbox(t("kp_pilih", bahasa), range(len(suntingan)), format_func=lambda i: label[i], key=K_BARIS)
    baris = suntingan.iloc[int(pilihan or 0)]
    ada = pd.notna(baris["lintang"]) and pd.notna(baris["bujur"])
    terpilih = (float(baris["lintang"]), float(baris["bujur"])) if ada else None
    calon = st.session_state.get(K_KLIK)
    kiri, kanan = st.columns([3, 2])
    with kiri:
        peta = peta_pilih_lokasi(dataset.batas, suntingan, siapkan_aset(), dataset.wilayah.batas_bbox)
        st_folium(
            peta, key=K_PETA, height=480, use_container_width=True, returned_objects=["last_clicked"],
            feature_group_to_add=lapisan_pilihan(terpilih, calon, str(baris["nama_potensi"] or "")),
            center=list(terpilih) if terpilih else None, zoom=14 if terpilih else None, on_change=_saat_klik,
        )
    with kanan:
        st.markdown(t("kp_tersimpan", bahasa, lokasi=f"{terpilih[0]:.6f}, {terpilih[1]:.6f}" if terpilih else t("kp_belum_ada", bahasa)))
        if not calon:
            st.info(t("kp_klik", bahasa))
            return
        kode = kelurahan_di_titik(dataset.batas, *calon)
        nama = dataset.referensi.tabel.at[kode, "kelurahan"] if kode else None
        letak = t("kp_di_kelurahan", bahasa, nama=aman_md(nama)) if nama else t("kp_di_luar", bahasa)
        st.markdown(t("kp_baru", bahasa, lokasi=f"{calon[0]:.6f}, {calon[1]:.6f}") + "  \n" + letak)
        ganti_kelurahan = False
        if nama and nama != baris["kelurahan"]:
            st.warning(t("kp_beda_kelurahan", bahasa, nama=aman_md(nama), tercatat=aman_md(baris["kelurahan"] or t("kp_kosong_isi", bahasa))))
            ganti_kelurahan = st.checkbox(t("kp_ganti_kelurahan", bahasa, nama=nama), value=True, key="kelola_ganti_kel")
        elif not nama:
            st.warning(t("kp_luar_batas", bahasa))
        if st.button(t("kp_pakai", bahasa), type="primary", key="kelola_pakai_lokasi"):
            baru = suntingan.copy()
            baru.loc[baru.index[int(pilihan)], ["lintang", "bujur"]] = calon
            if ganti_kelurahan:
                baru.loc[baru.index[int(pilihan)], "kelurahan"] = nama
            ganti_draf(baru)
            st.session_state.pop(K_KLIK, None)
            kabar("info", t("kp_diperbarui", bahasa, id=aman_md(baris["id_potensi"])))
            st.rerun()
