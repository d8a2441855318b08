"""Official boundary import: read, match, build, check, write.

``baca`` reads a boundary file and recognises its schema, ``cocok`` matches features
to the reference, ``geometri`` repairs and simplifies, ``tinjau`` re-checks the KIM
points, and ``alur`` runs the whole import.
"""

__all__ = ["alur", "baca", "cocok", "geometri", "tinjau"]
