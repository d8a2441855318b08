"""One connection pool per server process, and messages that never show a password."""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterator
from urllib.parse import unquote

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from geo.galat import GalatData

TUNGGU_KONEKSI_DETIK = 5.0
# The pool's own retry warnings go to whatever logging the host process set up, never bare to stderr.
logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())
# Its messages repeat libpq's, which can quote the password (``unexpected spaces found in "..."``): kept out of
# every log; the failure reaches the log once, cleaned, as GalatBasisData's detail.
logging.getLogger("psycopg.pool").propagate = False
_SKEMA_URL = ("postgresql://", "postgres://")
# password=... in a query string or a key=value string, quoted ('a b', "a b") or bare
_SANDI_PARAM = re.compile(r"""(password\s*=\s*)('(?:[^'\\]|\\.)*'?|"[^"]*"?|[^&\s]*)""", re.IGNORECASE)
_LOG = logging.getLogger("geo.basisdata")
PESAN_PUBLIK = ("Basis data tidak dapat dihubungi saat ini. Coba lagi nanti. "
                "(Database unreachable, try again later.)")


def _pecah(url: str) -> tuple[str, str, str, str]:
    """(scheme, user, password, the rest after the userinfo); the userinfo ends at the LAST ``@``.

    libpq would end it at the first, turning the tail of a password like
    ``p@ss`` into a host name that error messages repeat: never trust it for display.
    """
    skema, pemisah, sisa = url.partition("://")
    if not pemisah:
        return "", "", "", url
    info, at, tempat = sisa.rpartition("@")
    if not at:
        return skema, "", "", sisa
    pengguna, _, sandi = info.partition(":")
    return skema, pengguna, sandi, tempat


def _sandi(url: str) -> list[str]:
    """Every form the password may take in ``url`` (raw, decoded, quoted or not), longest first."""
    calon = [_pecah(url)[2]] + [m.group(2) for m in _SANDI_PARAM.finditer(url)]
    semua = {c for x in calon for c in (x, unquote(x), x.strip("'\""), unquote(x.strip("'\"")))}
    return sorted((c for c in semua if c), key=len, reverse=True)


def samarkan(url: str) -> str:
    """``postgresql://kim:rahasia@db/kim`` → ``postgresql://kim:***@db/kim``, for the CLI and logs.

    Masks a raw ``@`` in the password, ``password=`` in the query and in
    ``key=value`` strings, quoted or not.
    """
    url = _tanpa_param_sandi(url)  # first: an '@' in a password= value must not move the userinfo split
    skema, pengguna, sandi, tempat = _pecah(url)
    return f"{skema}://{pengguna}:***@{tempat}" if skema and sandi else url


def _tanpa_param_sandi(url: str) -> str:
    return _SANDI_PARAM.sub(lambda m: m.group(1) + "***", url)


def tempat(url: str) -> str:
    """Host and database only (``db:5432/kim``): what an administrator needs to find the server."""
    _, _, _, sisa = _pecah(samarkan(url))  # masked first: an '@' inside a query can no longer move the split
    host, _, db = sisa.partition("/")
    host = host if re.fullmatch(r"[A-Za-z0-9.:_\-\[\]%,]*", host) else "?"
    db = db.split("?", 1)[0]
    db = db if re.fullmatch(r"[A-Za-z0-9_.\-%]*", db) else "?"
    hasil = f"{host or 'localhost'}/{db or '(bawaan)'}"
    for s in _sandi(url):
        if len(s) >= 3:
            hasil = hasil.replace(s, "***")
    return hasil


def _bersihkan(teks: str, url: str) -> str:
    """A driver message with the URL and any form of the password removed."""
    teks = teks.replace(url, samarkan(url))
    for sandi in _sandi(url):
        if len(sandi) >= 3:
            teks = teks.replace(sandi, "***")
    return teks


class GalatBasisData(GalatData):
    """The database is configured but cannot be used.

    ``str()`` is what a page shows a visitor: unreachable, try again later.
    ``rincian`` is for administrators (the CLI prints it; the server log gets
    it here): host, database and what to check, never the password.
    """

    def __init__(self, rincian: str, publik: str = PESAN_PUBLIK) -> None:
        super().__init__(publik)
        self.rincian = rincian
        _LOG.warning("%s", rincian)


def periksa_url(url: str) -> str:
    """The URL stripped, or a message when it is not a ``postgresql://`` URL (its text is never repeated)."""
    url = url.strip()
    if not url.startswith(_SKEMA_URL):
        raise GalatBasisData(
            "KIM_DATABASE_URL (atau [database] url di .streamlit/secrets.toml) harus berupa URL postgresql://, "
            "mis. postgresql://kim:SANDI@localhost:5432/kim; isi yang diberikan tidak ditampilkan karena dapat memuat kata sandi."
        )
    if re.search(r"[@/?#]", _pecah(_tanpa_param_sandi(url))[2]):
        raise GalatBasisData(
            f"Kata sandi di KIM_DATABASE_URL (basis data {tempat(url)}) berisi karakter '@', '/', '?' atau '#' yang "
            "harus ditulis sebagai %40, %2F, %3F, %23 (percent-encoding), mis. postgresql://kim:p%40ss@db:5432/kim."
        )
    return url


def pesan_tak_terhubung(url: str, exc: BaseException) -> str:
    detail = _bersihkan(str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__, url)
    return (
        f"Basis data PostgreSQL {tempat(url)} tidak dapat dihubungi ({detail}). Data tidak dimuat dan tidak ada yang "
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
            raise GalatBasisData(_bersihkan(f"Basis data {tempat(self.url)} menolak perintah: {exc}", self.url)) from None

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
