"""Our folium elements: potential markers, labels, legend, fullscreen control.

They call the small Leaflet helpers in ``geo/peta/statis/kim-peta.js`` with
compact, already-escaped JSON, so a map with hundreds of potentials stays a
few kilobytes of data instead of hundreds of generated marker objects.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.map import Layer
from folium.template import Template

from geo.peta.aman import json_skrip


class LapisanPotensi(Layer):
    """One DivIcon marker (class ``kim-potensi``) per potential, popups included."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.kimPotensi({{ this.data_json }});
        {% endmacro %}
        """
    )

    def __init__(self, data: dict, name: str, show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "LapisanPotensi"
        self.data_json = json_skrip(data)
        self.jumlah = len(data.get("titik", []))


class LapisanLabel(Layer):
    """Kelurahan names at a point inside each polygon; not clickable."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.kimLabel({{ this.data_json }});
        {% endmacro %}
        """
    )

    def __init__(self, data: list, name: str, show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "LapisanLabel"
        self.data_json = json_skrip(data)


class PetaDasarKosong(Layer):
    """The "no basemap" choice: an empty base layer on a plain background."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.layerGroup();
        {% endmacro %}
        """
    )

    def __init__(self, name: str, show: bool = True, control: bool = True):
        super().__init__(name=name, overlay=False, control=control, show=show)
        self._name = "PetaDasarKosong"


class SkalaMetrik(MacroElement):
    """A scale bar in metres and kilometres only: officials here never think in feet."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "SkalaMetrik"


class KontrolLayar(MacroElement):
    """Fullscreen and fit-to-data buttons (our own code; no plugin from a CDN)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.control.kimLayar({{ this.opsi_json }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, judul_masuk: str, judul_keluar: str, judul_pas: str, batas: list | None, ruang_legenda: bool = True,
                 pesan_ubin: str = ""):
        super().__init__()
        self._name = "KontrolLayar"
        self.opsi_json = json_skrip({"judulMasuk": judul_masuk, "judulKeluar": judul_keluar, "judulPas": judul_pas,
                                     "batas": batas, "ruangLegenda": ruang_legenda, "pesanUbin": pesan_ubin})


class Legenda(MacroElement):
    """The legend as a Leaflet control; ``html`` must already be escaped."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.control.kimLegenda({{ this.opsi_json }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str, judul: str, terbuka: bool | None = None):
        super().__init__()
        self._name = "Legenda"
        self.opsi_json = json_skrip({"html": html, "judul": judul, "terbuka": terbuka})
