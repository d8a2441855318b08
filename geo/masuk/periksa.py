"""The one way a KIM table is read and validated, wherever it comes from.

Loading the dashboard, checking an upload, previewing a backup and the
last check before a save all call :func:`baca_dan_validasi`, so whatever
passes one of them passes all: a file the app saves always loads.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.galat import Laporan
from geo.masuk import skema
from geo.masuk.baca import KOLOM_BARIS, baca_bytes
from geo.masuk.referensi import Referensi
from geo.masuk.validasi import validasi_kim
from geo.masuk.wilayah import Wilayah

EKSTENSI_EXCEL = frozenset({".xlsx", ".xlsm"})


def tabel_kosong() -> pd.DataFrame:
    """A typed KIM table with no rows (what an unreadable file yields)."""
    return pd.DataFrame(columns=[*skema.KOLOM_KIM, KOLOM_BARIS])


def baca_dan_validasi(
    data: bytes,
    nama: str,
    referensi: Referensi,
    wilayah: Wilayah,
    batas: gpd.GeoDataFrame | None = None,
    excel: bool | None = None,
) -> tuple[pd.DataFrame | None, Laporan]:
    """Bytes → typed table and one report (file problems first, then every row's).

    The table is None when the bytes are not a readable table at all;
    otherwise it is only meaningful when the report is ok. ``excel`` None
    means: from the name's suffix, else sniffed from the bytes.
    """
    laporan = Laporan()
    if excel is None and Path(nama).suffix.lower() in EKSTENSI_EXCEL:
        excel = True
    mentah = baca_bytes(data, nama, laporan, excel=excel)
    if mentah is None:
        return None, laporan
    batas = batas if batas is not None and len(batas) else None
    tabel, laporan_kim = validasi_kim(mentah, nama, referensi, wilayah, batas)
    laporan.gabung(laporan_kim)
    return tabel, laporan


def baca_dan_validasi_berkas(
    path: Path | str, referensi: Referensi, wilayah: Wilayah, batas: gpd.GeoDataFrame | None = None
) -> tuple[pd.DataFrame | None, Laporan]:
    """:func:`baca_dan_validasi` on a file; a file that cannot be opened is reported, not raised."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        laporan = Laporan()
        laporan.tambah(path.name, f"Berkas tidak dapat dibuka ({exc.strerror or exc}). Periksa lokasi berkas.")
        return None, laporan
    return baca_dan_validasi(data, path.name, referensi, wilayah, batas, excel=path.suffix.lower() in EKSTENSI_EXCEL)
