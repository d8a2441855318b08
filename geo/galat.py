"""Problems found in input, reported in words a data officer can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

GALAT = "galat"
PERINGATAN = "peringatan"


class GalatData(Exception):
    """Input that cannot be used; the message says what to fix."""


class GalatOpsi(GalatData):
    """A view setting given on the command line that the view state parser refuses (CLI exit 2).

    The message is the same note the page shows for that value in a URL; a
    scheduled report must not silently change, so the CLI stops instead.
    """

    kode_keluar = 2


@dataclass(frozen=True)
class Masalah:
    """One problem: where it is (file, Excel row, column), the value, and the fix."""

    berkas: str
    pesan: str
    baris: int | None = None
    kolom: str | None = None
    nilai: str | None = None
    tingkat: str = GALAT

    def __str__(self) -> str:
        lokasi = [self.berkas]
        if self.baris is not None:
            lokasi.append(f"baris {self.baris}")
        if self.kolom:
            lokasi.append(f"kolom {self.kolom}")
        label = "GALAT" if self.tingkat == GALAT else "PERINGATAN"
        nilai = f" nilai {self.nilai!r}:" if self.nilai not in (None, "") else ""
        return f"[{label}] {', '.join(lokasi)}:{nilai} {self.pesan}"

    def as_dict(self) -> dict:
        return {
            "berkas": self.berkas,
            "baris": self.baris,
            "kolom": self.kolom,
            "nilai": self.nilai,
            "pesan": self.pesan,
            "tingkat": self.tingkat,
        }


@dataclass
class Laporan:
    """Every problem in a file at once, so a user fixes them in one pass."""

    masalah: list[Masalah] = field(default_factory=list)

    def tambah(self, *args, **kwargs) -> None:
        self.masalah.append(Masalah(*args, **kwargs))

    def gabung(self, other: Laporan) -> None:
        self.masalah.extend(other.masalah)

    @property
    def galat(self) -> list[Masalah]:
        return [m for m in self.masalah if m.tingkat == GALAT]

    @property
    def peringatan(self) -> list[Masalah]:
        return [m for m in self.masalah if m.tingkat == PERINGATAN]

    @property
    def ok(self) -> bool:
        return not self.galat

    def teks(self) -> str:
        """The whole report as plain text lines, errors first."""
        urut = sorted(
            self.masalah,
            key=lambda m: (m.tingkat != GALAT, m.berkas, m.baris or 0, m.kolom or ""),
        )
        return "\n".join(str(m) for m in urut)


def tabel_masalah(laporan: Laporan, id_per_baris: pd.Series | None = None) -> pd.DataFrame:
    """The report as a table for a page: errors first, then warnings, by row; ``id_per_baris`` (row → id) adds an id column."""
    import pandas as pd

    masalah = pd.DataFrame([m.as_dict() for m in laporan.masalah])
    masalah["urut"] = (masalah["tingkat"] != GALAT).astype(int)
    masalah = masalah.sort_values(["urut", "baris"], kind="stable", na_position="first")
    masalah["tingkat"] = masalah["tingkat"].map({GALAT: "GALAT"}).fillna("peringatan")
    masalah["baris"] = masalah["baris"].map(lambda b: "" if pd.isna(b) else str(int(b)))
    masalah["nilai"] = masalah["nilai"].fillna("")
    masalah["kolom"] = masalah["kolom"].fillna("")
    kolom = ["tingkat", "berkas", "baris", "kolom", "nilai", "pesan"]
    if id_per_baris is not None:
        masalah.insert(1, "id_potensi", pd.to_numeric(masalah["baris"], errors="coerce").map(id_per_baris).fillna(""))
        kolom.insert(1, "id_potensi")
    return masalah[kolom].rename(columns={"pesan": "apa yang harus diperbaiki"})
