"""The atlas: one PDF with a cover, a table of contents and a profile page per kelurahan.

Pages follow the view (every filter applies) and kelurahan come in code
order, so two atlases of the same data and filters have the same pages.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace

from matplotlib import rc_context
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from geo.ekspor import keterangan
from geo.ekspor.kartografi import WARNA_REDUP, WARNA_TEKS
from geo.ekspor.merek import merek
from geo.ekspor.opsi import OpsiEkspor
from geo.ekspor.profil import KERTAS_MM, TEPI, Halaman, _kaki, buat_profil, figur_a4, pilih_kelurahan
from geo.ekspor.snapshot import Kotak, _sumbu_mm, buat_gambar, gambar_logo
from geo.ekspor.ukur_teks import bungkus, satu_baris
from geo.i18n import deskripsi_filter, t
from geo.tampilan.sebutan import sebutan
from geo.tampilan.susun import Tampilan

HALAMAN_AWAL = 2  # cover and contents come before the first profile
BARIS_ISI_PER_HALAMAN = 45


def urutan_kelurahan(tampilan: Tampilan) -> list[tuple[str, str, str]]:
    """(kode, kelurahan, kecamatan) of the view in code order: the atlas's page order."""
    r = tampilan.ringkasan.sort_values("kode")
    return list(zip(r["kode"].astype(str), r["kelurahan"].astype(str), r["kecamatan"].astype(str)))


def judul_atlas(tampilan: Tampilan, opsi: OpsiEkspor) -> str:
    return opsi.judul.strip() or t("c_atlas_judul", tampilan.bahasa, wilayah=tampilan.dataset.wilayah.nama)


def _sampul(tampilan: Tampilan, opsi: OpsiEkspor, jumlah: int) -> Figure:
    """The cover: the snapshot of the whole view (overview map, legend, filters) with the atlas title."""
    fig = buat_gambar(tampilan, replace(opsi, ukuran="a4-portrait", judul=judul_atlas(tampilan, opsi), basemap=False))
    # Inside the printable area: 7 mm from the bottom edge, below the cover's footer.
    fig.text(1 - TEPI / KERTAS_MM[0], 7 / KERTAS_MM[1], t("c_halaman_dari", tampilan.bahasa, nomor=1, jumlah=jumlah), ha="right",
             va="bottom", fontsize=7.5, color=WARNA_TEKS)
    return fig


