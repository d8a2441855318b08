"""Server-wide limit on failed logins, per account and per client address, held in the store.

The counts live in the store (SQLite beside the files, or PostgreSQL), so
every session, process and replica shares them and a restart keeps them.
Over the limit, an attempt is refused *before* bcrypt runs (a check costs
~0.4 s of CPU), and the delay doubles with each further failure.

Whose failures count: an account's name is case-folded (``Budi`` and
``budi`` are one account). A locked account still accepts the right
password from an address with no recent failures, so an attacker's
guesses never lock the real editor out; an address that has failed is
refused while the account is locked. A success clears both counts. Every
failure is logged with user name, time and address, never the password.

The client's address is the connection's, or — only when the administrator
names the proxy in ``KIM_PROXY_TEPERCAYA`` — the address that proxy reports
in ``X-Forwarded-For`` (:func:`alamat_klien`). Unknown addresses are never
pooled into one shared entry.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from geo.galat import GalatData
from geo.simpan.akun import DaftarPengguna, periksa_login
from geo.simpan.pembatas_simpan import CatatanGagal, GagalMemori, PenyimpanGagal

LOG = logging.getLogger("geo.login")
MAKS_GAGAL = 5
JEDA_AWAL_DETIK = 30.0
JEDA_MAKS_DETIK = 900.0
ALAMAT_TAK_DIKENAL = "tidak diketahui"
ENV_PROXY = "KIM_PROXY_TEPERCAYA"
ENV_KEPALA_PROXY = "KIM_PROXY_HEADER"
KEPALA_PROXY_BAWAAN = "X-Forwarded-For"
ALAMAT_LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class HasilLogin:
    """The canonical user name on success; otherwise how long to wait (0 if only wrong)."""

    pengguna: str | None
    tunggu_detik: float = 0.0


def kunci_akun(nama: str) -> str:
    return f"akun:{nama.strip().casefold()[:64]}"


def kunci_alamat(alamat: str | None) -> str | None:
    return f"alamat:{alamat}" if alamat else None


class PembatasLogin:
    """Failure counts per ``akun:<name>`` and ``alamat:<address>`` in a :class:`PenyimpanGagal`."""

    def __init__(self, penyimpan: PenyimpanGagal | None = None, maks_gagal: int = MAKS_GAGAL,
                 jeda_awal: float = JEDA_AWAL_DETIK, jeda_maks: float = JEDA_MAKS_DETIK,
                 jam: Callable[[], float] = time.time) -> None:
        self.penyimpan = penyimpan if penyimpan is not None else GagalMemori()
        self.maks_gagal, self.jeda_awal, self.jeda_maks, self._jam = maks_gagal, jeda_awal, jeda_maks, jam

    def _jeda(self, gagal: int) -> float:
        if gagal < self.maks_gagal:
            return 0.0
        return min(self.jeda_maks, self.jeda_awal * 2 ** (gagal - self.maks_gagal))

    @property
    def lupa_detik(self) -> float:
        """A failure older than this is forgotten: counting starts again."""
        return 2 * self.jeda_maks

    def _sisa(self, c: CatatanGagal | None, sekarang: float) -> float:
        return max(0.0, self._jeda(c.gagal) - (sekarang - c.terakhir)) if c else 0.0

    def _baru(self, c: CatatanGagal | None, sekarang: float) -> bool:
        """Failures recent enough to count."""
        return c is not None and c.gagal > 0 and sekarang - c.terakhir <= self.lupa_detik

    def _keputusan(self, nama: str, alamat: str | None) -> tuple[float, float, bool]:
        """(wait for the address, wait for the account, the address has recent failures)."""
        akun, tempat = kunci_akun(nama), kunci_alamat(alamat)
        catatan = self.penyimpan.pembatas_baca([k for k in (akun, tempat) if k])
        sekarang = self._jam()
        c_alamat = catatan.get(tempat) if tempat else None
        return (self._sisa(c_alamat, sekarang), self._sisa(catatan.get(akun), sekarang),
                tempat is None or self._baru(c_alamat, sekarang))

    def tunggu(self, nama: str, alamat: str | None) -> float:
        """Seconds before ``nama`` from ``alamat`` may try again (0: now).

        A locked account does not make a clean address wait: that address may
        still try the right password. An unknown address is never clean.
        """
        tunggu_alamat, tunggu_akun, tercemar = self._keputusan(nama, alamat)
        return max(tunggu_alamat, tunggu_akun if tercemar else 0.0)

    def masuk(self, daftar: DaftarPengguna, nama: str, sandi: str, alamat: str | None) -> HasilLogin:
        """Check a login attempt; over the limit it is refused without hashing."""
        tunggu = self.tunggu(nama, alamat)
        if tunggu > 0:
            # INFO, not WARNING: a flood of refused attempts must not flood the log; the failures that led here are logged.
            LOG.info("Login ditolak (batas percobaan): pengguna=%r alamat=%s tunggu=%.0f s",
                     nama[:64], alamat or ALAMAT_TAK_DIKENAL, tunggu)
            return HasilLogin(None, tunggu)
        kunci = [k for k in (kunci_akun(nama), kunci_alamat(alamat)) if k]
        pengguna = periksa_login(daftar, nama, sandi)
        if pengguna:
            self.penyimpan.pembatas_hapus([*kunci, kunci_akun(pengguna)])
            LOG.info("Login berhasil: pengguna=%r alamat=%s", pengguna, alamat or ALAMAT_TAK_DIKENAL)
            return HasilLogin(pengguna)
        self.penyimpan.pembatas_gagal(kunci, self._jam(), self.lupa_detik, self._jeda)
        LOG.warning("Login gagal: pengguna=%r alamat=%s waktu=%s", nama[:64], alamat or ALAMAT_TAK_DIKENAL,
                    time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        return HasilLogin(None, 0.0)


def proxy_tepercaya(teks: str | None = None) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """The proxies named in ``KIM_PROXY_TEPERCAYA`` (addresses or networks, comma-separated)."""
    teks = os.environ.get(ENV_PROXY, "") if teks is None else teks
    hasil = []
    for bagian in (b.strip() for b in teks.split(",")):
        if not bagian:
            continue
        try:
            hasil.append(ipaddress.ip_network(bagian, strict=False))
        except ValueError:
            raise GalatData(f"{ENV_PROXY}: '{bagian}' bukan alamat IP atau jaringan (mis. 127.0.0.1 atau 172.16.0.0/12). "
                            "Perbaiki variabel lingkungan ini lalu jalankan ulang aplikasi.") from None
    return hasil


def _ip(teks: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(teks.strip().strip("[]"))
    except ValueError:
        return None


def alamat_klien(langsung: str | None, kepala: Mapping[str, str], tepercaya: list | None = None,
                 nama_kepala: str | None = None) -> str | None:
    """The client's address: the connection's, or the proxy's report when the connection is a named proxy.

    ``langsung`` is the connection's address (None: loopback, as Streamlit
    reports it). ``X-Forwarded-For`` is read right to left, skipping trusted
    proxies: entries further left were written by the client and prove nothing.
    Without ``KIM_PROXY_TEPERCAYA`` the header is ignored, since anyone could send it.
    """
    if langsung is not None:
        langsung = str(ip) if isinstance(langsung, str) and (ip := _ip(langsung)) else None  # only a real address
    tepercaya = proxy_tepercaya() if tepercaya is None else tepercaya
    nama_kepala = nama_kepala or os.environ.get(ENV_KEPALA_PROXY, "").strip() or KEPALA_PROXY_BAWAAN
    peer = _ip(langsung or ALAMAT_LOOPBACK)
    if not tepercaya or peer is None or not any(peer in jaringan for jaringan in tepercaya):
        return langsung
    nilai = next((v for k, v in kepala.items() if k.lower() == nama_kepala.lower()), "")
    for bagian in reversed([b for b in str(nilai).split(",") if b.strip()]):
        ip = _ip(bagian)
        if ip is None:
            return langsung  # a malformed hop: trust nothing further left
        if not any(ip in jaringan for jaringan in tepercaya):
            return str(ip)
    return langsung


# One per server process for callers without a store (benchmarks); the page uses the store's counts.
PEMBATAS = PembatasLogin()
