"""The RAB as an A4 PDF (and its allocation map as PNG), drawn with matplotlib.

Page 1: header, the four figures, the allocation map and the allocation per
kelurahan. Then the line items grouped by kelurahan and KIM with subtotals,
and the grand total against the ceiling. Text is embedded as TrueType, so
it stays selectable and searchable (``pdftotext`` reads it).
"""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
from matplotlib import patheffects, rc_context
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from geo import format_id
from geo.anggaran.rencana import Rencana
from geo.anggaran.ringkas import RingkasanAnggaran
from geo.anggaran.uang import rupiah
from geo.ekspor.kartografi import PT_PER_MM, bungkus, letak_label
from geo.ekspor.rab import Kelompok, angka_rab, kepala_rab
from geo.ekspor.ukur_teks import halaman_mm
from geo.i18n import t
from geo.tampilan.kelas import WARNA_TANPA_DATA, hitung_kelas
from geo.tampilan.susun import Tampilan

LEBAR_MM, TINGGI_MM = 210.0, 297.0
TEPI_MM = 14.0
BARIS_MM = 4.3
UKURAN = 7.5
WARNA_GARIS = "#b0b7bf"
# Columns of the item table: (label, x in mm, alignment, wrap width in mm or None).
KOLOM = (("No", 14, "left", None), ("Kegiatan", 21, "left", 66), ("Jenis belanja", 89, "left", 27), ("Vol", 124, "right", None),
         ("Satuan", 126, "left", 13), ("Harga satuan", 166, "right", None), ("Jumlah", 196, "right", None))
# Each column's heading in the view's language (No is the same in both).
_KUNCI_KOLOM = {"Kegiatan": "rab_kegiatan", "Jenis belanja": "rab_jenis", "Vol": "rab_vol", "Satuan": "rab_satuan",
                "Harga satuan": "rab_harga", "Jumlah": "rab_jumlah"}


def _halaman() -> tuple[Figure, object]:
    return halaman_mm(LEBAR_MM, TINGGI_MM)


def _tulis(ax, x: float, y: float, teks: str, ukuran: float = UKURAN, tebal: bool = False, ha: str = "left", warna: str = "#1a1a1a") -> None:
    ax.text(x, y, teks, fontsize=ukuran, fontweight="bold" if tebal else "normal", ha=ha, va="top", color=warna, parse_math=False)


def _batas(merkator, lebar_mm: float, tinggi_mm: float) -> tuple[float, float, float, float]:
    """Extent padded by 6% and stretched to the box's aspect ratio, so names have room and nothing is cut."""
    minx, miny, maxx, maxy = merkator.total_bounds
    lebar, tinggi = max(maxx - minx, 500.0) * 1.06, max(maxy - miny, 500.0) * 1.06
    if lebar / tinggi < lebar_mm / tinggi_mm:
        lebar = tinggi * lebar_mm / tinggi_mm
    else:
        tinggi = lebar * tinggi_mm / lebar_mm
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    return cx - lebar / 2, cx + lebar / 2, cy - tinggi / 2, cy + tinggi / 2


def gambar_peta_alokasi(ax, ringkasan: RingkasanAnggaran, lebar_mm: float, tinggi_mm: float, bahasa: str = "id") -> None:
    """Kelurahan coloured by filtered allocation (quantile classes), every name placed once, legend in rupiah."""
    per = ringkasan.per_kelurahan
    ax.set_axis_off()
    if not len(per):
        return
    merkator = per.to_crs(3857)
    x0, x1, y0, y1 = _batas(merkator, lebar_mm, tinggi_mm)
    nilai = merkator["alokasi"].astype("int64").to_numpy()
    kelas = hitung_kelas(nilai.astype(float), "quantiles", 5)
    warna = [WARNA_TANPA_DATA if v == 0 else w for v, w in zip(nilai, kelas.warna_nilai(nilai.astype(float)))]
    merkator.plot(ax=ax, color=warna, edgecolor="white", linewidth=0.8)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")
    unit_per_pt = (x1 - x0) / (lebar_mm * PT_PER_MM)
    # The snapshot's label placer: inside when the name fits, else a callout with a leader line.
    for label in letak_label(merkator, unit_per_pt, (x0, x1, y0, y1), ukuran=(6.5, 5.5)):
        if label.jangkar is not None:
            ujung = label.x - 1.5 * unit_per_pt if label.ha == "left" else label.x + 1.5 * unit_per_pt
            ax.plot([label.jangkar[0], ujung], [label.jangkar[1], label.y], color="#4d4d4d", linewidth=0.5)
        ax.text(label.x, label.y, label.teks, ha=label.ha, va="center", fontsize=label.ukuran, color="#1a1a1a",
                parse_math=False, path_effects=[patheffects.Stroke(linewidth=2, foreground="white"), patheffects.Normal()])
    label = kelas.label(lambda v: rupiah(int(v)))
    tambalan = [Patch(facecolor=w, edgecolor="#888888", label=lb) for w, lb in zip(kelas.warna, label)]
    if (nilai == 0).any():
        tambalan.append(Patch(facecolor=WARNA_TANPA_DATA, edgecolor="#888888", label=t("rab_tanpa_alokasi", bahasa)))
    ax.legend(handles=tambalan, title=t("rab_alokasi_kelurahan", bahasa), loc="lower left", fontsize=6, title_fontsize=6.5, frameon=True)


