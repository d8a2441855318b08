"""Turn an upload into a clean JPEG: proved to be an image, upright, bounded, with no metadata at all.

A phone photo carries the photographer's GPS position (EXIF), editing
history (XMP), an ICC profile with free text, JPEG comments, a second frame
(MPO) and sometimes bytes after the image's end; a polyglot can hide
``<script>`` in any of them. Nothing of the upload survives but its pixels:
they are copied into a fresh image (no ``info`` to carry over) and encoded
anew. Size and pixel limits are checked from the header, before decoding, so
a decompression bomb never expands in memory.
"""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING

from geo.galat import GalatData

if TYPE_CHECKING:
    from PIL import Image

# MPO (multi-picture JPEG, written by many phone cameras) is read as its first frame.
FORMAT_SAH = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAKS_BYTE = 12 * 1024 * 1024  # a phone's full-size JPEG fits; anything bigger is refused unread
MAKS_PIKSEL = 40_000_000  # ~ 8000 × 5000; bigger images are refused from their header
MAKS_SISI = 1600  # stored photos are at most this many pixels on their long side
MUTU_JPEG = 82


def pillow():
    """Pillow, imported on the first image (a page or command that decodes none never loads it, #26).

    Pillow's own guard is set as a second line before any image is opened: it refuses absurd
    headers inside ``Image.open``, before our clearer size check; decoding only ever happens after that check.
    """
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = 2 * MAKS_PIKSEL
    return Image


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",")


def _periksa_kepala(data: bytes, nama: str) -> None:
    """Format and size from the header only; the image object is unusable afterwards (verify)."""
    gambar = pillow().open(io.BytesIO(data))
    if gambar.format not in FORMAT_SAH:
        raise GalatData(f"{nama}: format {gambar.format or 'tak dikenal'} tidak diterima. Gunakan JPEG, PNG atau WebP.")
    lebar, tinggi = gambar.size
    if lebar * tinggi > MAKS_PIKSEL or lebar <= 0 or tinggi <= 0:
        raise GalatData(f"{nama}: gambar {lebar} × {tinggi} piksel melebihi batas {MAKS_PIKSEL // 1_000_000} megapiksel. "
                        f"Kecilkan ukurannya (sisi terpanjang sekitar {MAKS_SISI} piksel sudah cukup).")
    gambar.verify()


def _piksel_tegak(data: bytes) -> Image.Image:
    """The first frame, decoded at reduced scale, turned as the camera said, flattened to RGB."""
    from PIL import ImageOps

    Image = pillow()
    gambar = Image.open(io.BytesIO(data))
    gambar.seek(0)  # MPO: the primary image; the others are previews or depth maps
    gambar.draft("RGB", (MAKS_SISI, MAKS_SISI))  # JPEG: decode at reduced scale
    icc = gambar.info.get("icc_profile")
    gambar = ImageOps.exif_transpose(gambar)  # orientation first: it lives in the metadata dropped below
    gambar.thumbnail((MAKS_SISI, MAKS_SISI))
    if icc and gambar.mode == "RGB":
        gambar = _ke_srgb(gambar, icc)
    if gambar.mode in ("RGBA", "LA", "P", "PA"):
        latar = Image.new("RGB", gambar.size, "white")
        rgba = gambar.convert("RGBA")
        latar.paste(rgba, mask=rgba.getchannel("A"))
        gambar = latar
    return gambar.convert("RGB")


def _ke_srgb(gambar: Image.Image, icc: bytes) -> Image.Image:
    """Colours as the camera's profile meant them (a phone's Display P3), in sRGB: the profile itself is dropped."""
    from PIL import ImageCms

    try:
        return ImageCms.profileToProfile(gambar, ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB"),
                                         outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return gambar  # an unreadable profile: keep the pixels as they are


def bersihkan(data: bytes, nama: str = "foto") -> tuple[bytes, int, int]:
    """Check an upload and return it as a clean JPEG (bytes, width, height); :class:`GalatData` if refused."""
    if len(data) > MAKS_BYTE:
        raise GalatData(f"{nama}: berkas {_mb(len(data))} MB terlalu besar (maks. {_mb(MAKS_BYTE)} MB). "
                        "Kecilkan fotonya atau kirim ulang dengan mutu lebih rendah.")
    if not data:
        raise GalatData(f"{nama}: berkas kosong. Pilih foto JPEG, PNG atau WebP.")
    Image = pillow()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            _periksa_kepala(data, nama)
            gambar = _piksel_tegak(data)
    except GalatData:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise GalatData(f"{nama}: gambar mengaku berukuran sangat besar (kemungkinan 'bom dekompresi') dan ditolak. "
                        "Unggah foto biasa dari kamera atau ponsel.") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise GalatData(f"{nama}: bukan gambar yang dapat dibaca ({exc.__class__.__name__}). "
                        "Pilih berkas foto JPEG, PNG atau WebP.") from None
    # Pixels only: a fresh image has an empty ``info``, so Pillow's JPEG writer finds no comment,
    # EXIF, XMP or ICC profile to carry over (it copies ``info["comment"]`` otherwise).
    murni = Image.frombytes("RGB", gambar.size, gambar.tobytes())
    keluaran = io.BytesIO()
    murni.save(keluaran, "JPEG", quality=MUTU_JPEG, optimize=True)
    return keluaran.getvalue(), murni.width, murni.height
