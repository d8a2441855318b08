"""The interactive map of a view: folium layers, legend, escaping and offline assets.

``buat`` assembles the map; ``data`` makes what travels to the browser; ``lapisan``
and ``legenda`` are our folium elements; ``aman`` escapes text for HTML inside
JavaScript; ``aset`` serves Leaflet from pip packages; ``jaringan`` asks whether
tiles can be reached; ``pilih`` is the location picker of the editing page.
"""

__all__ = ["aman", "aset", "buat", "data", "jaringan", "lapisan", "legenda", "pilih"]
