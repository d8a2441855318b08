"""Standalone interactive HTML: the page's own map, with every script inlined.

Built by :func:`geo.peta.buat.html_mandiri`, the same map builder the page uses,
so choropleth, legend, markers and popups cannot drift apart. The file links
no script or stylesheet; only basemap tiles come from the internet, and
without them the map still shows on a plain background.
"""

from __future__ import annotations

from geo.tampilan.susun import Tampilan


def ke_html(tampilan: Tampilan, judul: str) -> bytes:
    """The View's map as one HTML file (its basemap, metric, classes and language)."""
    from geo.peta.buat import html_mandiri  # folium is only needed for this format

    return html_mandiri(tampilan, judul).encode("utf-8")
