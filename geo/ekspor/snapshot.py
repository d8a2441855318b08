"""Print layout of one filtered view (PNG/PDF), drawn with matplotlib.

A snapshot is a page for a report, not a screenshot: title, choropleth with
the page's own classes, potentials by category, labels, scale, north arrow,
filters, date, source and caveats. It uses ``Figure`` directly (no pyplot),
so concurrent page sessions never share drawing state.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from matplotlib import patheffects, rc_context
from matplotlib.axes import Axes
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from geo import format_id
from geo.ekspor import keterangan
from geo.ekspor.basemap import Basemap, ambil_basemap
from geo.ekspor.kartografi import (
    PT_PER_MM,
    WARNA_KECAMATAN,
    WARNA_REDUP,
    WARNA_TEKS,
    bungkus,
    faktor_skala,
    gambar_panah_utara,
    gambar_skala,
    lebar_teks_pt,
    letak_label,
)
from geo.ekspor.legenda_cetak import ARSIR_TANPA_DATA, UKURAN_PENANDA, gambar_legenda, gaya_potensi
from geo.ekspor.lokator import konteks_lokator, sisip_lokator
from geo.ekspor.merek import merek
from geo.ekspor.opsi import UKURAN_KERTAS_MM, OpsiEkspor
from geo.i18n import deskripsi_filter, label_metrik, t
from geo.tampilan.kelas import Kelas
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan

MM_PER_INCI = 25.4
TEPI_MM = 12.0
WARNA_CATATAN = "#9a3412"
WARNA_GARIS_LABEL = "#4d4d4d"
BARIS_KAKI_MM = 3.6
MAKS_BARIS_FILTER = 3
# Only the white outline: the letters themselves are drawn as real text on top,
# so names stay selectable and searchable in the PDF.
HALO = [patheffects.Stroke(linewidth=2.2, foreground="white")]
HALO_TEKS = [*HALO, patheffects.Normal()]
HALO_GARIS = [patheffects.withStroke(linewidth=1.8, foreground="white")]


@dataclass(frozen=True)
class Kotak:
    """A rectangle on the page in millimetres from the top-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class TataLetak:
    kertas: tuple[float, float]
    kepala: Kotak
    peta: Kotak
    legenda: Kotak
    kaki: Kotak


@dataclass(frozen=True)
class Teks:
    """The header and footer wording, wrapped, decided before the layout so boxes fit it."""

    judul: str
    ukuran_judul: float
    sub: str
    saring: str
    kaki: tuple[str, ...]
    catatan: str

    @property
    def tinggi_kepala(self) -> float:
        return (7.5 if "\n" not in self.judul else 12.5) + 5.5 + 4.2 * (self.saring.count("\n") + 1) + 2.5

    @property
    def tinggi_kaki(self) -> float:
        return 3.0 + BARIS_KAKI_MM * (len(self.kaki) + bool(self.catatan))


def tata_letak(ukuran: str, tinggi_kepala: float = 24.0, tinggi_kaki: float = 15.0) -> TataLetak:
    """Boxes for header, map, legend panel and footer on the chosen sheet."""
    lebar, tinggi = UKURAN_KERTAS_MM[ukuran]
    isi = lebar - 2 * TEPI_MM
    kepala = Kotak(TEPI_MM, TEPI_MM, isi, tinggi_kepala)
    kaki = Kotak(TEPI_MM, tinggi - TEPI_MM - tinggi_kaki, isi, tinggi_kaki)
    atas = kepala.y + kepala.h + 3
    bawah = kaki.y - 3
    if lebar > tinggi:  # landscape: legends to the right of the map
        panel = 66.0
        peta = Kotak(TEPI_MM, atas, isi - panel - 6, bawah - atas)
        legenda = Kotak(TEPI_MM + isi - panel, atas, panel, bawah - atas)
    else:  # portrait: legends in a band under the map
        band = 56.0
        peta = Kotak(TEPI_MM, atas, isi, bawah - atas - band - 4)
        legenda = Kotak(TEPI_MM, bawah - band, isi, band)
    return TataLetak((lebar, tinggi), kepala, peta, legenda, kaki)


