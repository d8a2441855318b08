"""Stages of the budget form (RKA, RKPA, DPA, DPPA) and the frozen baseline the Perubahan compares against.

``anggaran tetapkan`` freezes the valid plan in the store: ``<plan>_penetapan.csv``
beside it in the file store (with the usual backup and audit), the record
``penetapan`` in PostgreSQL (:meth:`geo.simpan.gudang.Gudang.tetapkan_rencana`). From then on the plan is the
Perubahan: the RKPA/DPPA forms show each line *Sebelum* (the baseline) and
*Setelah* (the plan), matched by ``id_baris``, and the difference.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from geo.anggaran.rencana import Rencana, muat_rencana
from geo.galat import GalatData
from geo.masuk.dataset import Dataset
from geo.simpan.kim import HasilSimpan
from geo.simpan.lingkup import Pelaku, dicatat_di, nama_pelaku, periksa_rencana


@dataclass(frozen=True)
class Tahap:
    kode: str
    singkat: str
    judul: str
    judul_en: str
    perubahan: bool

    @property
    def formulir(self) -> str:
        return f"Formulir {self.singkat} \u2013 Rincian Belanja SKPD"


TAHAP: dict[str, Tahap] = {
    "rka": Tahap("rka", "RKA", "RENCANA KERJA DAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH",
                 "Work plan and budget of the regional government unit", False),
    "rkpa": Tahap("rkpa", "RKPA", "RENCANA KERJA DAN PERUBAHAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH",
                  "Work plan and revised budget of the regional government unit", True),
    "dpa": Tahap("dpa", "DPA", "DOKUMEN PELAKSANAAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH",
                 "Budget implementation document of the regional government unit", False),
    "dppa": Tahap("dppa", "DPPA", "DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH",
                  "Revised budget implementation document of the regional government unit", True),
}
TAHAP_BAWAAN = "rka"


def tahap_dari(kode: str | None) -> Tahap:
    """``--tahap`` (case-insensitive) → :class:`Tahap`; an unknown one is a :class:`GalatData` listing the choices."""
    kunci = str(kode or TAHAP_BAWAAN).strip().lower()
    if kunci not in TAHAP:
        raise GalatData(f"Tahap '{kode}' tidak dikenal. Pilihan: {', '.join(TAHAP)}.")
    return TAHAP[kunci]


def path_penetapan(path_rencana: Path) -> Path:
    """Where the baseline of a plan lives: ``anggaran.csv`` → ``anggaran_penetapan.csv`` beside it."""
    return path_rencana.with_name(f"{path_rencana.stem}_penetapan.csv")


def muat_penetapan(dataset: Dataset, rencana: Rencana, gudang=None) -> Rencana | None:
    """The frozen baseline of ``rencana`` from the store (default: the configured one), or None when there is none yet."""
    from geo.simpan.gudang import pilih_gudang

    return (gudang or pilih_gudang()).muat_penetapan(dataset, rencana)


def muat_penetapan_berkas(dataset: Dataset, rencana: Rencana) -> Rencana | None:
    """The file store's baseline beside the plan's file.

    It is checked without the current ceiling (the baseline answered the
    ceiling of its time; a Perubahan may lower it), but every other rule holds.
    """
    path = path_penetapan(rencana.path)
    if not path.exists():
        return None
    return wajib_sah(muat_rencana(dataset, path, tanpa_pagu(rencana)), path.name)


def tanpa_pagu(rencana: Rencana):
    return replace(rencana.pengaturan, pagu=0)


def wajib_sah(dasar: Rencana, nama: str) -> Rencana:
    if not dasar.ok:
        raise GalatData(f"Penetapan {nama} tidak sah, jadi kolom Sebelum tidak dapat dibuat:\n{dasar.laporan.teks()}")
    return dasar


def tetapkan_berkas(rencana: Rencana, dataset: Dataset, pengguna: Pelaku, paksa: bool = False) -> HasilSimpan:
    """Freeze the valid plan as ``<plan>_penetapan.csv`` (backup and audit as every plan write)."""
    from geo.anggaran.simpan import tulis_usul

    tujuan = path_penetapan(rencana.path)
    with dicatat_di(tujuan):  # the shared baseline: only an unscoped editor, as the plan
        periksa_rencana(pengguna)
    if tujuan.exists() and not paksa:
        raise GalatData(f"Penetapan {tujuan} sudah ada dan tidak ditimpa. Tambahkan --force untuk menetapkan ulang "
                        f"(versi lama disalin ke {tujuan.parent / 'cadangan'}).")
    return tulis_usul(rencana.tabel, tujuan, dataset, rencana.pengaturan, paksa=True, pengguna=nama_pelaku(pengguna),
                      aksi="tetapkan")


def perlu_penetapan(tahap: Tahap, dasar: Rencana | None, rencana: Rencana, nama: str | None = None) -> None:
    if tahap.perubahan and dasar is None:
        raise GalatData(f"Formulir {tahap.singkat} membandingkan dengan rencana yang sudah ditetapkan, tetapi "
                        f"{nama or path_penetapan(rencana.path).name} belum ada. Tetapkan dulu rencana murni dengan: "
                        "python -m geo anggaran tetapkan (sebelum mengubahnya), atau pilih --tahap rka/dpa.")
