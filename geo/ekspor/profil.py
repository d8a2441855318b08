"""A printable page per kelurahan: its map, locator, KIM, counts by status, potentials with photos.

One A4 portrait :class:`~matplotlib.figure.Figure` per kelurahan, built from
the same :class:`~geo.tampilan.susun.Tampilan` as the page, so a profile
follows every filter. The atlas (:mod:`geo.ekspor.atlas`) binds these pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.figure import Figure

from geo import format_id
from geo.ekspor import keterangan
from geo.ekspor.kartografi import PT_PER_MM, WARNA_REDUP, WARNA_TEKS, bungkus, lebar_teks_pt
from geo.ekspor.legenda_cetak import gaya_potensi
from geo.ekspor.lokator import gambar_lokator
from geo.ekspor.merek import Merek, merek
from geo.ekspor.opsi import OpsiEkspor
from geo.ekspor.snapshot import MM_PER_INCI, Kotak, _sumbu, _sumbu_mm, gambar_logo
from geo.galat import GalatData
from geo.simpan.foto import foto_untuk
from geo.tampilan.kegiatan import kegiatan_kelurahan
from geo.tampilan.susun import Tampilan

KERTAS_MM = (210.0, 297.0)
TEPI = 12.0
# Status → marker shape, so Aktif / Kurang Aktif / Tidak Aktif differ in greyscale too, not only by fill.
BENTUK_STATUS = ("o", "D", "s")
MAKS_BARIS_POTENSI = 7
MAKS_KEGIATAN = 4
TINGGI_BARIS = 21.0


@dataclass(frozen=True)
class Halaman:
    """Page numbering handed in by the atlas (a lone profile has none)."""

    nomor: int | None = None
    jumlah: int | None = None


def pilih_kelurahan(tampilan: Tampilan, kode: str) -> pd.Series:
    """The view's row for ``kode`` (or a kelurahan name); a clear error naming the choices otherwise."""
    from geo.tampilan.keadaan import cari_kelurahan  # the URL's own rule: a code with or without dots, any known spelling

    r = tampilan.ringkasan
    sah = cari_kelurahan(tampilan.dataset, str(kode)) or str(kode).strip()
    cocok = r[(r["kode"].astype(str) == sah) | (r["kelurahan"].str.lower() == str(kode).strip().lower())]
    if not len(cocok):
        contoh = ", ".join(f"{k} ({n})" for k, n in zip(r["kode"].head(3), r["kelurahan"].head(3)))
        raise GalatData(f"Kelurahan '{kode}' tidak ada di tampilan ini (periksa kode dan filter kecamatan). "
                        f"Gunakan kode Kemendagri atau nama, mis. {contoh}.")
    return cocok.iloc[0]


def _kegiatan(tampilan: Tampilan, kode: str) -> pd.DataFrame | None:
    """This kelurahan's latest activities up to the view's date (geo.tampilan.kegiatan), when the region keeps a log."""
    log = kegiatan_kelurahan(tampilan, kode)
    return None if log is None or not len(tampilan.dataset.kegiatan) else log.head(MAKS_KEGIATAN)


def _teks_kegiatan(baris: pd.Series) -> str:
    """"13 Juli 2022: pelatihan/bimtek (25 peserta) — note", the log's own columns."""
    teks = f"{format_id.tanggal(baris['tanggal'])}: {baris['jenis_kegiatan']}"
    peserta = pd.to_numeric(baris.get("peserta"), errors="coerce")
    if pd.notna(peserta):
        teks += f" ({format_id.angka(int(peserta))} peserta)"
    if str(baris.get("keterangan") or "").strip():
        teks += f" \u2014 {baris['keterangan']}"
    return teks


