"""Locator inset: where the mapped area sits, drawn from local files alone (no internet).

The inset names a province only when it draws one. A region whose data
spans several kab/kota (a province install) is its own context; a city may
point ``batas_konteks`` in ``wilayah.json`` at an outline file of its wider
area (the province, GeoJSON or any format GeoPandas reads), drawn grey behind
the city. Without either, the inset shows the region alone and is titled
with the region, never with a province it does not show.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from shapely.geometry.base import BaseGeometry

from geo.ekspor.merek import berkas_wilayah
from geo.i18n import t

WARNA_LATAR = "#eef2f5"
WARNA_WILAYAH = "#c9d1d8"
WARNA_SOROT = "#b2182b"
WARNA_KONTEKS = "#dfe4e8"
PERBESAR_BINGKAI = 1.8


@dataclass(frozen=True)
class Konteks:
    """The wider area an inset may show: its outline (EPSG:4326) when there is one, and its name when it is shown."""

    nama: str = ""
    garis: gpd.GeoDataFrame | None = None


def _garis_berkas(wilayah_extra: dict) -> gpd.GeoDataFrame | None:
    """The outline named by ``batas_konteks``, or None when unset or unreadable (a print never fails on it)."""
    path = berkas_wilayah(wilayah_extra, "batas_konteks")
    if path is None:
        return None
    try:
        garis = gpd.read_file(path)
    except Exception:  # noqa: BLE001  (any reader error: the inset falls back to the region alone)
        return None
    if not len(garis) or garis.crs is None:
        return None
    return garis.to_crs(4326)[["geometry"]]


def konteks_lokator(dataset) -> Konteks:
    """The inset's context for a dataset: an outline file, the data itself when it spans kab/kota, or nothing."""
    extra = dataset.wilayah.extra or {}
    provinsi = str(extra.get("provinsi") or "").strip()
    if "provinsi" in dataset.batas and not provinsi:
        nama = dataset.batas["provinsi"].dropna().astype(str)
        provinsi = nama.iloc[0] if len(nama) and nama.nunique() == 1 else ""
    ix = dataset.indeks
    if ix.batas_konteks is None:  # read once per dataset; False remembers "no outline"
        ix.batas_konteks = _garis_berkas(extra)
        ix.batas_konteks = False if ix.batas_konteks is None else ix.batas_konteks
    garis = ix.batas_konteks if ix.batas_konteks is not False else None
    if garis is not None:
        return Konteks(provinsi, garis)
    banyak_kab = dataset.batas["kode"].astype(str).str.slice(0, 5).nunique() > 1
    return Konteks(provinsi if banyak_kab else "")


def gambar_lokator(ax: Axes, batas: gpd.GeoDataFrame, sorot: BaseGeometry | None = None, konteks: Konteks | None = None,
                   judul: str = "Lokasi", rasio: float = 1.0, bahasa: str = "id") -> None:
    """Draw the inset on ``ax``: the region in its context, ``sorot`` (EPSG:4326) highlighted.

    With no ``sorot`` the frame of the main map (the whole region) is outlined instead.
    """
    konteks = konteks or Konteks()
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor(WARNA_LATAR)
    for tepi in ax.spines.values():
        tepi.set_edgecolor("#6b7680")
        tepi.set_linewidth(0.7)
    if not len(batas):
        return
    wilayah = batas.to_crs(3857)
    garis = konteks.garis.to_crs(3857) if konteks.garis is not None else None
    minx, miny, maxx, maxy = wilayah.total_bounds
    bingkai = garis.total_bounds if garis is not None else (minx, miny, maxx, maxy)
    cx, cy = (bingkai[0] + bingkai[2]) / 2, (bingkai[1] + bingkai[3]) / 2
    # ``rasio`` is the inset's width / height on paper: the frame fills it with the context centred.
    perbesar = 1.15 if garis is not None else PERBESAR_BINGKAI
    tinggi = max(bingkai[3] - bingkai[1], (bingkai[2] - bingkai[0]) / rasio, 1000.0) * perbesar
    ax.set_xlim(cx - tinggi * rasio / 2, cx + tinggi * rasio / 2)
    ax.set_ylim(cy - tinggi / 2, cy + tinggi / 2)
    ax.set_aspect("equal", adjustable="box")
    if garis is not None:
        garis.plot(ax=ax, color=WARNA_KONTEKS, edgecolor="#8a949c", linewidth=0.5, zorder=1)
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
    teks = judul + (f"\n{t('c_provinsi', bahasa, nama=konteks.nama)}" if konteks.nama else "")
    ax.text(x0 + (x1 - x0) * 0.04, y1 - (y1 - y0) * 0.04, teks, fontsize=6.5, va="top", ha="left", color="#1a1a1a",
            linespacing=1.1, zorder=6, parse_math=False,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.2})


def sisip_lokator(ax_peta: Axes, batas: gpd.GeoDataFrame, konteks: Konteks | None = None, judul: str = "Letak wilayah",
                  sorot: BaseGeometry | None = None, skala: float = 0.26, bahasa: str = "id") -> Axes | None:
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
    gambar_lokator(sisip, batas, sorot, konteks, judul, rasio=lebar / tinggi, bahasa=bahasa)
    return sisip
