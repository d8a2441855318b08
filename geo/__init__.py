"""Peta Potensi KIM core: load, validate, join, aggregate and filter KIM data.

Pure Python with no Streamlit import, so that the page, the exports and the
command line all share one tested data path. The packages follow that path:

``masuk`` (read and validate → ``Dataset``) → ``tampilan`` (view state, filter,
aggregate, classes → ``Tampilan``) → ``peta`` (interactive map) and ``ekspor``
(files); ``simpan`` writes data back, ``impor`` brings in official boundaries,
``cli`` is the command line. ``config``, ``galat``, ``format_id``, ``i18n`` and
``slug`` are shared by every step. See docs/arsitektur.md.
"""

__version__ = "0.1.0"
__all__ = ["cli", "config", "ekspor", "format_id", "galat", "i18n", "impor", "masuk", "peta", "simpan", "slug", "tampilan"]
