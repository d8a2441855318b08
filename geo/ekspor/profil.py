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
from geo.ekspor.kartografi import WARNA_REDUP, WARNA_TEKS
from geo.ekspor.legenda_cetak import gaya_potensi
from geo.ekspor.lokator import gambar_lokator, konteks_lokator
from geo.ekspor.merek import Merek, merek
from geo.ekspor.opsi import OpsiEkspor
from geo.ekspor.snapshot import MM_PER_INCI, Kotak, _sumbu, _sumbu_mm, gambar_logo
from geo.ekspor.ukur_teks import PT_PER_MM, bungkus, lebar_teks_pt, satu_baris
from geo.galat import GalatData
from geo.i18n import deskripsi_filter, t
from geo.simpan.foto import foto_untuk
from geo.tampilan.kegiatan import kegiatan_kelurahan
from geo.tampilan.sebutan import sebutan
from geo.tampilan.susun import Tampilan

KERTAS_MM = (210.0, 297.0)
TEPI = 12.0
# Status → marker shape, so Aktif / Kurang Aktif / Tidak Aktif differ in greyscale too, not only by fill.
BENTUK_STATUS = ("o", "D", "s")
MAKS_BARIS_POTENSI = 7
MAKS_KEGIATAN = 4
# A potential's row: name, up to two lines of details, one of description; a photo as tall as the row allows.
TINGGI_BARIS = 17.0
TINGGI_LAIN = 5.0


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


def _teks_kegiatan(baris: pd.Series, bahasa: str) -> str:
    """"13 Juli 2022: pelatihan/bimtek (25 peserta) — note", the log's own columns."""
    teks = f"{format_id.tanggal(baris['tanggal'], bahasa=bahasa)}: {baris['jenis_kegiatan']}"
    peserta = pd.to_numeric(baris.get("peserta"), errors="coerce")
    if pd.notna(peserta):
        teks += f" ({t('c_peserta', bahasa, n=format_id.angka(int(peserta), bahasa=bahasa))})"
    if str(baris.get("keterangan") or "").strip():
        teks += f" \u2014 {baris['keterangan']}"
    return teks


def _kepala(fig: Figure, mrk: Merek, judul: str, sub: str) -> None:
    ax = _sumbu_mm(fig, Kotak(TEPI, TEPI, KERTAS_MM[0] - 2 * TEPI, 24), KERTAS_MM, "kepala")
    lebar_logo = gambar_logo(ax, mrk.logo_raster(), KERTAS_MM[0] - 2 * TEPI, 0, 16)
    lebar = KERTAS_MM[0] - 2 * TEPI - lebar_logo - 3
    y = 0.0
    if mrk.baris():
        ax.text(0, y, satu_baris(mrk.baris(), lebar, 8.5, tebal=True), fontsize=8.5, fontweight="bold", va="top", color=WARNA_REDUP,
                parse_math=False)
        y += 5
    ukuran = 16.0 if lebar_teks_pt(judul, 16, tebal=True) <= lebar * PT_PER_MM * 0.96 else 13.0
    ax.text(0, y, satu_baris(judul, lebar, ukuran, tebal=True), fontsize=ukuran, fontweight="bold", va="top", color=WARNA_TEKS,
            parse_math=False)
    ax.text(0, y + 8, bungkus(sub, lebar, 8.5, maks_baris=2 if y else 3), fontsize=8.5, va="top", color=WARNA_TEKS,
            parse_math=False, linespacing=1.1)
    ax.plot([0, KERTAS_MM[0] - 2 * TEPI], [23.5, 23.5], color="#9e9e9e", linewidth=0.6, clip_on=False)


def _kaki(fig: Figure, tampilan: Tampilan, mrk: Merek, opsi: OpsiEkspor, halaman: Halaman) -> None:
    lebar = KERTAS_MM[0] - 2 * TEPI
    bahasa = tampilan.bahasa
    ax = _sumbu_mm(fig, Kotak(TEPI, KERTAS_MM[1] - TEPI - 14, lebar, 14), KERTAS_MM, "kaki")
    ax.plot([0, lebar], [0, 0], color="#9e9e9e", linewidth=0.6, clip_on=False)
    dibuat = t("c_dibuat", bahasa, tanggal=format_id.tanggal(opsi.hari(), bahasa=bahasa))
    baris = [b for b in (mrk.baris(), f"{dibuat} \u00b7 {keterangan.sumber(tampilan.dataset, bahasa)}",
                         " ".join(keterangan.catatan(tampilan.dataset, bahasa)), mrk.catatan_kaki) if b]
    for i, b in enumerate(baris[:4]):
        ax.text(0, 2.2 + i * 3.1, satu_baris(b, lebar - 32, 6.5), fontsize=6.5, va="top", color=WARNA_REDUP, parse_math=False)
    if halaman.nomor is not None:
        teks = (t("c_halaman_dari", bahasa, nomor=halaman.nomor, jumlah=halaman.jumlah) if halaman.jumlah
                else t("c_halaman", bahasa, nomor=halaman.nomor))
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


