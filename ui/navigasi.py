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
            st.page_link("pages/3_Profil_KIM.py", label="Profil KIM", icon=":material/groups:")
            st.page_link("pages/1_Kelola_Data.py", label="Kelola Data", icon=":material/edit_note:")
        except StreamlitPageNotFoundError:
            return  # a page run on its own (e.g. under AppTest) has no app around it to link to
        st.divider()
