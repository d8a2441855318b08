"""Reading the region's files and checking them: the first step of the data path.

``baca`` reads tables as Excel saves them, ``urai`` parses Indonesian numbers and
dates, ``referensi`` and ``wilayah`` hold the region's units and vocabulary,
``batas`` loads the boundary polygons, ``validasi`` checks every row, and
``dataset`` joins them into the one immutable :class:`Dataset`, whose derived
values live in ``indeks_dataset`` (typed slots, built once). ``nama`` is the one
name → code rule (homonym-aware), ``lapor`` the one row-and-column reporter.
"""

__all__ = ["baca", "batas", "dataset", "indeks_dataset", "kegiatan", "lapor", "nama", "referensi", "skema", "urai", "validasi",
           "wilayah"]
