"""The interactive map of a view: folium layers, legend, escaping and offline assets.

``buat`` assembles the map of a file (HTML, print); ``data`` makes what travels to the
browser; ``lapisan`` and ``legenda`` are our folium elements; ``aman`` escapes text for
HTML inside JavaScript; ``aset`` serves Leaflet from pip packages (``aset_inline`` inlines
it into a standalone file); ``jaringan`` asks whether tiles can be reached and ``ubin``
names the basemaps; ``pilih`` is the location picker of the editing page. The page's
live map: ``hidup`` (its static data and each view's update, without folium), ``dasar``
(its folium base map) and ``tembolok_dasar`` (rendered base maps in the disk cache).
"""

__all__ = ["aman", "aset", "aset_inline", "buat", "dasar", "data", "hidup", "jaringan", "lapisan", "legenda", "pilih",
           "tembolok_dasar", "ubin"]