def _kepala(fig: Figure, mrk: Merek, judul: str, sub: str) -> None:
    ax = _sumbu_mm(fig, Kotak(TEPI, TEPI, KERTAS_MM[0] - 2 * TEPI, 24), KERTAS_MM, "kepala")
    lebar_logo = gambar_logo(ax, mrk.logo_raster(), KERTAS_MM[0] - 2 * TEPI, 0, 16)
    lebar = KERTAS_MM[0] - 2 * TEPI - lebar_logo - 3
    y = 0.0
    if mrk.baris():
        ax.text(0, y, bungkus(mrk.baris(), lebar, 8.5, tebal=True), fontsize=8.5, fontweight="bold", va="top", color=WARNA_REDUP,
                parse_math=False)
        y += 5
    ukuran = 16.0 if lebar_teks_pt(judul, 16, tebal=True) <= lebar * PT_PER_MM else 13.0
    ax.text(0, y, judul, fontsize=ukuran, fontweight="bold", va="top", color=WARNA_TEKS, parse_math=False)
    ax.text(0, y + 8, bungkus(sub, lebar, 8.5), fontsize=8.5, va="top", color=WARNA_TEKS, parse_math=False)
    ax.plot([0, KERTAS_MM[0] - 2 * TEPI], [23.5, 23.5], color="#9e9e9e", linewidth=0.6, clip_on=False)


def _kaki(fig: Figure, tampilan: Tampilan, mrk: Merek, opsi: OpsiEkspor, halaman: Halaman) -> None:
    lebar = KERTAS_MM[0] - 2 * TEPI
    ax = _sumbu_mm(fig, Kotak(TEPI, KERTAS_MM[1] - TEPI - 14, lebar, 14), KERTAS_MM, "kaki")
    ax.plot([0, lebar], [0, 0], color="#9e9e9e", linewidth=0.6, clip_on=False)
    baris = [b for b in (mrk.baris(), f"Dibuat {format_id.tanggal(opsi.hari())} \u00b7 {keterangan.sumber(tampilan.dataset)}",
                         " ".join(keterangan.catatan(tampilan.dataset)), mrk.catatan_kaki) if b]
    for i, b in enumerate(baris[:4]):
        ax.text(0, 2.2 + i * 3.1, bungkus(b, lebar - 30, 6.5).split("\n")[0], fontsize=6.5, va="top", color=WARNA_REDUP, parse_math=False)
    if halaman.nomor is not None:
        teks = f"Halaman {halaman.nomor}" + (f" dari {halaman.jumlah}" if halaman.jumlah else "")
        ax.text(lebar, 2.2, teks, fontsize=7.5, ha="right", va="top", color=WARNA_TEKS, parse_math=False)


def figur_a4(dpi: int) -> Figure:
    fig = Figure(figsize=(KERTAS_MM[0] / MM_PER_INCI, KERTAS_MM[1] / MM_PER_INCI), dpi=dpi, facecolor="white")
    FigureCanvasBase(fig)  # never redraws while geopandas plots (see snapshot.buat_gambar)
    return fig


def _peta(fig: Figure, tampilan: Tampilan, baris: pd.Series, potensi: pd.DataFrame, gaya: dict, kotak: Kotak) -> None:
    ax = _sumbu(fig, kotak, KERTAS_MM, "peta")
    batas = tampilan.dataset.batas.to_crs(3857)
    ini = batas[batas["kode"] == baris["kode"]]
    minx, miny, maxx, maxy = ini.total_bounds
    lebar, tinggi = max(maxx - minx, 300.0) * 1.15, max(maxy - miny, 300.0) * 1.15
    rasio = kotak.w / kotak.h
    lebar, tinggi = (tinggi * rasio, tinggi) if lebar / tinggi < rasio else (lebar, lebar / rasio)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    ax.set_xlim(cx - lebar / 2, cx + lebar / 2)
    ax.set_ylim(cy - tinggi / 2, cy + tinggi / 2)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor("#f4f6f8")
    batas.plot(ax=ax, color="#e4e8ec", edgecolor="white", linewidth=0.8, zorder=1)
    ini.plot(ax=ax, color="#c7e9b4", edgecolor="#2c3e50", linewidth=1.4, zorder=2)
    if len(potensi):
        xy = potensi.to_crs(3857).geometry
        status = pd.Categorical(potensi["status_aktivitas"], categories=tampilan.dataset.wilayah.status_aktivitas).codes
        for s in np.unique(status):
            pilih = status == s
            ax.scatter(xy.x.to_numpy()[pilih], xy.y.to_numpy()[pilih], s=70, marker=BENTUK_STATUS[min(max(s, 0), 2)], zorder=5,
                       facecolors=gaya["facecolors"][pilih], edgecolors="#1a1a1a", linewidths=1.0)
        for i, (x, y) in enumerate(zip(xy.x, xy.y), start=1):
            ax.annotate(str(i), (x, y), xytext=(5, 4), textcoords="offset points", fontsize=7.5, fontweight="bold", color=WARNA_TEKS,
                        zorder=6, bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 0.6})
    ax.set_xlabel("")
    ax.set_ylabel("")


