"""The KIM table in ``st.data_editor``, and the bar that saves or discards it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.ekspor.formula import netralkan_tabel
from geo.i18n import t
from geo.masuk.dataset import Dataset
from geo.masuk.nama import kode_untuk_nama
from geo.simpan.kim import bandingkan, ke_teks
from ui.kelola import (
    K_ASAL,
    K_DRAF,
    K_KONFLIK,
    K_LAPORAN,
    K_SIDIK,
    K_VERSI,
    catatan_status,
    ganti_draf,
    jalankan_simpan,
    muat_ulang,
    pilih_berantai,
)
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import gudang
from ui.navigasi import bahasa_halaman

# kode_kelurahan and kecamatan are derived from the chosen kelurahan on save,
# so the editor never shows a code that disagrees with the name beside it.
KOLOM_EDITOR = [
    "id_potensi", "nama_kim", "id_kim", "kelurahan", "kategori_potensi", "nama_potensi", "deskripsi", "status_aktivitas",
    "jumlah_anggota", "kegiatan_terakhir", "lintang", "bujur", "kontak",
]
BERKAS_EDITOR = "tabel suntingan"


def _konfigurasi(dataset: Dataset) -> dict:
    cc = st.column_config
    wil, ref = dataset.wilayah, dataset.referensi
    return {
        "id_potensi": cc.TextColumn("id_potensi", required=True, help="id unik, mis. BTG-KUA-01"),
        "nama_kim": cc.TextColumn("nama KIM", required=True),
        # Only KIM of the KIM table can be chosen; empty: the KIM is found by nama_kim (geo.kim.tautan).
        "id_kim": cc.SelectboxColumn("id_kim", options=id_kim_pilihan(dataset), help=t("k_id_kim_bantu", bahasa_halaman())),
        "kelurahan": cc.SelectboxColumn("kelurahan", options=list(ref.tabel["kelurahan"]), required=True),
        "kategori_potensi": cc.SelectboxColumn("kategori potensi", options=list(wil.kategori_potensi), required=True),
        "nama_potensi": cc.TextColumn("nama potensi", required=True),
        "deskripsi": cc.TextColumn("deskripsi", width="medium"),
        "status_aktivitas": cc.SelectboxColumn("status aktivitas", options=list(wil.status_aktivitas), required=True),
        "jumlah_anggota": cc.NumberColumn("jumlah anggota", min_value=0, step=1, format="%d"),
        "kegiatan_terakhir": cc.DateColumn("kegiatan terakhir", format="DD/MM/YYYY"),
        "lintang": cc.NumberColumn("lintang", min_value=-90.0, max_value=90.0, format="%.6f", help="derajat desimal WGS84; pilih di tab Lokasi"),
        "bujur": cc.NumberColumn("bujur", min_value=-180.0, max_value=180.0, format="%.6f"),
        "kontak": cc.TextColumn("kontak"),
    }


def id_kim_pilihan(dataset: Dataset) -> list[str]:
    """The KIM table's own ids (not those made up for KIM it lacks), the choices of the editor's ``id_kim``."""
    profil = dataset.profil
    if profil is None:
        return []
    return [i for i in profil.tabel["id_kim"].astype(str) if i and i not in set(profil.dibuat)]


def lengkapi_kelurahan(tabel: pd.DataFrame, dataset: Dataset, asal: pd.DataFrame | None = None) -> pd.DataFrame:
    """Code and kecamatan from the kelurahan name chosen in the editor (:func:`geo.masuk.nama.kode_untuk_nama`).

    A row keeps its saved code (from ``asal``, by ``id_potensi``) while its name
    still fits it, so a repeated desa name never loses its code to an edit elsewhere.
    """
    ref = dataset.referensi
    hasil = tabel.copy()
    lama = kec = None
    if asal is not None and {"id_potensi", "kode_kelurahan"} <= set(asal.columns):
        per_id = asal.drop_duplicates("id_potensi").set_index("id_potensi")
        id_ = hasil["id_potensi"].astype(str)
        lama = pd.Series(id_.map(per_id["kode_kelurahan"]).to_numpy(dtype=object), index=hasil.index)
        if "kecamatan" in per_id:
            kec = pd.Series(id_.map(per_id["kecamatan"]).to_numpy(dtype=object), index=hasil.index)
    kode = kode_untuk_nama(ref, hasil["kelurahan"], lama, kec)
    hasil["kode_kelurahan"] = kode
    hasil["kecamatan"] = kode.map(ref.tabel["kecamatan"]).fillna("")
    return hasil


def editor(dataset: Dataset, boleh_sunting: bool) -> pd.DataFrame:
    """Draw the table; returns the working copy with the user's edits applied."""
    draf = st.session_state[K_DRAF]
    # A column the stored table lacks (id_kim in data from before the registry) is blank, not Streamlit's "None".
    tampil = draf.reindex(columns=KOLOM_EDITOR, fill_value="").reset_index(drop=True)
    tampil["kegiatan_terakhir"] = pd.to_datetime(tampil["kegiatan_terakhir"])
    if not boleh_sunting:
        st.dataframe(tampil, hide_index=True, width="stretch", column_config=_konfigurasi(dataset))
        return tampil
    st.caption(t("k_editor_bantu", bahasa_halaman()))
    return st.data_editor(
        tampil, key=f"kelola_editor_{st.session_state[K_VERSI]}", num_rows="dynamic", hide_index=True, width="stretch",
        height=460, column_config=_konfigurasi(dataset), column_order=KOLOM_EDITOR,
    )


