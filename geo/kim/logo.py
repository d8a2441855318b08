"""The KIM logo: checked and stored like a photo.

One small function so the lead can re-point it when the photo store changes
(#21); it calls :func:`geo.simpan.foto.bersihkan` as that module stands.
"""

from __future__ import annotations

from pathlib import Path

from geo.galat import GalatData
from geo.simpan.foto import bersihkan

FOLDER_LOGO = "logo_kim"


def folder_logo(path_profil: Path | str) -> Path:
    """Logos sit beside the KIM table, in ``logo_kim/``."""
    return Path(path_profil).parent / FOLDER_LOGO


def path_logo(path_profil: Path | str, nama: str) -> Path | None:
    """The logo file a ``logo`` cell names (a bare file name in ``logo_kim/``), or None for an empty cell."""
    nama = str(nama or "").strip()
    return folder_logo(path_profil) / Path(nama).name if nama else None


def periksa_logo(path: Path) -> str | None:
    """None when the file is a usable image, else the message (the photo checks: format, size, bombs)."""
    try:
        bersihkan(path.read_bytes(), path.name)
    except OSError as exc:
        return f"berkas logo {path.name} tidak dapat dibuka ({exc.strerror or exc}); letakkan di folder {FOLDER_LOGO}/."
    except GalatData as exc:
        return str(exc)
    return None
