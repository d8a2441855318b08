"""The last line of defence of every page: an unexpected error is a message, never a traceback."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from geo.i18n import t
from ui.filter import bahasa_aktif
from ui.md import aman_md
from ui.soket import tanpa_nagle

T = TypeVar("T")


def jalankan_halaman(halaman: Callable[[], T]) -> T | None:
    """Run ``halaman`` and return what it returns (None after an error, shown in words);
    ``KIM_DEBUG=1`` lets developers see the full traceback instead."""
    tanpa_nagle()  # once per server process (ui/soket.py)
    try:
        return halaman()
    except Exception as exc:
        if os.environ.get("KIM_DEBUG"):
            raise
        st.error(t("galat_tak_terduga", bahasa_aktif(), pesan=aman_md(f"{exc.__class__.__name__}: {exc}")))
        return None
