"""Photos on the page: served by the app itself from ``static/foto/`` (a mirror of ``data/foto/``)."""

from __future__ import annotations

import streamlit as st

from geo.masuk.dataset import Dataset
from geo.peta import aset
from geo.simpan.foto import salin_ke_statis

DIR_FOTO_STATIS = aset.PROJECT_DIR / "static" / "foto"


def siapkan_foto(dataset: Dataset) -> None:
    """Copy new or changed photos where Streamlit serves them; a read-only install just shows none."""
    try:
        salin_ke_statis(dataset.path_kim, DIR_FOTO_STATIS)
    except OSError as exc:
        st.caption(f"Foto tidak dapat disiapkan untuk ditampilkan ({exc}).")
