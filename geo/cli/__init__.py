"""``python -m geo``: every parser and every ``print`` of the command line.

``utama`` holds the entry point, ``validate`` and ``summary``; the other modules each
add one command (``export``, ``boundaries``, ``data``, ``hash-password``,
``template``).
"""

__all__ = ["akun", "batas", "data", "ekspor", "templat", "utama", "waktu"]
