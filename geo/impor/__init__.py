"""Official boundary import: read, match, build, check, write.

``baca`` reads a boundary file and recognises its schema, ``cocok`` matches features
to the reference, ``geometri`` repairs and simplifies, ``tinjau`` re-checks the KIM
points, and ``alur`` runs the whole import. ``formulir`` reads the submissions of the field
form (ODK Central and KoboToolbox CSV exports) into activity reports.
"""

__all__ = ["alur", "baca", "cocok", "formulir", "geometri", "tinjau"]
