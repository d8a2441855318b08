"""The printable RAB (Rencana Anggaran Biaya): line items by kelurahan and KIM, subtotals, total vs ceiling.

Every figure comes from :func:`geo.anggaran.ringkas.ringkas_anggaran` on the
page's filtered view, so the XLSX, the PDF, the page and ``anggaran
ringkasan`` agree. In the XLSX the subtotals and totals are live ``SUM``
formulas over the workbook's own cells; every cell from the data is text
that Excel never evaluates.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from geo import format_id
from geo.anggaran.rencana import Rencana
from geo.anggaran.ringkas import RingkasanAnggaran, ringkas_anggaran
from geo.ekspor import keterangan
from geo.ekspor.formula import berbahaya
from geo.i18n import deskripsi_filter, t
from geo.tampilan.susun import Tampilan

JUDUL_RAB = "Rencana Anggaran Biaya (RAB) Kegiatan Komunitas Informasi Masyarakat (KIM)"
FORMAT_RUPIAH = '"Rp "#,##0'
PENANDA_SUBTOTAL = "Subtotal"
WARNA_JUDUL = "1F4E79"
WARNA_KELOMPOK = "DDEBF7"
KOLOM_XLSX = ("No", "id_baris", "Kegiatan", "id_potensi", "Jenis belanja", "Volume", "Satuan", "Harga satuan", "Jumlah",
              "Target", "Keterangan", "PPN")
# The headings that are words follow the view's language (None: a name or an id, the same in both).
_KUNCI_KOLOM = (None, None, "rab_kegiatan", None, "rab_jenis", "rab_volume", "rab_satuan", "rab_harga", "rab_jumlah",
                None, "rab_keterangan", "rab_ppn")
LEBAR_XLSX = (5, 16, 48, 13, 18, 8, 9, 15, 16, 36, 24, 14)


@dataclass(frozen=True)
class Kelompok:
    """One kelurahan's KIM and its line items."""

    kode: str
    kelurahan: str
    kecamatan: str
    nama_kim: str
    baris: pd.DataFrame
    subtotal: int

    @property
    def judul(self) -> str:
        kim = f" \u2014 {self.nama_kim}" if self.nama_kim else ""
        return f"Kelurahan {self.kelurahan}, Kecamatan {self.kecamatan}{kim}"


def kelompok_rab(ringkasan: RingkasanAnggaran) -> list[Kelompok]:
    """Filtered line items grouped by kelurahan (in kode order), plan order inside each group."""
    baris = ringkasan.baris
    hasil = []
    for kode, bagian in baris.groupby("kode_kelurahan", sort=True):
        pertama = bagian.iloc[0]
        hasil.append(Kelompok(str(kode), str(pertama["kelurahan"]), str(pertama["kecamatan"]), str(pertama["nama_kim"]),
                              bagian, int(bagian["jumlah"].sum())))
    return hasil


def kepala_rab(tampilan: Tampilan, rencana: Rencana, tanggal: dt.date) -> list[tuple[str, str]]:
    """Header lines shared by XLSX and PDF: region, year, office, filter, date, notes."""
    ds = tampilan.dataset
    p = rencana.pengaturan
    b = tampilan.bahasa
    sumber = keterangan.sumber(ds, b).split(": ", 1)[-1]
    baris = [
        (t("rab_wilayah", b), ds.wilayah.nama),
        (t("rab_tahun", b), str(p.tahun)),
        (t("rab_kantor", b), p.kantor or "-"),
        ("Filter", deskripsi_filter(tampilan.filter, b, tampilan.dataset.wilayah)),
        (t("rab_tanggal", b), format_id.tanggal(tanggal, b)),
        (t("rab_sumber", b), t("rab_rencana", b, berkas=rencana.path.name) + "; " + sumber),
    ]
    return baris + [(t("rab_catatan", b), c) for c in keterangan.catatan(ds, b)]


def angka_rab(tampilan: Tampilan, rencana: Rencana, acuan: dt.date | None = None) -> tuple[RingkasanAnggaran, list[Kelompok]]:
    """The figures and groups an RAB prints (one computation for both formats)."""
    ringkasan = ringkas_anggaran(tampilan, rencana, acuan)
    return ringkasan, kelompok_rab(ringkasan)


def _teks(ws: Worksheet, baris: int, kolom: int, nilai: object) -> None:
    """A cell from the data: always a string, never a formula."""
    sel = ws.cell(row=baris, column=kolom)
    sel.value = "" if nilai is None else str(nilai)
    sel.data_type = "s"
    if berbahaya(sel.value):
        sel.quotePrefix = True


