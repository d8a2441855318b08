"""The office block (``wilayah.json`` branding) at the top of the page."""

from __future__ import annotations

import streamlit as st

from geo.ekspor.merek import merek
from geo.masuk.dataset import Dataset
from ui.md import aman_md


def kepala_merek(dataset: Dataset) -> None:
    """Logo and office name above the title; nothing when the region has no branding."""
    m = merek(dataset.wilayah)
    if not m.ada:
        return
    if m.logo is not None:
        kiri, kanan = st.columns([0.08, 0.92], vertical_alignment="center")
        with kiri:
            st.image(m.logo_data_uri(), width=56)
        with kanan:
            st.markdown(f"**{aman_md(m.baris())}**")
    else:
        st.markdown(f"**{aman_md(m.baris())}**")
