"""Exports of one View: PNG/PDF snapshot, standalone HTML, CSV, XLSX, GeoJSON, profile, atlas.

Print text is measured with the font (``ukur_teks``: wrapping and one-line
fitting in millimetres) and worded in the view's language (``Tampilan.bahasa``);
the locator inset (``lokator``) names a province only when it draws one.

The page and ``python -m geo export`` both call :func:`buat` with the same
:class:`~geo.tampilan.susun.Tampilan` the map shows (its view state holds the
metric, classes, basemap, language and dates) plus file-only
:class:`OpsiEkspor`, so a file can never disagree with the screen.

A new format is one :class:`Format` in :data:`FORMAT` and one maker in
:data:`PEMBUAT` (a function ``(tampilan, opsi, judul, kelurahan) -> bytes``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from geo.ekspor import nama_berkas as _nama
from geo.ekspor.keterangan import judul_bawaan
from geo.ekspor.opsi import OpsiEkspor
from geo.galat import GalatData
from geo.tampilan.susun import Tampilan


@dataclass(frozen=True)
class Format:
    kode: str
    ekstensi: str
    mime: str
    awalan: str  # file-name prefix: maps are "peta-kim", tables "data-kim"


FORMAT: dict[str, Format] = {
    f.kode: f
    for f in (
        Format("png", "png", "image/png", "peta-kim"),
        Format("pdf", "pdf", "application/pdf", "peta-kim"),
        Format("html", "html", "text/html", "peta-kim"),
        Format("csv", "csv", "text/csv", "data-kim"),
        Format("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "data-kim"),
        Format("geojson", "geojson", "application/geo+json", "data-kim"),
        Format("profil", "pdf", "application/pdf", "profil-kim"),
        Format("atlas", "pdf", "application/pdf", "atlas-kim"),
    )
}


def format_ekspor(kode: str) -> Format:
    """The format for ``kode``, or a clear error listing the choices."""
    kunci = str(kode).strip().lower().lstrip(".")
    if kunci not in FORMAT:
        raise GalatData(f"Format ekspor '{kode}' tidak dikenal. Pilihan: {', '.join(FORMAT)}.")
    return FORMAT[kunci]


def nama_berkas(tampilan: Tampilan, kode: str, opsi: OpsiEkspor | None = None, kelurahan: str = "") -> str:
    """E.g. ``peta-kim-bontang-2026-11-28-kuliner-aktif.png``; the slug comes from the region file."""
    fmt = format_ekspor(kode)
    opsi = opsi or OpsiEkspor()
    awalan = f"{fmt.awalan}-{_nama.slug(kelurahan)}" if kelurahan else fmt.awalan
    return _nama.nama_berkas(tampilan.dataset.wilayah.slug, tampilan.filter, fmt.ekstensi, awalan, opsi.hari())


@dataclass(frozen=True)
class Hasil:
    """A finished file plus what the user should be told about it."""

    data: bytes
    nama: str
    mime: str
    pesan: tuple[str, ...] = ()


def _peta_cetak(kode: str) -> Callable[[Tampilan, OpsiEkspor, str, str], tuple[bytes, tuple[str, ...]]]:
    def buat_cetak(tampilan: Tampilan, opsi: OpsiEkspor, judul: str, kelurahan: str) -> tuple[bytes, tuple[str, ...]]:
        from geo.ekspor.snapshot import buat_gambar, simpan  # matplotlib loads only when a snapshot is asked for

        fig = buat_gambar(tampilan, opsi)
        pesan = ()
        if opsi.basemap and not getattr(fig, "basemap_dipakai", False):
            pesan = ("Peta dasar tidak tersedia (ubin peta tidak dapat diunduh); gambar dibuat tanpa peta dasar.",)
        return simpan(fig, kode, judul), pesan

    return buat_cetak


def _profil(tampilan: Tampilan, opsi: OpsiEkspor, judul: str, kelurahan: str) -> tuple[bytes, tuple[str, ...]]:
    from geo.ekspor.atlas import ke_profil

    return ke_profil(tampilan, kelurahan, opsi), ()


def _atlas(tampilan: Tampilan, opsi: OpsiEkspor, judul: str, kelurahan: str) -> tuple[bytes, tuple[str, ...]]:
    from geo.ekspor.atlas import ke_atlas

    return ke_atlas(tampilan, opsi), ()


def _html(tampilan: Tampilan, opsi: OpsiEkspor, judul: str, kelurahan: str) -> tuple[bytes, tuple[str, ...]]:
    from geo.ekspor.html import ke_html

    return ke_html(tampilan, judul), ()


def _geojson(tampilan: Tampilan, opsi: OpsiEkspor, judul: str, kelurahan: str) -> tuple[bytes, tuple[str, ...]]:
    from geo.ekspor.geojson import ke_geojson

    return ke_geojson(tampilan, judul), ()


def _csv(tampilan: Tampilan, opsi: OpsiEkspor, judul: str, kelurahan: str) -> tuple[bytes, tuple[str, ...]]:
    from geo.ekspor.tabel import ke_csv, tabel_potensi

    return ke_csv(tabel_potensi(tampilan), opsi.pemisah), ()


def _xlsx(tampilan: Tampilan, opsi: OpsiEkspor, judul: str, kelurahan: str) -> tuple[bytes, tuple[str, ...]]:
    from geo.ekspor.tabel import ke_xlsx

    return ke_xlsx(tampilan, judul, opsi.hari()), ()


# The maker of each format: (View, file options, title, kelurahan) → (bytes, notes for the user).
# Makers import their libraries when called, so a CSV never loads matplotlib.
PEMBUAT: dict[str, Callable[[Tampilan, OpsiEkspor, str, str], tuple[bytes, tuple[str, ...]]]] = {
    "png": _peta_cetak("png"), "pdf": _peta_cetak("pdf"), "html": _html, "csv": _csv, "xlsx": _xlsx, "geojson": _geojson,
    "profil": _profil, "atlas": _atlas,
}


def buat(kode: str, tampilan: Tampilan, opsi: OpsiEkspor | None = None, kelurahan: str = "") -> Hasil:
    """Make one file of the View. Raises :class:`GalatData` for options no export can honour.

    ``kelurahan`` (kode or name) is what the ``profil`` format is a profile of.
    """
    fmt = format_ekspor(kode)
    opsi = opsi or OpsiEkspor()
    opsi.periksa()
    tampilan.keadaan.periksa(tampilan.dataset.wilayah)
    judul = opsi.judul.strip() or judul_bawaan(tampilan)
    nama_kel = ""
    if fmt.kode == "profil":
        from geo.ekspor.profil import pilih_kelurahan

        if not str(kelurahan).strip():
            raise GalatData("Profil memerlukan kelurahan: sebutkan --kelurahan KODE (kode Kemendagri atau nama).")
        nama_kel = str(pilih_kelurahan(tampilan, kelurahan)["kelurahan"])
    data, pesan = PEMBUAT[fmt.kode](tampilan, opsi, judul, kelurahan)
    return Hasil(data, nama_berkas(tampilan, fmt.kode, opsi, nama_kel), fmt.mime, pesan)


def ekspor(kode: str, tampilan: Tampilan, opsi: OpsiEkspor | None = None) -> bytes:
    """Just the file's bytes (see :func:`buat`)."""
    return buat(kode, tampilan, opsi).data


__all__ = ["FORMAT", "PEMBUAT", "Format", "Hasil", "OpsiEkspor", "buat", "ekspor", "format_ekspor", "judul_bawaan", "nama_berkas"]