def _info(fig: Figure, tampilan: Tampilan, baris: pd.Series, potensi: pd.DataFrame, kotak: Kotak, bahasa: str) -> None:
    """KIM name, contacts, counts by status and members, each block placed below the lines the one above really took."""
    ax = _sumbu_mm(fig, kotak, KERTAS_MM, "info")
    nama_kim = bungkus(str(baris["nama_kim"]) or t("c_belum_ada_kim", bahasa), kotak.w, 10, tebal=True, maks_baris=2)
    ax.text(0, 0, "KIM", fontsize=7.5, color=WARNA_REDUP, va="top")
    ax.text(0, 3.6, nama_kim, fontsize=10, fontweight="bold", va="top", color=WARNA_TEKS, parse_math=False, linespacing=1.1)
    kontak = list(dict.fromkeys(k for k in potensi.get("kontak", pd.Series(dtype=str)).fillna("").astype(str) if k.strip()))
    y = 3.6 + 4.3 * (nama_kim.count("\n") + 1) + 1.2
    teks_kontak = bungkus(t("c_kontak", bahasa, kontak="; ".join(kontak) if kontak else "\u2013"), kotak.w, 8, maks_baris=2)
    ax.text(0, y, teks_kontak, fontsize=8, va="top", color=WARNA_TEKS, parse_math=False, linespacing=1.15)
    y += 3.6 * (teks_kontak.count("\n") + 1) + 2.5
    ax.text(0, y, t("c_jumlah_status", bahasa), fontsize=8, fontweight="bold", va="top", color=WARNA_TEKS)
    y += 4.5
    hitung = potensi["status_aktivitas"].value_counts() if len(potensi) else pd.Series(dtype=int)
    gaya = dict(zip(tampilan.dataset.wilayah.status_aktivitas, BENTUK_STATUS))
    for s in tampilan.dataset.wilayah.status_aktivitas:
        ax.scatter([1.5], [y + 1.4], s=22, marker=gaya.get(s, "o"), facecolors="#555555" if gaya.get(s) == "o" else
                   ("#bbbbbb" if gaya.get(s) == "D" else "white"), edgecolors="#1a1a1a", linewidths=0.8, clip_on=False)
        ax.text(4.5, y, satu_baris(f"{s}: {format_id.angka(int(hitung.get(s, 0)), bahasa=bahasa)}", kotak.w - 4.5, 8), fontsize=8,
                va="top", color=WARNA_TEKS, parse_math=False)
        y += 4.0
    anggota = int(pd.to_numeric(potensi["jumlah_anggota"], errors="coerce").fillna(0).sum()) if len(potensi) else 0
    ax.text(0, y + 0.6, t("c_jumlah_anggota", bahasa, n=format_id.angka(anggota, bahasa=bahasa)), fontsize=8, va="top", color=WARNA_TEKS)


def _gambar_foto(path: Path) -> np.ndarray | None:
    from geo.simpan.foto_gambar import pillow  # with its decompression-bomb guard

    Image = pillow()

    try:
        with Image.open(path) as g:
            g.thumbnail((240, 240))
            return np.asarray(g.convert("RGB"))
    except (OSError, ValueError):
        return None


