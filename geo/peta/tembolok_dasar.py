"""Rendered base maps (the map component's arguments) kept in the disk cache (issue #26).

Rendering a base map needs folium and streamlit-folium: 0.3 s of imports in a fresh
process, more than the rest of its first page. What it renders is a pure function of
the static data file (named by its content, :func:`geo.peta.hidup.tulis_statis`), the
base map's settings, what :func:`geo.peta.hidup.ciri_dasar` takes from the data, and
the code and library versions, so it is stored under a key made of those. An entry
whose static files are gone (a cleaned ``static/vendor``) is a miss, as is anything
unreadable: a page never fails because of the cache (:mod:`geo.masuk.tembolok`).
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
from collections.abc import Sequence
from pathlib import Path

from geo.masuk import tembolok

JENIS = "peta-dasar"
_PUSTAKA = ("folium", "branca", "streamlit-folium", "streamlit")


@functools.cache
def _versi(kode: tuple[Path, ...]) -> list:
    """The map modules' and the caller's sources (their identities) and the rendering libraries' versions."""
    folder = Path(__file__).resolve().parent
    berkas = sorted({*folder.glob("*.py"), *folder.glob("statis/*"), *kode})  # statis: their URLs name their content
    pustaka = {}
    for nama in _PUSTAKA:
        try:
            pustaka[nama] = importlib.metadata.version(nama)
        except importlib.metadata.PackageNotFoundError:
            pustaka[nama] = None
    return [[tembolok.identitas(p) for p in berkas], pustaka]


def kunci(berkas_statis: str, *bagian: object, kode: Sequence[Path] = ()) -> str | None:
    """The entry name of a base map drawn from ``berkas_statis`` with the settings ``bagian``
    (JSON-able), by code that includes ``kode``; None when the cache is off."""
    if tembolok.folder() is None:
        return None
    teks = json.dumps([JENIS, _versi(tuple(kode)), berkas_statis, *bagian], ensure_ascii=False, sort_keys=True, default=str)
    return f"{JENIS}-{tembolok.kunci(teks)}"


def baca(nama: str | None, dir_vendor: Path) -> dict | None:
    """The stored arguments, if every static file they name is still under ``dir_vendor``."""
    if nama is None:
        return None
    entri = tembolok.baca_larik_meta(nama, {})
    if entri is None:
        return None
    meta = entri[1]
    argumen, berkas = meta.get("argumen"), meta.get("berkas")
    if not isinstance(argumen, dict) or not isinstance(berkas, list) or not all((dir_vendor / b).is_file() for b in berkas):
        return None
    return argumen


def simpan(nama: str | None, argumen: dict, berkas: Sequence[str]) -> bool:
    """Store ``argumen`` and the static files (relative to ``static/vendor``) they need; False if it cannot."""
    if nama is None:
        return False
    return tembolok.tulis_larik(nama, {}, {"argumen": argumen, "berkas": list(berkas)})
