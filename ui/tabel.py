"""Sortable tables of potentials: a plain DataFrame, formatted by ``column_config``.

No pandas Styler: the browser formats the columns, so a rerun sends the
values once instead of a second, pre-formatted copy of every cell. Dates
stay dates (``DD/MM/YYYY``), so clicking a header sorts them chronologically.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from geo.i18n import t
from geo.masuk.wilayah import Wilayah

_FORMAT_TANGGAL = "DD/MM/YYYY"
# Columns whose values repeat down the table: sent once each, as an Arrow dictionary.
_BERULANG = ("nama_kim", "kelurahan", "kecamatan", "kategori_potensi", "status_aktivitas", "status_tercatat")
_KOSAKATA = ("kategori_potensi", "status_aktivitas", "status_tercatat")  # the region's vocabulary


def _arrow_ringkas(data: pd.DataFrame) -> pa.Table:
    """The table as the browser gets it, about a third smaller than pandas' own conversion (issue #26):
    no pandas metadata (1.7 KB, of no use to the grid: the index is hidden), 32-bit string offsets,
    repeated names once each. Values and their order are unchanged."""
    tabel = pa.Table.from_pandas(data, preserve_index=False).replace_schema_metadata(None)
    kolom = []
    for nama, isi in zip(tabel.column_names, tabel.columns):
        if pa.types.is_large_string(isi.type) or pa.types.is_string(isi.type):
            isi = isi.cast(pa.string())
            if nama in _BERULANG:
                isi = isi.dictionary_encode()
        kolom.append(isi)
    return pa.table(kolom, names=tabel.column_names)


def kolom_kosakata(nilai: pd.Series, wilayah: Wilayah, bahasa: str) -> pd.Series:
    """A column of the region's words (category, status, activity type) as the reader reads them
    (``Wilayah.label``), looked up once per distinct value; the stored words on an Indonesian page."""
    if bahasa != "en":
        return nilai
    return nilai.map({v: wilayah.label(v, bahasa) for v in nilai.dropna().unique()})


def gambar_tabel_potensi(potensi: pd.DataFrame, kolom: list[str], bahasa: str, key: str, wilayah: Wilayah,
                         tinggi: int | str = "auto") -> None:
    """A sortable table with headers in ``bahasa``, categories and statuses as its reader reads them
    (``Wilayah.label``); numbers and dates keep their true type."""
    kolom = [k for k in kolom if k in potensi.columns]
    data = potensi[kolom].reset_index(drop=True)
    for k in _KOSAKATA:
        if k in data:
            data[k] = kolom_kosakata(data[k], wilayah, bahasa)
    if "kontak" in data:
        data["kontak"] = data["kontak"].fillna("")
    # The first column names the row: pinned, so a table wider than a 1366 px laptop scrolls
    # sideways (to the status) without losing which row is which.
    konfigurasi: dict[str, object] = {k: st.column_config.Column(t(k, bahasa), pinned=k == kolom[0] or None) for k in kolom}
    if "kegiatan_terakhir" in data:
        konfigurasi["kegiatan_terakhir"] = st.column_config.DateColumn(t("kegiatan_terakhir", bahasa), format=_FORMAT_TANGGAL)
    if "jumlah_anggota" in data:
        konfigurasi["jumlah_anggota"] = st.column_config.NumberColumn(t("jumlah_anggota", bahasa), format="%d")
    st.dataframe(_arrow_ringkas(data), hide_index=True, width="stretch", height=tinggi, key=key, column_config=konfigurasi)
