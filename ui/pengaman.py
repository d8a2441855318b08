"""The last line of defence of every page: an unexpected error is a message, never a traceback."""

from __future__ import annotations

import os
from collections.abc import Callable

import streamlit as st

from geo.i18n import t
from ui.filter import bahasa_aktif
from ui.md import aman_md
from ui.soket import tanpa_nagle


def jalankan_halaman(halaman: Callable[[], None]) -> None:
    """Run ``halaman``; ``KIM_DEBUG=1`` lets developers see the full traceback instead."""
    tanpa_nagle()  # once per server process (ui/soket.py)
    try:
        halaman()
    except Exception as exc:
        if os.environ.get("KIM_DEBUG"):
            raise
        st.error(t("galat_tak_terduga", bahasa_aktif(), pesan=aman_md(f"{exc.__class__.__name__}: {exc}")))
