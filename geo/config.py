"""Where the data lives.

Paths default to the embedded files under ``data/`` and are overridden by
environment variables, so that the page, the CLI and the tests all point at
the same files without passing paths around.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"

ENV_KIM = "KIM_CSV"
ENV_BATAS = "KIM_BOUNDARIES"
ENV_REFERENSI = "KIM_REFERENSI"
ENV_WILAYAH = "KIM_WILAYAH"
ENV_KEGIATAN = "KIM_KEGIATAN"


def _path(env: str, default: str) -> Path:
    value = os.environ.get(env, "").strip()
    return Path(value) if value else DATA_DIR / default


def path_kim() -> Path:
    """The KIM table (CSV or XLSX)."""
    return _path(ENV_KIM, "kim.csv")


def path_batas() -> Path:
    """The kelurahan boundary polygons."""
    return _path(ENV_BATAS, "boundaries.geojson")


def path_referensi() -> Path:
    """The reference table of the region's kelurahan (codes, names, aliases)."""
    return _path(ENV_REFERENSI, "kelurahan.csv")


def path_wilayah() -> Path:
    """Region metadata: name, slug, bounding box, vocabulary overrides."""
    return _path(ENV_WILAYAH, "wilayah.json")


def path_kegiatan(kim: Path | None = None) -> Path:
    """The optional activity log; without the file everything works from kim.csv alone.

    Unless ``KIM_KEGIATAN`` names it, the log sits beside the KIM table, so a
    table elsewhere is never checked against the sample log in ``data/``.
    """
    value = os.environ.get(ENV_KEGIATAN, "").strip()
    return Path(value) if value else (kim or path_kim()).parent / "kegiatan.csv"
