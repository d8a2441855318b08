"""The printed legend and the marker styles it explains.

Markers follow the page: colour is the category, the fill says the status
(solid = active, pale = less active, hollow = inactive), so a printout and
the screen read the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba_array
from matplotlib.patches import Rectangle

from geo import format_id
from geo.ekspor.kartografi import WARNA_KECAMATAN, WARNA_REDUP, WARNA_TEKS, bungkus
from geo.i18n import TEKS, label_metrik, nilai_metrik, t
from geo.peta.data import gaya_status
from geo.tampilan.angka import angka_utama
from geo.tampilan.kelas import SKEMA_KELAS, WARNA_TANPA_DATA
from geo.tampilan.kelas_waktu import judul_metrik
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan

WARNA_STATUS_LEGENDA = "#6b7680"  # the neutral grey the page's legend uses
UKURAN_PENANDA = 30.0  # points², about 2 mm across on paper
ARSIR_TANPA_DATA = "////"  # no data is hatched on paper, so a greyscale copy never reads it as a light class


def gaya_penanda(warna: Sequence[str], gaya: Sequence[str]) -> dict:
    """Face colours, edge colours and line widths per marker, vectorised."""
    dasar = to_rgba_array(list(warna)) if len(warna) else np.zeros((0, 4))
    gaya_arr = np.asarray(gaya)
    putih = np.array([1.0, 1.0, 1.0, 1.0])
    isi = dasar.copy()
    isi[gaya_arr == "kurang"] = dasar[gaya_arr == "kurang"] * 0.45 + putih * 0.55
    isi[gaya_arr == "tidak"] = putih
    tepi = np.where((gaya_arr == "aktif")[:, None], putih, dasar) if len(dasar) else dasar
    if len(dasar):
        # Pale fill inside a dark rim: in greyscale (office copiers) Kurang Aktif still reads
        # apart from Aktif, which is a solid dot with a white rim.
        gelap = dasar.copy()
        gelap[:, :3] *= 0.55
        tepi = np.where((gaya_arr == "kurang")[:, None], gelap, tepi)
    lebar = np.select([gaya_arr == "aktif", gaya_arr == "kurang"], [0.8, 1.3], 1.7) if len(dasar) else np.zeros(0)
    return {"facecolors": isi, "edgecolors": tepi, "linewidths": lebar}


def gaya_potensi(tampilan: Tampilan) -> dict:
    """Marker styles for the view's potentials, looked up by category and status."""
    wil = tampilan.dataset.wilayah
    p = tampilan.potensi
    warna = p["kategori_potensi"].map(wil.warna_kategori()).fillna("#7f7f7f").tolist()
    gaya = p["status_aktivitas"].map(dict(zip(wil.status_aktivitas, gaya_status(wil.status_aktivitas)))).fillna("aktif").tolist()
    return gaya_penanda(warna, gaya)


def _judul(ax: Axes, x: float, y: float, teks: str, lebar: float) -> float:
    teks = bungkus(teks, lebar, 9, tebal=True)
    ax.text(x, y, teks, fontsize=9, fontweight="bold", va="top", color=WARNA_TEKS, parse_math=False)
    return y + 4.4 * (teks.count("\n") + 1) + 2.6


def _baris(ax: Axes, x: float, y: float, teks: str, lebar: float) -> float:
    teks = bungkus(teks, lebar - 11, 8)
    ax.text(x + 11, y, teks, va="center", ha="left", fontsize=8, color=WARNA_TEKS, linespacing=1.15, parse_math=False)
    return y + 5.2 + 3.6 * teks.count("\n")


def _bagian_kelas(ax: Axes, x: float, y: float, lebar: float, tampilan: Tampilan, bahasa: str) -> float:
    wil, kelas, metrik = tampilan.dataset.wilayah, tampilan.kelas, tampilan.metrik
    judul = t("c_legenda_per_unit", bahasa, metrik=label_metrik(metrik, wil, bahasa), **sebutan_tampilan(tampilan, bahasa))
    if metrik in ("perubahan_aktif", "bulan_tidak_aktif", "skor_kim"):
        judul = judul_metrik(tampilan, metrik, bahasa)  # says its date(s) and how a kelurahan's value is made
    y = _judul(ax, x, y, judul, lebar)
    for warna, teks in zip(kelas.warna, kelas.label(lambda v: nilai_metrik(metrik, v, bahasa))):
        ax.add_patch(Rectangle((x, y - 2.2), 8, 4.4, facecolor=warna, edgecolor="#8c8c8c", linewidth=0.5))
        y = _baris(ax, x, y, teks, lebar)
    if kelas.tanpa_data:  # the same grey and hatching as the map's units without a value
        ax.add_patch(Rectangle((x, y - 2.2), 8, 4.4, facecolor=WARNA_TANPA_DATA, edgecolor="#8c8c8c", linewidth=0.5,
                               hatch=ARSIR_TANPA_DATA))
        y = _baris(ax, x, y, t("tanpa_data", bahasa), lebar)
    skema = t(f"skema_{kelas.skema}", bahasa) if f"skema_{kelas.skema}" in TEKS else SKEMA_KELAS.get(kelas.skema, kelas.skema)
    pembagian = t("c_pembagian_kelas", bahasa, skema=skema.lower())
    if kelas.kurang:
        pembagian += f"; {t('legenda_kelas_kurang', bahasa, n=len(kelas.atas), diminta=kelas.diminta)}"
    pembagian = bungkus(pembagian, lebar, 7)
    ax.text(x, y - 0.6 - (2 if kelas.kurang else 0), pembagian, fontsize=7, color=WARNA_REDUP,
            va="top" if kelas.kurang else "center", parse_math=False)
    y += 5.4 + 3.2 * pembagian.count("\n")
    ax.plot([x, x + 8], [y, y], color=WARNA_KECAMATAN, linewidth=1.3)
    return _baris(ax, x, y, t("c_batas_kecamatan", bahasa), lebar) + 3