def _sumbu(fig: Figure, kotak: Kotak, kertas: tuple[float, float], nama: str) -> Axes:
    lebar, tinggi = kertas
    return fig.add_axes((kotak.x / lebar, 1 - (kotak.y + kotak.h) / tinggi, kotak.w / lebar, kotak.h / tinggi), label=nama)


def _sumbu_mm(fig: Figure, kotak: Kotak, kertas: tuple[float, float], nama: str) -> Axes:
    """An invisible axes whose data units are millimetres, y growing downwards."""
    ax = _sumbu(fig, kotak, kertas, nama)
    ax.set_xlim(0, kotak.w)
    ax.set_ylim(kotak.h, 0)
    ax.set_axis_off()
    return ax


def _judul_pas(judul: str, lebar_mm: float) -> tuple[str, float]:
    """Shrink a long title before wrapping it: one line reads best on a cover page."""
    for ukuran in (16.0, 14.0, 12.5):
        if lebar_teks_pt(judul, ukuran, tebal=True) <= lebar_mm * PT_PER_MM:
            return judul, ukuran
    rata = lebar_teks_pt(judul, 12.5, tebal=True) / max(len(judul), 1)
    return textwrap.fill(judul, width=max(10, int(lebar_mm * PT_PER_MM / rata)), max_lines=2, placeholder=" …"), 12.5


def _batas_peta(tampilan: Tampilan, kotak: Kotak) -> tuple[float, float, float, float]:
    """Map extent in EPSG:3857 padded and stretched to the box's aspect ratio."""
    sumber = tampilan.ringkasan if len(tampilan.ringkasan) else tampilan.dataset.batas
    if not len(sumber):
        sumber = tampilan.potensi
    if len(sumber):
        minx, miny, maxx, maxy = sumber.to_crs(3857).total_bounds
    else:
        minx, miny, maxx, maxy = 0.0, 0.0, 1000.0, 1000.0
    lebar, tinggi = max(maxx - minx, 500.0), max(maxy - miny, 500.0)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    lebar, tinggi = lebar * 1.08, tinggi * 1.08
    rasio = kotak.w / kotak.h
    if lebar / tinggi < rasio:
        lebar = tinggi * rasio
    else:
        tinggi = lebar / rasio
    return cx - lebar / 2, cx + lebar / 2, cy - tinggi / 2, cy + tinggi / 2


def _cara_gabung(kelurahan) -> str:
    """``"coverage"`` when the kelurahan tile without overlaps (an imported boundary file
    does): GEOS then merges shared edges directly, ~10× faster than a general union."""
    try:
        return "coverage" if bool(shapely.coverage_is_valid(kelurahan.geometry.to_numpy())) else "unary"
    except Exception:  # noqa: BLE001 - older GEOS or odd geometry: the general union is always right
        return "unary"


