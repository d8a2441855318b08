"""Photos on the page: served by the app itself from ``static/foto/`` (a mirror of ``data/foto/``)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from geo.i18n import t
from geo.masuk.dataset import Dataset
from geo.peta import aset
from geo.simpan.berkas import sidik_cepat
from geo.simpan.foto import folder_foto, pindahkan_nama_lama, salin_ke_statis
from ui.ingatan import Ingatan
from ui.navigasi import bahasa_halaman

DIR_FOTO_STATIS = aset.PROJECT_DIR / "static" / "foto"


@st.cache_resource(show_spinner=False, max_entries=8)
def _salin(sidik_folder: tuple, path_kim: str, _ids: Callable[[], list[str]]) -> None:  # _ids: not hashed
    pindahkan_nama_lama(path_kim, _ids())  # photos saved before digest names: renamed once, under the photo lock
    salin_ke_statis(path_kim, DIR_FOTO_STATIS)


_disalin: Ingatan[None] = Ingatan(8)  # the folder states copied in this process (ui/ingatan.py)


def siapkan_foto(dataset: Dataset) -> None:
    """Copy new or changed photos where Streamlit serves them; a read-only install just shows none.

    Done once per state of ``data/foto/`` (an upload renames a file into it, which changes the
    folder's mtime), not by looking at every photo on every rerun.
    """
    try:
        potensi = dataset.potensi
        kunci = (sidik_cepat(folder_foto(dataset.path_kim)), str(dataset.path_kim))
        _disalin.ambil(kunci, lambda: _salin(*kunci, lambda: potensi["id_potensi"].astype(str).tolist()))
    except OSError as exc:
        st.caption(t("foto_tak_siap", bahasa_halaman(), pesan=exc))
