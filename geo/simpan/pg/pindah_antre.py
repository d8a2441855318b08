"""``db import`` / ``db export`` of the report queue and the budget baseline (#20, migration 0007).

Import reads ``laporan_menunggu.csv`` (+ ``laporan_menunggu/`` photos) beside the
KIM table and ``<plan>_penetapan.csv`` beside the plan, checks them by the rules
they are saved with, and replaces the stored ones inside the import's
transaction. Export writes them back under the same names, so a move to the
database and back loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo.galat import Laporan
from geo.masuk.baca import KOLOM_BARIS, baca_tabel
from geo.simpan.berkas import tulis_bytes_atomik, tulis_csv_atomik
from geo.simpan.pg import rekaman_pg
from geo.simpan.pg.menunggu_pg import JENIS_MENUNGGU, JENIS_PENETAPAN, baca_antre, tambah_antre


@dataclass
class IsiAntre:
    """What the files hold: the queue (None: no queue file) with its photos, and the baseline's text cells."""

    antre: pd.DataFrame | None = None
    foto: dict[str, bytes] = field(default_factory=dict)
    penetapan: pd.DataFrame | None = None


def baca_berkas(ds, path_kim: Path, path_rencana: Path) -> tuple[IsiAntre, Laporan]:
    """The queue and the baseline from their files, each checked as saving them checks it."""
    from dataclasses import replace

    from geo.anggaran.pengaturan import pengaturan_dari
    from geo.anggaran.rencana import KOLOM_SEMUA, muat_rencana
    from geo.anggaran.tahap import path_penetapan
    from geo.masuk.kegiatan import KOLOM_KEGIATAN, validasi_kegiatan
    from geo.simpan.foto_gambar import bersihkan
    from geo.simpan.menunggu import NAMA_BERKAS, AntreBerkas

    isi, laporan = IsiAntre(), Laporan()
    antre = AntreBerkas(path_kim.parent / NAMA_BERKAS)
    if antre.path.exists():
        teks = antre.baca()
        _, hasil = validasi_kegiatan(teks[list(KOLOM_KEGIATAN)].assign(**{KOLOM_BARIS: range(2, len(teks) + 2)}),
                                     antre.path.name, ds.wilayah, ds.potensi["id_potensi"])
        laporan.gabung(hasil)
        for r in teks.to_dict("records"):
            data = antre.foto(r["id_kegiatan"]) if r["foto"] else None
            if data is not None:
                isi.foto[r["id_kegiatan"]] = bersihkan(data, f"{antre.folder.name}/{r['foto']}")[0]
        isi.antre = teks
    path = path_penetapan(path_rencana)
    if path.exists():
        dasar = muat_rencana(ds, path, replace(pengaturan_dari(ds.wilayah), pagu=0))  # the ceiling of its time
        laporan.gabung(dasar.laporan)
        if dasar.ok:
            isi.penetapan = baca_tabel(path, Laporan(), kolom_dikenal=KOLOM_SEMUA)
    return isi, laporan


def simpan(conn, isi: IsiAntre, ds, pengguna: str) -> None:
    """Replace the stored queue / baseline by the files' (inside the import's transaction)."""
    from dataclasses import replace

    from geo.anggaran.pengaturan import pengaturan_dari
    from geo.anggaran.rencana import validasi_rencana
    from geo.anggaran.simpan import _kanonik
    from geo.simpan.pg.gudang_pg import KUNCI_SIMPAN

    if isi.antre is not None:
        conn.execute("DELETE FROM rekaman_baris WHERE jenis = %s", (JENIS_MENUNGGU,))
        conn.execute("DELETE FROM foto_menunggu")
        if len(isi.antre):
            tambah_antre(conn, isi.antre, isi.foto, pengguna, aksi="impor-db")
    if isi.penetapan is not None:
        pengaturan = replace(pengaturan_dari(ds.wilayah), pagu=0)
        rekaman_pg.simpan(conn, JENIS_PENETAPAN, isi.penetapan, lambda t: validasi_rencana(t, "anggaran_penetapan.csv", ds, pengaturan),
                          _kanonik, pengguna, None, aksi="impor-db", berkas="anggaran_penetapan.csv",
                          catatan="impor dari anggaran_penetapan.csv", periksa_konflik=False, kunci_simpan=KUNCI_SIMPAN)


def ekspor(gudang, folder: Path) -> list[Path]:
    """``laporan_menunggu.csv`` + photos and ``anggaran_penetapan.csv`` into ``folder`` when the database holds them."""
    from geo.anggaran.tahap import path_penetapan
    from geo.simpan.menunggu import KOLOM_MENUNGGU, NAMA_BERKAS

    hasil: list[Path] = []
    with gudang.kolam.koneksi() as conn:
        antre = baca_antre(conn)
        foto = {str(i): bytes(b) for i, b in conn.execute("SELECT id_kegiatan, isi FROM foto_menunggu ORDER BY id_kegiatan")}
        penetapan, _ = rekaman_pg.baca(conn, JENIS_PENETAPAN)
    if len(antre):
        path = folder / NAMA_BERKAS
        tulis_csv_atomik(path, antre.reindex(columns=list(KOLOM_MENUNGGU)))
        hasil.append(path)
        for id_kegiatan, data in foto.items():
            tulis_bytes_atomik(path.with_suffix("") / f"{id_kegiatan}.jpg", data)
            hasil.append(path.with_suffix("") / f"{id_kegiatan}.jpg")
    if penetapan is not None:
        path = path_penetapan(folder / "anggaran.csv")
        tulis_csv_atomik(path, penetapan.drop(columns=KOLOM_BARIS))
        hasil.append(path)
    return hasil
