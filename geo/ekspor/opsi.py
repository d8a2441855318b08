"""File-only export options (paper, dpi, separator, title), shared by the page and the command line.

The view settings (metric, classes, basemap, language, dates) are not here:
they travel in the View (:class:`geo.tampilan.susun.Tampilan`), so a file can
only ever be made of the view it names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo.galat import GalatData

UKURAN_KERTAS_MM: dict[str, tuple[float, float]] = {
    "a4-landscape": (297.0, 210.0),
    "a4-portrait": (210.0, 297.0),
}
UKURAN_BAWAAN = "a4-landscape"
DPI_DIDUKUNG: tuple[int, ...] = (150, 300)
DPI_BAWAAN = 150
PEMISAH_DIDUKUNG = (",", ";")


@dataclass(frozen=True)
class OpsiEkspor:
    """How to make a file of a View; nothing here changes what the view shows.

    An empty ``judul`` means "generate it from the filters". ``basemap`` asks
    PNG/PDF for tiles under the map. ``tanggal`` is fixed in tests; None means today.
    """

    judul: str = ""
    ukuran: str = UKURAN_BAWAAN
    dpi: int = DPI_BAWAAN
    basemap: bool = False
    pemisah: str = ","
    tanggal: dt.date | None = None

    def hari(self) -> dt.date:
        return self.tanggal or dt.date.today()

    def periksa(self) -> None:
        """Reject options no export can honour, with the valid choices in the message."""
        if self.ukuran not in UKURAN_KERTAS_MM:
            raise GalatData(f"Ukuran kertas '{self.ukuran}' tidak dikenal. Pilihan: {', '.join(UKURAN_KERTAS_MM)}.")
        if self.dpi not in DPI_DIDUKUNG:
            raise GalatData(f"Resolusi {self.dpi} dpi tidak didukung. Pilihan: {', '.join(map(str, DPI_DIDUKUNG))}.")
        if self.pemisah not in PEMISAH_DIDUKUNG:
            raise GalatData(f"Pemisah kolom '{self.pemisah}' tidak didukung. Gunakan ',' atau ';'.")
