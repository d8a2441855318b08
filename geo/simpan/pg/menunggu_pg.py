"""The field-report queue (#24) and the budget baseline (#23) in PostgreSQL (migration 0007).

A mix-in of :class:`geo.simpan.pg.gudang_pg.GudangPG`, so every replica on one
database sees one queue and one baseline. Queue rows are ``rekaman_baris`` rows
of jenis ``menunggu`` (cells as ``laporan_menunggu.csv`` holds them), their photos
``foto_menunggu``; each change is one transaction with its audit row
(``rekaman = 'menunggu'``). The baseline is the record ``penetapan``, written
by the same row store as the plan (:func:`geo.simpan.pg.rekaman_pg.simpan`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from geo.galat import GalatData
from geo.masuk.dataset import Dataset
from geo.simpan.gudang_antre import AntreanGudang
from geo.simpan.kim import HasilSimpan, Perubahan
from geo.simpan.lingkup import GalatLingkup, Pelaku, nama_pelaku, periksa_rencana
from geo.simpan.pg import rekaman_pg

JENIS_MENUNGGU, JENIS_PENETAPAN = "menunggu", "penetapan"
KUNCI_ANTRE = 7412007  # pg_advisory_xact_lock key: one queue change at a time, across every replica


def baca_antre(conn) -> pd.DataFrame:
    """The queue as text cells (``KOLOM_MENUNGGU``), in the order reports arrived."""
    from geo.simpan.menunggu import KOLOM_MENUNGGU, tabel_kosong

    rows = conn.execute("SELECT sel FROM rekaman_baris WHERE jenis = %s ORDER BY urutan, kunci", (JENIS_MENUNGGU,)).fetchall()
    if not rows:
        return tabel_kosong()
    return pd.DataFrame([[str(r[0].get(k, "")) for k in KOLOM_MENUNGGU] for r in rows], columns=list(KOLOM_MENUNGGU))


def tambah_antre(conn, teks: pd.DataFrame, foto: dict[str, bytes], pengguna: str, aksi: str = "lapor-ajukan") -> None:
    """Queue rows and photos inside the caller's transaction, with the audit row; an id already queued is refused."""
    from geo.simpan.menunggu import KOLOM_MENUNGGU, _tolak_ganda

    conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_ANTRE,))
    lama = baca_antre(conn)
    _tolak_ganda(lama, teks)
    awal = conn.execute("SELECT coalesce(max(urutan), 0) FROM rekaman_baris WHERE jenis = %s", (JENIS_MENUNGGU,)).fetchone()[0]
    baris = [(JENIS_MENUNGGU, str(r["id_kegiatan"]), json.dumps({k: str(r[k]) for k in KOLOM_MENUNGGU}, ensure_ascii=False),
              str(r["id_potensi"]), int(awal) + i + 1, pengguna) for i, r in enumerate(teks.to_dict("records"))]
    with conn.cursor() as cur:
        cur.executemany("INSERT INTO rekaman_baris (jenis, kunci, sel, id_potensi, urutan, diubah_oleh) "
                        "VALUES (%s, %s, %s, %s, %s, %s)", baris)
        if foto:
            cur.executemany("INSERT INTO foto_menunggu (id_kegiatan, isi) VALUES (%s, %s) ON CONFLICT (id_kegiatan) "
                            "DO UPDATE SET isi = EXCLUDED.isi, diajukan = now()", list(foto.items()))
    rekaman_pg.catat_audit(conn, JENIS_MENUNGGU, pengguna, aksi, rekaman_pg.label(JENIS_MENUNGGU),
                           Perubahan(ditambah=[b[1] for b in baris]), len(lama) + len(baris), "", None)


