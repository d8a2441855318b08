"""Stages of the budget form (RKA, RKPA, DPA, DPPA) and the frozen baseline the Perubahan compares against.

``anggaran tetapkan`` copies the valid plan to ``<plan>_penetapan.csv`` beside
it (with the usual backup and audit). From then on the plan is the
Perubahan: the RKPA/DPPA forms show each line *Sebelum* (the baseline) and
*Setelah* (the plan), matched by ``id_baris``, and the difference.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from geo.anggaran.rencana import Rencana, muat_rencana
from geo.galat import GalatData
from geo.masuk.dataset import Dataset


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


def muat_penetapan(dataset: Dataset, rencana: Rencana) -> Rencana | None:
    """The frozen baseline, or None when the plan has none yet.

    It is checked without the current ceiling (the baseline answered the
    ceiling of its time; a Perubahan may lower it), but every other rule holds.
    """
    path = path_penetapan(rencana.path)
    if not path.exists():
        return None
    dasar = muat_rencana(dataset, path, replace(rencana.pengaturan, pagu=0))
    if not dasar.ok:
        raise GalatData(f"Penetapan {path.name} tidak sah, jadi kolom Sebelum tidak dapat dibuat:\n{dasar.laporan.teks()}")
    return dasar


def perlu_penetapan(tahap: Tahap, dasar: Rencana | None, rencana: Rencana) -> None:
    if tahap.perubahan and dasar is None:
        raise GalatData(f"Formulir {tahap.singkat} membandingkan dengan rencana yang sudah ditetapkan, tetapi "
                        f"{path_penetapan(rencana.path).name} belum ada. Tetapkan dulu rencana murni dengan: "
                        "python -m geo anggaran tetapkan (sebelum mengubahnya), atau pilih --tahap rka/dpa.")
