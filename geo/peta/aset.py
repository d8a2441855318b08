"""Leaflet and its plugins from pip packages, never from a CDN.

Some offices block public CDNs, so the map's JavaScript and CSS come from the
XStatic packages (plus our own ``geo/peta/statis`` files). The page serves copies
under ``static/vendor/`` through Streamlit's static serving; the standalone
HTML export inlines them so the file works with no network at all.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster

from geo.config import PROJECT_DIR
from geo.simpan.berkas import tulis_bytes_atomik

if TYPE_CHECKING:  # folium is imported only where a map is built, not by the page that updates one (issue #26)
    import folium
    from branca.element import Element

DIR_VENDOR = PROJECT_DIR / "static" / "vendor"
DIR_STATIS = Path(__file__).resolve().parent / "statis"
# Streamlit serves <app dir>/static/* at <base>/app/static/*.
URL_DASAR = "/app/static/vendor"

_SOURCEMAP = re.compile(r"^\s*//# sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", re.MULTILINE)


@dataclass(frozen=True)
class Aset:
    """One file the map needs: where it comes from and its path under vendor/."""

    nama: str
    sumber: Path
    relatif: str

    @property
    def jenis(self) -> str:
        return "css" if self.relatif.endswith(".css") else "js" if self.relatif.endswith(".js") else "lain"


_LEAFLET = Path(xs_leaflet.BASE_DIR)
_CLUSTER = Path(xs_cluster.BASE_DIR)
VERSI_LEAFLET = xs_leaflet.VERSION

# Order matters: folium and st_folium load scripts in this order. No jQuery: folium lists it for
# plugins we never draw (bootstrap, awesome-markers), and nothing of ours uses it (87 KB per visit, #26).
ASET_PETA: tuple[Aset, ...] = (
    Aset("leaflet", _LEAFLET / "leaflet.js", f"leaflet-{VERSI_LEAFLET}/leaflet.js"),
    Aset("kim_peta", DIR_STATIS / "kim-peta.js", "kim/kim-peta.js"),
    Aset("leaflet_css", _LEAFLET / "leaflet.css", f"leaflet-{VERSI_LEAFLET}/leaflet.css"),
    Aset("kim_peta_css", DIR_STATIS / "kim-peta.css", "kim/kim-peta.css"),
)
ASET_KLASTER: tuple[Aset, ...] = (
    Aset("markercluster", _CLUSTER / "leaflet.markercluster.js", f"markercluster-{xs_cluster.VERSION}/leaflet.markercluster.js"),
    Aset("markercluster_css", _CLUSTER / "MarkerCluster.css", f"markercluster-{xs_cluster.VERSION}/MarkerCluster.css"),
    Aset("markercluster_default_css", _CLUSTER / "MarkerCluster.Default.css", f"markercluster-{xs_cluster.VERSION}/MarkerCluster.Default.css"),
)
# Referenced by leaflet.css (layer-control icon); copied next to it.
ASET_GAMBAR: tuple[Aset, ...] = tuple(
    Aset(f"leaflet_{n}", _LEAFLET / "images" / f"{n}.png", f"leaflet-{VERSI_LEAFLET}/images/{n}.png") for n in ("layers", "layers-2x")
)
SEMUA_ASET = ASET_PETA + ASET_KLASTER + ASET_GAMBAR


def isi_aset(aset: Aset) -> bytes:
    """The bytes served for an asset (source maps references stripped)."""
    data = aset.sumber.read_bytes()
    if aset.jenis in ("js", "css"):
        # Source maps are not shipped; a dangling reference only makes noise in devtools.
        data = _SOURCEMAP.sub("", data.decode("utf-8")).encode("utf-8")
    return data


def siapkan(tujuan: Path | str | None = None) -> Path:
    """Copy the assets into ``static/vendor`` (idempotent, safe when run concurrently).

    Each file is written to a temporary name and renamed, so a browser never
    receives half a file while another server process is starting.
    """
    tujuan = Path(tujuan) if tujuan else DIR_VENDOR
    for aset in SEMUA_ASET:
        target = tujuan / aset.relatif
        data = isi_aset(aset)
        if target.exists() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        tulis_bytes_atomik(target, data)
    return tujuan


@cache
def _versi_isi(aset: Aset) -> str:
    """A short digest of what is served for ``aset``."""
    import hashlib

    return hashlib.sha256(isi_aset(aset)).hexdigest()[:12]


def url_aset(dasar: str = URL_DASAR) -> dict[str, str]:
    """Asset name → URL under ``dasar`` (e.g. ``/app/static/vendor`` or with a base path).

    Our own files keep one path across releases, and Streamlit serves them without ``Cache-Control``, so a
    browser may reuse an old copy for a while after an upgrade: their URL names their content (``?v=``).
    The vendored ones have their version in the path."""
    dasar = dasar.rstrip("/")
    return {a.nama: f"{dasar}/{a.relatif}" + (f"?v={_versi_isi(a)}" if a.sumber.parent == DIR_STATIS else "")
            for a in SEMUA_ASET}


def skrip_pramuat(skrip: Sequence[str], gaya: Sequence[str], data: Sequence[str]) -> str:
    """A ``data:`` script that asks the browser for every file of a map at once (``<link rel=preload>``).

    streamlit-folium loads a map's scripts one after another, each when the one before has run, then its
    styles, and our script fetches the map's data last: five round trips in a row, which a phone on a poor
    signal feels most (issue #26). Put first in ``js_links``, this starts them all together; it needs no
    request of its own. The data is fetched here, and ``kim-peta.js`` takes the pending answer
    (``window.__kimPramuat``) instead of asking again.
    """
    daftar = [["script", u] for u in skrip] + [["style", u] for u in gaya]
    js = ("(function(){var d=document,w=window;w.__kimPramuat=w.__kimPramuat||{};"
          + json.dumps(daftar, ensure_ascii=True, separators=(",", ":")) + ".forEach(function(p){"
          "var l=d.createElement('link');l.rel='preload';l.as=p[0];l.href=p[1];d.head.appendChild(l);});"
          + json.dumps(list(data), ensure_ascii=True, separators=(",", ":")) + ".forEach(function(u){"
          "w.__kimPramuat[u]=fetch(u,{credentials:'same-origin'});});})();")
    return "data:text/javascript;charset=utf-8," + quote(js, safe="")


def url_dasar(base_url_path: str = "") -> str:
    """The vendor URL when Streamlit runs under ``server.baseUrlPath``."""
    base = base_url_path.strip("/")
    return f"/{base}{URL_DASAR}" if base else URL_DASAR


def _tautan(aset: tuple[Aset, ...], jenis: str, url: dict[str, str]) -> list[tuple[str, str]]:
    return [(a.nama, url[a.nama]) for a in aset if a.jenis == jenis]


@cache
def _css_inline(nama: str) -> str:
    aset = next(a for a in SEMUA_ASET if a.nama == nama)
    css = isi_aset(aset).decode("utf-8")

    def ganti(m: re.Match) -> str:
        relatif = m.group(1).strip("'\"")
        gambar = aset.sumber.parent / relatif
        if relatif.startswith(("#", "data:")) or not gambar.name.startswith("layers"):
            # Default marker-icon images are never used; do not point at a guessed path.
            return m.group(0) if relatif.startswith(("#", "data:")) else "none"
        return f"url(data:image/png;base64,{base64.b64encode(gambar.read_bytes()).decode('ascii')})"

    return re.sub(r"url\(([^)]*)\)", ganti, css)


@cache
def _js_inline(nama: str) -> str:
    aset = next(a for a in SEMUA_ASET if a.nama == nama)
    # "</script" inside an inline script would end it early.
    return isi_aset(aset).decode("utf-8").replace("</script", "<\\/script")


def teks_inline(klaster: bool = False) -> str:
    """All map JS and CSS as ``<style>``/``<script>`` tags, for a file with no links."""
    aset = ASET_PETA + (ASET_KLASTER if klaster else ())
    bagian = [f"<style>/* {a.nama} */\n{_css_inline(a.nama)}</style>" for a in aset if a.jenis == "css"]
    bagian += [f"<script>/* {a.nama} */\n{_js_inline(a.nama)}</script>" for a in aset if a.jenis == "js"]
    return "\n".join(bagian)


def _semua_elemen(elemen: Element):
    yield elemen
    for anak in list(getattr(elemen, "_children", {}).values()):
        yield from _semua_elemen(anak)


def pasang(peta: folium.Map, mode: str = "url", dasar: str = URL_DASAR, klaster: bool = False) -> folium.Map:
    """Point every folium element at our assets and drop folium's CDN defaults.

    ``mode="url"`` links to the files served by the app; ``mode="inline"``
    embeds them (for the standalone HTML). Any other link an element brings
    (bootstrap, font-awesome, awesome-markers...) is removed: nothing we draw
    needs it, and a blocked CDN would stall the page.
    """
    import folium.elements

    if mode not in ("url", "inline"):
        raise ValueError(f"mode_aset '{mode}' tidak dikenal. Pilihan: url, inline.")
    for el in _semua_elemen(peta):
        if isinstance(el, folium.elements.JSCSSMixin):
            el.default_js = []
            el.default_css = []
    if mode == "url":
        url = url_aset(dasar)
        aset = ASET_PETA + (ASET_KLASTER if klaster else ())
        peta.default_js = _tautan(aset, "js", url)
        peta.default_css = _tautan(aset, "css", url)
    else:
        from geo.peta.aset_inline import AsetInline

        peta.add_child(AsetInline(klaster), name="kim_aset_inline")
    return peta
