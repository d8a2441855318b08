"""The budget plan (RAB) and the SIPD budget form (RKA/RKPA/DPA/DPPA): ceiling, lines, proposal, figures.

``uang`` parses and writes rupiah as integers, ``koefisien`` is one line's
arithmetic (volume pairs × harga + PPN), ``referensi`` reads the sample
reference tables (akun belanja, standard prices), ``pengaturan`` reads the
ceiling, year, vocabulary and weights from ``wilayah.json``, ``rencana``
reads and validates ``data/anggaran.csv`` (``rincian`` holds the form's
checks), ``usul``/``usul_rincian`` share the ceiling among KIM, ``sesuaikan``
fits a plan to a new ceiling, ``ringkas`` computes the figures the page, the
RAB and the command line show, ``tahap``/``susunan``/``subkegiatan`` build the
form (stages, baseline, subtotals per akun level, header block), ``sipd``
writes and reads the SIPD-shaped CSV, and ``simpan`` writes a plan without
ever losing the old one.
"""

__all__ = ["koefisien", "pengaturan", "peta", "referensi", "rencana", "rincian", "ringkas", "sesuaikan", "simpan", "sipd",
           "subkegiatan", "susunan", "tahap", "uang", "usul", "usul_rincian"]