def _gambar_peta(ax: Axes, tampilan: Tampilan, kelas: Kelas, opsi: OpsiEkspor, kotak: Kotak, basemap: Basemap | None) -> None:
    x0, x1, y0, y1 = _batas_peta(tampilan, kotak)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for tepi in ax.spines.values():
        tepi.set_edgecolor("#9e9e9e")
        tepi.set_linewidth(0.6)
    if basemap is not None:
        ax.imshow(basemap.gambar, extent=basemap.extent, interpolation="bilinear", zorder=0)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
    else:
        ax.set_facecolor("#f4f6f8")

    kelurahan = tampilan.ringkasan.to_crs(3857)
    cara = _cara_gabung(kelurahan) if len(kelurahan) else "unary"
    if len(kelurahan):
        warna = kelas.warna_nilai(kelurahan[tampilan.metrik].astype(float).to_numpy())
        kelurahan.plot(ax=ax, color=warna, edgecolor="white", linewidth=0.9, alpha=0.88 if basemap else 1.0, zorder=2)
        kosong = kelurahan[tampilan.metrik].isna().to_numpy()
        if kosong.any():  # no data: hatched over the grey, as in the legend
            kelurahan[kosong].plot(ax=ax, facecolor="none", edgecolor="#8c8c8c", hatch=ARSIR_TANPA_DATA, linewidth=0, zorder=2.5)
        kelurahan[["kecamatan", "geometry"]].dissolve("kecamatan", method=cara).boundary.plot(
            ax=ax, color=WARNA_KECAMATAN, linewidth=1.3, zorder=3)
        ax.set_xlabel("")  # geopandas labels the axes with the CRS units; a printed map does not want them
        ax.set_ylabel("")

    potensi = tampilan.potensi.to_crs(3857)
    if len(potensi):
        # Inactive (hollow) markers first, so active ones sit on top where they overlap.
        kode_status = pd.Categorical(potensi["status_aktivitas"], categories=tampilan.dataset.wilayah.status_aktivitas).codes
        urut = np.argsort(-kode_status, kind="stable")
        gaya = {k: v[urut] for k, v in gaya_potensi(tampilan).items()}
        ax.scatter(potensi.geometry.x.to_numpy()[urut], potensi.geometry.y.to_numpy()[urut], s=UKURAN_PENANDA, zorder=5, **gaya)

    unit_per_pt = (x1 - x0) / (kotak.w * PT_PER_MM)
    xy = np.column_stack([potensi.geometry.x.to_numpy(), potensi.geometry.y.to_numpy()]) if len(potensi) else None
    label_semua = letak_label(kelurahan, unit_per_pt, (x0, x1, y0, y1), penanda=xy)
    tepi = [lb for lb in label_semua if lb.jangkar is not None]
    if tepi:
        # All leader lines as one collection and all anchors in one scatter call: one artist each, not two per label.
        garis = [[lb.jangkar, (lb.x - 1.5 * unit_per_pt if lb.ha == "left" else lb.x + 1.5 * unit_per_pt, lb.y)] for lb in tepi]
        ax.add_collection(LineCollection(garis, colors=WARNA_GARIS_LABEL, linewidths=0.6, zorder=6, capstyle="round",
                                         path_effects=HALO_GARIS))
        ax.scatter([lb.jangkar[0] for lb in tepi], [lb.jangkar[1] for lb in tepi], s=5, color=WARNA_GARIS_LABEL, zorder=6, linewidths=0)
    for label in label_semua:
        # One artist per name: the halo stroke, then the glyphs (was two texts per name).
        ax.text(label.x, label.y, label.teks, ha=label.ha, va="center", fontsize=label.ukuran, color=WARNA_TEKS,
                linespacing=1.0, path_effects=HALO_TEKS, zorder=7, parse_math=False)

    lintang = float(np.mean(tampilan.ringkasan.total_bounds[[1, 3]])) if len(tampilan.ringkasan) else 0.0
    kota = kelurahan.geometry.union_all(method=cara) if len(kelurahan) else None
    gambar_skala(ax, faktor_skala(lintang), unit_per_pt, kota)
    gambar_panah_utara(ax, unit_per_pt)


