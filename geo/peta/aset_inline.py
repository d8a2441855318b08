"""The folium element that inlines the map's assets (the standalone HTML export), apart from
:mod:`geo.peta.aset`, which the page imports without folium (issue #26)."""

from __future__ import annotations

from branca.element import Element, Figure, MacroElement

from geo.peta.aset import teks_inline


class AsetInline(MacroElement):
    """Puts the inlined assets in the page header, before any map script runs."""

    def __init__(self, klaster: bool = False):
        super().__init__()
        self._name = "AsetInline"
        self.klaster = klaster

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        if isinstance(figure, Figure):
            # First in the header so Leaflet exists before folium's own header bits.
            figure.header.add_child(Element(teks_inline(self.klaster)), name="kim_aset_inline", index=0)
        super().render(**kwargs)
