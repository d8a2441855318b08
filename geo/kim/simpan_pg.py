"""The KIM table in the shared PostgreSQL store (migration 0004): one JSONB row per KIM.

Cells are kept as text exactly as the file holds them, so the database and
the file are validated by the same :func:`geo.kim.profil.validasi_profil` and
a new profile column needs no new migration. Without the table (a database
not yet upgraded) the KIM are made from ``nama_kim`` as for a file store.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pandas as pd

from geo.galat import Laporan
from geo.kim.profil import KOLOM_PROFIL, ProfilKIM, profil_kosong, validasi_profil
from geo.kim.tautan import profil_dengan_daftar, tautkan
from geo.masuk.baca import KOLOM_BARIS
from geo.masuk.referensi import Referensi

TABEL_PROFIL = "kim_profil"


def ada_tabel(conn) -> bool:
    return conn.execute("SELECT to_regclass(%s) IS NOT NULL", (TABEL_PROFIL,)).fetchone()[0]


def tulis_profil_pg(conn, profil: ProfilKIM | None, pengguna: str) -> int:
    """Replace the stored KIM table with ``profil`` (inside the caller's transaction); rows written."""
    if profil is None or not ada_tabel(conn):
        return 0
    teks = profil_dengan_daftar(profil)
    baris = [(r["id_kim"], json.dumps({k: str(r[k]) for k in KOLOM_PROFIL}, ensure_ascii=False), i, pengguna)
             for i, (_, r) in enumerate(teks.iterrows())]
    with conn.cursor() as cur:
        cur.execute(f"DELETE FROM {TABEL_PROFIL} WHERE NOT (id_kim = ANY(%s))", ([b[0] for b in baris],))
        cur.executemany(
            f"INSERT INTO {TABEL_PROFIL} (id_kim, isi, urutan, diubah_oleh) VALUES (%s, %s, %s, %s) ON CONFLICT (id_kim) DO UPDATE "
            f"SET isi = EXCLUDED.isi, urutan = EXCLUDED.urutan, diubah_oleh = EXCLUDED.diubah_oleh, diubah_pada = now(), "
            f"versi = {TABEL_PROFIL}.versi + CASE WHEN {TABEL_PROFIL}.isi = EXCLUDED.isi THEN 0 ELSE 1 END", baris)
    return len(baris)


def profil_dari_pg(conn, potensi: pd.DataFrame, referensi: Referensi, laporan: Laporan,
                   folder_logo: Path | None = None) -> ProfilKIM:
    """The stored KIM table, validated and linked to the potentials (like the file store's load).

    With ``folder_logo`` the stored logos are mirrored there, so the profile shows them as from files.
    """
    profil = _profil_dari_pg(conn, potensi, referensi, laporan)
    if folder_logo is not None:
        from geo.simpan.pg.profil_pg import cermin_logo

        path = cermin_logo(conn, folder_logo)
        if path is not None:
            profil = replace(profil, path=path)
    return profil


def _profil_dari_pg(conn, potensi: pd.DataFrame, referensi: Referensi, laporan: Laporan) -> ProfilKIM:
    rows = conn.execute(f"SELECT isi FROM {TABEL_PROFIL} ORDER BY urutan").fetchall() if ada_tabel(conn) else []
    id_kim = potensi.get("id_kim", None)
    if not rows:
        return tautkan(potensi, profil_kosong(None), TABEL_PROFIL, Laporan(), id_kim)
    frame = pd.DataFrame([{k: str((r[0] or {}).get(k, "")) for k in KOLOM_PROFIL} for r in rows])
    frame[KOLOM_BARIS] = range(2, len(frame) + 2)
    profil, laporan_profil = validasi_profil(frame, TABEL_PROFIL, referensi)
    laporan.gabung(laporan_profil)
    return tautkan(potensi, profil if laporan_profil.ok else profil_kosong(None), "kim_potensi", laporan, id_kim)