def susun_teks(tampilan: Tampilan, opsi: OpsiEkspor, basemap: Basemap | None, lebar_mm: float) -> Teks:
    """Title, subtitle, filter line and footer lines, wrapped to the page width (nothing is cut)."""
    bahasa = tampilan.bahasa
    judul, ukuran = _judul_pas(judul_snapshot(tampilan, opsi), lebar_mm)
    wil = tampilan.dataset.wilayah
    sub = t("c_peta_sub", bahasa, wilayah=wil.nama, metrik=label_metrik(tampilan.metrik, wil, bahasa), **sebutan_tampilan(tampilan, bahasa))
    saring = bungkus("Filter: " + deskripsi_filter(tampilan.filter, bahasa, tampilan.dataset.wilayah), lebar_mm, 8.5)
    if saring.count("\n") >= MAKS_BARIS_FILTER:
        saring = "\n".join(saring.split("\n")[:MAKS_BARIS_FILTER])[:-1] + "…"
    ds = tampilan.dataset
    mrk = merek(wil)
    kaki = [mrk.baris()] if mrk.baris() else []
    kaki.append(t("c_peta_kaki", bahasa, tanggal=format_id.tanggal(opsi.hari(), bahasa=bahasa), sumber=keterangan.sumber(ds, bahasa)))
    if mrk.catatan_kaki:
        kaki.append(mrk.catatan_kaki)
    if basemap is not None:
        kaki.append(t("c_peta_dasar", bahasa, atribusi=basemap.atribusi))
    elif opsi.basemap:
        kaki.append(t("c_peta_dasar_tidak_ada", bahasa))
    baris_kaki = tuple(b for teks in kaki for b in bungkus(teks, lebar_mm, 7).split("\n"))
    catatan = " ".join(keterangan.catatan(ds, bahasa))
    return Teks(judul, ukuran, sub, saring, baris_kaki, bungkus(t("c_catatan", bahasa, teks=catatan), lebar_mm, 7, tebal=True) if catatan else "")


def gambar_logo(ax: Axes, logo: np.ndarray | None, kanan: float, atas: float, tinggi: float) -> float:
    """The office logo at the top right of a mm-axes; returns the width it took (0 without one)."""
    if logo is None or not logo.size:
        return 0.0
    lebar = tinggi * logo.shape[1] / logo.shape[0]
    ax.imshow(logo, extent=(kanan - lebar, kanan, atas + tinggi, atas), interpolation="antialiased", zorder=5)
    ax.set_xlim(0, ax.get_xlim()[1])
    ax.set_ylim(ax.get_ylim()[0], 0)
    ax.set_aspect("auto")
    return lebar


def _gambar_kepala(ax: Axes, teks: Teks, kotak: Kotak) -> None:
    ax.text(0, 0, teks.judul, fontsize=teks.ukuran_judul, fontweight="bold", va="top", color=WARNA_TEKS, linespacing=1.1,
            parse_math=False)
    y = 7.5 if "\n" not in teks.judul else 12.5
    ax.text(0, y, teks.sub, fontsize=9.5, va="top", color=WARNA_REDUP, parse_math=False)
    ax.text(0, y + 5.5, teks.saring, fontsize=8.5, va="top", color=WARNA_TEKS, linespacing=1.15, parse_math=False)
    ax.plot([0, kotak.w], [kotak.h, kotak.h], color="#9e9e9e", linewidth=0.6, clip_on=False)


def _gambar_kaki(ax: Axes, teks: Teks, kotak: Kotak) -> None:
    ax.plot([0, kotak.w], [0, 0], color="#9e9e9e", linewidth=0.6, clip_on=False)
    for i, baris in enumerate(teks.kaki):
        ax.text(0, 2.5 + i * BARIS_KAKI_MM, baris, fontsize=7, va="top", color=WARNA_REDUP, parse_math=False)
    if teks.catatan:
        ax.text(0, 2.5 + len(teks.kaki) * BARIS_KAKI_MM, teks.catatan, fontsize=7, va="top", color=WARNA_CATATAN,
                fontweight="bold", parse_math=False)


