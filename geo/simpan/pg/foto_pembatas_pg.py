"""#21 in PostgreSQL: the login limiter's counts (and photos), shared by every replica on one database.

A mix-in of :class:`geo.simpan.pg.gudang_pg.GudangPG`, kept apart from the
KIM table's code. Tables: ``pembatas_login`` and ``foto_potensi`` /
``foto_cadangan`` (migration ``0003_foto_pembatas.sql``).
"""

from __future__ import annotations

from collections.abc import Callable

from geo.simpan.pembatas_simpan import MAKS_CATATAN, CatatanGagal

KUNCI_PEMBATAS = 7412021  # pg_advisory_xact_lock key: failures counted one writer at a time


class PembatasPG:
    """The limiter's three operations on table ``pembatas_login``; needs ``self.kolam``."""

    kolam: object
    maks_catatan: int = MAKS_CATATAN

    def pembatas_baca(self, kunci: list[str]) -> dict[str, CatatanGagal]:
        with self.kolam.koneksi() as conn:  # type: ignore[attr-defined]
            rows = conn.execute("SELECT kunci, gagal, terakhir FROM pembatas_login WHERE kunci = ANY(%s)", (kunci,))
            return {k: CatatanGagal(int(g), float(t)) for k, g, t in rows.fetchall()}

    def pembatas_gagal(self, kunci: list[str], sekarang: float, lupa_detik: float,
                       kunci_sampai: Callable[[int], float]) -> None:
        with self.kolam.koneksi() as conn, conn.transaction():  # type: ignore[attr-defined]
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_PEMBATAS,))
            for k in kunci:
                gagal = conn.execute(
                    "INSERT INTO pembatas_login AS p (kunci, gagal, terakhir, terkunci_sampai) VALUES (%s, 1, %s, %s) "
                    "ON CONFLICT (kunci) DO UPDATE SET gagal = CASE WHEN %s - p.terakhir <= %s THEN p.gagal + 1 ELSE 1 END, "
                    "terakhir = EXCLUDED.terakhir RETURNING gagal",
                    (k, sekarang, sekarang, sekarang, lupa_detik)).fetchone()[0]
                conn.execute("UPDATE pembatas_login SET terkunci_sampai = %s WHERE kunci = %s",
                             (sekarang + kunci_sampai(int(gagal)), k))
            jumlah = conn.execute("SELECT count(*) FROM pembatas_login").fetchone()[0]
            if jumlah > self.maks_catatan:
                conn.execute("DELETE FROM pembatas_login WHERE kunci IN (SELECT kunci FROM pembatas_login "
                             "WHERE terkunci_sampai <= %s ORDER BY terakhir LIMIT %s)", (sekarang, jumlah - self.maks_catatan))

    def pembatas_hapus(self, kunci: list[str]) -> None:
        with self.kolam.koneksi() as conn:  # type: ignore[attr-defined]
            conn.execute("DELETE FROM pembatas_login WHERE kunci = ANY(%s)", (kunci,))
