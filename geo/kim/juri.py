"""The jury's scores: a scoring sheet (XLSX) to fill in, read back into the store's scores.

The sheet has one row per KIM and one column per jury criterion of
``wilayah.json``; reading it back checks every cell (a number 0–100, a known
KIM) and names the row and column of each problem. The stored long table
(``id_kim, periode, kriteria, nilai``) is a record of the store: ``nilai_juri.csv``
beside kim.csv (env ``KIM_NILAI_JURI``) in the file store, rows of ``rekaman_baris``
(jenis ``nilai_juri``, migration 0008) in PostgreSQL; the Dataset carries it
(``ProfilKIM.juri`` of :mod:`geo.kim.profil`).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

from geo.galat import Laporan
from geo.kim.aturan import AturanNilai
from geo.kim.daftar import angka_sel, baca_opsional
from geo.kim.nilai import KOLOM_JURI
from geo.masuk.baca import KOLOM_BARIS, baca_bytes

ENV_JURI = "KIM_NILAI_JURI"
LEMBAR = "nilai_juri"
KOLOM_TETAP = ("id_kim", "nama_kim", "kode_kelurahan", "periode")


def path_juri(kim: Path) -> Path:
    nilai = os.environ.get(ENV_JURI, "").strip()
    return Path(nilai).expanduser() if nilai else kim.parent / "nilai_juri.csv"


def lembar_juri(profil: pd.DataFrame, aturan: AturanNilai, periode: str, juri: pd.DataFrame | None = None) -> bytes:
    """The scoring sheet for ``periode``, pre-filled with any scores already stored."""
    from openpyxl import Workbook  # only here: the store imports path_juri on every page load

    from geo.ekspor.templat_kegiatan import lembar_berjudul

    wb = Workbook()
    wb.remove(wb.active)
    kriteria = aturan.juri()
    ws = lembar_berjudul(wb, LEMBAR, [*KOLOM_TETAP, *(k.kode for k in kriteria)])
    ada = {}
    if juri is not None and len(juri):
        pilih = juri[juri["periode"].astype(str) == periode]
        ada = {(r.id_kim, r.kriteria): r.nilai for r in pilih.itertuples()}
    for r in profil.itertuples():
        ws.append([r.id_kim, r.nama_kim, r.kode_kelurahan, periode, *(ada.get((r.id_kim, k.kode)) for k in kriteria)])
    for kol, lebar in zip("ABCD", (18, 34, 16, 10)):
        ws.column_dimensions[kol].width = lebar
    ws.freeze_panes = "E2"
    info = wb.create_sheet("petunjuk")
    info.append(["Petunjuk / Instructions"])
    info.append(["Isi nilai 0–100 per kriteria di lembar nilai_juri; kosongkan bila belum dinilai. Jangan ubah id_kim dan periode."])
    info.append(["Enter a 0–100 score per criterion on the nilai_juri sheet; leave blank if not assessed. Do not change id_kim or periode."])
    for k in kriteria:
        info.append([k.kode, k.nama, k.name])
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def baca_lembar_juri(data: bytes, nama: str, aturan: AturanNilai, id_kim: set[str]) -> tuple[pd.DataFrame, Laporan]:
    """A filled sheet → the long table of scores and a report (row and column of each bad cell)."""
    laporan = Laporan()
    kode = [k.kode for k in aturan.juri()]
    mentah = baca_bytes(data, nama, laporan, excel=True, kolom_dikenal=[*KOLOM_TETAP, *kode], lembar=LEMBAR)
    if mentah is None:
        return pd.DataFrame(columns=list(KOLOM_JURI)), laporan
    for k in ("id_kim", "periode"):
        if k not in mentah:
            laporan.tambah(nama, f"Kolom {k} tidak ada. Pakai lembar nilai juri yang diunduh dari dasbor.", baris=1, kolom=k)
    if not laporan.ok:
        return pd.DataFrame(columns=list(KOLOM_JURI)), laporan
    baris = []
    for _, r in mentah.iterrows():
        nomor = int(r[KOLOM_BARIS])
        if r["id_kim"] not in id_kim:
            laporan.tambah(nama, "id_kim tidak ada di tabel KIM. Jangan ubah kolom id_kim.", baris=nomor, kolom="id_kim", nilai=r["id_kim"])
            continue
        for k in (k for k in kode if k in mentah and r[k] != ""):
            nilai = angka_sel(r, k, nama, laporan, 100)
            if nilai is None:
                continue
            baris.append((r["id_kim"], str(r["periode"]), k, nilai))
    return pd.DataFrame(baris, columns=list(KOLOM_JURI)), laporan


def gabung_nilai(lama: pd.DataFrame | None, baru: pd.DataFrame) -> pd.DataFrame:
    """Stored scores with a sheet's scores replacing those of the same KIM, period and criterion."""
    if lama is None or not len(lama):
        return baru.reset_index(drop=True)
    kunci = ["id_kim", "periode", "kriteria"]
    tetap = lama.merge(baru[kunci], on=kunci, how="left", indicator=True)
    tetap = tetap[tetap["_merge"] == "left_only"].drop(columns="_merge")
    return pd.concat([tetap, baru], ignore_index=True)[list(KOLOM_JURI)]


def muat_nilai_juri(path: Path, laporan: Laporan) -> pd.DataFrame | None:
    """The stored jury scores, or None without the file; bad rows are reported with row and column."""
    return nilai_juri_dari_teks(baca_opsional(path, laporan, KOLOM_JURI), path.name, laporan)


def nilai_juri_dari_teks(mentah: pd.DataFrame | None, nama: str, laporan: Laporan) -> pd.DataFrame | None:
    """Stored text cells (file or database rows, with ``_baris``) → the typed scores; the file's checks in both stores."""
    if mentah is None:
        return None
    baris = []
    for _, r in mentah.iterrows():
        nilai = angka_sel(r, "nilai", nama, laporan, 100)
        if nilai is None:
            continue
        baris.append((r.get("id_kim", ""), str(r.get("periode", "")), r.get("kriteria", ""), nilai))
    return pd.DataFrame(baris, columns=list(KOLOM_JURI))


def ke_csv_juri(tabel: pd.DataFrame) -> bytes:
    from geo.ekspor.tabel import ke_csv

    return ke_csv(tabel[list(KOLOM_JURI)])
