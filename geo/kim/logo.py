"""The KIM logo: checked like a photo, embedded without its metadata.

The checks are the photo store's own (#21: :func:`geo.simpan.foto_gambar.bersihkan`:
format, size, decompression bombs), and what a page embeds is that function's
clean JPEG: no EXIF (GPS, camera), comment or profile from the original file.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from geo.galat import GalatData
from geo.masuk import tembolok

FOLDER_LOGO = "logo_kim"


def folder_logo(path_profil: Path | str) -> Path:
    """Logos sit beside the KIM table, in ``logo_kim/``."""
    return Path(path_profil).parent / FOLDER_LOGO


def path_logo(path_profil: Path | str, nama: str) -> Path | None:
    """The logo file a ``logo`` cell names (a bare file name in ``logo_kim/``), or None for an empty cell."""
    nama = str(nama or "").strip()
    return folder_logo(path_profil) / Path(nama).name if nama else None


def _png_murni(data: bytes) -> bytes:
    """A PNG logo keeps its transparency: its pixels only, through a fresh image (no text chunk, EXIF or profile)."""
    from PIL import Image  # Pillow only where an image is decoded

    with Image.open(io.BytesIO(data)) as gambar:
        rgba = gambar.convert("RGBA")
    murni = Image.frombytes("RGBA", rgba.size, rgba.tobytes())
    keluaran = io.BytesIO()
    murni.save(keluaran, format="PNG", optimize=True)
    return keluaran.getvalue()


def logo_siap(data: bytes, nama: str, png: bool | None = None) -> tuple[bytes, str]:
    """(clean bytes, "png"|"jpeg") of an image, or ``GalatData`` saying why it is refused (the photo checks).

    ``png`` None: decided by the bytes (an uploaded PNG keeps its transparency).
    """
    from geo.simpan.foto_gambar import bersihkan

    jpeg = bersihkan(data, nama)[0]
    if png is None:
        png = data.startswith(b"\x89PNG\r\n\x1a\n")
    return (_png_murni(data), "png") if png else (jpeg, "jpeg")


def logo_bersih(path: Path, *, buat: bool = True) -> tuple[tuple[bytes, str] | None, str | None]:
    """((clean bytes, "png"|"jpeg"), None) for a usable logo, or (None, why it is refused).

    Every logo passes the photo checks first (so a bomb is refused before any decode here);
    a PNG is then re-drawn as a pixels-only PNG, anything else is the photo store's clean JPEG.
    ``buat=False`` stops after the checks (``(None, None)`` when they pass): loading the data only
    asks whether each logo is usable, and re-drawing a PNG costs most of that load (issue #26).
    """
    from geo.simpan.foto_gambar import bersihkan

    try:
        data = path.read_bytes()
        if not buat:
            bersihkan(data, path.name)
            return None, None
        return logo_siap(data, path.name, png=path.suffix.lower() == ".png"), None
    except OSError as exc:
        return None, f"berkas logo {path.name} tidak dapat dibuka ({exc.strerror or exc}); letakkan di folder {FOLDER_LOGO}/."
    except GalatData as exc:
        return None, str(exc)


def periksa_logo(path: Path) -> str | None:
    """None when the file is a usable image, else the message (the photo checks: format, size, bombs).

    Every load asks this of every logo; decoding them (and importing Pillow) cost a fresh process
    ~30 ms (#26), so the verdict is kept in the disk cache (:mod:`geo.masuk.tembolok`) under the
    file's identity, stored only once the file has been still (:func:`geo.masuk.tembolok.tenang`).
    """
    identitas = tembolok.identitas(path)
    nama = f"logo-{tembolok.kunci(json.dumps(identitas))}" if identitas is not None and tembolok.folder() else None
    simpanan = tembolok.baca_larik_meta(nama, {}) if nama else None
    if simpanan is not None and "masalah" in simpanan[1]:
        return simpanan[1]["masalah"]
    masalah = logo_bersih(path, buat=False)[1]
    if nama and tembolok.tenang(path) and tembolok.identitas(path) == identitas:
        tembolok.tulis_larik(nama, {}, {"masalah": masalah})
    return masalah
