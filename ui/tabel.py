"""Sortable tables of potentials: Indonesian display, true values for sorting."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import format_id
from geo.i18n import t


def gambar_tabel_potensi(potensi: pd.DataFrame, kolom: list[str], bahasa: str, key: str, tinggi: int | str = "auto") -> None:
    """A sortable table; dates read "13 Juli 2022" but sort by date.

    A pandas Styler only changes what is displayed, so clicking a column
    header still sorts dates chronologically and numbers numerically.
    """
    kolom = [k for k in kolom if k in potensi.columns]
    data = potensi[kolom].reset_index(drop=True)
    if "kontak" in data:
        data["kontak"] = data["kontak"].fillna("")
    gaya = data.style.format(
        {
            "kegiatan_terakhir": lambda v: format_id.tanggal(v, bahasa),
            "jumlah_anggota": lambda v: format_id.angka(v, bahasa=bahasa),
        },
        na_rep="–",
    )
    st.dataframe(
        gaya,
        hide_index=True,
        width="stretch",
        height=tinggi,
        key=key,
        column_config={k: st.column_config.Column(t(k, bahasa)) for k in kolom},
    )
