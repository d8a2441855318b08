"""Where the login limiter keeps its failure counts: in the process, or in a file every process shares.

A count kept in one process lets three replicas allow three times the
attempts, and forgets everything on a restart. The file store keeps counts
in SQLite beside the data (one small file, safe under several processes);
PostgreSQL keeps them in the database (:mod:`geo.simpan.pg.gudang_pg`). All
keep the same promise: the record of a key that is still locked is never
evicted, however many other keys fail.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

MAKS_CATATAN = 100_000  # beyond this, the oldest records that are not locked are forgotten


@dataclass(frozen=True)
class CatatanGagal:
    """Failures of one key (``akun:<name>`` or ``alamat:<address>``) and when the last one happened."""

    gagal: int
    terakhir: float  # seconds since the epoch: comparable across processes and machines


class PenyimpanGagal(Protocol):
    """The three operations the limiter needs; both stores (:class:`geo.simpan.gudang.Gudang`) have them."""

    def pembatas_baca(self, kunci: list[str]) -> dict[str, CatatanGagal]: ...

    def pembatas_gagal(self, kunci: list[str], sekarang: float, lupa_detik: float,
                       kunci_sampai: Callable[[int], float]) -> None: ...

    def pembatas_hapus(self, kunci: list[str]) -> None: ...


class GagalMemori:
    """Counts in this process only (tests, benchmarks, and a read-only data folder)."""

    def __init__(self, maks: int = MAKS_CATATAN) -> None:
        self._catatan: dict[str, tuple[int, float, float]] = {}  # gagal, terakhir, locked until
        self._maks = maks
        self._kunci = threading.Lock()

    def pembatas_baca(self, kunci: list[str]) -> dict[str, CatatanGagal]:
        with self._kunci:
            return {k: CatatanGagal(c[0], c[1]) for k in kunci if (c := self._catatan.get(k))}

    def pembatas_gagal(self, kunci: list[str], sekarang: float, lupa_detik: float,
                       kunci_sampai: Callable[[int], float]) -> None:
        with self._kunci:
            for k in kunci:
                lama = self._catatan.pop(k, None)
                gagal = lama[0] + 1 if lama and sekarang - lama[1] <= lupa_detik else 1
                self._catatan[k] = (gagal, sekarang, sekarang + kunci_sampai(gagal))
            lebih = len(self._catatan) - self._maks
            if lebih > 0:  # oldest first (insertion order), never one still locked
                buang = [k for k, c in self._catatan.items() if c[2] <= sekarang][:lebih]
                for k in buang:
                    del self._catatan[k]

    def pembatas_hapus(self, kunci: list[str]) -> None:
        with self._kunci:
            for k in kunci:
                self._catatan.pop(k, None)

    def kosongkan(self) -> None:
        with self._kunci:
            self._catatan.clear()


class GagalSqlite:
    """Counts in ``<data>/.pembatas_login.sqlite3``, shared by every process on the machine."""

    def __init__(self, path: Path | str, maks: int = MAKS_CATATAN) -> None:
        self.path = Path(path)
        self._maks = maks

    def _sambung(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        # WAL: readers never wait for a writer; NORMAL: a count lost to a power cut costs nothing
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("CREATE TABLE IF NOT EXISTS pembatas_login (kunci TEXT PRIMARY KEY, gagal INTEGER NOT NULL, "
                     "terakhir REAL NOT NULL, terkunci_sampai REAL NOT NULL)")
        return conn

    def pembatas_baca(self, kunci: list[str]) -> dict[str, CatatanGagal]:
        conn = self._sambung()
        try:
            tanda = ",".join("?" * len(kunci))
            rows = conn.execute(f"SELECT kunci, gagal, terakhir FROM pembatas_login WHERE kunci IN ({tanda})", kunci)
            return {k: CatatanGagal(int(g), float(t)) for k, g, t in rows}
        finally:
            conn.close()

    def pembatas_gagal(self, kunci: list[str], sekarang: float, lupa_detik: float,
                       kunci_sampai: Callable[[int], float]) -> None:
        conn = self._sambung()
        try:
            conn.execute("BEGIN IMMEDIATE")  # one writer at a time: two failures never count as one
            for k in kunci:
                row = conn.execute("SELECT gagal, terakhir FROM pembatas_login WHERE kunci = ?", (k,)).fetchone()
                gagal = int(row[0]) + 1 if row and sekarang - float(row[1]) <= lupa_detik else 1
                conn.execute("INSERT OR REPLACE INTO pembatas_login VALUES (?, ?, ?, ?)",
                             (k, gagal, sekarang, sekarang + kunci_sampai(gagal)))
            jumlah = conn.execute("SELECT count(*) FROM pembatas_login").fetchone()[0]
            if jumlah > self._maks:
                conn.execute("DELETE FROM pembatas_login WHERE kunci IN (SELECT kunci FROM pembatas_login "
                             "WHERE terkunci_sampai <= ? ORDER BY terakhir LIMIT ?)", (sekarang, jumlah - self._maks))
            conn.execute("COMMIT")
        finally:
            conn.close()

    def pembatas_hapus(self, kunci: list[str]) -> None:
        conn = self._sambung()
        try:
            conn.executemany("DELETE FROM pembatas_login WHERE kunci = ?", [(k,) for k in kunci])
        finally:
            conn.close()
