"""Loading the dataset once per data version, not once per click."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from geo import config
from geo.masuk.dataset import Dataset, muat_dataset


def _sidik(path: Path) -> tuple[str, int, int]:
    """Path, mtime and size: a changed file is a new cache entry."""
    try:
        s = path.stat()
        return (str(path), s.st_mtime_ns, s.st_size)
    except OSError:
        return (str(path), -1, -1)


@st.cache_data(show_spinner=False, max_entries=8)
def _muat(kim: tuple, batas: tuple, referensi: tuple, wilayah: tuple, kegiatan: tuple = ("", -1, -1)) -> Dataset:
    return muat_dataset(kim[0], batas[0], referensi[0], wilayah[0], kegiatan[0] or None)


def muat() -> Dataset:
    """The dataset named by ``KIM_CSV``/``KIM_BOUNDARIES``/... (cached on path+mtime)."""
    return _muat(
        _sidik(config.path_kim()), _sidik(config.path_batas()), _sidik(config.path_referensi()), _sidik(config.path_wilayah()),
        _sidik(config.path_kegiatan()),
    )
