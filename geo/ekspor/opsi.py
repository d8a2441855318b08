"""Export options shared by the page and the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo.galat import GalatData
from geo.masuk.wilayah import Wilayah
from geo.tampilan.kelas import JUMLAH_KELAS_BAWAAN, JUMLAH_KELAS_MAX, JUMLAH_KELAS_MIN, SKEMA_BAWAAN, SKEMA_KELAS
from geo.tampilan.metrik import METRIK_BAWAAN, label_metrik

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
    """How to make a file; the view itself comes from the :class:`~geo.tampilan.susun.Tampilan`.

    ``metrik``/``skema``/``jumlah_kelas`` must match the page's choropleth so
    the printed colours equal the screen's. An empty ``judul`` means "generate
    it from the filters". ``tanggal`` is fixed in tests; None means today.
    """

    metrik: str = METRIK_BAWAAN
    skema: str = SKEMA_BAWAAN
    jumlah_kelas: int = JUMLAH_KELAS_BAWAAN
    judul: str = ""
    ukuran: str = UKURAN_BAWAAN
    dpi: int = DPI_BAWAAN
    basemap: bool = False
    pemisah: str = ","
    tanggal: dt.date | None = None
    peta_dasar: str = "osm"  # HTML only: the page's basemap choice (see geo.peta.BASEMAP)
    bahasa: str = "id"  # HTML only: the page's language

    def hari(self) -> dt.date:
        return self.tanggal or dt.date.today()

    def periksa(self, wilayah: Wilayah) -> None:
        """Reject options no export can honour, with the valid choices in the message."""
        label_metrik(self.metrik, wilayah)
        if self.skema not in SKEMA_KELAS:
            raise GalatData(f"Skema kelas '{self.skema}' tidak dikenal. Pilihan: {', '.join(SKEMA_KELAS)}.")
        if not JUMLAH_KELAS_MIN <= self.jumlah_kelas <= JUMLAH_KELAS_MAX:
            raise GalatData(f"Jumlah kelas harus {JUMLAH_KELAS_MIN} sampai {JUMLAH_KELAS_MAX}, bukan {self.jumlah_kelas}.")
        if self.ukuran not in UKURAN_KERTAS_MM:
            raise GalatData(f"Ukuran kertas '{self.ukuran}' tidak dikenal. Pilihan: {', '.join(UKURAN_KERTAS_MM)}.")
        if self.dpi not in DPI_DIDUKUNG:
            raise GalatData(f"Resolusi {self.dpi} dpi tidak didukung. Pilihan: {', '.join(map(str, DPI_DIDUKUNG))}.")
        if self.pemisah not in PEMISAH_DIDUKUNG:
            raise GalatData(f"Pemisah kolom '{self.pemisah}' tidak didukung. Gunakan ',' atau ';'.")