def _rupiah_sel(ws: Worksheet, baris: int, kolom: int, nilai: object, tebal: bool = False) -> None:
    sel = ws.cell(row=baris, column=kolom, value=nilai)
    sel.number_format = FORMAT_RUPIAH
    if tebal:
        sel.font = Font(bold=True)


def _lembar_rab(ws: Worksheet, tampilan: Tampilan, rencana: Rencana, ringkasan: RingkasanAnggaran,
                kelompok: list[Kelompok], tanggal: dt.date) -> dict[str, str]:
    """Write the RAB sheet; returns the addresses of the total, ceiling and remainder cells."""
    bahasa = tampilan.bahasa
    ws.cell(row=1, column=1, value=t("rab_judul", bahasa)).font = Font(bold=True, size=13)
    r = 2
    for kunci, isi in kepala_rab(tampilan, rencana, tanggal):
        ws.cell(row=r, column=1, value=kunci).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        _teks(ws, r, 3, isi)
        r += 1
    r += 1
    kepala = r
    for i, (judul, kunci) in enumerate(zip(KOLOM_XLSX, _KUNCI_KOLOM), start=1):
        sel = ws.cell(row=r, column=i, value=t(kunci, bahasa) if kunci else judul)
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor=WARNA_JUDUL)
        sel.alignment = Alignment(vertical="center", wrap_text=True)
    awal_data = r + 1
    nomor = 0
    for grup in kelompok:
        r += 1
        _teks(ws, r, 3, grup.judul)
        for i in range(1, len(KOLOM_XLSX) + 1):
            ws.cell(row=r, column=i).fill = PatternFill("solid", fgColor=WARNA_KELOMPOK)
        ws.cell(row=r, column=3).font = Font(bold=True)
        pertama = r + 1
        for b in grup.baris.itertuples(index=False):
            r += 1
            nomor += 1
            ws.cell(row=r, column=1, value=nomor)
            for kolom, nilai in ((2, b.id_baris), (3, b.kegiatan), (4, b.id_potensi), (5, b.jenis_belanja or b.nama_akun), (7, b.satuan_koefisien),
                                 (10, b.target), (11, b.keterangan)):
                _teks(ws, r, kolom, nilai)
            ws.cell(row=r, column=6, value=int(b.koefisien)).number_format = "#,##0"
            _rupiah_sel(ws, r, 8, int(b.harga_satuan))
            _rupiah_sel(ws, r, 9, int(b.jumlah))
            if b.ppn_persen:  # Jumlah includes PPN: show it, or Volume × Harga satuan ≠ Jumlah looks like an error
                _rupiah_sel(ws, r, 12, int(b.ppn))
        r += 1
        ws.cell(row=r, column=2, value=PENANDA_SUBTOTAL).font = Font(bold=True)
        _teks(ws, r, 3, f"Subtotal {grup.kelurahan}")
        ws.cell(row=r, column=3).font = Font(bold=True)
        _rupiah_sel(ws, r, 9, f"=SUM(I{pertama}:I{r - 1})", tebal=True)
    akhir_data = r
    r += 2
    label_total = t("rab_total", bahasa) + (t("rab_sesuai_filter", bahasa) if not tampilan.filter.kosong else "")
    ws.cell(row=r, column=3, value=label_total).font = Font(bold=True)
    _rupiah_sel(ws, r, 9, f'=SUMIF(B{awal_data}:B{akhir_data},"{PENANDA_SUBTOTAL}",I{awal_data}:I{akhir_data})', tebal=True)
    alamat = {"total": f"I{r}"}
    r += 1
    ws.cell(row=r, column=3, value=t("rab_pagu", bahasa)).font = Font(bold=True)
    _rupiah_sel(ws, r, 9, ringkasan.pagu, tebal=True)
    alamat["pagu"] = f"I{r}"
    r += 1
    ws.cell(row=r, column=3, value=t("rab_sisa_negatif", bahasa)).font = Font(bold=True)
    _rupiah_sel(ws, r, 9, f"={alamat['pagu']}-{alamat['total']}", tebal=True)
    alamat["sisa"] = f"I{r}"
    for i, lebar in enumerate(LEBAR_XLSX, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = lebar
    for baris in ws.iter_rows(min_row=awal_data, max_row=akhir_data, min_col=3, max_col=3):
        baris[0].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=kepala + 1, column=1)
    ws.print_title_rows = f"{kepala}:{kepala}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return alamat


