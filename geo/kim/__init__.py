"""Each KIM as a record (issue #25): its profile, its assessment and the pemetaan report.

- ``profil``   the KIM table (``data/profil_kim.csv``): columns, cell formats, validation
- ``daftar``   the multi-valued cells (bimtek, bantuan, penghargaan) as small long tables
- ``tautan``   linking kim.csv rows to ``id_kim`` and migrating files that only have ``nama_kim``
- ``logo``     the logo check, on the photo checks of :mod:`geo.simpan.foto`
- ``nilai``    the assessment configured in ``wilayah.json``: criteria, scores, ranks, prioritas pembinaan
- ``juri``     the jury scoring sheet (XLSX) and its long table ``nilai_juri.csv``
- ``pemetaan`` the pemetaan roll-up (kelurahan → kecamatan → kab/kota → provinsi) and its XLSX
- ``ekspor``   the KIM table as CSV, XLSX and GeoJSON

Every function takes the dataset and explicit inputs (date, rows) so the
page, the CLI and the exports can call it on whatever view they hold.
"""

__all__ = ["daftar", "ekspor", "juri", "logo", "nilai", "pemetaan", "profil", "tautan"]
