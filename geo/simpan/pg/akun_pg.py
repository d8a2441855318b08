"""Accounts in PostgreSQL (table ``akun``, migration ``0005_akun.sql``), audited in ``audit``."""

from __future__ import annotations

import json

from geo.simpan.daftar_akun import AkunTersimpan
from geo.simpan.lingkup import GalatLingkup
from geo.simpan.pg.koneksi import Kolam

_KUNCI_AKUN = 7412005  # pg_advisory_xact_lock key: account changes one at a time


class AkunPG:
    def __init__(self, kolam: Kolam) -> None:
        self.kolam = kolam

    def baca(self) -> list[AkunTersimpan]:
        with self.kolam.koneksi() as conn:
            rows = conn.execute("SELECT nama, hash, peran, lingkup, diubah FROM akun ORDER BY nama").fetchall()
        return [AkunTersimpan(n, h, p, lk, d.astimezone().isoformat(timespec="seconds")) for n, h, p, lk, d in rows]

    def tulis(self, akun: AkunTersimpan | None, nama: str, oleh: str, aksi: str) -> None:
        with self.kolam.koneksi() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_KUNCI_AKUN,))
            ada = conn.execute("SELECT 1 FROM akun WHERE nama = %s", (nama,)).fetchone() is not None
            if akun is None:
                conn.execute("DELETE FROM akun WHERE nama = %s", (nama,))
            else:
                conn.execute(
                    "INSERT INTO akun (nama, hash, peran, lingkup) VALUES (%s, %s, %s, %s) ON CONFLICT (nama) DO UPDATE "
                    "SET hash = EXCLUDED.hash, peran = EXCLUDED.peran, lingkup = EXCLUDED.lingkup, diubah = now(), "
                    "versi = akun.versi + 1", (nama, akun.hash, akun.peran, akun.lingkup))
            kolom = "dihapus" if akun is None else "diubah" if ada else "ditambah"
            catatan = "" if akun is None else f"peran {akun.peran}, lingkup {akun.lingkup or 'semua'}"
            conn.execute(f"INSERT INTO audit (pengguna, aksi, berkas, {kolom}, jumlah_baris, catatan) VALUES (%s, %s, 'akun', %s, 0, %s)",
                         (oleh, aksi, json.dumps([nama]), catatan))

    def catat_penolakan(self, exc: GalatLingkup) -> None:
        with self.kolam.koneksi() as conn, conn.transaction():
            conn.execute("INSERT INTO audit (pengguna, aksi, berkas, diubah, jumlah_baris, catatan) VALUES (%s, %s, 'akun', %s, 0, %s)",
                         (exc.akun.nama, f"ditolak-{exc.aksi}", json.dumps(exc.ids), exc.catatan))
