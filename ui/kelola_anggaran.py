"""Kelola Data, tab "Anggaran": edit the budget plan with the KIM table's rules.

Same guarantees as the KIM editor: only a logged-in editor sees it, nothing
is saved before *Simpan anggaran*, every save is validated
(:func:`geo.anggaran.simpan.simpan_rencana`), backed up, audited, and refused
when someone else changed the file since it was loaded.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import config
from geo.anggaran.pengaturan import pengaturan_dari
from geo.anggaran.rencana import KOLOM_SEMUA
from geo.anggaran.simpan import bandingkan_baris, sebagai_teks
from geo.anggaran.uang import rupiah, urai_rupiah
from geo.ekspor.formula import netralkan_tabel
from geo.galat import GalatData
from geo.i18n import t
from geo.masuk.baca import KOLOM_BARIS
from geo.masuk.dataset import Dataset
from geo.simpan.kim import GalatKonflik
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import gudang, lupakan
from ui.navigasi import bahasa_halaman

K_ASAL = "anggaran_asal"
K_DRAF = "anggaran_draf"
K_SIDIK = "anggaran_sidik"
K_VERSI = "anggaran_versi"
K_PATH = "anggaran_path"
K_LAPORAN = "anggaran_laporan"
K_KONFLIK = "anggaran_konflik"
K_KABAR = "anggaran_kabar"
BERKAS_EDITOR = "tabel anggaran"


def _muat_ulang(path) -> None:
    """The plan as text cells (what the store holds) and its fingerprint."""
    tabel, sidik = gudang().baca_rencana_untuk_sunting()
    st.session_state[K_ASAL] = tabel.reset_index(drop=True)
    st.session_state[K_DRAF] = tabel.reset_index(drop=True).copy()
    st.session_state[K_SIDIK] = sidik
    st.session_state[K_PATH] = str(path)
    st.session_state[K_VERSI] = st.session_state.get(K_VERSI, 0) + 1
    for kunci in (K_LAPORAN, K_KONFLIK):
        st.session_state.pop(kunci, None)


def _konfigurasi(dataset: Dataset, jenis: tuple[str, ...], bahasa: str = "id") -> dict:
    cc = st.column_config
    return {
        "id_baris": cc.TextColumn("id_baris", required=True, help=t("kag_bantu_id_baris", bahasa)),
        # Free text, not a list: a blank cell must stay blank, and a wrong id is reported on save with its row.
        "id_potensi": cc.TextColumn("id_potensi", help=t("kag_bantu_id_potensi", bahasa)),
        "kode_kelurahan": cc.TextColumn("kode_kelurahan", help=t("kag_bantu_kode", bahasa, kode=dataset.referensi.kode[0])),
        "kegiatan": cc.TextColumn("kegiatan", required=True, width="large"),
        "jenis_belanja": cc.SelectboxColumn("jenis belanja", options=list(jenis), help=t("kag_bantu_jenis", bahasa)),
        "kode_rekening": cc.TextColumn("kode rekening", help=t("kag_bantu_rekening", bahasa)),
        "ppn_persen": cc.TextColumn("PPN %", help=t("kag_bantu_ppn", bahasa)),
        "volume": cc.TextColumn("volume", required=True, help=t("kag_bantu_volume", bahasa)),
        "satuan": cc.TextColumn("satuan", required=True),
        "harga_satuan": cc.TextColumn("harga satuan", required=True, help=t("kag_bantu_harga", bahasa)),
        "jumlah": cc.TextColumn("jumlah", help=t("kag_bantu_jumlah", bahasa)),
        "target": cc.TextColumn("target"),
        "keterangan": cc.TextColumn("keterangan"),
    }


def tab_anggaran(dataset: Dataset, pengguna: str) -> None:
    """The plan editor and its save bar (only drawn for a logged-in editor).

    The editor shows the working copy ``anggaran_draf``; changes are what differs from ``anggaran_asal``.
    """
    path = config.path_anggaran()
    if K_ASAL not in st.session_state or st.session_state.get(K_PATH) != str(path):
        _muat_ulang(path)
    jenis, kabar = st.session_state.pop(K_KABAR, (None, None))
    if jenis:
        getattr(st, jenis)(kabar)
    try:
        pengaturan = pengaturan_dari(dataset.wilayah)
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    asal = st.session_state[K_ASAL]
    bahasa = bahasa_halaman()
    st.caption(t("kag_keterangan", bahasa, berkas=aman_md(path.name), pagu=rupiah(pengaturan.pagu), tahun=pengaturan.tahun))
    suntingan = st.data_editor(
        st.session_state[K_DRAF], key=f"anggaran_editor_{st.session_state[K_VERSI]}", num_rows="dynamic", hide_index=True, width="stretch",
        height=420, column_config=_konfigurasi(dataset, pengaturan.jenis_belanja, bahasa), column_order=list(KOLOM_SEMUA),
    )
    siap = suntingan.reset_index(drop=True)
    perubahan = bandingkan_baris(asal, siap)
    kiri, tengah, kanan = st.columns([3, 1, 1], vertical_alignment="center")
    kiri.markdown(t("k_tanpa_perubahan", bahasa) if perubahan.kosong else t("k_belum_disimpan", bahasa, ringkas=perubahan.ringkas()))
    kiri.caption(_total_draf(siap, pengaturan.pagu, bahasa))
    if tengah.button(t("kag_simpan", bahasa), type="primary", disabled=perubahan.kosong, width="stretch", key="anggaran_simpan"):
        _simpan(siap, path, dataset, pengaturan, pengguna)
    if kanan.button(t("k_batal", bahasa), disabled=perubahan.kosong, width="stretch", key="anggaran_batal"):
        _muat_ulang(path)
        st.rerun()
    konflik = st.session_state.get(K_KONFLIK)
    if konflik:
        st.error(t("kag_konflik", bahasa, pesan=aman_md(konflik)))
        k1, k2, _ = st.columns([1, 1, 2])
        csv = netralkan_tabel(sebagai_teks(siap).drop(columns=KOLOM_BARIS)).to_csv(index=False).encode("utf-8-sig")
        k1.download_button(t("kag_unduh_suntingan", bahasa), csv, file_name="suntingan_anggaran_belum_tersimpan.csv", mime="text/csv",
                           width="stretch", key="anggaran_unduh_konflik")
        if k2.button(t("kag_muat_ulang", bahasa), width="stretch", key="anggaran_muat_ulang"):
            _muat_ulang(path)
            st.rerun()
    gagal = st.session_state.get(K_LAPORAN)
    if gagal is not None:
        st.error(t("kag_belum_disimpan", bahasa, n=len(gagal.galat)))
        tabel_laporan(gagal, pd.Series(siap["id_baris"].fillna("").astype(str).to_numpy(), index=range(1, len(siap) + 1)))
    with st.expander(t("kag_riwayat", bahasa)):
        audit = gudang().baca_audit("anggaran")
        if len(audit):
            st.dataframe(audit, hide_index=True, width="stretch")
        else:
            st.caption(t("kag_tanpa_riwayat", bahasa))


def _total_draf(siap: pd.DataFrame, pagu: int, bahasa: str) -> str:
    """The working copy's total against the ceiling, before saving (cells that are not yet rupiah are skipped)."""
    def angka(teks: object) -> int:
        try:
            return urai_rupiah(str(teks)) if teks not in (None, "") else 0
        except ValueError:
            return 0

    total = sum(siap["jumlah"].map(angka)) if "jumlah" in siap else 0
    keadaan = t("a_lewat", bahasa, jumlah=rupiah(total - pagu)) if total > pagu else t("kag_sisa", bahasa, jumlah=rupiah(pagu - total))
    return t("kag_total", bahasa, total=rupiah(total), pagu=rupiah(pagu), keadaan=keadaan)


def _simpan(siap: pd.DataFrame, path, dataset: Dataset, pengaturan, pengguna: str) -> None:
    st.session_state.pop(K_LAPORAN, None)
    try:
        hasil = gudang().simpan_rencana(siap, dataset, pengaturan, pengguna, st.session_state[K_SIDIK], berkas=BERKAS_EDITOR)
    except GalatKonflik as exc:
        st.session_state[K_KONFLIK] = str(exc)
        st.rerun()
    except GalatData as exc:
        st.session_state[K_KABAR] = ("error", aman_md(exc))
        st.rerun()
    if not hasil.disimpan:
        if hasil.laporan.ok:
            st.session_state[K_KABAR] = ("info", hasil.pesan)
        else:
            st.session_state[K_LAPORAN] = hasil.laporan
        st.rerun()
    st.cache_data.clear()
    lupakan()
    _muat_ulang(path)
    cadangan = t("kag_dicadangkan", bahasa_halaman(), nama=aman_md(hasil.cadangan.name)) if hasil.cadangan else ""
    st.session_state[K_KABAR] = ("success", f"{hasil.pesan}{cadangan}")
    st.rerun()
