"""The jury scores and the per-KIM targets (#25) in PostgreSQL (migration 0008).

Rows of ``rekaman_baris`` (jenis ``nilai_juri`` / ``target_kim``) holding the text
cells ``nilai_juri.csv`` / ``target_kim.csv`` hold, keyed ``id_kim|periode|kriteria``
(``…|jenis``), loaded with the KIM table into the Dataset
(:mod:`geo.kim.tersimpan`) and checked by the files' own rules. A jury sheet
replaces the scores it carries in one transaction under the KIM save's advisory
lock, with the account's scope checked and an audit row (``rekaman = 'nilai_juri'``)
holding the scores it replaced.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from geo.galat import Laporan
from geo.kim.nilai import KOLOM_JURI
from geo.kim.target import KOLOM_TARGET
from geo.masuk.baca import KOLOM_BARIS
from geo.masuk.dataset import Dataset
from geo.simpan.kim import Perubahan
from geo.simpan.lingkup import GalatLingkup, Pelaku, nama_pelaku, periksa_profil
from geo.simpan.pg import rekaman_pg

JENIS_JURI, JENIS_TARGET = "nilai_juri", "target_kim"
KOLOM = {JENIS_JURI: KOLOM_JURI, JENIS_TARGET: KOLOM_TARGET}


def kunci_baris(jenis: str, r: dict) -> str:
    """The row's key: the KIM, the period and the criterion (or the target's kind)."""
    return "|".join(str(r[k]) for k in KOLOM[jenis][:3])


def ganti(conn, jenis: str, teks: pd.DataFrame, pengguna: str, aksi: str, berkas: str, catatan: str) -> int:
    """Make ``teks`` (text cells, KOLOM order) the whole record, inside the caller's transaction, audited; the audit id."""
    lama, _ = rekaman_pg.baca(conn, jenis)
    kolom = list(KOLOM[jenis])
    isi = teks.reindex(columns=kolom).fillna("").astype(str)
    baris = [(jenis, kunci_baris(jenis, r), json.dumps(r, ensure_ascii=False), i + 1, pengguna)
             for i, r in enumerate(isi.to_dict("records"))]
    kunci_lama = set(lama[kolom[:3]].astype(str).agg("|".join, axis=1)) if lama is not None and len(lama) else set()
    kunci_baru = [b[1] for b in baris]
    with conn.cursor() as cur:
        cur.execute("DELETE FROM rekaman_baris WHERE jenis = %s", (jenis,))
        cur.executemany("INSERT INTO rekaman_baris (jenis, kunci, sel, urutan, diubah_oleh) VALUES (%s, %s, %s, %s, %s)", baris)
        cur.execute("INSERT INTO rekaman_kolom (jenis, kolom) VALUES (%s, %s) ON CONFLICT (jenis) DO UPDATE "
                    "SET kolom = EXCLUDED.kolom, versi = rekaman_kolom.versi + 1", (jenis, json.dumps(kolom)))
    perubahan = Perubahan(ditambah=[k for k in kunci_baru if k not in kunci_lama], diubah=[k for k in kunci_baru if k in kunci_lama],
                          dihapus=sorted(kunci_lama - set(kunci_baru)))
    sebelum = json.dumps(lama.drop(columns=KOLOM_BARIS).to_dict("records"), ensure_ascii=False) if lama is not None else None
    return rekaman_pg.catat_audit(conn, jenis, pengguna, aksi, berkas, perubahan, len(baris), catatan, sebelum)


def teks_rekaman(jenis: str, tabel: pd.DataFrame) -> pd.DataFrame:
    """Typed scores or targets → the cells their CSV file holds (the CSV writer's number format)."""
    return tabel[list(KOLOM[jenis])].astype(object).astype(str).reset_index(drop=True)


