"""Text measured in the print font: widths, wrapping and one-line fitting in millimetres.

A print has no reflow: a line that is a few per cent too wide runs over the
margin or the next box. Wrapping therefore measures every candidate line
with the font's own advances (cached per character) instead of guessing
from an average character width, and a line that must stay one line is cut
with an ellipsis that is itself measured.
"""

from __future__ import annotations

from functools import lru_cache

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

_TEKS_KE_PATH = TextToPath()
PT_PER_MM = 72 / 25.4
# Summed advances ignore kerning and hinting; the rendered box can be a little wider.
CADANGAN = 0.96
ELIPSIS = "\u2026"


@lru_cache(maxsize=4096)
def _lebar_huruf(huruf: str, tebal: bool) -> float:
    """Advance width of one character at 1 pt, measured once from the font."""
    prop = FontProperties(size=100, weight="bold" if tebal else "normal")
    return _TEKS_KE_PATH.get_text_width_height_descent(huruf, prop, ismath=False)[0] / 100


def lebar_teks_pt(teks: str, ukuran: float, tebal: bool = False) -> float:
    """Width of the widest line in points: summed per-character advances (no renderer, no kerning).

    Measuring each candidate label through the font cost a millisecond per
    call; 1,000 kelurahan try thousands of candidates, so widths add up cached
    character widths instead (within a few per cent of the kerned width).
    """
    return max(sum(_lebar_huruf(h, tebal) for h in baris) for baris in teks.split("\n")) * ukuran


def _muat(teks: str, batas_pt: float, ukuran: float, tebal: bool) -> bool:
    return lebar_teks_pt(teks, ukuran, tebal) <= batas_pt


def _patah_kata(kata: str, batas_pt: float, ukuran: float, tebal: bool) -> list[str]:
    """A single word wider than the line (a long URL, a phone list) cut into pieces that fit."""
    potong, sisa = [], kata
    while sisa and not _muat(sisa, batas_pt, ukuran, tebal):
        n = 1
        while n < len(sisa) and _muat(sisa[:n + 1], batas_pt, ukuran, tebal):
            n += 1
        potong.append(sisa[:n])
        sisa = sisa[n:]
    return [*potong, sisa] if sisa else potong


def bungkus(teks: str, lebar_mm: float, ukuran: float, tebal: bool = False, maks_baris: int | None = None) -> str:
    """Wrap ``teks`` to a width in mm, each line measured; with ``maks_baris`` the last line ends in "…"."""
    batas = lebar_mm * PT_PER_MM * CADANGAN
    baris: list[str] = []
    for paragraf in str(teks).split("\n"):
        kini = ""
        for kata in paragraf.split():
            calon = f"{kini} {kata}" if kini else kata
            if _muat(calon, batas, ukuran, tebal):
                kini = calon
                continue
            if kini:
                baris.append(kini)
            # A word is only cut when it is wider than the whole line: an account code that fills its
            # column to the last point stays one piece.
            potongan = _patah_kata(kata, lebar_mm * PT_PER_MM, ukuran, tebal)
            baris += potongan[:-1]
            kini = potongan[-1] if potongan else ""
        baris.append(kini)
    if maks_baris is not None and len(baris) > maks_baris:
        baris = baris[:maks_baris]
        baris[-1] = satu_baris(baris[-1] + " " + ELIPSIS, lebar_mm, ukuran, tebal)
        if not baris[-1].endswith(ELIPSIS):
            baris[-1] = satu_baris(baris[-1].rstrip() + ELIPSIS, lebar_mm, ukuran, tebal)
    return "\n".join(baris)


def satu_baris(teks: str, lebar_mm: float, ukuran: float, tebal: bool = False) -> str:
    """``teks`` on one line of ``lebar_mm``: whole when it fits, else cut at a word with "…" (measured too)."""
    teks = " ".join(str(teks).split())
    batas = lebar_mm * PT_PER_MM * CADANGAN
    if _muat(teks, batas, ukuran, tebal):
        return teks
    kata = teks.split(" ")
    while len(kata) > 1:
        kata.pop()
        calon = " ".join(kata).rstrip(" ,;:\u00b7\u2014-") + ELIPSIS
        if _muat(calon, batas, ukuran, tebal):
            return calon
    hasil = kata[0] if kata else ""
    while hasil and not _muat(hasil + ELIPSIS, batas, ukuran, tebal):
        hasil = hasil[:-1]
    return hasil + ELIPSIS


def halaman_mm(lebar_mm: float, tinggi_mm: float):
    """A blank white page whose axes count millimetres from the top left, as a printed form is measured."""
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.figure import Figure

    fig = Figure(figsize=(lebar_mm / 25.4, tinggi_mm / 25.4), dpi=100, facecolor="white")
    FigureCanvasBase(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, lebar_mm)
    ax.set_ylim(tinggi_mm, 0)
    ax.axis("off")
    return fig, ax