def _lembar_kelurahan(ws: Worksheet, ringkasan: RingkasanAnggaran, bahasa: str = "id") -> None:
    judul = ("Kelurahan", "Kecamatan", "KIM", *(t(k, bahasa) for k in ("rab_anggota", "rab_alokasi", "rab_per_anggota", "rab_kim_dorman")))
    ws.append(list(judul))
    for sel in ws[1]:
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor=WARNA_JUDUL)
    per = ringkasan.per_kelurahan
    for i, b in enumerate(per.itertuples(index=False), start=2):
        for kolom, nilai in ((1, b.kelurahan), (2, b.kecamatan), (3, b.nama_kim), (7, t("rab_ya" if b.dorman else "rab_tidak", bahasa))):
            _teks(ws, i, kolom, nilai)
        ws.cell(row=i, column=4, value=int(b.jumlah_anggota))
        _rupiah_sel(ws, i, 5, int(b.alokasi))
        per_anggota = b.alokasi_per_anggota
        _rupiah_sel(ws, i, 6, None if pd.isna(per_anggota) else int(per_anggota))
    akhir = len(per) + 1
    ws.cell(row=akhir + 1, column=1, value=t("rab_jumlah_baris", bahasa)).font = Font(bold=True)
    ws.cell(row=akhir + 1, column=4, value=f"=SUM(D2:D{akhir})").font = Font(bold=True)
    _rupiah_sel(ws, akhir + 1, 5, f"=SUM(E2:E{akhir})", tebal=True)
    for huruf, lebar in zip("ABCDEFG", (22, 18, 34, 10, 18, 20, 12)):
        ws.column_dimensions[huruf].width = lebar
    ws.freeze_panes = "A2"


def ke_rab_xlsx(tampilan: Tampilan, rencana: Rencana, tanggal: dt.date | None = None, acuan: dt.date | None = None) -> bytes:
    """Workbook: sheet *RAB* (grouped items, SUM subtotals, total vs ceiling), *Per kelurahan*, *Peta alokasi*."""
    from geo.ekspor.rab_cetak import png_peta_alokasi  # matplotlib only when an RAB is asked for

    tanggal = tanggal or dt.date.today()
    ringkasan, kelompok = angka_rab(tampilan, rencana, acuan)
    wb = Workbook()
    ws = wb.active
    ws.title = "RAB"
    _lembar_rab(ws, tampilan, rencana, ringkasan, kelompok, tanggal)
    _lembar_kelurahan(wb.create_sheet("Per kelurahan"), ringkasan, tampilan.bahasa)
    peta = wb.create_sheet("Peta alokasi")
    peta["A1"] = t("rab_peta_judul", tampilan.bahasa, filter=deskripsi_filter(tampilan.filter, tampilan.bahasa, tampilan.dataset.wilayah))
    peta["A1"].data_type = "s"
    from openpyxl.drawing.image import Image

    gambar = Image(io.BytesIO(png_peta_alokasi(tampilan, ringkasan)))
    peta.add_image(gambar, "A3")
    wb.properties.title = f"RAB KIM {tampilan.dataset.wilayah.nama} {rencana.pengaturan.tahun}"
    wb.properties.creator = "Peta Potensi KIM"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


FORMAT_RAB: dict[str, tuple[str, str]] = {
    "rab-xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "rab-pdf": ("pdf", "application/pdf"),
}


def buat_rab(kode: str, tampilan: Tampilan, rencana: Rencana, tanggal: dt.date | None = None):
    """One RAB file as :class:`geo.ekspor.Hasil`, named like the other exports (``rab-kim-bontang-...``)."""
    from geo.ekspor import Hasil
    from geo.ekspor.nama_berkas import nama_berkas
    from geo.galat import GalatData

    if kode not in FORMAT_RAB:
        raise GalatData(f"Format RAB '{kode}' tidak dikenal. Pilihan: {', '.join(FORMAT_RAB)}.")
    if not rencana.ok:
        raise GalatData("Rencana anggaran tidak sah, jadi RAB tidak dibuat. Periksa dengan 'python -m geo anggaran periksa':\n"
                        + rencana.laporan.teks())
    ekstensi, mime = FORMAT_RAB[kode]
    tanggal = tanggal or dt.date.today()
    if kode == "rab-xlsx":
        data = ke_rab_xlsx(tampilan, rencana, tanggal)
    else:
        from geo.ekspor.rab_cetak import ke_rab_pdf

        data = ke_rab_pdf(tampilan, rencana, tanggal)
    nama = nama_berkas(tampilan.dataset.wilayah.slug, tampilan.filter, ekstensi, "rab-kim", tanggal)
    return Hasil(data, nama, mime)
