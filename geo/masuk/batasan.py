"""Size limits on input files, so one bad file cannot hold the server for minutes.

Every limit comes from an environment variable (``KIM_BATAS_*``) with a
default that a city or a whole province never meets, and every refusal
names the limit and the variable that raises it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from geo.format_id import angka
from geo.galat import GalatData


@dataclass(frozen=True)
class Batas:
    """One configurable limit: its variable, default, unit and what it bounds."""

    env: str
    bawaan: int
    satuan: str
    apa: str

    def nilai(self) -> int:
        """The limit in force; a malformed variable is an administrator error, said in words."""
        teks = os.environ.get(self.env, "").strip().replace("_", "")
        if not teks:
            return self.bawaan
        if not teks.isdigit() or int(teks) <= 0:
            raise GalatData(f"Variabel lingkungan {self.env}={teks!r} tidak sah: isi bilangan bulat positif ({self.satuan}).")
        return int(teks)

    def nilai_atau_bawaan(self) -> int:
        """The limit for a hint (an uploader's size note): a malformed variable is reported where files are read."""
        try:
            return self.nilai()
        except GalatData:
            return self.bawaan

    def pesan(self, terukur: str) -> str:
        """Why a file was refused and how to raise the limit."""
        return (
            f"{self.apa} {terukur}, melebihi batas {angka(self.nilai())} {self.satuan}. Bagi berkas menjadi beberapa bagian, atau minta administrator menaikkan batas ini "
            f"dengan variabel lingkungan {self.env} (lalu jalankan ulang aplikasi)."
        )


UNGGAH_MB = Batas("KIM_BATAS_UNGGAH_MB", 50, "MB", "Ukuran berkas")
BARIS = Batas("KIM_BATAS_BARIS", 200_000, "baris data", "Jumlah baris")
KARAKTER_SEL = Batas("KIM_BATAS_KARAKTER_SEL", 20_000, "karakter per sel", "Panjang sel")
XLSX_MB = Batas("KIM_BATAS_XLSX_MB", 500, "MB setelah diekstrak", "Isi berkas Excel setelah diekstrak")
UNSUR = Batas("KIM_BATAS_UNSUR", 100_000, "unsur (poligon)", "Jumlah unsur di berkas batas")
TITIK_SUDUT = Batas("KIM_BATAS_TITIK_SUDUT", 20_000_000, "titik sudut", "Jumlah titik sudut di berkas batas")

KOLOM = Batas("KIM_BATAS_KOLOM", 500, "kolom", "Jumlah kolom")

SEMUA: tuple[Batas, ...] = (UNGGAH_MB, BARIS, KARAKTER_SEL, XLSX_MB, UNSUR, TITIK_SUDUT, KOLOM)

__all__ = ["BARIS", "KARAKTER_SEL", "KOLOM", "SEMUA", "TITIK_SUDUT", "UNGGAH_MB", "UNSUR", "XLSX_MB", "Batas"]
