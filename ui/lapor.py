"""Kelola Data, "Lapor kegiatan": one activity with a photo from a phone, in one form.

Built for one thumb at 390 px: a single column, the reporter's own potentials
first in a searchable picker, today's date, the region's activity vocabulary,
big buttons, and the phone's camera through the file picker. The save goes
through :func:`geo.simpan.laporan.simpan_laporan` on the page's store (or waits in its queue for verification).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.galat import GalatData
from geo.i18n import t
from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import jenis_kegiatan
from geo.simpan.foto import MAKS_BYTE
from geo.simpan.laporan import LaporanKegiatan, id_berikutnya, simpan_laporan, wajib_verifikasi
from geo.simpan.lingkup import ADMINISTRATOR, EDITOR, Akun, dalam_lingkup
from geo.tampilan import waktu
from ui.foto import siapkan_foto
from ui.kelola import kabar, tampilkan_kabar
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import gudang, lupakan
from ui.navigasi import bahasa_halaman

JENIS_FOTO = ["jpg", "jpeg", "mpo", "png", "webp"]  # as ui/kelola_lapangan (#21: MPO from phone cameras)
MAKS_CATATAN = 280


def potensi_dalam_lingkup(dataset: Dataset, akun: Akun) -> pd.DataFrame:
    """The potentials this account may report on, its own KIM's first (the order of the table)."""
    potensi = pd.DataFrame(dataset.potensi.drop(columns="geometry", errors="ignore"))
    if not len(potensi):
        return potensi
    return potensi[potensi["kode_kelurahan"].map(lambda k: dalam_lingkup(akun, k))]


def formulir_lapor(dataset: Dataset, akun: Akun) -> None:
    tampilkan_kabar()
    bahasa = bahasa_halaman()
    potensi = potensi_dalam_lingkup(dataset, akun)
    if not len(potensi):
        st.info(t("l_tanpa_potensi", bahasa))
        return
    label = dict(zip(potensi["id_potensi"], potensi["nama_potensi"] + " · " + potensi["nama_kim"] + " (" + potensi["kelurahan"] + ")"))
    pilihan = list(label)
    jenis = list(jenis_kegiatan(dataset.wilayah))
    if wajib_verifikasi(dataset):
        st.caption(t("l_wajib_verifikasi", bahasa))
    with st.form("lapor_form", clear_on_submit=True, border=False):
        id_potensi = st.selectbox(t("l_potensi", bahasa), pilihan, format_func=label.get, key="lapor_potensi")
        tanggal = st.date_input(t("l_tanggal", bahasa), value=waktu.hari_ini(), max_value=waktu.hari_ini(), format="DD/MM/YYYY",
                                key="lapor_tanggal")
        jenis_ = st.selectbox(t("l_jenis", bahasa), jenis, key="lapor_jenis", format_func=lambda j: dataset.wilayah.label(j, bahasa))
        peserta = st.number_input(t("l_peserta", bahasa), min_value=0, max_value=100_000, value=None, step=1, key="lapor_peserta",
                                  placeholder=t("l_peserta_contoh", bahasa))
        catatan = st.text_area(t("l_catatan", bahasa), max_chars=MAKS_CATATAN, key="lapor_catatan", height=90)
        foto = st.file_uploader(t("l_foto", bahasa, mb=MAKS_BYTE // 1024 // 1024), type=JENIS_FOTO,
                                key="lapor_foto", max_upload_size=MAKS_BYTE // 1024 // 1024)
        kirim = st.form_submit_button(t("l_kirim", bahasa), type="primary", width="stretch")
    if kirim:
        _kirim(dataset, akun, id_potensi, tanggal, jenis_, peserta, catatan, foto)


def _kirim(dataset: Dataset, akun: Akun, id_potensi, tanggal, jenis_: str, peserta, catatan: str, foto) -> None:
    bahasa = bahasa_halaman()
    log, _ = gudang().baca_log_untuk_sunting(dataset)
    lap = LaporanKegiatan(
        id_berikutnya(log["id_kegiatan"], gudang().baca_menunggu()["id_kegiatan"]), str(id_potensi), tanggal.isoformat() if tanggal else "", jenis_,
        "" if peserta is None else str(int(peserta)), (catatan or "").strip(),
        foto.getvalue() if foto is not None else None, foto.name if foto is not None else "foto",
    )
    try:
        if wajib_verifikasi(dataset):
            gudang().ajukan_laporan(dataset, akun, [lap])
            kabar("success", t("l_terkirim", bahasa, id=lap.id_kegiatan))
            st.rerun()
        hasil = simpan_laporan(dataset, akun, [lap], gudang=gudang())
    except GalatData as exc:  # out of scope (logged by the store), a refused photo, a busy file
        st.error(aman_md(exc))
        return
    if not hasil.disimpan:
        st.error(t("l_belum_tersimpan", bahasa))
        tabel_laporan(hasil.laporan)
        return
    if lap.foto is not None:
        siapkan_foto(dataset)
    st.cache_data.clear()
    lupakan()  # the map and its figures must count the new activity
    kabar("success", t("l_tersimpan", bahasa, id=lap.id_kegiatan))
    st.rerun()


def tinjau_menunggu(dataset: Dataset, akun: Akun) -> None:
    """Editors of a scope accept or reject the reports waiting in it (verification on)."""
    if akun.peran not in (EDITOR, ADMINISTRATOR) or not wajib_verifikasi(dataset):
        return
    kode = dict(zip(dataset.potensi["id_potensi"], dataset.potensi["kode_kelurahan"])) if len(dataset.potensi) else {}
    antre = gudang().baca_menunggu()
    antre = antre[antre["id_potensi"].map(lambda i: dalam_lingkup(akun, kode.get(i, "")))]
    bahasa = bahasa_halaman()
    st.subheader(t("l_menunggu", bahasa, n=len(antre)))
    for r in antre.to_dict("records"):
        with st.container(border=True):
            st.markdown(f"**{aman_md(r['id_kegiatan'])}** · {aman_md(r['id_potensi'])} · {aman_md(r['tanggal'])} · "
                        f"{aman_md(dataset.wilayah.label(r['jenis_kegiatan'], bahasa))} · {aman_md(r['peserta'] or '-')} {t('l_peserta_satuan', bahasa)}  \n"
                        f"{aman_md(r['keterangan'])}  \n_{t('l_oleh', bahasa)} {aman_md(r['pelapor'])}_")
            kiri, kanan = st.columns(2)
            try:
                if kiri.button(t("l_terima", bahasa), key=f"terima_{r['id_kegiatan']}", type="primary", width="stretch"):
                    hasil = gudang().terima_laporan(dataset, akun, [r["id_kegiatan"]])
                    if not hasil.disimpan:
                        tabel_laporan(hasil.laporan)
                        return
                    siapkan_foto(dataset)
                    st.cache_data.clear()
                    lupakan()
                    kabar("success", t("l_diterima", bahasa, id=r["id_kegiatan"]))
                    st.rerun()
                if kanan.button(t("l_tolak", bahasa), key=f"tolak_{r['id_kegiatan']}", width="stretch"):
                    gudang().tolak_laporan(dataset, akun, [r["id_kegiatan"]])
                    kabar("info", t("l_ditolak", bahasa, id=r["id_kegiatan"]))
                    st.rerun()
            except GalatData as exc:
                st.error(aman_md(exc))
