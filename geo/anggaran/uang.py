"""Rupiah as whole integers: parsed from what Excel-ID users type, written ``Rp 200.000.000``.

Money never passes through a float: a float cannot hold every rupiah of a
large budget exactly, and a proposal must add up to the last rupiah.
"""

from __future__ import annotations

import re

from babel.numbers import format_decimal

# Beyond a trillion rupiah a value is a typo, and int64 arithmetic stays safe.
RUPIAH_MAKS = 10**15

_ID = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,(\d{1,2}))?$")  # 1.500.000 or 1.500.000,00
_EN = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.(\d{1,2}))?$")  # 1,500,000 or 1,500,000.00
_POLOS = re.compile(r"^\d+(?:[.,](\d{1,2}))?$")  # 1500000, 1500000,00


def urai_rupiah(teks: str) -> int:
    """``'Rp 1.500.000'``, ``'1.500.000,00'``, ``'1500000'`` → 1500000; raises ``ValueError`` in words.

    A group of three digits after one dot (``1.500``) is read as thousands,
    the way Indonesian money is written; cents must be zero.
    """
    bersih = re.sub(r"(?i)^\s*rp\.?", "", str(teks)).replace("\u00a0", "").replace(" ", "")
    if bersih.startswith(("-", "\u2212")):
        raise ValueError("tidak boleh negatif. Tulis jumlah rupiah 0 atau lebih, misalnya Rp 1.500.000.")
    for pola, pemisah in ((_ID, "."), (_EN, ","), (_POLOS, "")):
        m = pola.match(bersih)
        if not m:
            continue
        sen = m.group(1)
        if sen and int(sen):
            raise ValueError("memuat sen. Anggaran ditulis dalam rupiah bulat, misalnya Rp 1.500.000.")
        utuh = re.split(r"[.,]\d{1,2}$", bersih)[0] if sen is not None else bersih
        nilai = int(utuh.replace(pemisah, "") if pemisah else utuh)
        if nilai > RUPIAH_MAKS:
            raise ValueError("terlalu besar untuk anggaran. Periksa jumlah digitnya.")
        return nilai
    raise ValueError("bukan jumlah rupiah. Tulis angka bulat, misalnya 1500000 atau Rp 1.500.000.")


def angka_bulat(nilai: int, bahasa: str = "id") -> str:
    """``200000000`` → ``'200.000.000'`` (Babel, locale ``id``; ``en`` uses commas)."""
    return format_decimal(int(nilai), format="#,##0", locale="en" if bahasa == "en" else "id")


def rupiah(nilai: int, bahasa: str = "id") -> str:
    """``200000000`` → ``'Rp 200.000.000'``; negative amounts as ``-Rp 5.000``."""
    nilai = int(nilai)
    tanda = "-" if nilai < 0 else ""
    return f"{tanda}Rp {angka_bulat(abs(nilai), bahasa)}"
