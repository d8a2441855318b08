"""Upload a CSV/XLSX (checked in full before anything is saved), and undo from backups."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from geo.ekspor.templat import buat_templat
from geo.format_id import angka, tanggal
from geo.i18n import t
from geo.masuk.batasan import UNGGAH_MB
from geo.masuk.dataset import Dataset
from geo.masuk.validasi import validasi_kim
from geo.simpan.kim import MODE_GABUNG, MODE_GANTI, Perubahan, bandingkan, periksa_unggahan
from ui.kelola import K_ASAL, K_CADANGAN, K_DRAF, K_SIDIK, K_UNGGAH_KE, catatan_status, jalankan_simpan, pilih_berantai
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import gudang
from ui.navigasi import bahasa_halaman

_MODE = {MODE_GABUNG: "kb_mode_gabung", MODE_GANTI: "kb_mode_ganti"}


def _daftar_id(ids: list[str], batas: int = 12) -> str:
    teks = ", ".join(ids[:batas])
    return teks + (f", … (+{len(ids) - batas})" if len(ids) > batas else "")


def _ringkas_perubahan(p: Perubahan, judul: str, bahasa: str) -> None:
    st.markdown(t("kb_ringkas", bahasa, judul=judul, tambah=angka(len(p.ditambah), bahasa=bahasa), ubah=angka(len(p.diubah), bahasa=bahasa),
                  hapus=angka(len(p.dihapus), bahasa=bahasa)))
    for kunci, ids in (("kb_ditambah", p.ditambah), ("kb_diubah", p.diubah), ("kb_dihapus", p.dihapus)):
        if ids:
            st.caption(f"{t(kunci, bahasa)}: {aman_md(_daftar_id(ids))}")


def unggah(dataset: Dataset, pengguna: str) -> None:
    """Upload → preview → full report → choose merge/replace → save (only when valid)."""
    bahasa = bahasa_halaman()
    st.download_button(
        t("kb_templat", bahasa), data=partial(buat_templat, dataset.wilayah, dataset.referensi),
        file_name=f"templat-kim-{dataset.wilayah.slug}.xlsx", icon=":material/table_view:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    mb = UNGGAH_MB.nilai_atau_bawaan()
    berkas = st.file_uploader(t("kb_berkas", bahasa, mb=mb), type=["csv", "xlsx"], key=_kunci_unggah(), max_upload_size=mb)
    if berkas is None:
        st.caption(t("kb_diperiksa", bahasa))
        return
    mode = st.radio(t("kb_cara", bahasa), list(_MODE), format_func=lambda m: t(_MODE[m], bahasa), key="kelola_mode_unggah")
    cek = periksa_unggahan(berkas.getvalue(), berkas.name, dataset, mode, st.session_state[K_ASAL])
    if not cek.laporan.ok:
        st.error(t("kb_tidak_sah", bahasa, berkas=aman_md(berkas.name), galat=len(cek.laporan.galat), peringatan=len(cek.laporan.peringatan)))
    elif cek.laporan.peringatan:
        st.warning(t("kb_sah_peringatan", bahasa, berkas=aman_md(berkas.name), n=len(cek.laporan.peringatan)))
    else:
        st.success(t("kb_sah", bahasa, berkas=aman_md(berkas.name), n=len(cek.tabel)))
    tabel_laporan(cek.laporan)
    if len(cek.tabel):
        st.markdown(t("kb_pratinjau", bahasa, n=angka(len(cek.tabel), bahasa=bahasa)))
        st.dataframe(cek.tabel.drop(columns="_baris", errors="ignore"), hide_index=True, width="stretch", height=260)
    if cek.hasil is None or cek.perubahan is None:
        return
    _ringkas_perubahan(cek.perubahan, t("kb_jika_disimpan", bahasa), bahasa)
    catatan_status(dataset, cek.hasil)
    belum = not bandingkan(st.session_state[K_ASAL], st.session_state[K_DRAF]).kosong
    if belum:
        st.warning(t("kb_dibuang", bahasa))
    if mode == MODE_GANTI and cek.perubahan.dihapus:
        st.warning(t("kb_ganti_hapus", bahasa, n=len(cek.perubahan.dihapus)))
    berantai = pilih_berantai(cek.perubahan.dihapus, "kelola_berantai_unggah")
    if st.button(t("kb_simpan", bahasa), type="primary", disabled=cek.perubahan.kosong, key="kelola_simpan_unggah"):
        hasil = jalankan_simpan(dataset, lambda: gudang().simpan_kim(
            cek.hasil, dataset, pengguna, st.session_state[K_SIDIK], aksi=f"unggah-{mode}", berkas=berkas.name,
            catatan=f"unggahan {berkas.name}", berantai=berantai))
        if hasil is not None:
            if hasil.disimpan:
                st.session_state[K_UNGGAH_KE] = st.session_state.get(K_UNGGAH_KE, 0) + 1
            st.rerun()


def _kunci_unggah() -> str:
    """The uploader's key: a new, empty uploader after each saved upload.

    A saved file left in the uploader would only say "no changes" and invite a
    second, stale save; the first uploader keeps the plain key pages and tests know.
    """
    ke = st.session_state.get(K_UNGGAH_KE, 0)
    return "kelola_unggah" if not ke else f"kelola_unggah_{ke}"


def _baca_cadangan(dataset: Dataset, cadangan) -> pd.DataFrame | None:
    mentah = gudang().baca_cadangan(cadangan)
    if mentah is None:
        return None
    tabel, _ = validasi_kim(mentah, cadangan.nama, dataset.referensi, dataset.wilayah, None)
    return tabel


def riwayat(dataset: Dataset, pengguna: str) -> None:
    """The audit log, and restoring an earlier version (itself backed up, so undo is undoable)."""
    bahasa = bahasa_halaman()
    st.markdown(t("kr_pulihkan_judul", bahasa))
    cadangan = gudang().daftar_cadangan()
    if not cadangan:
        st.caption(t("kr_tanpa_cadangan", bahasa))
    else:
        label = [t("kr_label", bahasa, tanggal=tanggal(c.waktu, bahasa=bahasa), jam=f"{c.waktu:%H:%M:%S}", nama=c.nama) for c in cadangan]
        i = st.selectbox(t("kr_cadangan", bahasa), range(len(cadangan)), format_func=lambda j: label[j], key=K_CADANGAN)
        dipilih = cadangan[int(i or 0)]
        tabel = _baca_cadangan(dataset, dipilih)
        if tabel is None:
            st.error(t("kr_tak_terbaca", bahasa, nama=aman_md(dipilih.nama)))
        else:
            perubahan = bandingkan(st.session_state[K_ASAL], tabel)
            _ringkas_perubahan(perubahan, t("kr_berisi", bahasa, n=angka(len(tabel), bahasa=bahasa)), bahasa)
            if st.button(t("kr_pulihkan", bahasa), type="primary", disabled=perubahan.kosong, key="kelola_pulihkan"):
                hasil = jalankan_simpan(dataset, lambda: gudang().pulihkan(dipilih, dataset, pengguna, st.session_state[K_SIDIK], periksa_konflik=True))
                if hasil is not None:
                    st.rerun()
    st.markdown(t("kr_log_audit", bahasa))
    log = gudang().baca_audit()
    if log.empty:
        st.caption(t("kr_tanpa_audit", bahasa))
        return
    tampil = pd.DataFrame({
        "waktu": pd.to_datetime(log["waktu"].astype(str).str[:19], errors="coerce").dt.strftime("%d/%m/%Y %H:%M"),
        "pengguna": log["pengguna"], "aksi": log["aksi"],
        "ditambah": log["ditambah"].map(lambda v: _daftar_id(list(v or []))),
        "diubah": log["diubah"].map(lambda v: _daftar_id(list(v or []))),
        "dihapus": log["dihapus"].map(lambda v: _daftar_id(list(v or []))),
        "jumlah baris": log["jumlah_baris"], "cadangan": log["cadangan"].fillna(""),
    })
    tampil.columns = [t(f"kr_kol_{k.replace(' ', '_')}", bahasa) for k in tampil.columns]
    st.dataframe(tampil, hide_index=True, width="stretch", height=min(400, 38 + 35 * len(tampil)))
