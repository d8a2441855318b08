"""Server-wide limit on failed logins, per account and per client address.

The limit lives in the server process, not in the browser session, so
opening a new session does not reset it. Over the limit, an attempt is
refused *before* bcrypt runs (a check costs ~0.4 s of CPU), and the delay
doubles with each further failure. Every failure is logged with user
name, time and address, never the password.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from geo.simpan.akun import DaftarPengguna, periksa_login

LOG = logging.getLogger("geo.login")
MAKS_GAGAL = 5
JEDA_AWAL_DETIK = 30.0
JEDA_MAKS_DETIK = 900.0
_MAKS_KUNCI = 10_000  # bounded memory even under a flood of made-up names and addresses
ALAMAT_TAK_DIKENAL = "tidak diketahui"


@dataclass(frozen=True)
class HasilLogin:
    """The canonical user name on success; otherwise how long to wait (0 if only wrong)."""

    pengguna: str | None
    tunggu_detik: float = 0.0


@dataclass
class _Catatan:
    gagal: int
    terakhir: float


class PembatasLogin:
    """Failure counts per ``akun:<name>`` and ``alamat:<address>``, shared by all sessions."""

    def __init__(self, maks_gagal: int = MAKS_GAGAL, jeda_awal: float = JEDA_AWAL_DETIK,
                 jeda_maks: float = JEDA_MAKS_DETIK, jam: Callable[[], float] = time.monotonic) -> None:
        self.maks_gagal, self.jeda_awal, self.jeda_maks, self._jam = maks_gagal, jeda_awal, jeda_maks, jam
        self._catatan: OrderedDict[str, _Catatan] = OrderedDict()
        self._kunci = threading.Lock()

    @staticmethod
    def _kunci_untuk(nama: str, alamat: str | None) -> tuple[str, str]:
        return f"akun:{nama.strip().lower()[:64]}", f"alamat:{alamat or ALAMAT_TAK_DIKENAL}"

    def _jeda(self, gagal: int) -> float:
        if gagal < self.maks_gagal:
            return 0.0
        return min(self.jeda_maks, self.jeda_awal * 2 ** (gagal - self.maks_gagal))

    def tunggu(self, nama: str, alamat: str | None) -> float:
        """Seconds before ``nama`` from ``alamat`` may try again (0: now)."""
        sekarang = self._jam()
        with self._kunci:
            sisa = [self._jeda(c.gagal) - (sekarang - c.terakhir)
                    for k in self._kunci_untuk(nama, alamat) if (c := self._catatan.get(k))]
        return max([0.0, *sisa])

    def _catat_gagal(self, nama: str, alamat: str | None) -> None:
        sekarang = self._jam()
        with self._kunci:
            for k in self._kunci_untuk(nama, alamat):
                c = self._catatan.pop(k, None)
                if c and sekarang - c.terakhir > 2 * self.jeda_maks:
                    c = None  # a failure long ago is forgotten
                self._catatan[k] = _Catatan((c.gagal if c else 0) + 1, sekarang)
            while len(self._catatan) > _MAKS_KUNCI:
                self._catatan.popitem(last=False)

    def _lupakan(self, nama: str, alamat: str | None) -> None:
        with self._kunci:
            for k in self._kunci_untuk(nama, alamat):
                self._catatan.pop(k, None)

    def masuk(self, daftar: DaftarPengguna, nama: str, sandi: str, alamat: str | None) -> HasilLogin:
        """Check a login attempt; over the limit it is refused without hashing."""
        tunggu = self.tunggu(nama, alamat)
        if tunggu > 0:
            # INFO, not WARNING: a flood of refused attempts must not flood the log; the failures that led here are logged.
            LOG.info("Login ditolak (batas percobaan): pengguna=%r alamat=%s tunggu=%.0f s",
                        nama[:64], alamat or ALAMAT_TAK_DIKENAL, tunggu)
            return HasilLogin(None, tunggu)
        pengguna = periksa_login(daftar, nama, sandi)
        if pengguna:
            self._lupakan(nama, alamat)
            LOG.info("Login berhasil: pengguna=%r alamat=%s", pengguna, alamat or ALAMAT_TAK_DIKENAL)
            return HasilLogin(pengguna)
        self._catat_gagal(nama, alamat)
        LOG.warning("Login gagal: pengguna=%r alamat=%s waktu=%s", nama[:64], alamat or ALAMAT_TAK_DIKENAL,
                    time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        return HasilLogin(None, 0.0)


# One per server process: every browser session shares it.
PEMBATAS = PembatasLogin()
