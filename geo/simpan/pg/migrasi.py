"""Apply the numbered SQL files of ``geo/simpan/migrasi/`` once each, in order.

Plain SQL, recorded in ``schema_migrations``; an advisory lock lets several
replicas run ``python -m geo db upgrade`` at once without applying one twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from geo.galat import GalatData
from geo.simpan.pg.koneksi import Kolam

FOLDER_MIGRASI = Path(__file__).resolve().parent.parent / "migrasi"
_NAMA = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
KUNCI_MIGRASI = 7412001  # pg_advisory_xact_lock key of `db upgrade`


@dataclass(frozen=True)
class Migrasi:
    versi: str
    path: Path


def daftar_migrasi(folder: Path = FOLDER_MIGRASI) -> list[Migrasi]:
    """The migration files, ordered by their number."""
    hasil = [Migrasi(m.group(1), p) for p in sorted(folder.glob("*.sql")) if (m := _NAMA.match(p.name))]
    nomor = [m.versi for m in hasil]
    if len(set(nomor)) != len(nomor):
        raise GalatData(f"Dua berkas migrasi memakai nomor yang sama di {folder}: {', '.join(nomor)}.")
    return hasil


def versi_terbaru() -> str:
    return daftar_migrasi()[-1].versi


def sudah_diterapkan(kolam: Kolam) -> list[str]:
    with kolam.koneksi() as conn:
        ada = conn.execute("SELECT to_regclass('public.schema_migrations') IS NOT NULL").fetchone()[0]
        if not ada:
            return []
        return [r[0] for r in conn.execute("SELECT versi FROM schema_migrations ORDER BY versi")]


def tingkatkan(kolam: Kolam) -> list[str]:
    """Apply the migrations not yet applied; each in its own transaction. Returns the names applied."""
    diterapkan: list[str] = []
    with kolam.koneksi() as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_MIGRASI,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (versi text PRIMARY KEY, nama text NOT NULL, "
                     "diterapkan timestamptz NOT NULL DEFAULT now())")
        sudah = {r[0] for r in conn.execute("SELECT versi FROM schema_migrations")}
        for m in daftar_migrasi():
            if m.versi in sudah:
                continue
            with conn.transaction():
                conn.execute(m.path.read_text(encoding="utf-8"))
                conn.execute("INSERT INTO schema_migrations (versi, nama) VALUES (%s, %s)", (m.versi, m.path.name))
            diterapkan.append(m.path.name)
    return diterapkan
