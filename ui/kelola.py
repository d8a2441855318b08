"""Shared pieces of the "Kelola Data" page: login, the working copy, reports, saving.

The page keeps three things per session: the table as loaded (``asal``),
the fingerprint of the file it came from (``sidik``), and the working copy
the editor shows (``draf``). Every save goes through :func:`jalankan_simpan`,
which turns a conflict or a refusal into a message that stays on screen.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from geo.galat import GalatData
from geo.i18n import t
from geo.masuk.dataset import Dataset
from geo.simpan.akun import DaftarPengguna, kumpulkan_pengguna
from geo.simpan.daftar_akun import akun_untuk, gabung_pengguna, penyimpan_untuk
from geo.simpan.kim import GalatKonflik, HasilSimpan
from geo.simpan.lingkup import Akun
from geo.simpan.pembatas import PembatasLogin, alamat_klien
from ui.md import aman_md
from ui.muat import gudang, lupakan
from ui.navigasi import bahasa_halaman

K_PENGGUNA = "kelola_pengguna"
K_CADANGAN = "kelola_cadangan"  # the backup picker: reset after every save, so it names the newest
K_ASAL = "kelola_asal"
K_DRAF = "kelola_draf"
K_SIDIK = "kelola_sidik"
K_VERSI = "kelola_versi"
K_PATH = "kelola_path"
K_KABAR = "kelola_kabar"
K_KONFLIK = "kelola_konflik"
K_LAPORAN = "kelola_laporan"
K_IKATAN = "kelola_ikatan"  # the connection the login was made over (see _kunci_koneksi)
K_UNGGAH_KE = "kelola_unggah_ke"  # bumped after each saved upload, so the uploader starts empty
_LOG = logging.getLogger("geo.login")


def pengguna_awal() -> DaftarPengguna:
    """The bootstrap administrators: ``st.secrets["pengguna"]`` and ``KIM_PENGGUNA``."""
    try:
        rahasia = dict(st.secrets.get("pengguna", {}) or {})
    except (OSError, StreamlitAPIException, ValueError):  # no secrets.toml at all is normal
        rahasia = {}
    return kumpulkan_pengguna(rahasia)


def daftar_pengguna() -> DaftarPengguna:
    """Bootstrap administrators (:func:`pengguna_awal`) plus the accounts in the store."""
    try:
        tersimpan = penyimpan_untuk(gudang()).baca()
    except Exception as exc:  # noqa: BLE001 - an unreadable account store must not lock out the bootstrap administrator
        _LOG.warning("Akun tersimpan tidak dapat dibaca: %s", exc)
        tersimpan = []
    return gabung_pengguna(pengguna_awal(), tersimpan)


def _kunci_koneksi() -> str | None:
    """A digest of this browser connection's secret: the websocket handshake key, new on every connection.

    Someone who learns a session's id can reconnect to that session, but not
    over the editor's connection: their key differs, so the login does not carry over.
    """
    try:
        kepala = st.context.headers
        nilai = kepala.get("Sec-WebSocket-Key") or kepala.get("sec-websocket-key")
    except (AttributeError, RuntimeError, KeyError):
        return None
    return hashlib.sha256(nilai.encode()).hexdigest() if isinstance(nilai, str) and nilai else None


def pengguna_masuk() -> str | None:
    """The name logged in on this session (not yet checked against the accounts), or None."""
    return st.session_state.get(K_PENGGUNA)


def bagian_login(daftar: DaftarPengguna) -> Akun | None:
    """The logged-in account (role and scope), or None after drawing the login form (or the first-run help).

    Only the name lives in the session, bound to the connection it logged in over;
    its role and scope are looked up on every run, so a changed or removed account
    takes effect at once.
    """
    bahasa = bahasa_halaman()
    pengguna = st.session_state.get(K_PENGGUNA)
    if pengguna and pengguna in daftar.akun:
        if st.session_state.get(K_IKATAN) == _kunci_koneksi():
            return akun_untuk(daftar, pengguna)
        # The session was resumed over another connection: a reconnect, or someone who learned its id.
        _LOG.warning("Sesi penyunting %r dipakai dari koneksi lain; login dibatalkan.", pengguna)
        keluar()
        st.warning(t("akun_sambungan_ganti", bahasa))
    if daftar.peringatan:  # the details go to the server log and the CLI, never to a visitor
        st.warning(t("akun_salah_diatur", bahasa))
    if daftar.kosong:
        st.info(t("akun_belum_diatur", bahasa))
        return None
    with st.form("kelola_login"):
        st.markdown(t("k_login_judul", bahasa))
        nama = st.text_input(t("k_login_nama", bahasa), key="kelola_login_nama")
        sandi = st.text_input(t("k_login_sandi", bahasa), type="password", key="kelola_login_sandi")
        kirim = st.form_submit_button(t("k_login_masuk", bahasa), type="primary")
    if kirim:
        try:
            hasil = PembatasLogin(gudang()).masuk(daftar, nama, sandi, _alamat_klien())
        except GalatData as exc:  # the store is unreachable, or KIM_PROXY_TEPERCAYA is malformed
            st.error(aman_md(exc))
            return None
        if hasil.pengguna:
            keluar()  # a fresh editing session: nothing from before the login carries over
            st.session_state[K_PENGGUNA] = hasil.pengguna
            st.session_state[K_IKATAN] = _kunci_koneksi()
            st.rerun()
        if hasil.tunggu_detik > 0:
            st.error(t("k_login_tunggu", bahasa, n=int(hasil.tunggu_detik) + 1))
        else:
            st.error(t("k_login_salah", bahasa))
    return None


def _alamat_klien() -> str | None:
    """The browser's address: the connection's, or a named proxy's report (KIM_PROXY_TEPERCAYA); None if unknown."""
    try:
        langsung, kepala = st.context.ip_address, dict(st.context.headers)
    except (AttributeError, RuntimeError):
        return None
    return alamat_klien(langsung, kepala)


