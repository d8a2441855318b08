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
    import tomllib

    for path in _secrets_toml():
        try:
            isi = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        db = isi.get("database")
        if isinstance(db, dict) and str(db.get("url") or "").strip():
            return str(db["url"]).strip()
    return ""
