"""Export options shared by the page and the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo.galat import GalatData
from geo.masuk.wilayah import Wilayah
from geo.tampilan.keadaan import Keadaan, periksa_opsi
from geo.tampilan.kelas import JUMLAH_KELAS_BAWAAN, SKEMA_BAWAAN
from geo.tampilan.metrik import METRIK_BAWAAN

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

    @classmethod
    def dari_keadaan(cls, keadaan: Keadaan, **lain: object) -> OpsiEkspor:
        """The export options of the view the page shows (its map settings), plus file choices."""
        return cls(metrik=keadaan.metrik, skema=keadaan.skema, jumlah_kelas=keadaan.kelas, peta_dasar=keadaan.basemap,
                   bahasa=keadaan.bahasa, **lain)  # type: ignore[arg-type]

    def periksa(self, wilayah: Wilayah) -> None:
        """Reject options no export can honour, with the valid choices in the message."""
        periksa_opsi(wilayah, self.metrik, self.skema, self.jumlah_kelas, self.peta_dasar, self.bahasa)
        if self.ukuran not in UKURAN_KERTAS_MM:
            raise GalatData(f"Ukuran kertas '{self.ukuran}' tidak dikenal. Pilihan: {', '.join(UKURAN_KERTAS_MM)}.")
        if self.dpi not in DPI_DIDUKUNG:
            raise GalatData(f"Resolusi {self.dpi} dpi tidak didukung. Pilihan: {', '.join(map(str, DPI_DIDUKUNG))}.")
        if self.pemisah not in PEMISAH_DIDUKUNG:
            raise GalatData(f"Pemisah kolom '{self.pemisah}' tidak didukung. Gunakan ',' atau ';'.")
