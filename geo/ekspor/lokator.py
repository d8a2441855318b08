"""Locator inset: where the mapped area sits, drawn from the boundaries alone (no internet).

Without a province outline in the data, the context is the whole region
(every kelurahan, kecamatan lines) in a frame three times its size, with the
province named; the part the main map shows is filled in.
"""

from __future__ import annotations

import geopandas as gpd
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from shapely.geometry.base import BaseGeometry

WARNA_LATAR = "#eef2f5"
WARNA_WILAYAH = "#c9d1d8"
WARNA_SOROT = "#b2182b"
PERBESAR_BINGKAI = 1.8


def gambar_lokator(ax: Axes, batas: gpd.GeoDataFrame, sorot: BaseGeometry | None = None, provinsi: str = "",
                   judul: str = "Lokasi", rasio: float = 1.0) -> None:
    """Draw the inset on ``ax``: the region in context, ``sorot`` (EPSG:4326) highlighted.

    With no ``sorot`` the frame of the main map (the whole region) is outlined instead.
    """
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor(WARNA_LATAR)
    for tepi in ax.spines.values():
        tepi.set_edgecolor("#6b7680")
        tepi.set_linewidth(0.7)
    if not len(batas):
        return
    wilayah = batas.to_crs(3857)
    minx, miny, maxx, maxy = wilayah.total_bounds
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    # ``rasio`` is the inset's width / height on paper: the frame fills it with the region centred.
    tinggi = max(maxy - miny, (maxx - minx) / rasio, 1000.0) * PERBESAR_BINGKAI
    ax.set_xlim(cx - tinggi * rasio / 2, cx + tinggi * rasio / 2)
    ax.set_ylim(cy - tinggi / 2, cy + tinggi / 2)
    ax.set_aspect("equal", adjustable="box")
    wilayah.plot(ax=ax, color=WARNA_WILAYAH, edgecolor="white", linewidth=0.3, zorder=2)
    wilayah.dissolve("kecamatan").boundary.plot(ax=ax, color="#6b7680", linewidth=0.5, zorder=3)
    if sorot is not None and not sorot.is_empty:
        gpd.GeoSeries([sorot], crs="EPSG:4326").to_crs(3857).plot(ax=ax, color=WARNA_SOROT, edgecolor="#67000d",
                                                                  linewidth=0.6, zorder=4)
    else:
        ax.add_patch(Rectangle((minx, miny), maxx - minx, maxy - miny, fill=False, edgecolor=WARNA_SOROT, linewidth=1.1, zorder=4))
    ax.set_xlabel("")
    ax.set_ylabel("")
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    teks = judul + (f"\nProvinsi {provinsi}" if provinsi else "")
    ax.text(x0 + (x1 - x0) * 0.04, y1 - (y1 - y0) * 0.04, teks, fontsize=6.5, va="top", ha="left", color="#1a1a1a",
            linespacing=1.1, zorder=6, parse_math=False,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.2})


def sisip_lokator(ax_peta: Axes, batas: gpd.GeoDataFrame, provinsi: str = "", judul: str = "Letak wilayah",
                  sorot: BaseGeometry | None = None, skala: float = 0.26) -> Axes | None:
    """Add the inset inside a map's corner that the mapped area leaves free (top-left first).

    Returns the inset axes (label ``lokator``), or None when every corner is covered.
    """
    if not len(batas):
        return None
    from shapely.geometry import box

    fig = ax_peta.figure
    x0, x1 = ax_peta.get_xlim()
    y0, y1 = ax_peta.get_ylim()
    kota = batas.to_crs(3857).geometry.union_all()
    lebar, tinggi = (x1 - x0) * skala, (y1 - y0) * skala
    tepi = (x1 - x0) * 0.015
    # Top-right holds the north arrow and the scale bar takes a bottom corner, so those come last.
    for fx, fy in ((0, 1), (0, 0), (1, 0), (1, 1)):
        kx = x0 + tepi if fx == 0 else x1 - tepi - lebar
        ky = y0 + tepi * 3.5 if fy == 0 else y1 - tepi - tinggi
        if not kota.intersects(box(kx, ky, kx + lebar, ky + tinggi)):
            break
    else:
        return None
    kiri, bawah, w, h = ax_peta.get_position().bounds
    sisip = fig.add_axes((kiri + w * (kx - x0) / (x1 - x0), bawah + h * (ky - y0) / (y1 - y0), w * skala, h * skala), label="lokator")
    gambar_lokator(sisip, batas, sorot, provinsi, judul, rasio=lebar / tinggi)
    return sisip
