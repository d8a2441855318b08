"""File names that say what is inside: region, date and the filters applied.

``peta-kim-bontang-2026-11-28-kuliner-aktif.png`` lets an official find the
right file in a folder of monthly reports without opening it.
"""

from __future__ import annotations

import datetime as dt

from geo.slug import slug
from geo.tampilan.saring import Filter

# Beyond this many values in one filter, the name says "3-kategori" instead
# of listing them, so names stay under Windows' path limits.
MAKS_NILAI_DISEBUT = 2
MAKS_PANJANG_CARI = 24


def _bagian(nilai: tuple[str, ...], jenis: str) -> list[str]:
    if not nilai:
        return []
    if len(nilai) > MAKS_NILAI_DISEBUT:
        return [f"{len(nilai)}-{jenis}"]
    return [s for s in (slug(v) for v in nilai) if s]


def bagian_filter(f: Filter) -> list[str]:
    """Slugs describing the filter, in the order categories, status, kecamatan, search."""
    bagian = _bagian(f.kategori, "kategori") + _bagian(f.status, "status") + _bagian(f.kecamatan, "kecamatan")
    cari = slug(f.cari)[:MAKS_PANJANG_CARI].strip("-")
    if cari:
        bagian.append(f"cari-{cari}")
    return bagian


def nama_berkas(
    slug_wilayah: str,
    f: Filter,
    ekstensi: str,
    awalan: str = "peta-kim",
    tanggal: dt.date | None = None,
) -> str:
    """``{awalan}-{wilayah}-{YYYY-MM-DD}[-filter...].{ekstensi}``, safe on every OS."""
    tanggal = tanggal or dt.date.today()
    bagian = [awalan, slug(slug_wilayah) or "wilayah", tanggal.isoformat(), *bagian_filter(f)]
    return "-".join(bagian) + "." + ekstensi.lstrip(".")
