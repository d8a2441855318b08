"""Reports waiting for verification ("menunggu verifikasi") until an editor of the scope accepts them.

They live apart from the activity log (``laporan_menunggu.csv`` and their
cleaned photos in ``laporan_menunggu/`` beside the KIM file), so no figure
counts them until they are accepted; acceptance saves them through
:func:`geo.simpan.laporan.simpan_laporan` in the editor's name, with its scope.
Submitting, accepting and rejecting are audited (``audit_laporan_menunggu.jsonl``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from geo.galat import GalatData, Laporan
from geo.masuk.baca import baca_bytes
from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import KOLOM_KEGIATAN, validasi_kegiatan
from geo.simpan.berkas import kunci, tulis_atomik, tulis_bytes_atomik
from geo.simpan.gudang import Gudang
from geo.simpan.kegiatan import id_potensi_sah, ke_teks, kode_per_potensi
from geo.simpan.kim import HasilSimpan, Perubahan, catat_audit
from geo.simpan.laporan import LaporanKegiatan, periksa_foto_laporan, simpan_laporan
from geo.simpan.lingkup import ADMINISTRATOR, EDITOR, Pelaku, dicatat_di, nama_pelaku, periksa_kegiatan, sebagai_akun, tolak

NAMA_BERKAS = "laporan_menunggu.csv"
KOLOM_MENUNGGU: tuple[str, ...] = (*KOLOM_KEGIATAN, "pelapor", "diajukan", "foto")


def path_menunggu(dataset: Dataset) -> Path:
    return dataset.path_kim.parent / NAMA_BERKAS


def folder_foto_menunggu(dataset: Dataset) -> Path:
    return path_menunggu(dataset).with_suffix("")


def baca_menunggu(dataset: Dataset) -> pd.DataFrame:
    """The waiting reports as text cells (empty table when none)."""
    path = path_menunggu(dataset)
    kosong = pd.DataFrame({k: pd.Series(dtype=object) for k in KOLOM_MENUNGGU})
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return kosong
    mentah = baca_bytes(data, path.name, Laporan(), excel=False, kolom_dikenal=KOLOM_MENUNGGU)
    if mentah is None:
        return kosong
    return mentah.reindex(columns=list(KOLOM_MENUNGGU)).fillna("").astype(str)


def _tulis(dataset: Dataset, tabel: pd.DataFrame) -> None:
    teks = tabel.reindex(columns=list(KOLOM_MENUNGGU))
    tulis_atomik(path_menunggu(dataset), lambda temp: teks.to_csv(temp, index=False, encoding="utf-8", lineterminator="\n"))


def ajukan(dataset: Dataset, pelaku: Pelaku, daftar: list[LaporanKegiatan]) -> None:
    """Queue reports: the same validation and scope check as a save, photos cleaned; nothing counts yet."""
    path = path_menunggu(dataset)
    baru = pd.DataFrame([lap.baris() for lap in daftar], columns=list(KOLOM_KEGIATAN))
    tabel, laporan = validasi_kegiatan(ke_teks(baru), "laporan", dataset.wilayah, id_potensi_sah(dataset))
    if not laporan.ok:
        raise GalatData("Laporan belum terkirim: " + "; ".join(g.pesan for g in laporan.galat))
    with dicatat_di(path):
        periksa_kegiatan(pelaku, kode_per_potensi(dataset), {}, dict(zip(baru["id_kegiatan"], baru["id_potensi"])),
                         list(baru["id_kegiatan"]), [], [])
    daftar = periksa_foto_laporan(daftar)
    with kunci(path):
        lama = baca_menunggu(dataset)
        teks = ke_teks(tabel)[list(KOLOM_KEGIATAN)]
        teks["pelapor"] = nama_pelaku(pelaku)
        teks["diajukan"] = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        teks["foto"] = [f"{lap.id_kegiatan}.jpg" if lap.foto is not None else "" for lap in daftar]
        for lap in daftar:
            if lap.foto is not None:
                tulis_bytes_atomik(folder_foto_menunggu(dataset) / f"{lap.id_kegiatan}.jpg", lap.foto)
        _tulis(dataset, pd.concat([lama, teks], ignore_index=True))
        catat_audit(path, nama_pelaku(pelaku), "lapor-ajukan", Perubahan(ditambah=list(teks["id_kegiatan"])), len(lama) + len(teks), None)


def _ambil(dataset: Dataset, pelaku: Pelaku, ids: list[str], aksi: str) -> pd.DataFrame:
    akun = sebagai_akun(pelaku)
    if akun.peran not in (EDITOR, ADMINISTRATOR):
        with dicatat_di(path_menunggu(dataset)):
            tolak(akun, aksi, ids, "hanya editor atau administrator yang dapat memverifikasi laporan.")
    semua = baca_menunggu(dataset)
    pilih = semua[semua["id_kegiatan"].isin(ids)]
    hilang = sorted(set(ids) - set(pilih["id_kegiatan"]))
    if hilang:
        raise GalatData(f"Laporan {', '.join(hilang)} tidak lagi menunggu verifikasi (mungkin sudah diproses orang lain).")
    kode = kode_per_potensi(dataset)
    with dicatat_di(path_menunggu(dataset)):
        periksa_kegiatan(akun, kode, {}, dict(zip(pilih["id_kegiatan"], pilih["id_potensi"])), list(pilih["id_kegiatan"]), [], [])
    return pilih


def _buang(dataset: Dataset, ids: list[str], pelaku: Pelaku, aksi: str) -> None:
    path = path_menunggu(dataset)
    with kunci(path):
        semua = baca_menunggu(dataset)
        sisa = semua[~semua["id_kegiatan"].isin(ids)]
        _tulis(dataset, sisa)
        for nama in semua.loc[semua["id_kegiatan"].isin(ids), "foto"]:
            if nama:
                (folder_foto_menunggu(dataset) / nama).unlink(missing_ok=True)
        catat_audit(path, nama_pelaku(pelaku), aksi, Perubahan(dihapus=list(ids)), len(sisa), None)


def terima(dataset: Dataset, pelaku: Pelaku, ids: list[str], gudang: Gudang | None = None) -> HasilSimpan:
    """Accept waiting reports: saved into the log (and photos) in the editor's name, then unqueued."""
    pilih = _ambil(dataset, pelaku, ids, "verifikasi")
    folder = folder_foto_menunggu(dataset)
    daftar = [LaporanKegiatan(*(r[k] for k in KOLOM_KEGIATAN),
                              foto=(folder / r["foto"]).read_bytes() if r["foto"] and (folder / r["foto"]).is_file() else None,
                              nama_foto=r["foto"] or "foto")
              for r in pilih.to_dict("records")]
    pelapor = ", ".join(sorted(set(pilih["pelapor"])))
    hasil = simpan_laporan(dataset, pelaku, daftar, aksi="lapor-terima", berkas=NAMA_BERKAS, catatan=f"dilaporkan oleh {pelapor}",
                           gudang=gudang)
    if hasil.disimpan:
        _buang(dataset, ids, pelaku, "lapor-terima")
    return hasil


def tolak_laporan(dataset: Dataset, pelaku: Pelaku, ids: list[str]) -> None:
    """Reject waiting reports: removed from the queue, nothing counted; audited."""
    _ambil(dataset, pelaku, ids, "verifikasi")
    _buang(dataset, ids, pelaku, "lapor-tolak")

