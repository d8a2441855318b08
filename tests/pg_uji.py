"""A real PostgreSQL 15 + PostGIS for the database tests: started once, stopped after.

Runs as an unprivileged OS user (``postgres``) when the tests run as root, in a
temporary data directory, on a free loopback port. Each test gets a fresh
database copied from a template that already holds PostGIS and the schema.
Where the server cannot start, the tests FAIL under ``CI`` and skip elsewhere.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

BIN = Path(os.environ.get("KIM_PG_BIN", "/usr/lib/postgresql/15/bin"))
SANDI = "sandi-uji-Rahasia9"
PENGGUNA_DB = "kim"
_nomor = itertools.count(1)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerPG:
    """One throwaway PostgreSQL cluster."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kim-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = _port_bebas()
        self.pengguna_os = "postgres" if os.geteuid() == 0 else None
        if self.pengguna_os:
            info = pwd.getpwnam(self.pengguna_os)
            os.chown(self.folder, info.pw_uid, info.pw_gid)
        (self.folder / "sandi").write_text(SANDI)
        if self.pengguna_os:
            os.chown(self.folder / "sandi", info.pw_uid, info.pw_gid)

    def _jalankan(self, *perintah: str) -> subprocess.CompletedProcess:
        awalan = ["runuser", "-u", self.pengguna_os, "--"] if self.pengguna_os else []
        return subprocess.run([*awalan, *perintah], check=False, capture_output=True, text=True, timeout=120, cwd=self.folder)

    def siapkan(self) -> None:
        if not (BIN / "initdb").exists():
            raise RuntimeError(f"{BIN / 'initdb'} tidak ada: pasang paket Debian 'postgresql' dan 'postgis'")
        r = self._jalankan(str(BIN / "initdb"), "-D", str(self.data), "-U", PENGGUNA_DB, "--auth-local=trust",
                           "--auth-host=scram-sha-256", f"--pwfile={self.folder / 'sandi'}", "-E", "UTF8", "--no-locale")
        if r.returncode:
            raise RuntimeError(f"initdb gagal: {r.stderr.strip() or r.stdout.strip()}")
        self.mulai()

    def mulai(self) -> None:
        opsi = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=120"
        r = self._jalankan(str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", opsi, "-w", "-t", "60", "start")
        if r.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl start gagal: {r.stderr.strip()} {log}")

    def berhenti(self, mode: str = "fast") -> None:
        self._jalankan(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://{PENGGUNA_DB}:{SANDI}@127.0.0.1:{self.port}/{db}"

    def sql(self, perintah: str, db: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(db), autocommit=True) as conn:
            conn.execute(perintah)

    def basis_termigrasi(self, db: str) -> str:
        """A new database with PostGIS and every migration applied; its URL."""
        from geo.simpan.pg.koneksi import Kolam
        from geo.simpan.pg.migrasi import tingkatkan

        self.sql(f"CREATE DATABASE {db}")
        self.sql("CREATE EXTENSION postgis", db=db)
        kolam = Kolam(self.url(db))
        try:
            tingkatkan(kolam)
        finally:
            kolam.tutup()
        return self.url(db)

    def hapus(self) -> None:
        self.berhenti("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


def _gagal_atau_lewati(pesan: str) -> None:
    pesan = f"PostgreSQL/PostGIS untuk tes tidak dapat dijalankan: {pesan}"
    if os.environ.get("CI"):
        pytest.fail(pesan, pytrace=False)
    pytest.skip(pesan)


@pytest.fixture(scope="session")
def server_pg():
    """The session's server, with a template database that has PostGIS and the migrated schema."""
    server = ServerPG()
    try:
        server.siapkan()
        server.basis_termigrasi("kim_templat")
    except Exception as exc:  # noqa: BLE001 - any failure to start means: fail in CI, skip elsewhere
        server.hapus()
        _gagal_atau_lewati(str(exc))
    yield server
    server.hapus()


@pytest.fixture
def url_pg(server_pg: ServerPG) -> str:
    """A fresh, migrated, empty database for one test."""
    nama = f"kim_uji_{os.getpid()}_{next(_nomor)}"
    server_pg.sql(f"CREATE DATABASE {nama} TEMPLATE kim_templat")
    return server_pg.url(nama)
