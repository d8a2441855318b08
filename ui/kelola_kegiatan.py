"""Kelola Data, tab "Log kegiatan": edit or upload the activity log (login required).

Same rules as the KIM table: everything is validated first, a save backs up
the old file, writes atomically and is audited, and a file changed by
someone else since it was opened is never overwritten.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.format_id import angka
from geo.galat import GalatData
from geo.i18n import t
from geo.masuk.batasan import UNGGAH_MB
from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import KOLOM_KEGIATAN, jenis_kegiatan
from geo.simpan.kegiatan import bandingkan_log, path_log, periksa_unggahan_kegiatan
from geo.simpan.kim import MODE_GABUNG, MODE_GANTI, GalatKonflik, HasilSimpan
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import gudang, lupakan
from ui.navigasi import bahasa_halaman

K_LOG_ASAL, K_LOG_SIDIK, K_LOG_VERSI, K_LOG_PATH, K_LOG_HASIL = "log_asal", "log_sidik", "log_versi", "log_path", "log_hasil"
_MODE = {MODE_GABUNG: "kk_mode_gabung", MODE_GANTI: "kk_mode_ganti"}


def _muat_ulang(dataset: Dataset) -> None:
    tabel, sidik = gudang().baca_log_untuk_sunting(dataset)
    st.session_state[K_LOG_ASAL], st.session_state[K_LOG_SIDIK] = tabel, sidik
    st.session_state[K_LOG_PATH] = str(path_log(dataset))
    st.session_state[K_LOG_VERSI] = st.session_state.get(K_LOG_VERSI, 0) + 1


def _simpan(dataset: Dataset, jalankan) -> None:
    try:
        hasil: HasilSimpan = jalankan()
    except GalatKonflik as exc:
        st.error(aman_md(exc))
        if st.button(t("kk_muat_ulang", bahasa_halaman()), key="log_muat_ulang"):
            _muat_ulang(dataset)
            st.rerun()
        return
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    if hasil.disimpan:
        st.cache_data.clear()  # the map's cached dataset must not outlive the file
        lupakan()
        _muat_ulang(dataset)
        cadangan = t("kag_dicadangkan", bahasa_halaman(), nama=aman_md(hasil.cadangan.name)) if hasil.cadangan else ""
        st.session_state[K_LOG_HASIL] = ("success", f"{hasil.pesan}{cadangan}")
        st.rerun()
    elif not hasil.laporan.ok:
        st.error(t("kl_belum_disimpan", bahasa_halaman(), n=len(hasil.laporan.galat)))
        tabel_laporan(hasil.laporan)
    else:
        st.info(hasil.pesan)


def tab_kegiatan(dataset: Dataset, pengguna: str) -> None:
    """The log editor, its save bar and the upload, for a logged-in editor."""
    if st.session_state.get(K_LOG_PATH) != str(path_log(dataset)) or K_LOG_ASAL not in st.session_state:
        _muat_ulang(dataset)
    jenis, teks = st.session_state.pop(K_LOG_HASIL, (None, None))
    if jenis:
        getattr(st, jenis)(aman_md(teks))
    asal: pd.DataFrame = st.session_state[K_LOG_ASAL]
    bahasa = bahasa_halaman()
    st.caption(t("k_log_keterangan", bahasa, berkas=aman_md(path_log(dataset).name), n=angka(len(asal), bahasa=bahasa),
                 jenis=aman_md(", ".join(jenis_kegiatan(dataset.wilayah)))))
    suntingan = st.data_editor(
        asal, num_rows="dynamic", hide_index=True, width="stretch", height=360, key=f"log_editor_{st.session_state[K_LOG_VERSI]}",
        column_config={
            "jenis_kegiatan": st.column_config.SelectboxColumn("jenis_kegiatan", options=list(jenis_kegiatan(dataset.wilayah))),
            "id_potensi": st.column_config.SelectboxColumn("id_potensi", options=sorted(dataset.potensi["id_potensi"].astype(str))),
        },
    )
    suntingan = suntingan.reindex(columns=list(KOLOM_KEGIATAN)).fillna("")
    perubahan = bandingkan_log(asal, suntingan)
    kiri, kanan = st.columns([3, 1], vertical_alignment="center")
    kiri.markdown(t("k_tanpa_perubahan", bahasa) if perubahan.kosong else t("k_belum_disimpan", bahasa, ringkas=perubahan.ringkas()))
    if kanan.button(t("k_log_simpan", bahasa), type="primary", disabled=perubahan.kosong, width="stretch", key="log_simpan"):
        _simpan(dataset, lambda: gudang().simpan_kegiatan(suntingan, dataset, pengguna, st.session_state[K_LOG_SIDIK]))

    st.markdown(t("k_log_unggah", bahasa))
    mb = UNGGAH_MB.nilai_atau_bawaan()
    berkas = st.file_uploader(t("k_log_berkas", bahasa, mb=mb), type=["csv", "xlsx"], key="log_unggah", max_upload_size=mb)
    if berkas is None:
        return
    mode = st.radio(t("kb_cara", bahasa), list(_MODE), format_func=lambda m: t(_MODE[m], bahasa), key="log_mode")
    cek = periksa_unggahan_kegiatan(berkas.getvalue(), berkas.name, dataset, mode, asal)
    if not cek.laporan.ok:
        st.error(t("kk_tidak_sah", bahasa, berkas=aman_md(berkas.name), n=len(cek.laporan.galat)))
    tabel_laporan(cek.laporan)
    if cek.hasil is None or cek.perubahan is None:
        return
    st.markdown(t("kk_jika_disimpan", bahasa, ringkas=cek.perubahan.ringkas()))
    if st.button(t("kk_simpan", bahasa), type="primary", disabled=cek.perubahan.kosong, key="log_simpan_unggah"):
        _simpan(dataset, lambda: gudang().simpan_kegiatan(cek.hasil, dataset, pengguna, st.session_state[K_LOG_SIDIK],
                                                 aksi=f"unggah-kegiatan-{mode}", berkas=berkas.name, catatan=f"unggahan {berkas.name}"))