def _id_per_baris(tabel: pd.DataFrame) -> pd.Series:
    return pd.Series(tabel["id_potensi"].fillna("").astype(str).to_numpy(), index=range(1, len(tabel) + 1))


def kotak_konflik(dataset: Dataset, suntingan: pd.DataFrame) -> None:
    """After a refused save: say so, let the user keep their edits as a file, and reload."""
    konflik = st.session_state.get(K_KONFLIK)
    if not konflik:
        return
    bahasa = bahasa_halaman()
    st.error(t("kag_konflik", bahasa, pesan=aman_md(konflik)))
    # A file for Excel: cells that look like formulas are neutralised (CSV injection).
    siap = netralkan_tabel(ke_teks(lengkapi_kelurahan(suntingan, dataset, st.session_state[K_ASAL])).drop(columns="_baris"))
    k1, k2, _ = st.columns([1, 1, 2])
    k1.download_button(t("kag_unduh_suntingan", bahasa), siap.to_csv(index=False).encode("utf-8-sig"),
                       file_name="suntingan_kim_belum_tersimpan.csv", mime="text/csv", width="stretch")
    if k2.button(t("kag_muat_ulang", bahasa), type="primary", width="stretch", key="kelola_muat_ulang"):
        muat_ulang(dataset)
        st.rerun()


def bilah_simpan(dataset: Dataset, pengguna: str, suntingan: pd.DataFrame) -> None:
    """Pending changes, Save and Discard; the conflict and validation reports when there are any."""
    asal = st.session_state[K_ASAL]
    siap = lengkapi_kelurahan(suntingan, dataset, asal)
    perubahan = bandingkan(asal, siap)
    kiri, tengah, kanan = st.columns([3, 1, 1], vertical_alignment="center")
    bahasa = bahasa_halaman()
    if perubahan.kosong:
        kiri.markdown(t("k_tanpa_perubahan", bahasa))
    else:
        kiri.markdown(t("k_belum_disimpan", bahasa, ringkas=perubahan.ringkas()))
    if not perubahan.kosong:
        catatan_status(dataset, siap)
    berantai = pilih_berantai(perubahan.dihapus, "kelola_berantai")
    if tengah.button(t("k_simpan", bahasa), type="primary", disabled=perubahan.kosong, width="stretch", key="kelola_simpan"):
        hasil = jalankan_simpan(dataset, lambda: gudang().simpan_kim(siap, dataset, pengguna, st.session_state[K_SIDIK],
                                                                     berkas=BERKAS_EDITOR, berantai=berantai))
        if hasil is not None and hasil.disimpan:
            st.rerun()
        if st.session_state.get(K_KONFLIK):
            st.rerun()
    if kanan.button(t("k_batal", bahasa), disabled=perubahan.kosong, width="stretch", key="kelola_batal"):
        ganti_draf(asal.copy())
        st.session_state.pop(K_LAPORAN, None)
        st.rerun()
    gagal = st.session_state.get(K_LAPORAN)
    if gagal is not None:
        st.error(f"**Belum disimpan.** {len(gagal.laporan.galat)} galat harus diperbaiki dulu; data di berkas tidak berubah. "
                 "Nomor baris = urutan baris di tabel (baris pertama = 1).")
        tabel_laporan(gagal.laporan, _id_per_baris(suntingan))
