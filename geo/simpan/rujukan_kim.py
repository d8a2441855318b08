"""kim.csv's ``id_kim`` through every save: kept, written back, and never pointing at a missing KIM.

A potential may name its KIM by ``id_kim`` (the KIM table, :mod:`geo.kim`).
The editor, an upload, a restore and both stores carry that column as the
other kim.csv columns (:data:`KOLOM_SIMPAN`), and a save is refused, row by
row, when an ``id_kim`` is not in the KIM table as it is stored at that
moment (:func:`laporan_rujukan_kim`), as a save of kegiatan.csv is refused
for a missing ``id_potensi`` (:mod:`geo.simpan.utuh`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.galat import Laporan
from geo.kim.tautan import KOLOM_ID_KIM, id_kim_sel, periksa_id_kim
from geo.masuk import skema
from geo.masuk.baca import KOLOM_BARIS, nama_excel, tebak_delimiter
from geo.masuk.referensi import Referensi

# The kim.csv columns a save keeps: the import columns, then the optional link to the KIM table.
KOLOM_SIMPAN: tuple[str, ...] = (*skema.KOLOM_KIM, KOLOM_ID_KIM)


def kolom_sunting(tabel: pd.DataFrame) -> pd.DataFrame:
    """A validated kim.csv as the editor starts from: its columns, ``id_kim`` only when a row uses it.

    The page's editor always shows ``id_kim`` (reindexing adds it empty), so a
    region can start linking; a caller that never knew the column sees the table it knew.
    """
    return tanpa_id_kim_kosong(tabel.reindex(columns=list(KOLOM_SIMPAN)))


def tanpa_id_kim_kosong(tabel: pd.DataFrame) -> pd.DataFrame:
    """The table without ``id_kim`` when no row uses it: a store that never linked gives kim.csv's own columns."""
    if KOLOM_ID_KIM in tabel and not (id_kim_sel(tabel) != "").any():
        return tabel.drop(columns=KOLOM_ID_KIM)
    return tabel


def kolom_tulis(tabel: pd.DataFrame, path: Path) -> list[str]:
    """The columns a file save writes: ``id_kim`` when a row names a KIM or the file already has the column.

    A file that never used ``id_kim`` keeps exactly its columns.
    """
    kolom = list(skema.KOLOM_KIM)
    if (id_kim_sel(tabel) != "").any() or KOLOM_ID_KIM in _judul(path):
        kolom.append(KOLOM_ID_KIM)
    return kolom


def _judul(path: Path) -> list[str]:
    """The header cells of a CSV file as saved (none for a missing or Excel file)."""
    if nama_excel(path):
        try:
            from openpyxl import load_workbook

            lembar = load_workbook(path, read_only=True).worksheets[0]
            return [str(c.value or "").strip() for c in next(lembar.iter_rows(max_row=1))]
        except Exception:  # noqa: BLE001 - unreadable: treated as no header, the save then rewrites it
            return []
    try:
        with path.open("rb") as f:
            awal = f.readline().decode("utf-8", "replace").removeprefix("\ufeff")
    except OSError:
        return []
    return [k.strip().strip('"') for k in awal.rstrip("\r\n").split(tebak_delimiter(awal))]


def id_kim_berkas(path_kim: Path, referensi: Referensi) -> tuple[set[str], str]:
    """The ids of the KIM table stored beside kim.csv (as its loader accepts it) and the table's name."""
    from geo.kim.profil import muat_profil, path_profil

    path = path_profil(path_kim)
    profil = muat_profil(path, referensi, Laporan())
    return (set(profil.tabel["id_kim"]) if profil is not None else set()), path.name


def laporan_rujukan_kim(tabel: pd.DataFrame, dikenal: set[str], berkas: str, berkas_profil: str) -> Laporan:
    """An error for every row whose ``id_kim`` is not in ``dikenal`` (rows as the editor numbers them)."""
    laporan = Laporan()
    if KOLOM_ID_KIM in tabel:
        baris = tabel[KOLOM_BARIS].to_numpy() if KOLOM_BARIS in tabel else range(1, len(tabel) + 1)
        periksa_id_kim(id_kim_sel(tabel), pd.Series(baris).to_numpy(), dikenal, berkas, berkas_profil, laporan)
    return laporan


def pesan_rujukan_kim(laporan: Laporan) -> str:
    return (f"Tidak disimpan: {len(laporan.galat)} baris merujuk id_kim yang tidak ada di tabel KIM. "
            "Pilih id_kim yang ada, atau kosongkan selnya.")
