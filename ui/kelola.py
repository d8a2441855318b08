"""Shared pieces of the "Kelola Data" page: login, the working copy, reports, saving.

The page keeps three things per session: the table as loaded (``asal``),
the fingerprint of the file it came from (``sidik``), and the working copy
the editor shows (``draf``). Every save goes through :func:`jalankan_simpan`,
which turns a conflict or a refusal into a message that stays on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from geo.galat import GalatData
from geo.masuk.dataset import Dataset
from geo.simpan.akun import PESAN_AKUN_SALAH, PESAN_BELUM_DIATUR, DaftarPengguna, kumpulkan_pengguna
from geo.simpan.daftar_akun import akun_untuk, gabung_pengguna, penyimpan_untuk
from geo.simpan.kim import GalatKonflik, HasilSimpan
from geo.simpan.lingkup import Akun
from geo.simpan.pembatas import PEMBATAS
from ui.md import aman_md
from ui.muat import gudang, lupakan

LOG = logging.getLogger("ui.kelola")
K_PENGGUNA = "kelola_pengguna"
K_ASAL = "kelola_asal"
K_DRAF = "kelola_draf"
K_SIDIK = "kelola_sidik"
K_VERSI = "kelola_versi"
K_PATH = "kelola_path"
K_KABAR = "kelola_kabar"
K_KONFLIK = "kelola_konflik"
K_LAPORAN = "kelola_laporan"


def daftar_pengguna() -> DaftarPengguna:
    """Bootstrap administrators (``st.secrets["pengguna"]``, ``KIM_PENGGUNA``) plus the accounts in the store."""
    try:
        rahasia = dict(st.secrets.get("pengguna", {}) or {})
    except (OSError, StreamlitAPIException, ValueError):  # no secrets.toml at all is normal
        rahasia = {}
    try:
        tersimpan = penyimpan_untuk(gudang()).baca()
    except Exception as exc:  # noqa: BLE001 - an unreadable account store must not lock out the bootstrap administrator
        LOG.warning("Akun tersimpan tidak dapat dibaca: %s", exc)
        tersimpan = []
    return gabung_pengguna(kumpulkan_pengguna(rahasia), tersimpan)


def bagian_login(daftar: DaftarPengguna) -> Akun | None:
    """The logged-in account (role and scope), or None after drawing the login form (or the first-run help).

    Only the name lives in the session; its role and scope are looked up on every
    run, so a changed or removed account takes effect at once.
    """
    pengguna = st.session_state.get(K_PENGGUNA)
    if pengguna and pengguna in daftar.akun:
        return akun_untuk(daftar, pengguna)
    if daftar.peringatan:  # the details go to the server log and the CLI, never to a visitor
        st.warning(PESAN_AKUN_SALAH)
    if daftar.kosong:
        st.info(PESAN_BELUM_DIATUR)
        return None
    with st.form("kelola_login"):
        st.markdown("**Masuk sebagai penyunting** — tanpa masuk, data hanya dapat dilihat.")
        nama = st.text_input("Nama pengguna", key="kelola_login_nama")
        sandi = st.text_input("Kata sandi", type="password", key="kelola_login_sandi")
        kirim = st.form_submit_button("Masuk", type="primary")
    if kirim:
        hasil = PEMBATAS.masuk(daftar, nama, sandi, _alamat_klien())
        if hasil.pengguna:
            st.session_state[K_PENGGUNA] = hasil.pengguna
            st.rerun()
        if hasil.tunggu_detik > 0:
            st.error(f"Terlalu banyak percobaan yang gagal. Coba lagi dalam {int(hasil.tunggu_detik) + 1} detik.")
        else:
            st.error("Nama pengguna atau kata sandi salah.")
    return None


def _alamat_klien() -> str | None:
    """The browser's address as the server sees it (None in tests and behind some proxies)."""
    try:
        return st.context.ip_address
    except (AttributeError, RuntimeError):
        return None


def keluar() -> None:
    for kunci in (K_PENGGUNA, K_ASAL, K_DRAF, K_SIDIK, K_KONFLIK, K_LAPORAN):
        st.session_state.pop(kunci, None)


def muat_ulang(dataset: Dataset) -> None:
    """Load the file afresh: the working copy and its fingerprint start over."""
    tabel, sidik = gudang().baca_untuk_sunting(dataset)
    st.session_state[K_ASAL] = tabel
    st.session_state[K_DRAF] = tabel.copy()
    st.session_state[K_SIDIK] = sidik
    st.session_state[K_PATH] = str(dataset.path_kim)
    st.session_state[K_VERSI] = st.session_state.get(K_VERSI, 0) + 1
    st.session_state.pop(K_KONFLIK, None)
    st.session_state.pop(K_LAPORAN, None)


def pastikan_dimuat(dataset: Dataset) -> None:
    if K_ASAL not in st.session_state or st.session_state.get(K_PATH) != str(dataset.path_kim):
        try:
            muat_ulang(dataset)
        except GalatData as exc:  # the database went away since the dataset was loaded
            st.error(aman_md(exc))
            st.stop()


def ganti_draf(tabel: pd.DataFrame) -> None:
    """Replace the working copy (e.g. after picking a location); the editor redraws from it."""
    st.session_state[K_DRAF] = tabel.reset_index(drop=True)
    st.session_state[K_VERSI] = st.session_state.get(K_VERSI, 0) + 1


def kabar(jenis: str, teks: str) -> None:
    """A message that survives the rerun that follows a save."""
    st.session_state[K_KABAR] = (jenis, teks)


def tampilkan_kabar() -> None:
    jenis, teks = st.session_state.pop(K_KABAR, (None, None))
    if jenis:
        getattr(st, jenis)(teks)


def jalankan_simpan(dataset: Dataset, simpan: Callable[[], HasilSimpan]) -> HasilSimpan | None:
    """Run a save; on success reload everything and clear the dashboard's cache.

    A conflict or a refusal is kept in the session so it stays visible
    until the user acts on it.
    """
    st.session_state.pop(K_LAPORAN, None)
    try:
        hasil = simpan()
    except GalatKonflik as exc:
        st.session_state[K_KONFLIK] = str(exc)
        return None
    except GalatData as exc:  # includes an unreachable database: a message, nothing saved
        kabar("error", aman_md(exc))
        return None
    if not hasil.disimpan:
        if not hasil.laporan.ok:
            st.session_state[K_LAPORAN] = hasil
        else:
            kabar("info", hasil.pesan)
        return hasil
    st.cache_data.clear()
    lupakan()  # the dashboard's cached dataset must not outlive the file
    muat_ulang(dataset)
    cadangan = f" Versi sebelumnya dicadangkan sebagai {aman_md(hasil.cadangan.name)}." if hasil.cadangan else ""
    kabar("success", f"{hasil.pesan}{cadangan}")
    return hasil
