"""One connection pool per server process, and messages that never show a password."""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterator

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from geo.galat import GalatData

TUNGGU_KONEKSI_DETIK = 5.0
# The pool's own retry warnings go to whatever logging the host process set up, never bare to stderr.
logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())
_SKEMA_URL = ("postgresql://", "postgres://")
_SANDI_URL = re.compile(r"(://[^/@:]*:)[^@]*@")
_SANDI_PARAM = re.compile(r"(password=)[^&\s]*", re.IGNORECASE)


def samarkan(url: str) -> str:
    """``postgresql://kim:rahasia@db/kim`` → ``postgresql://kim:***@db/kim``, for pages and logs."""
    return _SANDI_PARAM.sub(r"\1***", _SANDI_URL.sub(r"\1***@", url))


def _bersihkan(teks: str, url: str) -> str:
    """A driver message with any fragment of the password removed."""
    m = re.search(r"://[^/@:]*:([^@]*)@", url)
    sandi = m.group(1) if m else ""
    teks = teks.replace(url, samarkan(url))
    return teks.replace(sandi, "***") if len(sandi) >= 3 else teks


class GalatBasisData(GalatData):
    """The database is configured but cannot be used; the message says what to check."""


def periksa_url(url: str) -> str:
    """The URL stripped, or a message when it is not a ``postgresql://`` URL."""
    url = url.strip()
    if not url.startswith(_SKEMA_URL):
        raise GalatBasisData(
            f"KIM_DATABASE_URL (atau [database] url di .streamlit/secrets.toml) harus berupa URL postgresql://, "
            f"mis. postgresql://kim:SANDI@localhost:5432/kim; yang diberikan: {samarkan(url)!r}."
        )
    return url


def pesan_tak_terhubung(url: str, exc: BaseException) -> str:
    detail = _bersihkan(str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__, url)
    return (
        f"Basis data PostgreSQL {samarkan(url)} tidak dapat dihubungi ({detail}). Data tidak dimuat dan tidak ada yang "
        "disimpan. Periksa bahwa server berjalan dan KIM_DATABASE_URL benar, lalu muat ulang halaman."
    )


class Kolam:
    """A lazily opened :class:`ConnectionPool`; connections are checked before use.

    ``min_size=0`` so that a server that was down, or restarted, is simply
    reconnected on the next request instead of leaving a pool of dead sockets.
    """

    def __init__(self, url: str, maks: int = 4) -> None:
        self.url = periksa_url(url)
        self._maks = maks
        self._pool: ConnectionPool | None = None
        self._kunci = threading.Lock()

    def _kolam(self) -> ConnectionPool:
        with self._kunci:
            if self._pool is None:
                self._pool = ConnectionPool(
                    self.url, min_size=0, max_size=self._maks, open=False, check=ConnectionPool.check_connection,
                    kwargs={"connect_timeout": int(TUNGGU_KONEKSI_DETIK), "application_name": "peta-potensi-kim"},
                    timeout=TUNGGU_KONEKSI_DETIK, name="kim",
                )
                self._pool.open(wait=False)
            return self._pool

    @contextlib.contextmanager
    def koneksi(self) -> Iterator[psycopg.Connection]:
        """A connection; an unreachable server (or one lost mid-query) becomes :class:`GalatBasisData`."""
        try:
            with self._kolam().connection() as conn:
                yield conn
        except (psycopg.OperationalError, PoolTimeout) as exc:
            # A fresh pool next time: no waiting out the old one's reconnect back-off after a restart.
            self.tutup()
            raise GalatBasisData(pesan_tak_terhubung(self.url, self._sebab(exc))) from None
        except psycopg.ProgrammingError as exc:
            raise GalatBasisData(_bersihkan(f"Basis data {samarkan(self.url)} menolak perintah: {exc}", self.url)) from None

    def _sebab(self, exc: BaseException) -> BaseException:
        """The pool only says it timed out; one direct attempt tells why (refused, wrong password, ...)."""
        if not isinstance(exc, PoolTimeout):
            return exc
        try:
            psycopg.connect(self.url, connect_timeout=3).close()
        except psycopg.Error as langsung:
            return langsung
        return exc

    def tutup(self) -> None:
        with self._kunci:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close(timeout=1.0)