# Everything an editing session keeps: the login, working copies of every record, their widgets.
AWALAN_SUNTING = ("kelola_", "anggaran_", "lapangan_", "log_")


def keluar() -> None:
    """End the editing session: the login, its connection binding, every working copy and editing widget.

    Only the message meant to survive the next rerun stays.
    """
    for kunci in [k for k in st.session_state if str(k).startswith(AWALAN_SUNTING) and k != K_KABAR]:
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


def sidik_awal(kunci: str, sidik: object) -> object:
    """The fingerprint an editor first loaded under ``kunci`` (kept until :func:`lupakan_sidik`): a later change is a conflict."""
    return st.session_state.setdefault(kunci, sidik)


def lupakan_sidik(kunci: str) -> None:
    st.session_state.pop(kunci, None)


def catatan_status(dataset: Dataset, tabel: pd.DataFrame) -> None:
    """Before saving: rows whose map status will differ from the status typed, and why (the status rule)."""
    from geo.tampilan.waktu import SUMBER_LOG, SUMBER_TERCATAT, status_menurut_aturan

    bahasa = bahasa_halaman()
    sebab = {SUMBER_LOG: t("ks_sebab_log", bahasa), SUMBER_TERCATAT: t("ks_sebab_tercatat", bahasa)}

    if dataset.kegiatan is None or not len(tabel) or "status_aktivitas" not in tabel:
        return
    peta = status_menurut_aturan(tabel, dataset.kegiatan, dataset.wilayah)
    beda = peta["status_peta"] != tabel["status_aktivitas"]
    if not beda.any():
        return
    contoh = [f"{aman_md(i)} → {aman_md(s)} ({sebab.get(sumber) or t('ks_sebab_belum', bahasa)})"
              for i, s, sumber in zip(tabel.loc[beda, "id_potensi"], peta.loc[beda, "status_peta"], peta.loc[beda, "sumber_status"])]
    lagi = t("ks_lainnya", bahasa, n=len(contoh) - 8) if len(contoh) > 8 else ""
    st.info(t("ks_status_lain", bahasa, n=len(contoh), contoh="; ".join(contoh[:8]), lagi=lagi))


def pilih_berantai(dihapus: list[str], kunci: str) -> bool:
    """The explicit cascade: removed potentials take their activity rows and budget lines with them.

    Off by default, so a removal that other records still name is refused with the list of rows.
    """
    if not dihapus:
        return False
    return st.checkbox(t("ks_berantai", bahasa_halaman()), key=kunci)


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
        st.rerun()  # shown now, at the top, whichever tab saved (not on some later click)
    if not hasil.disimpan:
        if not hasil.laporan.ok:
            st.session_state[K_LAPORAN] = hasil
        else:
            kabar("info", hasil.pesan)
            st.rerun()
        return hasil
    st.cache_data.clear()
    lupakan()  # the dashboard's cached dataset must not outlive the file
    st.session_state.pop(K_CADANGAN, None)
    muat_ulang(dataset)
    cadangan = t("kag_dicadangkan", bahasa_halaman(), nama=aman_md(hasil.cadangan.name)) if hasil.cadangan else ""
    kabar("success", f"{hasil.pesan}{cadangan}")
    return hasil