def png_peta_alokasi(tampilan: Tampilan, ringkasan: RingkasanAnggaran) -> bytes:
    """The allocation map alone, for the XLSX and the page's download."""
    fig = Figure(figsize=(6.5, 6.5), dpi=110, facecolor="white")
    FigureCanvasBase(fig)
    gambar_peta_alokasi(fig.add_axes((0.02, 0.02, 0.96, 0.96)), ringkasan, 6.5 * 25.4 * 0.96, 6.5 * 25.4 * 0.96, tampilan.bahasa)
    keluaran = io.BytesIO()
    fig.savefig(keluaran, format="png", facecolor="white")
    return keluaran.getvalue()


def _halaman_depan(tampilan: Tampilan, rencana: Rencana, ringkasan: RingkasanAnggaran, tanggal: dt.date) -> Figure:
    fig, ax = _halaman()
    b = tampilan.bahasa
    _tulis(ax, TEPI_MM, 12, bungkus(t("rab_judul", b), LEBAR_MM - 2 * TEPI_MM, 12, tebal=True), 12, tebal=True)
    y = 24.0
    for kunci, isi in kepala_rab(tampilan, rencana, tanggal):
        teks = bungkus(isi, 150, UKURAN)
        _tulis(ax, TEPI_MM, y, kunci, tebal=True)
        _tulis(ax, TEPI_MM + 28, y, teks)
        y += BARIS_MM * (teks.count("\n") + 1)
    y += 2
    kartu = ((t("rab_pagu", b), rupiah(ringkasan.pagu)), (t("rab_total_rencana", b), rupiah(ringkasan.total)),
             (t("rab_sisa", b), rupiah(ringkasan.sisa)),
             (t("rab_ke_dorman", b), f"{rupiah(ringkasan.ke_dorman)} ({format_id.persen(ringkasan.persen_dorman, b)})"))
    for i, (label, nilai) in enumerate(kartu):
        x = TEPI_MM + i * 46
        _tulis(ax, x, y, label, 7, warna="#555555")
        _tulis(ax, x, y + 3.6, nilai, 9.5, tebal=True)
    y += 12
    tinggi_peta = 118.0
    peta = fig.add_axes((TEPI_MM / LEBAR_MM, 1 - (y + tinggi_peta) / TINGGI_MM, 1 - 2 * TEPI_MM / LEBAR_MM, tinggi_peta / TINGGI_MM))
    gambar_peta_alokasi(peta, ringkasan, LEBAR_MM - 2 * TEPI_MM, tinggi_peta, b)
    y += tinggi_peta + 4
    _tulis(ax, TEPI_MM, y, t("rab_alokasi_filter", b), 8.5, tebal=True)
    y += 5.5
    per = ringkasan.per_kelurahan
    setengah = int(np.ceil(len(per) / 2))
    for i, k in enumerate(per.itertuples(index=False)):
        x = TEPI_MM + (0 if i < setengah else 93)
        yy = y + (i % setengah) * BARIS_MM if setengah else y
        tanda = " *" if k.dorman else ""
        _tulis(ax, x, yy, f"{k.kelurahan}{tanda}")
        _tulis(ax, x + 86, yy, rupiah(int(k.alokasi)), ha="right")
    y += setengah * BARIS_MM + 2
    _tulis(ax, TEPI_MM, y, t("rab_catatan_dorman", b, n=rencana.pengaturan.ambang_dorman_bulan), 6.5, warna="#555555")
    return fig


