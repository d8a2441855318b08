"""Parse numbers and dates written the Indonesian-Excel way.

Each parser returns the value or raises ``ValueError`` with an Indonesian
explanation, so validation can quote it next to the row and column.
"""

from __future__ import annotations

import datetime as dt
import math
import re

_BULAT_RIBUAN = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_FORMAT_TANGGAL = (
    ("%Y-%m-%d", re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")),
    ("%d/%m/%Y", re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")),
    ("%d-%m-%Y", re.compile(r"^\d{1,2}-\d{1,2}-\d{4}$")),
    ("%d.%m.%Y", re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")),
    ("%Y/%m/%d", re.compile(r"^\d{4}/\d{1,2}/\d{1,2}$")),
    # Excel's short date in an Indonesian locale: 13/07/22 (always 20xx here).
    ("%d/%m/%y", re.compile(r"^\d{1,2}/\d{1,2}/\d{2}$")),
)
# The usual form, two-digit month and day: read without strptime (ten times slower, and a log has
# a date per row). Same dates and the same refusals as the ``%Y-%m-%d`` format below.
_ISO_PENUH = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WAKTU = re.compile(r"[ T]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?$")


def urai_desimal(teks: str) -> float:
    """``'0,1331'`` or ``'0.1331'`` → 0.1331; a decimal comma is Excel-ID's default."""
    bersih = teks.strip().replace(" ", "").replace("\u2212", "-")
    if bersih.count(",") == 1 and "." not in bersih:
        bersih = bersih.replace(",", ".")
    try:
        nilai = float(bersih)
    except ValueError:
        raise ValueError("bukan angka. Tulis angka desimal, misalnya 0,1331 atau 0.1331.") from None
    if not math.isfinite(nilai):
        raise ValueError("bukan angka yang terhingga. Tulis angka desimal, misalnya 0,1331.")
    return nilai


def urai_bulat(teks: str) -> int:
    """Whole numbers, tolerating ``'12,0'`` and thousands dots like ``'1.250'``."""
    bersih = teks.strip().replace(" ", "")
    if "e" in bersih.lower():
        raise ValueError("bukan bilangan bulat biasa. Tulis jumlah orang dengan angka, misalnya 25.")
    if _BULAT_RIBUAN.match(bersih):
        bersih = bersih.replace(".", "")
    try:
        nilai = urai_desimal(bersih)
    except ValueError:
        raise ValueError("bukan bilangan bulat. Tulis jumlah orang, misalnya 25.") from None
    if not nilai.is_integer():
        raise ValueError("harus bilangan bulat (tanpa pecahan), misalnya 25.")
    return int(nilai)


def urai_tanggal(teks: str) -> dt.date:
    """ISO ``2022-07-13`` or day-first ``13/07/2022``; impossible dates are refused."""
    bersih = _WAKTU.sub("", teks.strip())
    if _ISO_PENUH.match(bersih):
        try:
            return dt.date(int(bersih[:4]), int(bersih[5:7]), int(bersih[8:10]))
        except ValueError:
            pass  # an impossible date: refused below with the usual message
    for fmt, pola in _FORMAT_TANGGAL:
        if pola.match(bersih):
            try:
                return dt.datetime.strptime(bersih, fmt).date()
            except ValueError:
                raise ValueError(
                    "bukan tanggal yang mungkin (hari atau bulan di luar kalender). "
                    "Gunakan format hh/bb/tttt, misalnya 13/07/2022."
                ) from None
    raise ValueError("format tanggal tidak dikenal. Gunakan hh/bb/tttt (13/07/2022) atau tttt-bb-hh (2022-07-13).")
