"""The one slug rule: lower-case ASCII words joined by a separator.

File names (``peta-kim-bontang-...``), the region's ``slug`` and the
per-category column names (``potensi_batik_kerajinan``) all use it, so a
category always maps to the same word wherever it appears.
"""

from __future__ import annotations

import re

__all__ = ["slug"]


def slug(teks: object, pemisah: str = "-") -> str:
    """``'Batik & Kerajinan'`` → ``'batik-kerajinan'`` (or ``'batik_kerajinan'`` with ``pemisah="_"``)."""
    return re.sub(r"[^a-z0-9]+", pemisah, str(teks).lower()).strip(pemisah)