def _halaman_rincian(kelompok: list[Kelompok], ringkasan: RingkasanAnggaran, tampilan: Tampilan) -> list[Figure]:
    halaman: list[Figure] = []
    fig = ax = None
    y = 0.0
    bahasa = tampilan.bahasa

    def baru() -> None:
        nonlocal fig, ax, y
        fig, ax = _halaman()
        halaman.append(fig)
        _tulis(ax, TEPI_MM, 12, t("rab_rincian", bahasa), 10, tebal=True)
        y = 20.0
        for label, x, ha, _ in KOLOM:
            _tulis(ax, x, y, t(_KUNCI_KOLOM[label], bahasa) if label in _KUNCI_KOLOM else label, tebal=True, ha=ha)
        ax.plot([TEPI_MM, LEBAR_MM - TEPI_MM], [y + 4, y + 4], color=WARNA_GARIS, linewidth=0.6)
        y += 5.5

    def cukup(tinggi: float) -> None:
        if fig is None or y + tinggi > TINGGI_MM - TEPI_MM:
            baru()

    nomor = 0
    for grup in kelompok:
        cukup(BARIS_MM * 3)
        _tulis(ax, TEPI_MM, y, bungkus(grup.judul, LEBAR_MM - 2 * TEPI_MM, 8, tebal=True), 8, tebal=True)
        y += BARIS_MM + 0.8
        for b in grup.baris.itertuples(index=False):
            nomor += 1
            sel = {"No": str(nomor), "Kegiatan": str(b.kegiatan), "Jenis belanja": str(b.jenis_belanja or b.nama_akun), "Vol": f"{int(b.koefisien):,}".replace(",", "."),
                   "Satuan": str(b.satuan_koefisien), "Harga satuan": rupiah(int(b.harga_satuan)) + ("\n" + t("rab_tambah_ppn", bahasa, persen=b.ppn_persen) if b.ppn_persen else ""),
                   "Jumlah": rupiah(int(b.jumlah))}
            teks = {k: bungkus(v, w, UKURAN) if w else v for (k, _, _, w), v in zip(KOLOM, sel.values())}
            tinggi = BARIS_MM * max(t.count("\n") + 1 for t in teks.values())
            cukup(tinggi)
            for label, x, ha, _ in KOLOM:
                _tulis(ax, x, y, teks[label], ha=ha)
            y += tinggi
        cukup(BARIS_MM + 2)
        _tulis(ax, 21, y, f"Subtotal {grup.kelurahan}", tebal=True)
        _tulis(ax, 196, y, rupiah(grup.subtotal), tebal=True, ha="right")
        ax.plot([150, 196], [y - 0.6, y - 0.6], color=WARNA_GARIS, linewidth=0.5)
        y += BARIS_MM + 2.5
    cukup(BARIS_MM * 4)
    ax.plot([TEPI_MM, LEBAR_MM - TEPI_MM], [y, y], color="#333333", linewidth=0.8)
    y += 1.5
    sesuai = t("rab_sesuai_filter", bahasa) if not tampilan.filter.kosong else ""
    for label, nilai in ((t("rab_total", bahasa) + sesuai, ringkasan.total_tersaring), (t("rab_pagu", bahasa), ringkasan.pagu),
                         (t("rab_sisa", bahasa), ringkasan.pagu - ringkasan.total_tersaring)):
        _tulis(ax, 21, y, label, 8.5, tebal=True)
        _tulis(ax, 196, y, rupiah(nilai), 8.5, tebal=True, ha="right")
        y += BARIS_MM + 0.8
    return halaman


def ke_rab_pdf(tampilan: Tampilan, rencana: Rencana, tanggal: dt.date | None = None, acuan: dt.date | None = None) -> bytes:
    """The whole RAB as a multi-page A4 PDF."""
    tanggal = tanggal or dt.date.today()
    ringkasan, kelompok = angka_rab(tampilan, rencana, acuan)
    halaman = [_halaman_depan(tampilan, rencana, ringkasan, tanggal), *_halaman_rincian(kelompok, ringkasan, tampilan)]
    keluaran = io.BytesIO()
    with rc_context({"pdf.fonttype": 42}), PdfPages(keluaran, metadata={"Title": t("rab_judul", tampilan.bahasa), "Creator": "Peta Potensi KIM"}) as pdf:
        for fig in halaman:
            pdf.savefig(fig)
    return keluaran.getvalue()
