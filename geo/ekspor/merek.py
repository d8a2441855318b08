"""Office branding from ``wilayah.json``: who puts their name to a printed page.

Every key is optional (``instansi``, ``unit``, ``logo``, ``sumber_data``,
``catatan_kaki``), so a region without them still prints a clean page; the
wording lives in data, never in code.
"""

from __future__ import annotations

import base64
import io
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geo.masuk.wilayah import Wilayah

EKSTENSI_LOGO = {".png": "image/png", ".svg": "image/svg+xml"}
MAKS_BYTE_LOGO = 2 * 1024 * 1024
_LOG = logging.getLogger("geo.ekspor")
UKURAN_RASTER_SVG = 600  # px on the longer side: sharp at the 16 mm a logo takes on A4 at 300 dpi


@dataclass(frozen=True)
class Merek:
    """The office block: names, a logo file that exists, a source line and a footnote."""

    instansi: str = ""
    unit: str = ""
    logo: Path | None = None
    sumber_data: str = ""
    catatan_kaki: str = ""
    galat_logo: str = ""  # why a configured logo was refused (the CLI prints it; the page leaves it out)

    @property
    def ada(self) -> bool:
        return bool(self.instansi or self.unit or self.logo)

    def baris(self) -> str:
        """"Dinas … · Bidang IKP", or "" when neither is set."""
        return " \u00b7 ".join(t for t in (self.instansi, self.unit) if t)

    def logo_data_uri(self) -> str:
        """The logo inline (HTML export, page header): it works offline and from an e-mail."""
        if self.logo is None:
            return ""
        mime = EKSTENSI_LOGO[self.logo.suffix.lower()]
        return f"data:{mime};base64,{base64.b64encode(self.logo.read_bytes()).decode('ascii')}"

    def logo_raster(self) -> np.ndarray | None:
        """The logo as pixels for matplotlib: PNG read by Pillow, SVG rendered by resvg (no system library, no network)."""
        if self.logo is None:
            return None
        from geo.simpan.foto_gambar import pillow  # with its decompression-bomb guard

        Image = pillow()

        try:
            if self.logo.suffix.lower() == ".svg":
                data = _svg_ke_png(self.logo)
                if data is None:
                    return None
                sumber = Image.open(io.BytesIO(data))
            else:
                sumber = Image.open(self.logo)
            with sumber as gambar:
                gambar.thumbnail((600, 600))
                return np.asarray(gambar.convert("RGBA"))
        except (OSError, ValueError, Image.DecompressionBombError):
            return None


def _svg_ke_png(path: Path) -> bytes | None:
    """An SVG logo as PNG bytes, 600 px on its longer side; None when the SVG cannot be drawn."""
    import resvg_py

    from geo.simpan.foto_gambar import pillow  # with its decompression-bomb guard

    Image = pillow()

    try:
        # First at its own size, to learn it; then at the zoom that gives UKURAN_RASTER_SVG pixels.
        png = resvg_py.svg_to_bytes(svg_path=str(path), resources_dir=str(path.parent))
        with Image.open(io.BytesIO(bytes(png))) as asli:
            lebar, tinggi = asli.size
        skala = UKURAN_RASTER_SVG / max(lebar, tinggi, 1)
        return bytes(resvg_py.svg_to_bytes(svg_path=str(path), resources_dir=str(path.parent), zoom=skala))
    except (ValueError, OSError):
        return None


def _teks(raw: dict, kunci: str) -> str:
    return " ".join(str(raw.get(kunci) or "").split())


def berkas_wilayah(raw: dict, kunci: str) -> Path | None:
    """The file a ``wilayah.json`` key names, relative paths taken from that file's folder; None when unset."""
    nilai = str(raw.get(kunci) or "").strip()
    if not nilai:
        return None
    path = Path(nilai)
    return path if path.is_absolute() else Path(raw.get("_folder") or ".") / path


def _logo(raw: dict) -> tuple[Path | None, str]:
    """A PNG/SVG inside the data folder, of sane size; otherwise (None, why).

    Only the data folder: ``wilayah.json`` must not be a way to print any
    image the server can read (``/etc/...``, another office's files, a link out).
    """
    path = berkas_wilayah(raw, "logo")
    if path is None:
        return None, ""
    folder = Path(raw.get("_folder") or ".")
    if not path.resolve().is_relative_to(folder.resolve()):
        pesan = (f"Logo '{raw.get('logo')}' di wilayah.json berada di luar folder data ({folder}) dan tidak dipakai. "
                 "Salin berkas logo ke folder data, lalu tulis namanya saja, mis. \"logo\": \"logo.png\".")
        _LOG.warning("%s", pesan)
        return None, pesan
    if path.suffix.lower() not in EKSTENSI_LOGO or not path.is_file() or path.stat().st_size > MAKS_BYTE_LOGO:
        return None, ""
    return path, ""


def merek(wilayah: Wilayah) -> Merek:
    """The branding of a region (all empty when ``wilayah.json`` has none)."""
    raw = wilayah.extra or {}
    logo, galat = _logo(raw)
    return Merek(_teks(raw, "instansi"), _teks(raw, "unit"), logo, _teks(raw, "sumber_data"), _teks(raw, "catatan_kaki"), galat)


def html_merek(m: Merek) -> str:
    """The office block as escaped HTML (class ``kim-merek``) for the HTML export and the page header."""
    from geo.peta.aman import aman_html

    if not m.ada and not m.catatan_kaki:
        return ""
    logo = f'<img class="kim-merek-logo" src="{m.logo_data_uri()}" alt="{aman_html(m.instansi or "Logo")}">' if m.logo else ""
    baris = f'<span class="kim-merek-nama">{aman_html(m.baris())}</span>' if m.baris() else ""
    kaki = f'<span class="kim-merek-catatan">{aman_html(m.catatan_kaki)}</span>' if m.catatan_kaki else ""
    return f'<div class="kim-merek">{logo}{baris}{kaki}</div>'
