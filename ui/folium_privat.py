"""The private streamlit-folium helpers the live map relies on, wrapped in this one place.

``st_folium`` re-renders the whole map on every rerun; the live map
(``ui.peta``) renders the base map once and sends only a small update, which
needs the component and the render helpers streamlit-folium keeps private
(the component's name and files, ``_get_html``, ``_get_header``, ``_get_map_string``,
``get_full_id``, ``generate_js_hash``). They may change in any release, so:

* the version is pinned in ``requirements.txt`` and checked here
  (:data:`VERSI_DIUJI`); another version still runs but says so in the log;
* the test that breaks first when they change is
  ``tests/halaman/test_dashboard.py::test_filter_metrik_kelas_tidak_memuat_ulang_peta``
  (same script and key across reruns, only the update differs), then
  ``tests/peta/test_peta_hidup.py`` (the base script is deterministic).

A page that only updates a map (every click, and a fresh server whose base map is
in the disk cache, ``ui.peta``) never imports streamlit-folium or folium: together
0.3 s of CPU, more than the rest of a first page (issue #26). The component is
registered here under streamlit-folium's own name and frontend files, as its module
would register it on import, so the browser side and ``iframe[title=...]`` are the same.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from streamlit import config as st_config
from streamlit.components.v1.custom_component import CustomComponent
from streamlit.runtime import get_instance
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from geo.peta.aset import skrip_pramuat

if TYPE_CHECKING:
    import folium

VERSI_DIUJI = "0.27.4"
# The name streamlit-folium's module declares its component under (module name + "st_folium").
NAMA_KOMPONEN = "streamlit_folium.st_folium"
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


def argumen_dasar(peta: folium.Map, kunci: str, tulis_skrip: Callable[[str], str] | None = None,
                  data: tuple[str, ...] = ()) -> dict:
    """The component arguments of a rendered base map, as ``st_folium`` computes them.

    With ``tulis_skrip`` (script → its URL) the script and the header travel as a static file loaded after the
    other ``js_links``: the frontend loads those before it runs ``script``, and runs ``script``
    only when it creates the map, so an empty one is never missed (streamlit-folium 0.27).
    The key still hashes the whole script: another base map is another component.
    A preloader goes first in ``js_links`` (:func:`geo.peta.aset.skrip_pramuat`): the other scripts, the
    styles and the map's ``data`` files are then fetched together, not one after another.
    """

    import streamlit_folium as _sf  # with folium: only when a base map is rendered

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
    if hasil["js_links"]:
        pramuat = skrip_pramuat(hasil["js_links"][1:], hasil["css_links"], data)
        hasil["js_links"] = [pramuat, *hasil["js_links"]]
    return hasil


def tampilkan_komponen(dasar: dict, kelompok: str, tinggi: int, saat_berubah: Callable[[], None],
                       zoom: float | None = None, center: list[float] | None = None) -> object:
    """The streamlit-folium component with the base map and this rerun's update (``feature_group``).

    ``zoom``/``center`` are set on the map whenever they differ from the last ones given; the map
    reports its own ``zoom`` and ``center`` after each pan or zoom (debounced), besides clicks.
    """
    return _komponen()(
        script=dasar["script"], header=dasar["header"], html=dasar["html"], id=dasar["id"], key=dasar["kunci"],
        height=tinggi, width=None, returned_objects=["last_object_clicked", "zoom", "center", "bounds"],
        default={"last_object_clicked": None, "zoom": None, "center": None, "bounds": None},
        zoom=zoom, center=center, feature_group=kelompok, return_on_hover=False, layer_control=None,
        pixelated=False, css_links=dasar["css_links"], js_links=dasar["js_links"], on_change=saat_berubah,
        wrap_longitude=False,
    )


@functools.cache
def _buat_komponen() -> CustomComponent:
    """streamlit-folium's component, found without importing the package (its __init__ imports folium)."""
    spec = importlib.util.find_spec("streamlit_folium")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("streamlit-folium tidak terpasang: pasang dengan pip install -r requirements.txt")
    periksa_versi()
    build = Path(spec.origin).parent / "frontend" / "build"
    dasar_url = st_config.get_option("server.customComponentBaseUrlPath")
    url = f"{dasar_url}/{NAMA_KOMPONEN}/" if dasar_url else None
    return CustomComponent(name=NAMA_KOMPONEN, path=str(build), url=url, module_name="streamlit_folium")


def _komponen() -> CustomComponent:
    """The component, registered with this server (as ``declare_component`` does) so it serves the frame's files.

    An equal component registered again (streamlit-folium imported by another page) changes nothing.
    """
    komponen = _buat_komponen()
    if get_script_run_ctx() is not None:
        registri = get_instance().component_registry
        if registri.get_component_path(NAMA_KOMPONEN) != komponen.abspath:
            registri.register_component(komponen)
    return komponen