class JuriPG:
    """``simpan_nilai_juri`` / ``simpan_target`` of :class:`geo.simpan.pg.gudang_pg.GudangPG`; needs ``kolam`` and ``catat_penolakan``."""

    kolam: Any
    catat_penolakan: Any

    def simpan_nilai_juri(self, dataset: Dataset, data: bytes, nama: str, pengguna: Pelaku) -> tuple[int, Laporan]:
        from geo.kim.aturan import aturan_nilai
        from geo.kim.juri import baca_lembar_juri, gabung_nilai, nilai_juri_dari_teks
        from geo.kim.simpan_profil import kode_per_id, profil_untuk_sunting
        from geo.simpan.pg.gudang_pg import KUNCI_SIMPAN

        tabel, laporan = baca_lembar_juri(data, nama, aturan_nilai(dataset.wilayah), set(dataset.profil.tabel["id_kim"]))
        if not laporan.ok:
            return 0, laporan
        ids = list(dict.fromkeys(tabel["id_kim"].astype(str)))
        kode = kode_per_id(profil_untuk_sunting(dataset))
        try:
            with self.kolam.koneksi() as conn, conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_SIMPAN,))
                periksa_profil(pengguna, kode, kode, [], ids, [])
                teks, _ = rekaman_pg.baca(conn, JENIS_JURI)  # the scores as stored now, under the lock
                laporan_lama = Laporan()
                lama = nilai_juri_dari_teks(teks, rekaman_pg.label(JENIS_JURI), laporan_lama)
                if not laporan_lama.ok:
                    return 0, laporan_lama
                ganti(conn, JENIS_JURI, teks_rekaman(JENIS_JURI, gabung_nilai(lama, tabel)), nama_pelaku(pengguna), "nilai-juri",
                      rekaman_pg.label(JENIS_JURI), f"{len(tabel)} nilai dari {nama}")
        except GalatLingkup as exc:  # rolled back; the refusal itself is kept, in the scores' audit
            self.catat_penolakan(exc, JENIS_JURI)
            raise
        return len(tabel), laporan

    def simpan_target(self, dataset: Dataset, data: bytes, nama: str, pengguna: Pelaku) -> tuple[int, Laporan]:
        from geo.kim.simpan_profil import kode_per_id, profil_untuk_sunting
        from geo.kim.simpan_target import kim_berubah, periksa_target
        from geo.kim.target import target_dari_teks
        from geo.simpan.pg.gudang_pg import KUNCI_SIMPAN

        teks, laporan = periksa_target(dataset, data, nama)
        if not laporan.ok:
            return 0, laporan
        kode = kode_per_id(profil_untuk_sunting(dataset))
        try:
            with self.kolam.koneksi() as conn, conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_SIMPAN,))
                lama, _ = rekaman_pg.baca(conn, JENIS_TARGET)
                ids, _ = kim_berubah(target_dari_teks(lama, nama, Laporan()) if lama is not None else None, teks)
                periksa_profil(pengguna, kode, kode, [], ids, [])
                ganti(conn, JENIS_TARGET, teks, nama_pelaku(pengguna), "target", rekaman_pg.label(JENIS_TARGET),
                      f"{len(teks)} target dari {nama}")
        except GalatLingkup as exc:
            self.catat_penolakan(exc, JENIS_TARGET)
            raise
        return len(teks), laporan


# --- db import / db export (geo.simpan.pg.pindah) ---
NAMA_BERKAS = {JENIS_JURI: "nilai_juri.csv", JENIS_TARGET: "target_kim.csv"}


def laporan_impor(ds) -> Laporan:
    """The files' problems: an import refuses a jury or target file that would not load whole."""
    laporan = Laporan()
    if ds.profil is not None:
        laporan.gabung(ds.profil.juri.laporan)
        laporan.gabung(ds.profil.target.laporan)
    return laporan


def impor(conn, ds, pengguna: str) -> None:
    """The files' scores and targets replace the stored ones (a record without a file is left as stored)."""
    if ds.profil is None:
        return
    for jenis, simpanan in ((JENIS_JURI, ds.profil.juri), (JENIS_TARGET, ds.profil.target)):
        if simpanan.tabel is not None:
            ganti(conn, jenis, teks_rekaman(jenis, simpanan.tabel), pengguna, "impor-db", NAMA_BERKAS[jenis], f"impor dari {NAMA_BERKAS[jenis]}")


def ekspor(gudang, folder) -> list:
    """``nilai_juri.csv`` / ``target_kim.csv`` into ``folder`` when the database holds them."""
    from geo.simpan.berkas import tulis_csv_atomik

    hasil = []
    with gudang.kolam.koneksi() as conn:
        isi = {jenis: rekaman_pg.baca(conn, jenis)[0] for jenis in NAMA_BERKAS}
    for jenis, teks in isi.items():
        if teks is None:
            continue
        path = folder / NAMA_BERKAS[jenis]
        tabel = teks.drop(columns=KOLOM_BARIS).reindex(columns=list(KOLOM[jenis]))
        tulis_csv_atomik(path, tabel)
        hasil.append(path)
    return hasil
