"""Upload a CSV/XLSX (checked in full before anything is saved), and undo from backups."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from geo.ekspor.templat import buat_templat
from geo.format_id import angka, tanggal
from geo.masuk.dataset import Dataset
from geo.masuk.validasi import validasi_kim
from geo.simpan.kim import MODE_GABUNG, MODE_GANTI, Perubahan, bandingkan, periksa_unggahan
from ui.kelola import K_ASAL, K_CADANGAN, K_DRAF, K_SIDIK, catatan_status, jalankan_simpan, pilih_berantai
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import gudang

_MODE = {
    MODE_GABUNG: "Gabungkan menurut id_potensi: baris dengan id yang sama diganti, id baru ditambahkan, baris lain tetap",
    MODE_GANTI: "Ganti seluruh data dengan isi berkas ini (baris yang tidak ada di berkas dihapus)",
}


def _daftar_id(ids: list[str], batas: int = 12) -> str:
    teks = ", ".join(ids[:batas])
    return teks + (f", … (+{len(ids) - batas})" if len(ids) > batas else "")


def _ringkas_perubahan(p: Perubahan, judul: str) -> None:
    st.markdown(f"**{judul}** {angka(len(p.ditambah))} baris ditambah · {angka(len(p.diubah))} diubah · {angka(len(p.dihapus))} dihapus")
    for label, ids in (("Ditambah", p.ditambah), ("Diubah", p.diubah), ("Dihapus", p.dihapus)):
        if ids:
            st.caption(f"{label}: {aman_md(_daftar_id(ids))}")


def unggah(dataset: Dataset, pengguna: str) -> None:
    """Upload → preview → full report → choose merge/replace → save (only when valid)."""
    st.download_button(
        "Unduh templat Excel (dengan daftar pilihan)", data=partial(buat_templat, dataset.wilayah, dataset.referensi),
        file_name=f"templat-kim-{dataset.wilayah.slug}.xlsx", icon=":material/table_view:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    berkas = st.file_uploader("Berkas KIM (CSV atau XLSX, kolom seperti templat)", type=["csv", "xlsx"], key="kelola_unggah")
    if berkas is None:
        st.caption("Berkas diperiksa seluruhnya dan laporannya ditampilkan sebelum apa pun disimpan.")
        return
    mode = st.radio("Cara memakai berkas ini", list(_MODE), format_func=_MODE.get, key="kelola_mode_unggah")
    cek = periksa_unggahan(berkas.getvalue(), berkas.name, dataset, mode, st.session_state[K_ASAL])
    if not cek.laporan.ok:
        st.error(f"**{aman_md(berkas.name)} tidak sah: {len(cek.laporan.galat)} galat, {len(cek.laporan.peringatan)} peringatan.** "
                 "Tidak ada yang disimpan. Perbaiki berkas (nomor baris seperti di Excel), lalu unggah ulang.")
    elif cek.laporan.peringatan:
        st.warning(f"{aman_md(berkas.name)} sah, dengan {len(cek.laporan.peringatan)} peringatan. Periksa sebelum menyimpan.")
    else:
        st.success(f"{aman_md(berkas.name)} sah: {len(cek.tabel)} baris tanpa masalah.")
    tabel_laporan(cek.laporan)
    if len(cek.tabel):
        st.markdown(f"**Pratinjau** ({angka(len(cek.tabel))} baris dari berkas)")
        st.dataframe(cek.tabel.drop(columns="_baris", errors="ignore"), hide_index=True, width="stretch", height=260)
    if cek.hasil is None or cek.perubahan is None:
        return
    _ringkas_perubahan(cek.perubahan, "Jika disimpan:")
    catatan_status(dataset, cek.hasil)
    belum = not bandingkan(st.session_state[K_ASAL], st.session_state[K_DRAF]).kosong
    if belum:
        st.warning("Perubahan di tab Tabel yang belum disimpan akan dibuang bila unggahan ini disimpan.")
    if mode == MODE_GANTI and cek.perubahan.dihapus:
        st.warning(f"Mode ganti akan menghapus {len(cek.perubahan.dihapus)} baris yang tidak ada di berkas. Versi sekarang tetap dicadangkan.")
    berantai = pilih_berantai(cek.perubahan.dihapus, "kelola_berantai_unggah")
    if st.button("Simpan unggahan", type="primary", disabled=cek.perubahan.kosong, key="kelola_simpan_unggah"):
        hasil = jalankan_simpan(dataset, lambda: gudang().simpan_kim(
            cek.hasil, dataset, pengguna, st.session_state[K_SIDIK], aksi=f"unggah-{mode}", berkas=berkas.name,
            catatan=f"unggahan {berkas.name}", berantai=berantai))
        if hasil is not None:
            st.rerun()


def _baca_cadangan(dataset: Dataset, cadangan) -> pd.DataFrame | None:
    mentah = gudang().baca_cadangan(cadangan)
    if mentah is None:
        return None
    tabel, _ = validasi_kim(mentah, cadangan.nama, dataset.referensi, dataset.wilayah, None)
    return tabel


def riwayat(dataset: Dataset, pengguna: str) -> None:
    """The audit log, and restoring an earlier version (itself backed up, so undo is undoable)."""
    st.markdown("**Pulihkan versi sebelumnya**")
    cadangan = gudang().daftar_cadangan()
    if not cadangan:
        st.caption("Belum ada cadangan. Setiap penyimpanan membuat cadangan versi sebelumnya.")
    else:
        label = [f"{tanggal(c.waktu)} pukul {c.waktu:%H:%M:%S} · {c.nama}" for c in cadangan]
        i = st.selectbox("Cadangan (isi data sebelum penyimpanan pada waktu itu)", range(len(cadangan)), format_func=lambda j: label[j], key=K_CADANGAN)
        dipilih = cadangan[int(i or 0)]
        tabel = _baca_cadangan(dataset, dipilih)
        if tabel is None:
            st.error(f"Cadangan {aman_md(dipilih.nama)} tidak dapat dibaca.")
        else:
            perubahan = bandingkan(st.session_state[K_ASAL], tabel)
            _ringkas_perubahan(perubahan, f"Cadangan ini berisi {angka(len(tabel))} baris. Jika dipulihkan:")
            if st.button("Pulihkan versi ini", type="primary", disabled=perubahan.kosong, key="kelola_pulihkan"):
                hasil = jalankan_simpan(dataset, lambda: gudang().pulihkan(dipilih, dataset, pengguna, st.session_state[K_SIDIK], periksa_konflik=True))
                if hasil is not None:
                    st.rerun()
    st.markdown("**Log audit**")
    log = gudang().baca_audit()
    if log.empty:
        st.caption("Belum ada perubahan yang disimpan lewat aplikasi.")
        return
    tampil = pd.DataFrame({
        "waktu": pd.to_datetime(log["waktu"].astype(str).str[:19], errors="coerce").dt.strftime("%d/%m/%Y %H:%M"),
        "pengguna": log["pengguna"], "aksi": log["aksi"],
        "ditambah": log["ditambah"].map(lambda v: _daftar_id(list(v or []))),
        "diubah": log["diubah"].map(lambda v: _daftar_id(list(v or []))),
        "dihapus": log["dihapus"].map(lambda v: _daftar_id(list(v or []))),
        "jumlah baris": log["jumlah_baris"], "cadangan": log["cadangan"].fillna(""),
    })
    st.dataframe(tampil, hide_index=True, width="stretch", height=min(400, 38 + 35 * len(tampil)))
