"""One budget line's arithmetic: koefisien (up to four volume × satuan pairs), harga, PPN, jumlah.

The rule, the same in validation, the XLSX formulas and the PDF:

* ``koefisien = volume_1 × volume_2 × volume_3 × volume_4`` (empty pairs count as 1);
* ``dasar = koefisien × harga_satuan``;
* ``ppn = dasar × ppn_persen / 100``, rounded to the whole rupiah, half up
  (what Excel's ``ROUND(x, 0)`` does for amounts ≥ 0);
* ``jumlah = dasar + ppn``.

Everything is a Python ``int`` or ``Fraction``, and every input is bounded
(:data:`VOLUME_MAKS`, :data:`geo.anggaran.uang.RUPIAH_MAKS`), so no figure can
overflow an ``int64`` column or a sum of a plan's lines.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from geo.anggaran.uang import RUPIAH_MAKS

JUMLAH_PASANGAN = 4
VOLUME_MAKS = 1_000_000  # per pair: a larger count of people/days/packages is a typo
PPN_MAKS = Fraction(100)
_VOLUME = re.compile(r"^\d{1,3}(?:\.\d{3})*$|^\d+$")
_PERSEN = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")


def kolom_volume(n: int) -> str:
    """The first pair keeps the historic names ``volume``/``satuan``; the others are ``volume_2`` … ``volume_4``."""
    return "volume" if n == 1 else f"volume_{n}"


def kolom_satuan(n: int) -> str:
    return "satuan" if n == 1 else f"satuan_{n}"


KOLOM_VOLUME = tuple(kolom_volume(n) for n in range(1, JUMLAH_PASANGAN + 1))
KOLOM_SATUAN = tuple(kolom_satuan(n) for n in range(1, JUMLAH_PASANGAN + 1))


def urai_volume(teks: str) -> int:
    """``'12'`` or ``'1.250'`` → int in 1 … :data:`VOLUME_MAKS`; otherwise ``ValueError`` in words."""
    bersih = str(teks).strip().replace(" ", "")
    if not _VOLUME.match(bersih):
        raise ValueError("bukan bilangan bulat. Tulis volume sebagai angka bulat ≥ 1, misalnya 12 "
                         "(pecah satuannya bila perlu, mis. OH).")
    if len(bersih.replace(".", "")) > 7:
        raise ValueError(f"terlalu besar: volume paling banyak {VOLUME_MAKS:,}".replace(",", ".") + ". Periksa jumlah digitnya.")
    nilai = int(bersih.replace(".", ""))
    if nilai < 1:
        raise ValueError("harus 1 atau lebih. Hapus barisnya bila kegiatan ini tidak dianggarkan.")
    if nilai > VOLUME_MAKS:
        raise ValueError(f"terlalu besar: volume paling banyak {VOLUME_MAKS:,}".replace(",", ".") + ". Periksa jumlah digitnya.")
    return nilai


def urai_ppn(teks: str) -> Fraction:
    """``''`` → 0, ``'11'``/``'11%'``/``'1,1'`` → exact percent 0 … 100; otherwise ``ValueError``."""
    bersih = str(teks).strip().rstrip("%").strip()
    if bersih == "":
        return Fraction(0)
    if not _PERSEN.match(bersih):
        raise ValueError("bukan persen. Tulis persen PPN sebagai angka, misalnya 11 (atau kosong bila tanpa PPN).")
    nilai = Fraction(bersih.replace(",", "."))
    if nilai > PPN_MAKS:
        raise ValueError("lebih dari 100 persen. Tulis persen PPN, misalnya 11.")
    return nilai


def teks_persen(nilai: Fraction) -> str:
    """``Fraction(11)`` → ``'11'``, ``Fraction(23, 2)`` → ``'11,5'`` (how the form prints it)."""
    if nilai.denominator == 1:
        return str(nilai.numerator)
    return f"{float(nilai):.2f}".rstrip("0").rstrip(".").replace(".", ",")


def bulat_setengah_naik(nilai: Fraction) -> int:
    """Whole rupiah, .5 upwards (amounts here are never negative)."""
    return math.floor(nilai + Fraction(1, 2))


@dataclass(frozen=True)
class Hitungan:
    """The four figures of one line."""

    koefisien: int
    dasar: int
    ppn: int
    jumlah: int


def hitung_baris(volume: tuple[int, ...], harga: int, ppn_persen: Fraction = Fraction(0)) -> Hitungan:
    """The rule in the module docstring; ``ValueError`` in words when the line is beyond any real budget."""
    koefisien = math.prod(volume) if volume else 1
    dasar = koefisien * int(harga)
    ppn = bulat_setengah_naik(Fraction(dasar) * ppn_persen / 100)
    jumlah = dasar + ppn
    if jumlah > RUPIAH_MAKS:
        raise ValueError(f"koefisien {koefisien:,} × harga_satuan memberi lebih dari Rp 1.000 triliun; ".replace(",", ".")
                         + "periksa volume dan harga_satuan (salah ketik digit?).")
    return Hitungan(koefisien, dasar, ppn, jumlah)


def teks_koefisien(volume: tuple[int, ...], satuan: tuple[str, ...]) -> str:
    """``(15, 2), ('KIM', 'Kali')`` → ``'15 KIM x 2 Kali'``, the form's koefisien text."""
    return " x ".join(f"{v:,}".replace(",", ".") + (f" {s}" if s else "") for v, s in zip(volume, satuan))


def satuan_gabung(satuan: tuple[str, ...]) -> str:
    """``('KIM', 'Kali')`` → ``'KIM x Kali'``: the unit the koefisien counts."""
    return " x ".join(s for s in satuan if s)
