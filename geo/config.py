"""Where the data lives.

Each file has its own environment variable (``KIM_CSV``...), so that the
page, the CLI and the tests all point at the same files without passing
paths around. Files without one are looked up in the data folder, which is,
in this order:

1. ``KIM_DATA``, when set: a folder holding ``kim.csv``, ``boundaries.geojson``,
   ``kelurahan.csv`` and ``wilayah.json``;
2. the project's own ``data/`` when the code runs from a checkout (``python -m
   geo`` in the project folder, or the ``kim`` command after ``pip install -e .``),
   so a scheduled task started in any folder still finds the office's data;
3. ``data/`` in the current folder, for a regular ``pip install .`` whose
   package carries code only.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
# The checkout's own data folder (the sample data); see folder_data() for the one in use.
DATA_DIR = PROJECT_DIR / "data"

ENV_DATA = "KIM_DATA"
ENV_KIM = "KIM_CSV"
ENV_BATAS = "KIM_BOUNDARIES"
ENV_REFERENSI = "KIM_REFERENSI"
ENV_WILAYAH = "KIM_WILAYAH"
ENV_ANGGARAN = "KIM_ANGGARAN"


@cache
def dari_checkout() -> bool:
    """True when the package runs from the project folder (source or editable install), not from site-packages.

    Asked once per process: where the code lives does not change, and every path lookup asks (#26).
    """
    return (PROJECT_DIR / "pyproject.toml").is_file() and DATA_DIR.is_dir()


def folder_data() -> Path:
    """The data folder in use: ``KIM_DATA``, else the checkout's ``data/``, else ``./data``."""
    value = os.environ.get(ENV_DATA, "").strip()
    if value:
        return Path(value).expanduser()
    return DATA_DIR if dari_checkout() else Path.cwd() / "data"
ENV_KEGIATAN = "KIM_KEGIATAN"


def _path(env: str, default: str) -> Path:
    value = os.environ.get(env, "").strip()
    return Path(value).expanduser() if value else folder_data() / default


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


def path_anggaran() -> Path:
    """The budget plan (line items sharing the region's ``pagu_anggaran``)."""
    return _path(ENV_ANGGARAN, "anggaran.csv")


# --- PostgreSQL store (#12) ---
ENV_DATABASE = "KIM_DATABASE_URL"


def _secrets_toml() -> list[Path]:
    """Where Streamlit looks for secrets: the working directory's and the project's."""
    return list(dict.fromkeys([Path.cwd() / ".streamlit" / "secrets.toml", PROJECT_DIR / ".streamlit" / "secrets.toml"]))


def url_database() -> str:
    """``KIM_DATABASE_URL``, else ``[database] url`` in ``.streamlit/secrets.toml``; "" = the files.

    Read here rather than through ``st.secrets`` so that the CLI and the page
    pick the same store from the same settings.
    """
    nilai = os.environ.get(ENV_DATABASE, "").strip()
    if nilai:
        return nilai
    ada = [p for p in _secrets_toml() if p.is_file()]
    if not ada:
        return ""
    import tomllib  # only when there is a secrets file to read

    for path in ada:
        try:
            isi = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        db = isi.get("database")
        if isinstance(db, dict) and str(db.get("url") or "").strip():
            return str(db["url"]).strip()
    return ""


def path_kegiatan(kim: Path | None = None) -> Path:
    """The optional activity log; without the file everything works from kim.csv alone.

    Unless ``KIM_KEGIATAN`` names it, the log sits beside the KIM table, so a
    table elsewhere is never checked against the sample log in ``data/``.
    """
    value = os.environ.get(ENV_KEGIATAN, "").strip()
    return Path(value) if value else (kim or path_kim()).parent / "kegiatan.csv"