def _info(fig: Figure, tampilan: Tampilan, baris: pd.Series, potensi: pd.DataFrame, kotak: Kotak) -> None:
    ax = _sumbu_mm(fig, kotak, KERTAS_MM, "info")
    nama_kim = str(baris["nama_kim"]) or "Belum ada KIM"
    ax.text(0, 0, "KIM", fontsize=7.5, color=WARNA_REDUP, va="top")
    ax.text(0, 3.6, bungkus(nama_kim, kotak.w, 10, tebal=True), fontsize=10, fontweight="bold", va="top", color=WARNA_TEKS, parse_math=False)
    kontak = list(dict.fromkeys(k for k in potensi.get("kontak", pd.Series(dtype=str)).fillna("").astype(str) if k.strip()))
    y = 9.5 + 4.5 * nama_kim.count("\n")
    teks_kontak = bungkus("Kontak: " + ("; ".join(kontak) if kontak else "–"), kotak.w, 8)
    ax.text(0, y, teks_kontak, fontsize=8, va="top", color=WARNA_TEKS, parse_math=False, linespacing=1.15)
    y += 4 * (teks_kontak.count("\n") + 1) + 3
    ax.text(0, y, "Jumlah potensi menurut status", fontsize=8, fontweight="bold", va="top", color=WARNA_TEKS)
    y += 4.5
    hitung = potensi["status_aktivitas"].value_counts() if len(potensi) else pd.Series(dtype=int)
    gaya = dict(zip(tampilan.dataset.wilayah.status_aktivitas, BENTUK_STATUS))
    for s in tampilan.dataset.wilayah.status_aktivitas:
        ax.scatter([1.5], [y + 1.4], s=22, marker=gaya.get(s, "o"), facecolors="#555555" if gaya.get(s) == "o" else
                   ("#bbbbbb" if gaya.get(s) == "D" else "white"), edgecolors="#1a1a1a", linewidths=0.8, clip_on=False)
        ax.text(4.5, y, f"{s}: {format_id.angka(int(hitung.get(s, 0)))}", fontsize=8, va="top", color=WARNA_TEKS, parse_math=False)
        y += 4.3
    anggota = int(pd.to_numeric(potensi["jumlah_anggota"], errors="coerce").fillna(0).sum()) if len(potensi) else 0
    ax.text(0, y + 1, f"Jumlah anggota: {format_id.angka(anggota)}", fontsize=8, va="top", color=WARNA_TEKS)


def _gambar_foto(path: Path) -> np.ndarray | None:
    from PIL import Image

    try:
        with Image.open(path) as g:
            g.thumbnail((240, 240))
            return np.asarray(g.convert("RGB"))
    except (OSError, ValueError):
        return None


