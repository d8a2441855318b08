"""Field updates, phone-first: find a potential, change its status, add its photo.

Built for a 390 px screen: one column, a searchable picker, big buttons, and
the phone's camera through the file picker. Saves go through the same
validation, backup and audit as every other edit.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.galat import GalatData
from geo.i18n import t
from geo.masuk.dataset import Dataset
from geo.simpan.foto import MAKS_BYTE, foto_untuk
from geo.simpan.lingkup import Akun, dalam_lingkup
from geo.tampilan.waktu import SUMBER_LOG, status_menurut_aturan
from ui.foto import siapkan_foto
from ui.kelola import jalankan_simpan, kabar
from ui.md import aman_md
from ui.muat import gudang
from ui.navigasi import bahasa_halaman

JENIS_FOTO = ["jpg", "jpeg", "mpo", "png", "webp"]


def _pilihan(tabel: pd.DataFrame) -> dict[str, str]:
    label = tabel["id_potensi"] + " · " + tabel["nama_potensi"] + " (" + tabel["kelurahan"] + ")"
    return dict(zip(tabel["id_potensi"], label))


def pratinjau_status(dataset: Dataset, baris: pd.Series, status: str) -> None:
    """Before saving: what the map will show for this status, and why when it is not the one chosen."""
    bahasa = bahasa_halaman()
    calon = baris.to_frame().T.assign(status_aktivitas=status)
    peta = status_menurut_aturan(calon, dataset.kegiatan, dataset.wilayah).iloc[0]
    if peta["status_peta"] == status:
        st.caption(t("ks_akan_tampil", bahasa, status=aman_md(status)))
    elif peta["sumber_status"] == SUMBER_LOG:
        st.warning(t("ks_tetap_log", bahasa, status=aman_md(peta["status_peta"])))
    else:
        st.warning(t("ks_tanpa_kegiatan", bahasa, status=aman_md(peta["status_peta"])))


def lapangan(dataset: Dataset, pengguna: Akun) -> None:
    """The field-update tab: status and photo of one potential (only those in the account's scope)."""
    bahasa = bahasa_halaman()
    tabel, _ = gudang().baca_untuk_sunting(dataset)
    tabel = tabel[(tabel["id_potensi"].str.strip() != "") & tabel["kode_kelurahan"].map(lambda k: dalam_lingkup(pengguna, k))]
    if not len(tabel):
        st.info(t("kl_kosong", bahasa))
        return
    pilihan = _pilihan(tabel)
    id_potensi = st.selectbox(t("kl_cari", bahasa), list(pilihan), format_func=pilihan.get,
                              key="lapangan_id", index=None, placeholder=t("kl_cari_contoh", bahasa))
    if not id_potensi:
        return
    baris = tabel[tabel["id_potensi"] == id_potensi].iloc[0]
    st.markdown(f"**{aman_md(baris['nama_potensi'])}** · {aman_md(baris['nama_kim'])} · {aman_md(baris['kelurahan'])}")

    status = list(dataset.wilayah.status_aktivitas)
    kini = baris["status_aktivitas"] if baris["status_aktivitas"] in status else status[0]
    baru = st.radio(t("status", bahasa), status, index=status.index(kini), key=f"lapangan_status_{id_potensi}")
    pratinjau_status(dataset, baris, baru)
    if st.button(t("kl_simpan_status", bahasa), type="primary", width="stretch", disabled=baru == kini, key="lapangan_simpan_status"):
        terbaru, sidik = gudang().baca_untuk_sunting(dataset)
        terbaru.loc[terbaru["id_potensi"] == id_potensi, "status_aktivitas"] = baru
        hasil = jalankan_simpan(dataset, lambda: gudang().simpan_kim(terbaru, dataset, pengguna, sidik,
                                                                     aksi="lapangan", berkas="pembaruan lapangan"))
        if hasil is not None:
            st.rerun()

    st.markdown(f"**{t('foto_judul', bahasa)}**")
    ada = foto_untuk(dataset.path_kim, [id_potensi])[0]
    if ada is not None and ada.is_file():
        st.image(str(ada), caption=t("kl_foto_kini", bahasa), width="stretch")
    # A form: the photo and the press travel to the server together, so a press made while the
    # upload was still being sent is never lost on a slow phone connection.
    with st.form(key=f"lapangan_form_foto_{id_potensi}", clear_on_submit=True, border=False):
        unggahan = st.file_uploader(t("foto_unggah", bahasa, mb=f"{MAKS_BYTE // 1024 // 1024}"), type=JENIS_FOTO,
                                    key=f"lapangan_foto_{id_potensi}", help=t("foto_keterangan", bahasa),
                                    max_upload_size=MAKS_BYTE // 1024 // 1024)
        st.caption(t("foto_keterangan", bahasa))
        kirim = st.form_submit_button(t("foto_simpan", bahasa), width="stretch")
    if kirim and unggahan is None:
        st.warning(t("foto_belum_dipilih", bahasa))
    elif kirim:
        try:
            hasil = gudang().simpan_foto(id_potensi, unggahan.getvalue(), pengguna, unggahan.name,
                                         id_sah=set(tabel["id_potensi"]))
        except GalatData as exc:
            st.error(aman_md(exc))
            return
        siapkan_foto(dataset)
        st.cache_data.clear()  # the map's popups must pick up the new photo
        kabar("success", t("foto_tersimpan", bahasa, id=aman_md(id_potensi), lebar=hasil.lebar, tinggi=hasil.tinggi))
        st.rerun()
