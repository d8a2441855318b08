"""The Anggaran page's budget-form pieces: RKA/RKPA/DPA/DPPA downloads, the SIPD CSV, and a what-if ceiling.

Every file comes from :func:`geo.ekspor.rka_buat.buat_rka` and
:mod:`geo.anggaran.sipd`, the same as ``python -m geo export --format rka-*``
and ``anggaran sipd``; the what-if runs :func:`geo.anggaran.sesuaikan.sesuaikan_pagu`
and saves nothing.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from geo.anggaran.rencana import Rencana
from geo.anggaran.sesuaikan import sesuaikan_pagu
from geo.anggaran.sipd import ke_csv_sipd
from geo.anggaran.tahap import TAHAP
from geo.anggaran.uang import rupiah
from geo.ekspor.formula import netralkan_tabel
from geo.ekspor.rka_buat import FORMAT_RKA, buat_rka
from geo.galat import GalatData
from geo.i18n import t
from geo.masuk.dataset import Dataset
from geo.tampilan.susun import Tampilan
from ui.md import aman_md
from ui.muat import gudang

KUNCI_TAHAP = "w_anggaran_tahap"
KUNCI_PAGU_BARU = "w_anggaran_pagu_baru"


def formulir(tampilan: Tampilan, rencana: Rencana, bahasa: str = "id") -> None:
    """Stage choice and the form's downloads, built only when clicked (the page's View: its data and date)."""
    dataset = tampilan.dataset
    ada_dasar = gudang().ada_penetapan(rencana)
    kiri, kanan = st.columns([1, 3], vertical_alignment="bottom")
    tahap = kiri.selectbox(t("af_tahap", bahasa), list(TAHAP), index=1 if ada_dasar else 0, key=KUNCI_TAHAP,
                           format_func=lambda k: f"{TAHAP[k].singkat} ({t('af_perubahan' if TAHAP[k].perubahan else 'af_murni', bahasa)})")
    tp = TAHAP[tahap]
    if tp.perubahan and not ada_dasar:
        kanan.info(t("af_belum_ditetapkan", bahasa, singkat=tp.singkat, berkas=aman_md(gudang().nama_penetapan(rencana))))
        return
    kanan.caption(aman_md(t("af_isi", bahasa, formulir=tp.formulir, perubahan=t("af_isi_perubahan", bahasa) if tp.perubahan else "")))
    kolom = st.columns(len(FORMAT_RKA) + 1)
    label = {"rka-xlsx": t("af_unduh_excel", bahasa, singkat=tp.singkat), "rka-pdf": t("af_unduh_pdf", bahasa, singkat=tp.singkat)}
    for (kode, (ekstensi, mime)), tempat in zip(FORMAT_RKA.items(), kolom):
        tempat.download_button(label[kode], data=lambda k=kode: buat_rka(k, tampilan, rencana, tahap).data,
                               file_name=f"{tahap}-{dataset.wilayah.slug}-{rencana.pengaturan.tahun}.{ekstensi}", mime=mime,
                               key=f"anggaran_{kode}", on_click="ignore", icon=":material/download:", width="stretch")
    kolom[-1].download_button(t("af_sipd", bahasa), data=lambda: ke_csv_sipd(rencana), file_name="rincian_sipd.csv",
                              mime="text/csv", key="anggaran_sipd_csv", on_click="ignore", icon=":material/download:", width="stretch",
                              help=t("af_sipd_bantu", bahasa))


def simulasi_pagu(dataset: Dataset, rencana: Rencana, bahasa: str = "id") -> None:
    """What if the ceiling changes: every line kept, prices fitted exactly (nothing is saved here)."""
    pagu_baru = st.number_input(t("af_pagu_baru", bahasa), min_value=0, step=1_000_000, value=int(rencana.pengaturan.pagu),
                                key=KUNCI_PAGU_BARU, help=t("af_pagu_bantu", bahasa))
    if not pagu_baru or pagu_baru == rencana.total:
        st.caption(t("af_ubah_pagu", bahasa))
        return
    try:
        lama = gudang().muat_rencana(dataset, replace(rencana.pengaturan, pagu=0))
        hasil = sesuaikan_pagu(lama.tabel, int(pagu_baru))
    except GalatData as exc:
        st.warning(aman_md(exc))
        return
    baru = hasil.tabel
    banding = pd.DataFrame({
        "id_baris": baru["id_baris"], t("af_kol_komponen", bahasa): lama.tabel["komponen"],
        t("af_kol_harga_lama", bahasa): lama.tabel["harga_satuan"].map(rupiah),
        t("af_kol_harga_baru", bahasa): baru["harga_satuan"].astype(int).map(rupiah),
        t("af_kol_jumlah_lama", bahasa): lama.tabel["jumlah"].map(rupiah), t("af_kol_jumlah_baru", bahasa): baru["jumlah"].astype(int).map(rupiah),
    })
    st.markdown(t("af_simulasi", bahasa, n=len(baru), lama=rupiah(hasil.total_lama), baru=rupiah(hasil.total_baru)))
    st.dataframe(banding, hide_index=True, width="stretch", height=260, key="anggaran_simulasi")
    st.download_button(t("af_unduh_simulasi", bahasa), netralkan_tabel(baru).to_csv(index=False).encode("utf-8-sig"),
                       file_name="anggaran_disesuaikan.csv", mime="text/csv", key="anggaran_simulasi_csv", icon=":material/download:")
    st.caption(t("af_cara_simpan", bahasa, pagu=int(pagu_baru)))