def _daftar_potensi(fig: Figure, tampilan: Tampilan, potensi: pd.DataFrame, kotak: Kotak, kegiatan: pd.DataFrame | None) -> None:
    ax = _sumbu_mm(fig, kotak, KERTAS_MM, "potensi")
    ax.text(0, 0, f"Potensi ({format_id.angka(len(potensi))})", fontsize=10, fontweight="bold", va="top", color=WARNA_TEKS)
    y = 6.0
    if not len(potensi):
        ax.text(0, y, "Tidak ada potensi yang cocok dengan filter.", fontsize=8.5, va="top", color=WARNA_REDUP)
    foto = foto_untuk(tampilan.dataset.path_kim, potensi["id_potensi"].astype(str).tolist())
    muat = MAKS_BARIS_POTENSI - (2 if kegiatan is not None and len(kegiatan) else 0)
    for i, (row, path) in enumerate(zip(potensi.head(muat).itertuples(index=False), foto), start=1):
        x_teks = 6.0
        gambar = _gambar_foto(path) if path is not None else None
        if gambar is not None:
            tinggi = TINGGI_BARIS - 3
            lebar = tinggi * gambar.shape[1] / gambar.shape[0]
            ax.imshow(gambar, extent=(6, 6 + lebar, y + tinggi, y), zorder=3)
            x_teks = 6 + lebar + 3
        ax.set_xlim(0, kotak.w)
        ax.set_ylim(kotak.h, 0)
        ax.set_aspect("auto")
        ax.text(0, y, f"{i}.", fontsize=9, fontweight="bold", va="top", color=WARNA_TEKS)
        lebar_teks = kotak.w - x_teks
        ax.text(x_teks, y, bungkus(str(row.nama_potensi), lebar_teks, 9, tebal=True).split("\n")[0], fontsize=9, fontweight="bold",
                va="top", color=WARNA_TEKS, parse_math=False)
        rincian = (f"{row.kategori_potensi} \u00b7 {row.status_aktivitas} \u00b7 {format_id.angka(row.jumlah_anggota)} anggota"
                   f" \u00b7 kegiatan terakhir {format_id.tanggal(row.kegiatan_terakhir)}")
        ax.text(x_teks, y + 4.6, bungkus(rincian, lebar_teks, 7.5), fontsize=7.5, va="top", color=WARNA_TEKS, parse_math=False)
        if str(row.deskripsi).strip():
            ax.text(x_teks, y + 11, bungkus(str(row.deskripsi), lebar_teks, 7.5).split("\n")[0], fontsize=7.5, va="top",
                    color=WARNA_REDUP, parse_math=False)
        y += TINGGI_BARIS
    if len(potensi) > muat:
        ax.text(0, y, f"… dan {format_id.angka(len(potensi) - muat)} potensi lain (lihat dasbor).", fontsize=8, va="top", color=WARNA_REDUP)
        y += 5
    if kegiatan is not None and len(kegiatan):
        ax.text(0, y + 1, "Kegiatan terakhir", fontsize=10, fontweight="bold", va="top", color=WARNA_TEKS)
        for j, (_, k) in enumerate(kegiatan.iterrows()):  # at most MAKS_KEGIATAN rows
            ax.text(0, y + 7 + j * 4.2, bungkus(_teks_kegiatan(k), kotak.w, 8).split("\n")[0], fontsize=8, va="top", color=WARNA_TEKS,
                    parse_math=False)


def buat_profil(tampilan: Tampilan, kode: str, opsi: OpsiEkspor | None = None, halaman: Halaman = Halaman()) -> Figure:
    """One kelurahan's printable page (A4 portrait) of the filtered view."""
    opsi = opsi or OpsiEkspor()
    baris = pilih_kelurahan(tampilan, kode)
    kode = str(baris["kode"])
    wil = tampilan.dataset.wilayah
    mrk = merek(wil)
    semua = tampilan.potensi
    pilih = (semua["kode_kelurahan"].astype(str) == kode).to_numpy()
    potensi = semua[pilih]
    gaya = {k: v[pilih] for k, v in gaya_potensi(tampilan).items()}
    fig = figur_a4(opsi.dpi)
    _kepala(fig, mrk, f"Profil Kelurahan {baris['kelurahan']}",
            f"Kecamatan {baris['kecamatan']}, {wil.nama} \u00b7 kode {kode} \u00b7 Filter: {tampilan.filter.deskripsi()}")
    lebar = KERTAS_MM[0] - 2 * TEPI
    _peta(fig, tampilan, baris, potensi, gaya, Kotak(TEPI, 40, 118, 100))
    lokator = _sumbu(fig, Kotak(TEPI + 122, 40, lebar - 122, 44), KERTAS_MM, "lokator")
    gambar_lokator(lokator, tampilan.dataset.batas, tampilan.dataset.batas.loc[tampilan.dataset.batas["kode"] == kode].geometry.iloc[0]
                   if (tampilan.dataset.batas["kode"] == kode).any() else None, str(wil.extra.get("provinsi") or ""), f"Lokasi di {wil.nama}", (lebar - 122) / 44)
    _info(fig, tampilan, baris, potensi, Kotak(TEPI + 122, 88, lebar - 122, 52))
    _daftar_potensi(fig, tampilan, potensi, Kotak(TEPI, 146, lebar, 118), _kegiatan(tampilan, kode))
    _kaki(fig, tampilan, mrk, opsi, halaman)
    return fig
