"""The budget form as an A4-landscape PDF (matplotlib), laid out like SIPD's Formulir RKA/RKPA/DPA/DPPA.

Page 1 carries the title, the sub kegiatan block and the indicators; every
page repeats the column headings; the last ends with the total against the
ceiling, the notes and the signature block. Text is embedded as TrueType, so
``pdftotext`` reads every code and figure.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from matplotlib import rc_context
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from geo import format_id
from geo.anggaran.koefisien import teks_koefisien
from geo.anggaran.rencana import Rencana
from geo.anggaran.subkegiatan import SubKegiatan
from geo.anggaran.susunan import AKUN, RINCIAN, BarisForm, Susunan
from geo.anggaran.tahap import Tahap
from geo.anggaran.uang import angka_bulat
from geo.ekspor.kartografi import bungkus
from geo.ekspor.ukur_teks import halaman_mm

LEBAR, TINGGI = 297.0, 210.0
TEPI = 12.0
UKURAN = 6.5
BARIS_MM = 2.9
KAKI_MM = 12.0
GARIS = "#7f7f7f"
INDEN = "_inden"  # depth of a row's heading level; Uraian is indented 1.6 mm per level
INDEN_MM = 1.6


@dataclass(frozen=True)
class KolomCetak:
    kunci: str
    judul: str
    judul_en: str
    lebar: float
    rata: str = "left"


def kolom_cetak(perubahan: bool) -> list[KolomCetak]:
    if not perubahan:
        return [KolomCetak("kode", "Kode Rekening", "Account code", 30), KolomCetak("uraian", "Uraian", "Description", 92),
                KolomCetak("koef", "Koefisien", "Coefficient", 48), KolomCetak("satuan", "Satuan", "Unit", 28),
                KolomCetak("harga", "Harga", "Unit price", 24, "right"), KolomCetak("ppn", "PPN (%)", "VAT (%)", 16, "right"),
                KolomCetak("jumlah", "Jumlah", "Amount", 35, "right")]
    return [KolomCetak("kode", "Kode Rekening", "Account code", 26), KolomCetak("uraian", "Uraian", "Description", 60),
            KolomCetak("s_koef", "Koefisien", "Coefficient", 24), KolomCetak("s_harga", "Harga", "Unit price", 20, "right"),
            KolomCetak("s_ppn", "PPN", "VAT", 8, "right"), KolomCetak("s_jumlah", "Jumlah", "Amount", 24, "right"),
            KolomCetak("koef", "Koefisien", "Coefficient", 34), KolomCetak("harga", "Harga", "Unit price", 20, "right"),
            KolomCetak("ppn", "PPN", "VAT", 8, "right"), KolomCetak("jumlah", "Jumlah", "Amount", 24, "right"),
            KolomCetak("selisih", "Bertambah/ (Berkurang)", "Increase/ (decrease)", 25, "right")]


def _rp(nilai: int) -> str:
    return angka_bulat(nilai)


def selisih_teks(nilai: int) -> str:
    """Decrease in parentheses, as the form prints it: ``(1.250.000)``."""
    return f"({angka_bulat(-nilai)})" if nilai < 0 else angka_bulat(nilai)


def _sel_baris(b: BarisForm, perubahan: bool) -> dict[str, str]:
    """The printed cells of one row."""
    sel = {"kode": b.kode, "uraian": b.uraian, INDEN: str(b.kedalaman)}
    if b.jenis == RINCIAN and b.keterangan:
        sel["uraian"] += "\n" + b.keterangan
    for awal, a in (("", b.angka_setelah), ("s_", b.angka_sebelum if perubahan else None)):
        if a is None:
            continue
        sel[f"{awal}koef"] = teks_koefisien(a.volume, a.satuan)
        sel[f"{awal}satuan"] = a.satuan_teks
        sel[f"{awal}harga"] = _rp(a.harga)
        sel[f"{awal}ppn"] = a.ppn_persen or "0"
    sel["jumlah"] = _rp(b.setelah)
    if perubahan:
        sel["s_jumlah"] = _rp(b.sebelum)
        sel["selisih"] = selisih_teks(b.selisih)
    return sel


class Lembar:
    """Pages being drawn; ``y`` is the next free height in mm from the top."""

    def __init__(self, kolom: list[KolomCetak], perubahan: bool) -> None:
        self.kolom, self.perubahan = kolom, perubahan
        self.halaman: list[tuple[Figure, object]] = []
        self.kotak: list[list[Rectangle]] = []  # cell boxes per page, drawn at once (one collection, not a patch each)
        self.y = 0.0

    def baru(self) -> object:
        fig, ax = halaman_mm(LEBAR, TINGGI)
        self.halaman.append((fig, ax))
        self.kotak.append([])
        self.y = TEPI
        return ax

    @property
    def ax(self):
        return self.halaman[-1][1]

    def tulis(self, x: float, y: float, teks: str, ukuran: float = UKURAN, tebal: bool = False, ha: str = "left",
              miring: bool = False) -> None:
        self.ax.text(x, y, teks, fontsize=ukuran, fontweight="bold" if tebal else "normal", ha=ha, va="top", color="#111111",
                     parse_math=False, style="italic" if miring else "normal", linespacing=1.25)

    def muat(self, tinggi: float, kepala: bool = True) -> None:
        """Start a new page (with the column headings, for table rows) when ``tinggi`` mm do not fit."""
        if self.y + tinggi > TINGGI - KAKI_MM:
            self.baru()
            if kepala:
                self.kepala_kolom()

    def _garis_sel(self, y0: float, tinggi: float, isi: dict[str, str], tebal: bool = False, latar: str | None = None) -> None:
        x = TEPI
        if latar:
            self.kotak[-1].append(Rectangle((TEPI, y0), sum(k.lebar for k in self.kolom), tinggi, facecolor=latar, edgecolor="none"))
        for k in self.kolom:
            self.kotak[-1].append(Rectangle((x, y0), k.lebar, tinggi, facecolor="none", edgecolor=GARIS, linewidth=0.3))
            teks = isi.get(k.kunci, "")
            geser = INDEN_MM * int(isi.get(INDEN, 0)) if k.kunci == "uraian" else 0.0
            if teks:
                tx = x + k.lebar - 1 if k.rata == "right" else (x + k.lebar / 2 if k.rata == "center" else x + 1 + geser)
                self.tulis(tx, y0 + 0.8, teks, tebal=tebal, ha=k.rata)
            x += k.lebar

    def kepala_kolom(self) -> None:
        if self.perubahan:
            x = TEPI + sum(k.lebar for k in self.kolom[:2])
            for kunci_akhir, teks in (("s_jumlah", "Sebelum Perubahan / Before revision"), ("jumlah", "Setelah Perubahan / After revision")):
                lebar = 0.0
                for k in self.kolom[2:]:
                    if (teks.startswith("Sebelum") and k.kunci.startswith("s_")) or (teks.startswith("Setelah") and k.kunci in
                                                                                     ("koef", "harga", "ppn", "jumlah")):
                        lebar += k.lebar
                self.kotak[-1].append(Rectangle((x, self.y), lebar, 4, facecolor="#d9e1f2", edgecolor=GARIS, linewidth=0.3))
                self.tulis(x + lebar / 2, self.y + 0.8, teks, tebal=True, ha="center")
                x += lebar
            self.y += 4
        isi = {k.kunci: "\n".join(bungkus(t, k.lebar - 2, UKURAN, True) for t in (k.judul, k.judul_en)) for k in self.kolom}
        tinggi = max(t.count("\n") + 1 for t in isi.values()) * BARIS_MM + 1.6
        sebelum = self.kolom
        self.kolom = [KolomCetak(k.kunci, k.judul, k.judul_en, k.lebar, "center") for k in sebelum]
        self._garis_sel(self.y, tinggi, isi, tebal=True, latar="#d9e1f2")
        self.kolom = sebelum
        self.y += tinggi

    def baris(self, isi: dict[str, str], tebal: bool = False, latar: str | None = None) -> None:
        geser = INDEN_MM * int(isi.get(INDEN, 0))
        bungkusan = {k.kunci: "\n".join(bungkus(bag, k.lebar - 2 - (geser if k.kunci == "uraian" else 0), UKURAN, tebal)
                                        for bag in isi.get(k.kunci, "").split("\n")) for k in self.kolom}
        tinggi = max(t.count("\n") + 1 for t in bungkusan.values()) * BARIS_MM + 1.4
        bungkusan[INDEN] = isi.get(INDEN, "0")
        self.muat(tinggi)
        self._garis_sel(self.y, tinggi, bungkusan, tebal, latar)
        self.y += tinggi


def _kepala_dokumen(lb: Lembar, tahap: Tahap, sub: SubKegiatan, wilayah: str, tahun: int, kantor: str) -> None:
    for teks, ukuran, tebal, miring in ((tahap.judul, 10, True, False), (tahap.judul_en, 7.5, False, True),
                                        (f"{tahap.formulir} / Expenditure detail form", 9, True, False),
                                        (f"Pemerintah {wilayah} \u00b7 Tahun Anggaran {tahun} / Fiscal year {tahun}", 8, False, False)):
        lb.tulis(LEBAR / 2, lb.y, teks, ukuran, tebal, "center", miring)
        lb.y += ukuran * 0.5 + 1.2
    lb.y += 1.5
    for label, nilai in sub.baris_kepala(kantor):
        lb.tulis(TEPI, lb.y, label, 7, True)
        lb.tulis(TEPI + 62, lb.y, ": " + (nilai or "-"), 7, label.startswith("Sub Kegiatan"))
        lb.y += 3.6
    if sub.indikator:
        lb.y += 1.5
        simpan = lb.kolom
        lb.kolom = [KolomCetak("jenis", "", "", 40), KolomCetak("ukur", "", "", 120), KolomCetak("target", "", "", 113)]
        lb.baris({"jenis": "Indikator / Indicator", "ukur": "Tolok Ukur Kinerja / Performance measure",
                 "target": "Target Kinerja / Target"}, tebal=True, latar="#d9e1f2")
        for ind in sub.indikator:
            lb.baris({"jenis": ind.jenis, "ukur": ind.tolok_ukur, "target": ind.target})
        lb.kolom = simpan
    lb.y += 3


def _penutup(lb: Lembar, susunan: Susunan, pagu: int, catatan: tuple[str, ...], sub: SubKegiatan, tanggal: dt.date) -> None:
    total = {"uraian": "JUMLAH / TOTAL", "jumlah": _rp(susunan.total_setelah)}
    if susunan.perubahan:
        total |= {"s_jumlah": _rp(susunan.total_sebelum), "selisih": selisih_teks(susunan.total_selisih)}
    lb.baris(total, tebal=True, latar="#eeeeee")
    lb.baris({"uraian": "Pagu anggaran / Budget ceiling", "jumlah": _rp(pagu) if pagu > 0 else "belum diatur / not set"}, tebal=True)
    if pagu > 0:
        lb.baris({"uraian": "Sisa pagu / Remaining (negatif: melampaui pagu)", "jumlah": selisih_teks(pagu - susunan.total_setelah)})
    lb.y += 2
    for teks in catatan:
        lb.muat(3.5, kepala=False)
        lb.tulis(TEPI, lb.y, teks, 6, miring=True)
        lb.y += 3.2
    if not sub.penandatangan:
        return
    lb.muat(34, kepala=False)
    lb.y += 3
    n = len(sub.penandatangan)
    lebar = (LEBAR - 2 * TEPI) / n
    for i, p in enumerate(sub.penandatangan):
        x = TEPI + lebar * i + lebar / 2
        if i == n - 1:
            lb.tulis(x, lb.y, f"{sub.tempat + ', ' if sub.tempat else ''}{format_id.tanggal(tanggal)}", 7, ha="center")
        lb.tulis(x, lb.y + 3.5, bungkus(p.jabatan, lebar - 10, 7), 7, ha="center")
        lb.tulis(x, lb.y + 22, p.nama, 7, True, "center")
        lb.tulis(x, lb.y + 25.5, f"NIP. {p.nip}", 7, ha="center")
    lb.y += 30


def ke_rka_pdf(rencana: Rencana, susunan: Susunan, sub: SubKegiatan, tahap: Tahap, wilayah: str, tanggal: dt.date,
               catatan: tuple[str, ...] = ()) -> bytes:
    """The form on A4 landscape pages, numbered ``Halaman i dari n``."""
    p = rencana.pengaturan
    lb = Lembar(kolom_cetak(susunan.perubahan), susunan.perubahan)
    lb.baru()
    _kepala_dokumen(lb, tahap, sub, wilayah, p.tahun, p.kantor)
    lb.kepala_kolom()
    for b in susunan.baris:
        lb.baris(_sel_baris(b, susunan.perubahan), tebal=b.jenis != RINCIAN, latar="#f2f2f2" if b.jenis == AKUN else None)
    _penutup(lb, susunan, p.pagu, catatan, sub, tanggal)
    n = len(lb.halaman)
    keluaran = io.BytesIO()
    judul = f"{tahap.formulir} {sub.kode_sub[0]} {wilayah} {p.tahun}"
    with rc_context({"pdf.fonttype": 42}), PdfPages(keluaran, metadata={"Title": judul, "Creator": "Peta Potensi KIM"}) as pdf:
        for i, ((fig, ax), kotak) in enumerate(zip(lb.halaman, lb.kotak), start=1):
            ax.add_collection(PatchCollection(kotak, match_original=True, zorder=0), autolim=False)
            ax.text(TEPI, TINGGI - 6, f"{tahap.formulir} \u00b7 {sub.kode_sub[0]} {sub.kode_sub[1]}", fontsize=6, va="top", color="#555555")
            ax.text(LEBAR - TEPI, TINGGI - 6, f"Halaman {i} dari {n} / Page {i} of {n}", fontsize=6, va="top", ha="right", color="#555555")
            pdf.savefig(fig)
    return keluaran.getvalue()