class MenungguPG(AntreanGudang):
    """The queue and the baseline of :class:`GudangPG`; needs ``self.kolam`` and ``self.catat_penolakan``."""

    kolam: Any
    catat_penolakan: Any

    # --- the field-report queue ---
    def baca_menunggu(self) -> pd.DataFrame:
        with self.kolam.koneksi() as conn:
            return baca_antre(conn)

    def foto_menunggu(self, id_kegiatan: str) -> bytes | None:
        with self.kolam.koneksi() as conn:
            row = conn.execute("SELECT isi FROM foto_menunggu WHERE id_kegiatan = %s", (id_kegiatan,)).fetchone()
        return bytes(row[0]) if row else None

    def antre_tambah(self, teks: pd.DataFrame, foto: dict[str, bytes], pengguna: str) -> None:
        with self.kolam.koneksi() as conn, conn.transaction():
            tambah_antre(conn, teks, foto, pengguna)

    def antre_buang(self, ids: list[str], pengguna: str, aksi: str) -> None:
        with self.kolam.koneksi() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_ANTRE,))
            conn.execute("DELETE FROM rekaman_baris WHERE jenis = %s AND kunci = ANY(%s)", (JENIS_MENUNGGU, list(ids)))
            conn.execute("DELETE FROM foto_menunggu WHERE id_kegiatan = ANY(%s)", (list(ids),))
            sisa = conn.execute("SELECT count(*) FROM rekaman_baris WHERE jenis = %s", (JENIS_MENUNGGU,)).fetchone()[0]
            rekaman_pg.catat_audit(conn, JENIS_MENUNGGU, pengguna, aksi, rekaman_pg.label(JENIS_MENUNGGU),
                                   Perubahan(dihapus=list(ids)), int(sisa), "", None)

    @contextmanager
    def penolakan_menunggu(self) -> Iterator[None]:
        try:
            yield
        except GalatLingkup as exc:
            self.catat_penolakan(exc, JENIS_MENUNGGU)
            raise

    # --- the budget baseline: the database's plan has the database's baseline ---
    @staticmethod
    def _rencana_db(rencana: Any) -> bool:
        """A plan loaded from this database (a file named by ``--anggaran`` keeps its baseline beside it)."""
        return Path(rencana.path) == Path(rekaman_pg.label(rekaman_pg.JENIS_ANGGARAN))

    def nama_penetapan(self, rencana: Any) -> str:
        if not self._rencana_db(rencana):
            from geo.anggaran.tahap import path_penetapan

            return path_penetapan(rencana.path).name
        return rekaman_pg.label(JENIS_PENETAPAN)

    def ada_penetapan(self, rencana: Any) -> bool:
        if not self._rencana_db(rencana):
            from geo.anggaran.tahap import path_penetapan

            return path_penetapan(rencana.path).exists()
        with self.kolam.koneksi() as conn:
            return conn.execute("SELECT 1 FROM rekaman_kolom WHERE jenis = %s", (JENIS_PENETAPAN,)).fetchone() is not None

    def muat_penetapan(self, dataset: Dataset, rencana: Any) -> Any:
        from geo.anggaran.rencana import Rencana, validasi_rencana
        from geo.anggaran.tahap import muat_penetapan_berkas, tanpa_pagu, wajib_sah
        from geo.galat import Laporan

        if not self._rencana_db(rencana):
            return muat_penetapan_berkas(dataset, rencana)
        with self.kolam.koneksi() as conn:
            teks, _ = rekaman_pg.baca(conn, JENIS_PENETAPAN)
        if teks is None:
            return None
        nama = rekaman_pg.label(JENIS_PENETAPAN)
        pengaturan = tanpa_pagu(rencana)
        tabel, laporan = validasi_rencana(teks, nama, dataset, pengaturan)
        hasil = Laporan()
        hasil.gabung(laporan)
        return wajib_sah(Rencana(tabel, hasil, pengaturan, Path(nama)), nama)

    def tetapkan_rencana(self, rencana: Any, dataset: Dataset, pengguna: Pelaku, paksa: bool = False) -> HasilSimpan:
        from geo.anggaran.rencana import validasi_rencana
        from geo.anggaran.simpan import _kanonik, sebagai_teks
        from geo.anggaran.tahap import tetapkan_berkas
        from geo.simpan.pg.gudang_pg import KUNCI_SIMPAN

        if not self._rencana_db(rencana):
            return tetapkan_berkas(rencana, dataset, pengguna, paksa)
        try:
            periksa_rencana(pengguna)
        except GalatLingkup as exc:
            self.catat_penolakan(exc, JENIS_PENETAPAN)
            raise
        nama = rekaman_pg.label(JENIS_PENETAPAN)
        with self.kolam.koneksi() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_SIMPAN,))
            if not paksa and conn.execute("SELECT 1 FROM rekaman_kolom WHERE jenis = %s", (JENIS_PENETAPAN,)).fetchone():
                raise GalatData(f"Penetapan sudah ada di basis data ({nama}) dan tidak ditimpa. Tambahkan --force untuk "
                                "menetapkan ulang (versi lama tetap tersimpan di audit).")
            return rekaman_pg.simpan(
                conn, JENIS_PENETAPAN, sebagai_teks(rencana.tabel), lambda t: validasi_rencana(t, nama, dataset, rencana.pengaturan),
                _kanonik, nama_pelaku(pengguna), None, aksi="tetapkan", berkas=nama, catatan="", periksa_konflik=False,
                kunci_simpan=KUNCI_SIMPAN)[0]