def buat_gambar(tampilan: Tampilan, opsi: OpsiEkspor | None = None) -> Figure:
    """The whole print layout as a Figure, before saving, so tests can read its texts."""
    opsi = opsi or OpsiEkspor()
    opsi.periksa()
    tampilan.keadaan.periksa(tampilan.dataset.wilayah)
    lebar_mm, tinggi_mm = UKURAN_KERTAS_MM[opsi.ukuran]
    # Whole pixels at both resolutions: A4 at 300 dpi is exactly 3508 × 2480.
    fig = Figure(figsize=(round(lebar_mm / MM_PER_INCI * opsi.dpi) / opsi.dpi, round(tinggi_mm / MM_PER_INCI * opsi.dpi) / opsi.dpi),
                 dpi=opsi.dpi, facecolor="white")
    # A canvas that never draws: geopandas asks for redraws while plotting,
    # and each Agg redraw of the full page would cost a tenth of a second.
    FigureCanvasBase(fig)
    kelas = tampilan.kelas  # the page's own classes
    isi = lebar_mm - 2 * TEPI_MM
    basemap = None
    if opsi.basemap:
        # Fetch before laying out: the footer names the tiles, and either way it is one line, so the map box is the same.
        sementara = susun_teks(tampilan, opsi, None, isi)
        x0, x1, y0, y1 = _batas_peta(tampilan, tata_letak(opsi.ukuran, sementara.tinggi_kepala, sementara.tinggi_kaki).peta)
        basemap = ambil_basemap((x0, y0, x1, y1))
    teks = susun_teks(tampilan, opsi, basemap, isi - (20 if merek(tampilan.dataset.wilayah).logo else 0))
    letak = tata_letak(opsi.ukuran, teks.tinggi_kepala, teks.tinggi_kaki)
    # Page order (header, map, legend, footer) is also the order of fig.axes and of teks_gambar().
    ax_kepala = _sumbu_mm(fig, letak.kepala, letak.kertas, "kepala")
    _gambar_kepala(ax_kepala, teks, letak.kepala)
    gambar_logo(ax_kepala, merek(tampilan.dataset.wilayah).logo_raster(), letak.kepala.w, 0, min(16.0, letak.kepala.h - 3))
    ax_peta = _sumbu(fig, letak.peta, letak.kertas, "peta")
    _gambar_peta(ax_peta, tampilan, kelas, opsi, letak.peta, basemap)
    gambar_legenda(_sumbu_mm(fig, letak.legenda, letak.kertas, "legenda"), tampilan, letak.legenda.w)
    _gambar_kaki(_sumbu_mm(fig, letak.kaki, letak.kertas, "kaki"), teks, letak.kaki)
    # Last, so the page's first axes stay header, map, legend, footer.
    sisip_lokator(ax_peta, tampilan.dataset.batas, konteks_lokator(tampilan.dataset), t("c_letak_wilayah", tampilan.bahasa),
                  bahasa=tampilan.bahasa, sorot=tampilan.ringkasan.geometry.union_all() if tampilan.dataset.batas.shape[0] > len(tampilan.ringkasan) else None)
    fig.basemap_dipakai = basemap is not None  # type: ignore[attr-defined]
    return fig


def teks_gambar(fig: Figure) -> list[str]:
    """Every text on the page, for tests and for checking a title made it in."""
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def judul_snapshot(tampilan: Tampilan, opsi: OpsiEkspor) -> str:
    """The user's title, or one generated from the filters when left empty."""
    return opsi.judul.strip() or keterangan.judul_bawaan(tampilan, tampilan.bahasa)


def simpan(fig: Figure, format: str, judul: str = "") -> bytes:
    """PNG or PDF bytes; PDF fonts are embedded as TrueType so text stays selectable."""
    keluaran = io.BytesIO()
    metadata = {"Title": judul, "Creator": "Peta Potensi KIM"} if format == "pdf" else {"Title": judul, "Software": "Peta Potensi KIM"}
    with rc_context({"pdf.fonttype": 42}):
        fig.savefig(keluaran, format=format, dpi=fig.dpi, facecolor="white", metadata=metadata)
    return keluaran.getvalue()