def _muat_baris(sisa_mm: float, jumlah: int) -> int:
    """How many potential rows fit in ``sisa_mm``, leaving room for the "… and N more" line when some do not."""
    muat = min(jumlah, MAKS_BARIS_POTENSI, int(sisa_mm // TINGGI_BARIS))
    if muat < jumlah:
        muat = min(muat, int((sisa_mm - TINGGI_LAIN) // TINGGI_BARIS))
    return max(muat, 0)


def _daftar_potensi(fig: Figure, tampilan: Tampilan, potensi: pd.DataFrame, kotak: Kotak, kegiatan: pd.DataFrame | None,
                    bahasa: str) -> None:
    """The potentials (with photos), then the latest activities, all inside ``kotak``: rows that do not fit are counted, not drawn."""
    ax = _sumbu_mm(fig, kotak, KERTAS_MM, "potensi")
    ax.text(0, 0, t("c_potensi_n", bahasa, n=format_id.angka(len(potensi), bahasa=bahasa)), fontsize=10, fontweight="bold", va="top",
            color=WARNA_TEKS)
    y = 6.0
    if not len(potensi):
        ax.text(0, y, t("c_tidak_ada_potensi", bahasa), fontsize=8.5, va="top", color=WARNA_REDUP)
        y += 6.0
    n_kegiatan = len(kegiatan) if kegiatan is not None else 0
    tinggi_kegiatan = (7.0 + 4.2 * n_kegiatan) if n_kegiatan else 0.0
    muat = _muat_baris(kotak.h - y - tinggi_kegiatan, len(potensi))
    foto = foto_untuk(tampilan.dataset.path_kim, potensi["id_potensi"].astype(str).head(muat).tolist())
    for i, (row, path) in enumerate(zip(potensi.head(muat).itertuples(index=False), foto), start=1):
        x_teks = 6.0
        gambar = _gambar_foto(path) if path is not None else None
        if gambar is not None:
            tinggi = TINGGI_BARIS - 3
            lebar = min(tinggi * gambar.shape[1] / gambar.shape[0], 2 * tinggi)
            ax.imshow(gambar, extent=(6, 6 + lebar, y + tinggi, y), zorder=3)
            x_teks = 6 + lebar + 3
        ax.set_xlim(0, kotak.w)
        ax.set_ylim(kotak.h, 0)
        ax.set_aspect("auto")
        ax.text(0, y, f"{i}.", fontsize=9, fontweight="bold", va="top", color=WARNA_TEKS)
        lebar_teks = kotak.w - x_teks
        ax.text(x_teks, y, satu_baris(str(row.nama_potensi), lebar_teks, 9, tebal=True), fontsize=9, fontweight="bold",
                va="top", color=WARNA_TEKS, parse_math=False)
        rincian = t("c_rincian", bahasa, kategori=row.kategori_potensi, status=row.status_aktivitas,
                    anggota=format_id.angka(row.jumlah_anggota, bahasa=bahasa), tanggal=format_id.tanggal(row.kegiatan_terakhir, bahasa=bahasa))
        rincian = bungkus(rincian, lebar_teks, 7.5, maks_baris=2)
        ax.text(x_teks, y + 4.4, rincian, fontsize=7.5, va="top", color=WARNA_TEKS, parse_math=False, linespacing=1.1)
        if str(row.deskripsi).strip():
            ax.text(x_teks, y + 4.4 + 3.3 * (rincian.count("\n") + 1) + 0.4, satu_baris(str(row.deskripsi), lebar_teks, 7.5), fontsize=7.5,
                    va="top", color=WARNA_REDUP, parse_math=False)
        y += TINGGI_BARIS
    if len(potensi) > muat:
        ax.text(0, y, t("c_potensi_lain", bahasa, n=format_id.angka(len(potensi) - muat, bahasa=bahasa)), fontsize=8, va="top",
                color=WARNA_REDUP)
        y += TINGGI_LAIN
    if n_kegiatan:
        ax.text(0, y + 1, t("c_kegiatan_terakhir", bahasa), fontsize=10, fontweight="bold", va="top", color=WARNA_TEKS)
        for j, (_, k) in enumerate(kegiatan.iterrows()):  # at most MAKS_KEGIATAN rows
            ax.text(0, y + 7 + j * 4.2, satu_baris(_teks_kegiatan(k, bahasa), kotak.w, 8), fontsize=8, va="top", color=WARNA_TEKS,
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
    bahasa = tampilan.bahasa
    sebut = sebutan(tampilan.dataset, "kelurahan", "", bahasa)
    fig = figur_a4(opsi.dpi)
    _kepala(fig, mrk, t("c_profil_judul", bahasa, nama=baris["kelurahan"], **sebut),
            t("c_profil_sub", bahasa, kecamatan=baris["kecamatan"], wilayah=wil.nama, kode=kode,
              filter=deskripsi_filter(tampilan.filter, bahasa, tampilan.dataset.wilayah)))
    lebar = KERTAS_MM[0] - 2 * TEPI
    _peta(fig, tampilan, baris, potensi, gaya, Kotak(TEPI, 40, 118, 100))
    lokator = _sumbu(fig, Kotak(TEPI + 122, 40, lebar - 122, 44), KERTAS_MM, "lokator")
    batas = tampilan.dataset.batas
    sorot = batas.loc[batas["kode"] == kode].geometry.iloc[0] if (batas["kode"] == kode).any() else None
    gambar_lokator(lokator, batas, sorot, konteks_lokator(tampilan.dataset), t("c_lokasi_di", bahasa, wilayah=wil.nama),
                   (lebar - 122) / 44, bahasa)
    _info(fig, tampilan, baris, potensi, Kotak(TEPI + 122, 88, lebar - 122, 52), bahasa)
    _daftar_potensi(fig, tampilan, potensi, Kotak(TEPI, 146, lebar, 120), _kegiatan(tampilan, kode), bahasa)
    _kaki(fig, tampilan, mrk, opsi, halaman)
    return fig
