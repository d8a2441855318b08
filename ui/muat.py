"""Loading the dataset once per data version, not once per click, from whichever store is set up."""

from __future__ import annotations

import streamlit as st

from geo import config
from geo.masuk.dataset import Dataset
from geo.simpan.gudang import Gudang, GudangBerkas, pilih_gudang


@st.cache_resource(show_spinner=False)
def _gudang_bersama(url: str) -> Gudang:
    """One PostgreSQL store, hence one connection pool, per server process."""
    return pilih_gudang(url=url)


def gudang() -> Gudang:
    """The store the page reads and saves through (files unless a database URL is set)."""
    url = config.url_database()
    return _gudang_bersama(url) if url else GudangBerkas()


@st.cache_data(show_spinner=False, max_entries=8)
def _muat(_gudang: Gudang, versi: tuple) -> Dataset:
    return _gudang.muat()


def muat() -> Dataset:
    """The dataset, cached on the store's version (file mtimes, or the database's last audit entry)."""
    g = gudang()
    return _muat(g, g.versi())
