"""Loading the dataset once per data version, not once per click."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from geo import config
from geo.masuk.dataset import Dataset, muat_dataset
from geo.simpan.berkas import sidik_cepat
from geo.tampilan.tingkat import siapkan_tingkat


def _sidik(path: Path) -> tuple[str, int, int]:
    """Path, mtime and size: a changed file is a new cache entry."""
    return sidik_cepat(path)[0]


# A resource, not cache_data: one shared immutable Dataset instead of an unpickled copy per rerun.
# The spinner shows only while a new data version loads (a province takes seconds), never on reruns.
@st.cache_resource(show_spinner="Memuat dan memeriksa data wilayah…", max_entries=8)
def _muat(kim: tuple, batas: tuple, referensi: tuple, wilayah: tuple) -> Dataset:
    dataset = muat_dataset(kim[0], batas[0], referensi[0], wilayah[0])
    if dataset.ok:
        siapkan_tingkat(dataset)  # dissolve the kab/kota and kecamatan once, inside the cached value
    return dataset


def muat() -> Dataset:
    """The dataset named by ``KIM_CSV``/``KIM_BOUNDARIES``/... (cached on path+mtime)."""
    return _muat(
        _sidik(config.path_kim()), _sidik(config.path_batas()), _sidik(config.path_referensi()), _sidik(config.path_wilayah())
    )


def lupakan() -> None:
    """Drop every cached dataset (after a save), so no session keeps the old file's data."""
    _muat.clear()
