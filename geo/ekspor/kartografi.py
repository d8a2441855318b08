"""Map furniture for the printed snapshot: scale bar, north arrow, labels.

The map is drawn in Web Mercator (EPSG:3857) so an optional basemap lines up
without warping; distances are corrected by cos(latitude), which is exact
enough for a city-sized map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.patches import Polygon as PatchPolygon
from matplotlib.patches import Rectangle
from shapely.geometry import LineString, box
from shapely.geometry.base import BaseGeometry

from geo.ekspor.ukur_teks import PT_PER_MM, bungkus, lebar_teks_pt  # noqa: F401  (re-exported for the print modules)

WARNA_TEKS = "#1a1a1a"
WARNA_REDUP = "#555555"
WARNA_KECAMATAN = "#3b3b3b"
LUAS_LABEL_MAKS = 0.4  # share of its kelurahan a name may cover
MAKS_LABEL_TEPI = 60  # more small kelurahan than this: no callout column beside the map
LANGKAH_SKALA = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500)


def _km(nilai: float) -> str:
    """``2.5`` → ``'2,5'``, ``0.25`` → ``'0,25'``: exact, in Indonesian notation."""
    return f"{nilai:g}".replace(".", ",")


def faktor_skala(lintang_tengah: float) -> float:
    """Metres on the ground per Web-Mercator metre at this latitude."""
    return math.cos(math.radians(lintang_tengah))


def panjang_skala(lebar_peta_m: float) -> float:
    """A round scale-bar length (km) of at most a quarter of the map width."""
    target = lebar_peta_m / 4 / 1000
    return max((s for s in LANGKAH_SKALA if s <= target), default=LANGKAH_SKALA[0])


def gambar_skala(ax: Axes, faktor: float, unit_per_pt: float, kota: BaseGeometry | None = None, ukuran_font: float = 7) -> None:
    """Two-tone scale bar in kilometres, in a lower corner that the city leaves free."""
    x0, x1 = ax.get_xlim()
    y0 = ax.get_ylim()[0]
    km = panjang_skala((x1 - x0) * faktor)
    panjang = km * 1000 / faktor  # in map units
    u = unit_per_pt
    tinggi, tepi = 3.5 * u, 10 * u
    lebar_latar, tinggi_latar = panjang + 26 * u, 20 * u

    def latar(kiri: float) -> Rectangle:
        return Rectangle((kiri - 8 * u, y0 + tepi - 5 * u), lebar_latar, tinggi_latar)

    kiri = x0 + tepi + 8 * u
    if kota is not None:
        for calon in (x0 + tepi + 8 * u, x1 - tepi - lebar_latar + 8 * u):
            kotak = latar(calon).get_bbox()
            if not kota.intersects(box(kotak.x0, kotak.y0, kotak.x1, kotak.y1)):
                kiri = calon
                break
    bawah = y0 + tepi
    ax.add_patch(Rectangle((kiri - 8 * u, bawah - 5 * u), lebar_latar, tinggi_latar, facecolor="white", alpha=0.8,
                           edgecolor="none", zorder=8))
    for i in range(4):
        ax.add_patch(Rectangle((kiri + i * panjang / 4, bawah), panjang / 4, tinggi,
                               facecolor="#222222" if i % 2 == 0 else "white", edgecolor="#222222", linewidth=0.6, zorder=9))
    for frac, teks in ((0, "0"), (0.5, _km(km / 2)), (1, f"{_km(km)} km")):
        ax.text(kiri + frac * panjang, bawah + tinggi + 2 * u, teks, ha="center", va="bottom", fontsize=ukuran_font,
                zorder=9, color="#222222")


def gambar_panah_utara(ax: Axes, unit_per_pt: float) -> None:
    """A simple north arrow in the upper right, marked "U" (utara)."""
    x1, y1 = ax.get_xlim()[1], ax.get_ylim()[1]
    s = 12 * unit_per_pt
    cx, atas = x1 - 2 * s, y1 - 2.6 * s
    ax.add_patch(PatchPolygon([(cx, atas), (cx - s * 0.55, atas - s * 1.6), (cx, atas - s * 1.15)], closed=True,
                              facecolor="#222222", edgecolor="#222222", linewidth=0.6, zorder=9))
    ax.add_patch(PatchPolygon([(cx, atas), (cx + s * 0.55, atas - s * 1.6), (cx, atas - s * 1.15)], closed=True,
                              facecolor="white", edgecolor="#222222", linewidth=0.6, zorder=9))
    ax.text(cx, atas + s * 0.2, "U", ha="center", va="bottom", fontsize=10, fontweight="bold", color="#222222", zorder=9)


@dataclass(frozen=True)
class Label:
    """A kelurahan name at (x, y); ``jangkar`` is set for a callout with a leader line."""

    teks: str
    x: float
    y: float
    ukuran: float
    ha: str = "center"
    jangkar: tuple[float, float] | None = None


def _kandidat_teks(nama: str) -> list[str]:
    """The name on one line, then split at the middle space for two lines."""
    kata = nama.split()
    hasil = [nama]
    if len(kata) > 1:
        tengah = min(range(1, len(kata)), key=lambda i: abs(len(" ".join(kata[:i])) - len(" ".join(kata[i:]))))
        hasil.append(" ".join(kata[:tengah]) + "\n" + " ".join(kata[tengah:]))
    return hasil


# Where to try a name, in label heights/widths from the kelurahan's inner point.
_GESER: tuple[tuple[float, float], ...] = ((0, 0), (0, 1.2), (0, -1.2), (0.35, 0), (-0.35, 0), (0, 2.4), (0, -2.4))


def _kena_penanda(kotak, penanda: np.ndarray, jari: float) -> bool:
    if not len(penanda):
        return False
    x0, y0, x1, y1 = kotak.bounds
    return bool(((penanda[:, 0] > x0 - jari) & (penanda[:, 0] < x1 + jari) & (penanda[:, 1] > y0 - jari) & (penanda[:, 1] < y1 + jari)).any())


def _label_dalam(kelurahan: gpd.GeoDataFrame, titik: gpd.GeoSeries, unit_per_pt: float, ukuran: tuple[float, ...],
                 isi_min: float, penanda: np.ndarray) -> tuple[list[Label], list, list[int]]:
    """Labels inside their polygon, biggest kelurahan first; also their boxes and the ones that did not fit.

    Each name first looks for a spot that covers no potential marker, then
    settles for one that fits even if it does.
    """
    terpasang: list = []
    kotak_ada = np.empty((0, 4))  # the same boxes as bounds, for a vectorised overlap test
    hasil: list[Label] = []
    sisa: list[int] = []
    jari = 3 * unit_per_pt  # marker radius
    poligon_semua = kelurahan.geometry.to_numpy()
    nama_semua = kelurahan["kelurahan"].astype(str).to_numpy()
    px_semua, py_semua = titik.x.to_numpy(), titik.y.to_numpy()

    def bebas(x0: float, y0: float, x1: float, y1: float) -> bool:
        # Closed boxes, like shapely's intersects: touching counts as overlapping.
        k = kotak_ada
        return not ((k[:, 0] <= x1) & (k[:, 2] >= x0) & (k[:, 1] <= y1) & (k[:, 3] >= y0)).any()

    for i in np.argsort(-kelurahan.geometry.area.to_numpy()):
        poligon = poligon_semua[i]
        px, py = px_semua[i], py_semua[i]
        dipilih = None
        for hindari in (True, False):
            for pt in ukuran:
                for teks in _kandidat_teks(nama_semua[i]):
                    lebar = lebar_teks_pt(teks, pt) * unit_per_pt * 1.1
                    tinggi = pt * 1.25 * (teks.count("\n") + 1) * unit_per_pt
                    if lebar * tinggi > LUAS_LABEL_MAKS * poligon.area:
                        continue  # a name that fills most of a small kelurahan hides it: call it out instead
                    for gx, gy in _GESER:
                        x, y = px + gx * lebar, py + gy * tinggi
                        tepi = (x - lebar / 2, y - tinggi / 2, x + lebar / 2, y + tinggi / 2)
                        if not bebas(*tepi):
                            continue
                        kotak = box(*tepi)
                        if (not (hindari and _kena_penanda(kotak, penanda, jari))
                                and kotak.intersection(poligon).area >= isi_min * kotak.area):
                            dipilih = (Label(teks, x, y, pt), kotak)
                            break
                    if dipilih:
                        break
                if dipilih:
                    break
            if dipilih:
                break
        if dipilih:
            hasil.append(dipilih[0])
            terpasang.append(dipilih[1])
            kotak_ada = np.vstack([kotak_ada, dipilih[1].bounds])
        else:
            sisa.append(int(i))
    return hasil, terpasang, sisa


def _susun(diinginkan: list[float], tinggi: list[float], bawah: float, atas: float) -> list[float]:
    """Vertical positions near the wished ones (sorted top-down) with no two labels touching."""
    y = []
    for yi, h in zip(diinginkan, tinggi):
        y.append(min(yi, atas) if not y else min(yi, y[-1] - (h + tinggi[len(y) - 1]) / 2))
    geser = bawah - y[-1] if y and y[-1] < bawah else 0.0
    return [v + geser for v in y]


def _sisi_kanan(px: float, py: float, minx: float, maxx: float, kotak_label: list, celah: float, penanda: np.ndarray) -> bool:
    """The side whose leader line is cheaper: its length, plus a quarter of the city's width per
    name it passes and a thirtieth per marker it runs over."""
    lebar_kota = maxx - minx
    dekat = kotak_label  # already buffered by the caller, once for all callouts

    def biaya(x: float) -> float:
        garis = LineString([(px, py), (x, py)])
        lewat = (np.abs(penanda[:, 1] - py) < celah) & (penanda[:, 0] > min(px, x)) & (penanda[:, 0] < max(px, x))
        return garis.length + lebar_kota * (0.25 * int(shapely.intersects(garis, dekat).sum()) + int(lewat.sum()) / 30)

    return biaya(maxx) <= biaya(minx)


def _label_tepi(kelurahan: gpd.GeoDataFrame, titik: gpd.GeoSeries, sisa: list[int], kotak_label: list, unit_per_pt: float,
                sumbu: tuple[float, float, float, float], ukuran: float, penanda: np.ndarray) -> list[Label]:
    """Callouts beside the city for kelurahan too small to hold their name, with leader lines.

    The stack keeps clear of the north arrow (top) and the scale bar (bottom).
    """
    x0, x1, y0, y1 = sumbu
    minx, _, maxx, _ = kelurahan.total_bounds
    celah = 6 * unit_per_pt
    dekat = shapely.buffer(np.asarray(kotak_label, dtype=object), ukuran * unit_per_pt, join_style="mitre") if kotak_label else np.empty(0, dtype=object)
    sisi = {i: _sisi_kanan(titik.iloc[i].x, titik.iloc[i].y, minx, maxx, dekat, ukuran * unit_per_pt, penanda) for i in sisa}
    hasil: list[Label] = []
    for kanan in (True, False):
        pilih = [i for i in sisa if sisi[i] == kanan]
        if not pilih:
            continue
        pilih.sort(key=lambda i: -titik.iloc[i].y)
        ruang = (x1 - maxx - 2 * celah) if kanan else (minx - x0 - 2 * celah)
        teks = []
        for i in pilih:
            nama = str(kelurahan["kelurahan"].iloc[i])
            cocok = [t for t in _kandidat_teks(nama) if lebar_teks_pt(t, ukuran) * unit_per_pt <= ruang]
            teks.append(cocok[0] if cocok else _kandidat_teks(nama)[-1])
        tinggi = [ukuran * 1.3 * (t.count("\n") + 1) * unit_per_pt + 2 * unit_per_pt for t in teks]
        y = _susun([titik.iloc[i].y for i in pilih], tinggi, y0 + (y1 - y0) * 0.12, y1 - (y1 - y0) * 0.16)
        x = maxx + celah if kanan else minx - celah
        for i, t, yi in zip(pilih, teks, y):
            hasil.append(Label(t, x, yi, ukuran, "left" if kanan else "right", (titik.iloc[i].x, titik.iloc[i].y)))
    return hasil


def letak_label(
    kelurahan: gpd.GeoDataFrame,
    unit_per_pt: float,
    sumbu: tuple[float, float, float, float],
    ukuran: tuple[float, ...] = (7.5, 6.5),
    isi_min: float = 0.9,
    penanda: np.ndarray | None = None,
) -> list[Label]:
    """Every kelurahan named once: inside its polygon when the name fits, else as a callout.

    Names never overlap each other and avoid covering ``penanda`` (marker
    x, y) where they can; ``sumbu`` is the map's (x0, x1, y0, y1).
    """
    if not len(kelurahan):
        return []
    titik = kelurahan.geometry.representative_point()
    penanda = np.empty((0, 2)) if penanda is None else np.asarray(penanda, dtype=float).reshape(-1, 2)
    dalam, kotak, sisa = _label_dalam(kelurahan, titik, unit_per_pt, ukuran, isi_min, penanda)
    if len(sisa) > MAKS_LABEL_TEPI:
        # A province-sized map: a column of hundreds of callouts cannot be read; names stay inside only.
        return dalam
    return dalam + _label_tepi(kelurahan, titik, sisa, kotak, unit_per_pt, sumbu, ukuran[-1], penanda)
