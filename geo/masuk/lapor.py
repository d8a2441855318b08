"""The one reporter of a problem at a row and column of a table read from a file."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo.galat import GALAT, Laporan
from geo.masuk.baca import KOLOM_BARIS


@dataclass
class PelaporBaris:
    """``masalah(idx, kolom, pesan)`` adds the problem with the file, its Excel row and the cell's value.

    Shared by the KIM table, the activity log and the budget plan, so every
    report names the place the same way.
    """

    frame: pd.DataFrame
    berkas: str
    laporan: Laporan

    def masalah(self, idx: object, kolom: str, pesan: str, tingkat: str = GALAT) -> None:
        nilai = self.frame.at[idx, kolom] if kolom in self.frame.columns else None
        self.laporan.tambah(self.berkas, pesan, baris=int(self.frame.at[idx, KOLOM_BARIS]), kolom=kolom,
                            nilai=None if nilai is None else str(nilai), tingkat=tingkat)

    def __call__(self, idx: object, kolom: str, pesan: str, tingkat: str = GALAT) -> None:
        self.masalah(idx, kolom, pesan, tingkat)
