"""Where the text of a printed page lands: overprints and clipping, measured with matplotlib's renderer.

A text box is what the reader sees, so the check is on rendered extents
(Agg, the same font metrics the PDF backend uses): no two boxes on a page
overlap, every box stays inside the page margin, and a text drawn in a
layout box (header, info, potentials, footer…) stays inside that box.
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

MM_PER_INCI = 25.4
# A printer's unprintable edge is about 4–5 mm; nothing may come closer than this.
TEPI_AMAN_MM = 5.0
# Sub-pixel slack for boxes that merely touch (a line height's leading).
TOLERANSI_PX = 1.0


def _teks_tampak(fig: Figure) -> list[tuple[Text, str]]:
    hasil = []
    for teks in fig.findobj(Text):
        if not teks.get_visible() or not teks.get_text().strip():
            continue
        ax = teks.axes
        nama = ax.get_label() if ax is not None else "halaman"
        hasil.append((teks, nama))
    return hasil


def _potong(a: Bbox, b: Bbox) -> bool:
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > TOLERANSI_PX) and (min(a.y1, b.y1) - max(a.y0, b.y0) > TOLERANSI_PX)


def masalah_tata_letak(fig: Figure, nama_halaman: str = "", sumbu_bebas: tuple[str, ...] = ("peta",)) -> list[str]:
    """Every overprint and clip on ``fig``, in words; an empty list is a clean page.

    Texts of the axes in ``sumbu_bebas`` (the map, whose labels are placed by
    the cartography code and may sit anywhere inside the map frame) are checked
    against the page margin and against other boxes' texts, not against each other
    or their own axes (a map label may be clipped by the frame on purpose).
    """
    FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    lebar_px, tinggi_px = fig.bbox.width, fig.bbox.height
    tepi = TEPI_AMAN_MM / MM_PER_INCI * fig.dpi
    halaman = Bbox.from_extents(tepi, tepi, lebar_px - tepi, tinggi_px - tepi)
    kotak: list[tuple[str, str, Bbox]] = []
    masalah: list[str] = []
    for teks, nama in _teks_tampak(fig):
        b = teks.get_window_extent(renderer)
        if b.width <= 0 or b.height <= 0:
            continue
        isi = teks.get_text().replace("\n", " / ")[:60]
        if teks.get_clip_on() and nama in sumbu_bebas:
            b = Bbox.intersection(b, teks.axes.bbox) or b
        if b.x0 < halaman.x0 - TOLERANSI_PX or b.x1 > halaman.x1 + TOLERANSI_PX or b.y0 < halaman.y0 - TOLERANSI_PX \
                or b.y1 > halaman.y1 + TOLERANSI_PX:
            masalah.append(f"{nama_halaman}: '{isi}' ({nama}) keluar dari tepi aman {TEPI_AMAN_MM:g} mm")
        ax = teks.axes
        if ax is not None and nama not in sumbu_bebas and nama != "halaman":
            kotak_ax = ax.bbox
            if b.x1 > kotak_ax.x1 + TOLERANSI_PX or b.x0 < kotak_ax.x0 - TOLERANSI_PX or b.y0 < kotak_ax.y0 - TOLERANSI_PX:
                masalah.append(f"{nama_halaman}: '{isi}' keluar dari kotak {nama}")
        kotak.append((isi, nama, b))
    for i, (isi_a, nama_a, a) in enumerate(kotak):
        for isi_b, nama_b, b in kotak[i + 1:]:
            if nama_a == nama_b and nama_a in sumbu_bebas:
                continue
            if _potong(a, b):
                masalah.append(f"{nama_halaman}: '{isi_a}' ({nama_a}) menimpa '{isi_b}' ({nama_b})")
    return masalah
