"""Leaflet & co. come from pip packages, served by the app or inlined: never a CDN."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import folium
import pytest

from geo.peta import aset

_TAUTAN = re.compile(r"<script[^>]*\ssrc=[\"']([^\"']+)|<link[^>]*\shref=[\"']([^\"']+)", re.IGNORECASE)


def _tautan(html: str) -> list[str]:
    return [a or b for a, b in _TAUTAN.findall(html)]


def test_siapkan_menyalin_semua_aset_dan_idempoten(tmp_path):
    tujuan = aset.siapkan(tmp_path / "vendor")
    for a in aset.SEMUA_ASET:
        berkas = tujuan / a.relatif
        assert berkas.is_file() and berkas.stat().st_size > 0, a.relatif
    leaflet = (tujuan / next(a.relatif for a in aset.SEMUA_ASET if a.nama == "leaflet")).read_text()
    assert f'version="{aset.VERSI_LEAFLET}"' in leaflet
    assert "sourceMappingURL" not in leaflet
    waktu = {a.relatif: (tujuan / a.relatif).stat().st_mtime_ns for a in aset.SEMUA_ASET}
    aset.siapkan(tujuan)
    assert waktu == {a.relatif: (tujuan / a.relatif).stat().st_mtime_ns for a in aset.SEMUA_ASET}
    # A damaged copy is repaired on the next start.
    rusak = tujuan / aset.ASET_PETA[0].relatif
    rusak.write_text("rusak")
    aset.siapkan(tujuan)
    assert rusak.read_text() != "rusak"
    assert not list(tujuan.rglob(".tmp-*"))


def test_css_leaflet_merujuk_gambar_yang_disalin(tmp_path):
    tujuan = aset.siapkan(tmp_path / "vendor")
    css = next(a for a in aset.SEMUA_ASET if a.nama == "leaflet_css")
    isi = (tujuan / css.relatif).read_text()
    for rujukan in re.findall(r"url\((images/layers[^)]*)\)", isi):
        assert (tujuan / css.relatif).parent.joinpath(rujukan).is_file()


def test_url_dasar_mengikuti_base_path():
    assert aset.url_dasar("") == "/app/static/vendor"
    assert aset.url_dasar("/kim/") == "/kim/app/static/vendor"
    url = aset.url_aset("/kim/app/static/vendor/")
    assert url["leaflet"] == f"/kim/app/static/vendor/leaflet-{aset.VERSI_LEAFLET}/leaflet.js"


def test_mode_url_hanya_aset_sendiri():
    peta = folium.Map(tiles=None)
    folium.LayerControl().add_to(peta)
    html = aset.pasang(peta, "url").get_root().render()
    tautan = _tautan(html)
    assert tautan, "the map must link its scripts"
    assert all(t.startswith("/app/static/vendor/") for t in tautan), tautan
    for cdn in ("cdn.jsdelivr", "cdnjs", "code.jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers", "glyphicons"):
        assert cdn not in html
    assert any(t.endswith("leaflet.js") for t in tautan) and any("kim-peta.css?v=" in t for t in tautan)
    assert not any("markercluster" in t for t in tautan)


def test_berkas_kita_dinamai_isinya():
    """Our own script and style keep their path across releases: the URL names their content, so a browser's old
    copy (served without Cache-Control) is not reused after an upgrade. Vendored files carry their version."""
    import hashlib

    url = aset.url_aset("/v")
    for a in aset.SEMUA_ASET:
        if a.sumber.parent == aset.DIR_STATIS:
            assert url[a.nama] == f"/v/{a.relatif}?v={hashlib.sha256(aset.isi_aset(a)).hexdigest()[:12]}"
        else:
            assert url[a.nama] == f"/v/{a.relatif}"
            assert a.relatif.split("/")[0].rsplit("-", 1)[1][:1].isdigit(), a.relatif  # leaflet-1.9.4/…


def test_mode_url_klaster_menambah_markercluster():
    html = aset.pasang(folium.Map(tiles=None), "url", klaster=True).get_root().render()
    tautan = _tautan(html)
    assert any(t.endswith("leaflet.markercluster.js") for t in tautan)
    assert any(t.endswith("MarkerCluster.Default.css") for t in tautan)


def test_mode_inline_tanpa_tautan_apa_pun():
    html = aset.pasang(folium.Map(tiles=None), "inline", klaster=True).get_root().render()
    assert _tautan(html) == []
    assert f'version="{aset.VERSI_LEAFLET}"' in html
    assert "L.control.kimLayar" in html and "markerClusterGroup" in html
    assert "url(data:image/png;base64," in html  # layer-control icon embedded
    assert "url(images/marker-icon" not in html  # no default icon image by guessed path
    # Inline scripts must come before the map script, and no inlined text may end a <script> early.
    assert html.index("/* leaflet */") < html.index("L.map(")
    skrip = _skrip(html)
    assert any("L.kimPotensi = function" in isi for isi in skrip[:-1]) and "L.map(" in skrip[-1]
    assert skrip[0].lstrip().startswith("/* leaflet */")


class _Pengurai(HTMLParser):
    """How a browser splits the page into scripts (a stray "</script" would show here)."""

    def __init__(self) -> None:
        super().__init__()
        self.skrip: list[str] = []
        self._di_skrip = False

    def handle_starttag(self, tag, attrs):
        self._di_skrip = tag == "script"
        if self._di_skrip:
            self.skrip.append("")

    def handle_endtag(self, tag):
        self._di_skrip = False

    def handle_data(self, data):
        if self._di_skrip:
            self.skrip[-1] += data


def _skrip(html: str) -> list[str]:
    p = _Pengurai()
    p.feed(html)
    return p.skrip


def test_mode_tidak_dikenal():
    with pytest.raises(ValueError, match="mode_aset"):
        aset.pasang(folium.Map(tiles=None), "cdn")


def test_skrip_pramuat_meminta_semua_sekaligus():
    """The preloader (first in the map's js_links) asks for the other scripts, the styles and the data at once."""
    from urllib.parse import unquote

    url = aset.skrip_pramuat(["/v/kim/kim-peta.js", "/v/data/dasar-1.js"], ["/v/leaflet.css"], ["/v/data/kim-1.json"])
    assert url.startswith("data:text/javascript;charset=utf-8,")
    js = unquote(url.split(",", 1)[1])
    assert '["script","/v/kim/kim-peta.js"]' in js and '["script","/v/data/dasar-1.js"]' in js and '["style","/v/leaflet.css"]' in js
    assert "rel='preload'" in js
    # The data is fetched here, under its URL, for kim-peta.js to take (window.__kimPramuat[url]).
    assert '["/v/data/kim-1.json"]' in js and "__kimPramuat[u]=fetch(u,{credentials:'same-origin'})" in js
    assert "__kimPramuat[o.url]" in (aset.DIR_STATIS / "kim-peta.js").read_text(encoding="utf-8")


def test_skrip_pramuat_url_tetap_teks():
    """A URL is a JSON string literal in the script: a quote in it cannot end the string."""
    import json
    from urllib.parse import unquote

    aneh = "/a'b\"c).js"
    js = unquote(aset.skrip_pramuat([aneh], [], [aneh])[len("data:text/javascript;charset=utf-8,"):])
    assert js.count(json.dumps(aneh)) == 2
