"""A validation report on the page: every problem, its full fix text, readable.

Shared by the map page (invalid data) and Kelola Data (edits and uploads), so
an officer reads problems the same way everywhere. Messages wrap instead of
being cut off: the fix is the part that matters.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.galat import Laporan, tabel_masalah
from geo.i18n import t
from ui.md import aman_md
from ui.navigasi import bahasa_halaman

# Above this many problems a static table gets long; a scrolling one is used instead.
BARIS_TABEL_STATIS = 200


def tabel_laporan(laporan: Laporan, id_per_baris: pd.Series | None = None) -> None:
    """Errors first, then warnings, by row; the whole report as text below."""
    if not laporan.masalah:
        return
    tabel = tabel_masalah(laporan, id_per_baris)
    if len(tabel) <= BARIS_TABEL_STATIS:
        # st.table renders Markdown in cells; file names and values are data, so plain text.
        st.table(tabel.map(aman_md).set_index("tingkat"))
    else:
        st.caption(t("lap_masalah", bahasa_halaman(), n=len(tabel)))
        st.dataframe(tabel, hide_index=True, width="stretch")
    with st.expander(t("lap_teks", bahasa_halaman())):
        st.code(laporan.teks(), language=None, wrap_lines=True)
