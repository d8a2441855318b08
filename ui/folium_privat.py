"""The private streamlit-folium helpers the live map relies on, wrapped in this one place.

``st_folium`` re-renders the whole map on every rerun; the live map
(``ui.peta``) renders the base map once and sends only a small update, which
needs the component and the render helpers streamlit-folium keeps private
(``_component_func``, ``_get_html``, ``_get_header``, ``_get_map_string``,
``get_full_id``, ``generate_js_hash``). They may change in any release, so:

* the version is pinned in ``requirements.txt`` and checked here
  (:data:`VERSI_DIUJI`); another version still runs but says so in the log;
* the test that breaks first when they change is
  ``tests/halaman/test_dashboard.py::test_filter_metrik_kelas_tidak_memuat_ulang_peta``
  (same script and key across reruns, only the update differs), then
  ``tests/peta/test_peta_hidup.py`` (the base script is deterministic).
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
from collections.abc import Callable

import folium
import streamlit_folium as _sf

VERSI_DIUJI = "0.27.4"
_log = logging.getLogger(__name__)


def versi_terpasang() -> str:
    try:
        return importlib.metadata.version("streamlit-folium")
    except importlib.metadata.PackageNotFoundError:
        return "?"


def periksa_versi() -> bool:
    """True on the version the live map was tested with; otherwise a warning in the server log."""
    versi = versi_terpasang()
    if versi != VERSI_DIUJI:
        _log.warning("streamlit-folium %s terpasang; peta hidup diuji dengan %s (lihat ui/folium_privat.py).", versi, VERSI_DIUJI)
        return False
    return True


def argumen_dasar(peta: folium.Map, kunci: str, tulis_skrip: Callable[[str], str] | None = None) -> dict:
    """The component arguments of a rendered base map, as ``st_folium`` computes them.

    With ``tulis_skrip`` (script → its URL) the script and the header travel as a static file loaded after the
    other ``js_links``: the frontend loads those before it runs ``script``, and runs ``script``
    only when it creates the map, so an empty one is never missed (streamlit-folium 0.27).
    The key still hashes the whole script: another base map is another component.
    """
    peta.get_root().render()
    script = _sf._get_map_string(peta)
    js_links = [s for _, s in peta.default_js]
    hasil = {
        "script": script, "header": " ".join(_sf._get_header(peta).split()), "html": _sf._get_html(peta),
        "id": _sf.get_full_id(peta), "css_links": [h for _, h in peta.default_css], "js_links": js_links,
        "kunci": _sf.generate_js_hash(script, kunci, False),
    }
    if tulis_skrip is not None:
        # The header (meta tags and the map's styles) is needed once too: the file adds it to the frame.
        kepala = f"document.head.insertAdjacentHTML('beforeend', {json.dumps(hasil['header'])});\n"
        hasil.update(script="", header="", js_links=[*js_links, tulis_skrip(kepala + script)])
    return hasil


def tampilkan_komponen(dasar: dict, kelompok: str, tinggi: int, saat_berubah: Callable[[], None],
                       zoom: float | None = None, center: list[float] | None = None) -> object:
    """The streamlit-folium component with the base map and this rerun's update (``feature_group``).

    ``zoom``/``center`` are set on the map whenever they differ from the last ones given; the map
    reports its own ``zoom`` and ``center`` after each pan or zoom (debounced), besides clicks.
    """
    return _sf._component_func(
        script=dasar["script"], header=dasar["header"], html=dasar["html"], id=dasar["id"], key=dasar["kunci"],
        height=tinggi, width=None, returned_objects=["last_object_clicked", "zoom", "center", "bounds"],
        default={"last_object_clicked": None, "zoom": None, "center": None, "bounds": None},
        zoom=zoom, center=center, feature_group=kelompok, return_on_hover=False, layer_control=None,
        pixelated=False, css_links=dasar["css_links"], js_links=dasar["js_links"], on_change=saat_berubah,
        wrap_longitude=False,
    )


periksa_versi()
