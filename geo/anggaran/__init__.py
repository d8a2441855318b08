"""The budget plan (RAB): ceiling, line items, the proposal generator and its figures.

``uang`` parses and writes rupiah as integers, ``pengaturan`` reads the
ceiling, year, vocabulary and weights from ``wilayah.json``, ``rencana``
reads and validates ``data/anggaran.csv``, ``usul`` shares the ceiling among
KIM, ``ringkas`` computes every figure the page, the exports and the command
line show, and ``simpan`` writes a plan without ever losing the old one.
"""

__all__ = ["pengaturan", "peta", "rencana", "ringkas", "simpan", "uang", "usul"]