def _daftar_isi(tampilan: Tampilan, opsi: OpsiEkspor, urut: list[tuple[str, str, str]], jumlah: int) -> Figure:
    fig = figur_a4(opsi.dpi)
    bahasa = tampilan.bahasa
    sebut = sebutan(tampilan.dataset, "kelurahan", "", bahasa)
    mrk = merek(tampilan.dataset.wilayah)
    lebar = KERTAS_MM[0] - 2 * TEPI
    ax = _sumbu_mm(fig, Kotak(TEPI, TEPI, lebar, KERTAS_MM[1] - 2 * TEPI - 16), KERTAS_MM, "isi")
    lebar_logo = gambar_logo(ax, mrk.logo_raster(), lebar, 0, 14)
    y = 0.0
    if mrk.baris():
        ax.text(0, y, satu_baris(mrk.baris(), lebar - lebar_logo - 3, 8.5, tebal=True), fontsize=8.5, fontweight="bold", va="top",
                color=WARNA_REDUP, parse_math=False)
        y += 5
    ax.text(0, y, t("c_daftar_isi", bahasa), fontsize=16, fontweight="bold", va="top", color=WARNA_TEKS)
    y += 9
    pengantar = bungkus(f"{judul_atlas(tampilan, opsi)} \u00b7 Filter: {deskripsi_filter(tampilan.filter, bahasa, tampilan.dataset.wilayah)}",
                        lebar - lebar_logo - 3, 8.5, maks_baris=2)
    ax.text(0, y, pengantar, fontsize=8.5, va="top", color=WARNA_TEKS, parse_math=False, linespacing=1.1)
    y += 4 * (pengantar.count("\n") + 1) + 6
    baris = [(t("c_sampul", bahasa), "", 1), (t("c_daftar_isi_baris", bahasa), "", 2)]
    baris += [(t("c_baris_kelurahan", bahasa, nama=nama, **sebut), t("c_baris_kecamatan", bahasa, nama=kec), HALAMAN_AWAL + i)
              for i, (_, nama, kec) in enumerate(urut, start=1)]
    for teks, kec, nomor in baris[:BARIS_ISI_PER_HALAMAN]:
        ax.text(0, y, satu_baris(teks, lebar * 0.53, 9.5), fontsize=9.5, va="top", color=WARNA_TEKS, parse_math=False)
        if kec:
            ax.text(lebar * 0.55, y, satu_baris(kec, lebar * 0.3, 8.5), fontsize=8.5, va="top", color=WARNA_REDUP, parse_math=False)
        ax.text(lebar, y, str(nomor), fontsize=9.5, va="top", ha="right", color=WARNA_TEKS)
        ax.plot([lebar * 0.86, lebar - 6], [y + 2.6, y + 2.6], color="#bbbbbb", linewidth=0.5, linestyle=(0, (1, 2)))
        y += 5.6
    if len(baris) > BARIS_ISI_PER_HALAMAN:
        ax.text(0, y, t("c_isi_lain", bahasa, n=len(baris) - BARIS_ISI_PER_HALAMAN, **sebut), fontsize=8.5, va="top", color=WARNA_REDUP)
    if not urut:
        ax.text(0, y + 2, t("c_isi_kosong", bahasa, **sebut), fontsize=9, va="top", color=WARNA_REDUP)
    _kaki(fig, tampilan, mrk, opsi, Halaman(2, jumlah))
    return fig


def halaman_atlas(tampilan: Tampilan, opsi: OpsiEkspor | None = None) -> Iterator[Figure]:
    """Every page of the atlas in order, drawn one at a time (the PDF and the layout tests read the same pages)."""
    opsi = opsi or OpsiEkspor()
    urut = urutan_kelurahan(tampilan)
    jumlah = HALAMAN_AWAL + len(urut)
    yield _sampul(tampilan, opsi, jumlah)
    yield _daftar_isi(tampilan, opsi, urut, jumlah)
    for i, (kode, _, _) in enumerate(urut, start=HALAMAN_AWAL + 1):
        yield buat_profil(tampilan, kode, opsi, Halaman(i, jumlah))


def ke_atlas(tampilan: Tampilan, opsi: OpsiEkspor | None = None) -> bytes:
    """The whole atlas as PDF bytes; pages are drawn and written one at a time to keep memory flat."""
    opsi = opsi or OpsiEkspor()
    keluaran = io.BytesIO()
    meta = {"Title": judul_atlas(tampilan, opsi), "Creator": "Peta Potensi KIM", "Subject": keterangan.sumber(tampilan.dataset, tampilan.bahasa)}
    with rc_context({"pdf.fonttype": 42}), PdfPages(keluaran, metadata=meta) as pdf:
        for fig in halaman_atlas(tampilan, opsi):
            pdf.savefig(fig)
    return keluaran.getvalue()


def ke_profil(tampilan: Tampilan, kode: str, opsi: OpsiEkspor | None = None) -> bytes:
    """One kelurahan's profile as a one-page PDF."""
    opsi = opsi or OpsiEkspor()
    nama = pilih_kelurahan(tampilan, kode)["kelurahan"]
    fig = buat_profil(tampilan, kode, opsi)
    keluaran = io.BytesIO()
    with rc_context({"pdf.fonttype": 42}):
        judul = t("c_profil_judul", tampilan.bahasa, nama=nama, **sebutan(tampilan.dataset, "kelurahan", "", tampilan.bahasa))
        fig.savefig(keluaran, format="pdf", dpi=fig.dpi, facecolor="white", metadata={"Title": judul, "Creator": "Peta Potensi KIM"})
    return keluaran.getvalue()


__all__ = ["halaman_atlas", "ke_atlas", "ke_profil", "urutan_kelurahan"]