def _bagian_kategori(ax: Axes, x: float, y: float, lebar: float, tampilan: Tampilan, bahasa: str) -> float:
    wil = tampilan.dataset.wilayah
    y = _judul(ax, x, y, t("c_kategori_potensi", bahasa), lebar)
    jumlah = tampilan.potensi["kategori_potensi"].value_counts()
    ada = [k for k in wil.kategori_potensi if jumlah.get(k, 0) > 0]
    if not ada:
        return _baris(ax, x - 11, y, t("c_tidak_ada_cocok", bahasa), lebar + 11) + 3
    warna = wil.warna_kategori()
    gaya = gaya_penanda([warna[k] for k in ada], ["aktif"] * len(ada))
    ax.scatter(np.full(len(ada), x + 4), y + 5.2 * np.arange(len(ada)), s=UKURAN_PENANDA * 1.15, **gaya)
    for k in ada:
        y = _baris(ax, x, y, f"{wil.label(k, bahasa)} ({format_id.angka(jumlah[k], bahasa=bahasa)})", lebar)
    return y + 3


def _bagian_status(ax: Axes, x: float, y: float, lebar: float, tampilan: Tampilan, bahasa: str) -> float:
    wil = tampilan.dataset.wilayah
    y = _judul(ax, x, y, t("c_status_aktivitas", bahasa), lebar)
    gaya_s = gaya_status(wil.status_aktivitas)
    jumlah = tampilan.potensi["status_aktivitas"].value_counts()
    gaya = gaya_penanda([WARNA_STATUS_LEGENDA] * len(gaya_s), gaya_s)
    ax.scatter(np.full(len(gaya_s), x + 4), y + 5.2 * np.arange(len(gaya_s)), s=UKURAN_PENANDA * 1.15, **gaya)
    for s in wil.status_aktivitas:
        y = _baris(ax, x, y, f"{wil.label(s, bahasa)} ({format_id.angka(jumlah.get(s, 0), bahasa=bahasa)})", lebar)
    return y + 3


def _total(tampilan: Tampilan, bahasa: str | None = None) -> str:
    bahasa = bahasa or tampilan.bahasa
    def fmt(n: float) -> str:
        return format_id.angka(n, bahasa=bahasa)

    a = angka_utama(tampilan)
    sebut = sebutan_tampilan(tampilan, bahasa)
    cakupan = t("c_cakupan", bahasa, n=fmt(a.kelurahan_berpotensi), total=fmt(a.kelurahan), **sebut)
    teks = t("c_ditampilkan", bahasa, potensi=fmt(a.potensi), kim=fmt(a.kim), cakupan=cakupan)
    if a.tanpa_batas:
        teks += t("c_tanpa_batas", bahasa, n=fmt(a.tanpa_batas), **sebut)
    return teks


def gambar_legenda(ax: Axes, tampilan: Tampilan, lebar: float) -> None:
    """Classes, categories and status, stacked in a side panel or in three columns under the map.

    ``ax`` has millimetre units with y growing downwards (see ``snapshot``); the words follow the view's language.
    """
    bahasa = tampilan.bahasa
    if lebar > 120:  # a band under the map (portrait)
        kolom = (lebar - 12) / 3
        y = _bagian_kelas(ax, 0, 1, kolom, tampilan, bahasa)
        _bagian_kategori(ax, kolom + 6, 1, kolom, tampilan, bahasa)
        y = _bagian_status(ax, 2 * (kolom + 6), 1, kolom, tampilan, bahasa)
        ax.text(2 * (kolom + 6), y + 1, bungkus(_total(tampilan, bahasa), kolom, 8), fontsize=8, va="top", color=WARNA_REDUP)
        return
    y = _bagian_kelas(ax, 0, 1, lebar, tampilan, bahasa)
    y = _bagian_kategori(ax, 0, y + 2, lebar, tampilan, bahasa)
    y = _bagian_status(ax, 0, y + 2, lebar, tampilan, bahasa)
    ax.text(0, y + 1, bungkus(_total(tampilan, bahasa), lebar, 8), fontsize=8, va="top", color=WARNA_REDUP)
