"""Sidebar menu shared by both pages.

Streamlit would label the main page after its file ("dashboard"); officials
should read what the page is, so the automatic menu is off in
``.streamlit/config.toml`` and this one is drawn instead.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError


def menu() -> None:
    """Links to the map and to data management, at the top of the sidebar."""
    with st.sidebar:
        try:
            st.page_link("dashboard.py", label="Peta Potensi KIM", icon=":material/map:")
            st.page_link("pages/2_Anggaran.py", label="Anggaran", icon=":material/payments:")
            st.page_link("pages/1_Kelola_Data.py", label="Kelola Data", icon=":material/edit_note:")
            st.page_link("pages/3_Lapor.py", label="Lapor Kegiatan", icon=":material/add_a_photo:")
            st.page_link("pages/4_Akun.py", label="Akun", icon=":material/group:")
        except StreamlitPageNotFoundError:
            return  # a page run on its own (e.g. under AppTest) has no app around it to link to
        st.divider()


def tautan(halaman: str, label: str, icon: str | None = None) -> None:
    """A link to another page of the app (nothing when the page runs on its own, e.g. under AppTest)."""
    try:
        st.page_link(halaman, label=label, icon=icon)
    except StreamlitPageNotFoundError:
        return
