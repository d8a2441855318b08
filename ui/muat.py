"""Loading the dataset once per data version, not once per click, from whichever store is set up."""

from __future__ import annotations

import streamlit as st

from geo import config
from geo.masuk.dataset import Dataset
from geo.simpan.gudang import Gudang, GudangBerkas, pilih_gudang
from geo.tampilan import indeks
from geo.tampilan.tingkat import siapkan_tingkat
from ui.beku import muat_beku
from ui.filter import catat_laporan_tidak_sah
from ui.ingatan import Ingatan


@st.cache_resource(show_spinner=False)
def _gudang_bersama(url: str) -> Gudang:
    """One PostgreSQL store, hence one connection pool, per server process."""
    return pilih_gudang(url=url)


def gudang() -> Gudang:
    """The store the page reads and saves through (files unless a database URL is set)."""
    url = config.url_database()
    return _gudang_bersama(url) if url else GudangBerkas()


# A resource, not cache_data: one shared immutable Dataset instead of an unpickled copy per rerun.
# The spinner shows only while a new data version loads (a province takes seconds), never on reruns.
@st.cache_resource(show_spinner="Memuat dan memeriksa data wilayah…", max_entries=8)
def _muat(_gudang: Gudang, versi: tuple) -> Dataset:
    return muat_beku(lambda: _muat_dan_siapkan(_gudang, versi))  # out of the garbage collector's full walks (ui/beku.py)


def _muat_dan_siapkan(g: Gudang, versi: tuple) -> Dataset:
    dataset = g.muat()
    dataset.indeks.versi_gudang = versi  # the page's static map file keys on it when the data is not in files (ui/peta.py)
    if dataset.ok:
        siapkan_tingkat(dataset)  # dissolve the kab/kota and kecamatan once, inside the cached value
        indeks.siapkan(dataset)  # and the codes a filter click or a drill-down looks up
    return dataset


# The datasets of the last versions loaded in this process, looked up before Streamlit's cache (ui/ingatan.py).
_segar: Ingatan[Dataset] = Ingatan(2)


@st.cache_resource(show_spinner=False)
def _terakhir_sah() -> dict[str, Dataset]:
    """The last valid dataset per store, shared by every session of this server."""
    return {}


def muat(terakhir_sah: bool = True) -> Dataset:
    """The dataset, cached on the store's version (file mtimes, or the database's last audit entry).

    When the stored data has become invalid (edited by hand), visitors keep the last
    valid version (``terakhir_sah``) and the invalid one's report waits in the session
    for editors (:func:`ui.filter.laporan_tidak_sah`). The editing page asks
    for the stored data as it is (``terakhir_sah=False``), so it can be fixed.
    """
    g = gudang()
    kunci, versi = g.keterangan(), g.versi()
    dataset = _segar.ambil((kunci, versi), lambda: _muat_baru(g, kunci, versi))
    if dataset.ok:
        catat_laporan_tidak_sah(None)
        return dataset
    simpanan = _terakhir_sah()
    if not terakhir_sah or kunci not in simpanan:
        return dataset
    catat_laporan_tidak_sah(dataset.laporan)
    return simpanan[kunci]


def _muat_baru(g: Gudang, kunci: str, versi: tuple) -> Dataset:
    dataset = _muat(g, versi)
    if dataset.ok:
        _terakhir_sah()[kunci] = dataset
    return dataset


def lupakan() -> None:
    """Drop every cached dataset (after a save), so no session keeps the old file's data.

    The last valid version stays: it is what visitors see if the next load fails.
    """
    _segar.lupakan()
    _muat.clear()
