"""The live map's folium side: the base map (empty live layers, the controls, the data loader).

Built once per data version, basemap and language (``ui.peta`` keeps it, in memory and
in the disk cache); everything a click needs is in :mod:`geo.peta.hidup`, without folium.
"""

from __future__ import annotations

import folium
from branca.element import MacroElement
from folium.map import Layer
from folium.template import Template

from geo.i18n import bahasa_sah, t
from geo.masuk.dataset import Dataset
from geo.peta import aset
from geo.peta.aman import aman_html, json_skrip
from geo.peta.buat import _tambah_basemap
from geo.peta.hidup import ciri_dasar, data_statis
from geo.peta.lapisan import KontrolLayar, Legenda, SkalaMetrik
from geo.peta.ubin import ZOOM_MIN
from geo.tampilan.keadaan import ZOOM_MAKS


class _Lapisan(Layer):
    """An empty live layer; ``L.kimHidup`` fills it once the static data arrives."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.kimHidup.lapisan({{ this.jenis_json }}, {{ this.opsi_json }});
        {% endmacro %}
        """
    )

    def __init__(self, jenis: str, name: str, opsi: dict | None = None, show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "LapisanHidup"
        self.jenis_json = json_skrip(jenis)
        self.opsi_json = json_skrip(opsi or {})


class DataHidup(MacroElement):
    """Fetch (``url``) or take inline (``data``) the static data and fill the live layers."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.kimHidup.muat({{ this._parent.get_name() }}, {{ this.opsi_json }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str | None = None, data: dict | None = None):
        super().__init__()
        self._name = "DataHidup"
        self.opsi_json = json_skrip({"url": url, "data": data})


def peta_dasar(
    dataset: Dataset, basemap: str, bahasa: str, url_data: str | None = None, url_aset: str = aset.URL_DASAR,
    mode_aset: str = "url", tinggi: str | int = "100%", legenda_terbuka: bool | None = False, wilayah: str = "",
) -> folium.Map:
    """The map without any view in it: identical for every filter, metric and selection.

    One base map per level and prefix (its static file differs), opened on the unit drilled into.
    """
    bahasa = bahasa_sah(bahasa)
    ciri = ciri_dasar(dataset, bahasa, wilayah)  # all it takes from the data, besides the static file
    batas = ciri["kotak"]
    pusat = [(batas[0][0] + batas[1][0]) / 2, (batas[0][1] + batas[1][1]) / 2] if batas else [0.0, 0.0]
    peta = folium.Map(
        location=pusat, zoom_start=12, tiles=None, width="100%", height=tinggi, control_scale=False,
        min_zoom=ZOOM_MIN, max_zoom=ZOOM_MAKS, prefer_canvas=False, zoom_snap=0.25, zoom_delta=0.5,
    )
    KontrolLayar(t("layar_penuh", bahasa), t("keluar_layar_penuh", bahasa), t("pas_data", bahasa), batas,
                 ruang_legenda=legenda_terbuka is not False, pesan_ubin=t("basemap_tak_terjangkau", bahasa)).add_to(peta)
    SkalaMetrik().add_to(peta)
    _tambah_basemap(peta, basemap, bahasa, hanya_pilihan=True)  # the sidebar is where a basemap is chosen (#22)
    kata = ciri["kata"]
    alias = [aman_html(t(x, bahasa, **kata)) for x in ("unit", "induk", "kim")]
    _Lapisan("kelurahan", aman_html(t("lapisan_kelurahan", bahasa, **kata)), {"alias": alias}).add_to(peta)
    _Lapisan("label", aman_html(t("lapisan_label", bahasa, **kata))).add_to(peta)
    _Lapisan("potensi", aman_html(t("lapisan_potensi", bahasa))).add_to(peta)
    folium.LayerControl(position="topright", collapsed=True).add_to(peta)
    Legenda("", aman_html(t("legenda", bahasa)), terbuka=legenda_terbuka).add_to(peta)
    if url_data is not None:
        DataHidup(url=url_data).add_to(peta)
    else:
        DataHidup(data=data_statis(dataset, bahasa)).add_to(peta)
    return aset.pasang(peta, mode_aset, url_aset, klaster=ciri["klaster"])
