"""CSV and XLSX of one filtered view, ready for Excel on Windows.

The potentials keep the import column names, so an exported file can be
edited and loaded back as ``data/kim.csv``.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from geo import format_id
from geo.ekspor import keterangan
from geo.ekspor.formula import netralkan_tabel
from geo.tampilan.agregat import kolom_kategori, kolom_ringkasan, kolom_status
from geo.tampilan.angka import angka_utama
from geo.tampilan.metrik import METRIK_DASAR, METRIK_SKOR_KIM
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan

BOM = "\ufeff"
WARNA_JUDUL = "1F4E79"
LEBAR_MAKS = 60
FORMAT_TANGGAL = "dd/mm/yyyy"
FORMAT_KOLOM = {
    "lintang": "0.000000",
    "bujur": "0.000000",
    "jumlah_anggota": "#,##0",
    "persen_aktif": "0.0",
    "luas_km2": "0.00",
}


def _tanggal(kolom: pd.Series) -> pd.Series:
    """Datetimes → ``date`` (Excel shows a date, CSV an ISO day); missing → None."""
    waktu = pd.to_datetime(kolom)
    return waktu.dt.date.astype(object).where(waktu.notna(), None)


def tabel_potensi(tampilan: Tampilan) -> pd.DataFrame:
    """The filtered potentials in import column order, dates as ``date`` objects.

    The import columns hold what is stored (so the file loads back unchanged); with an
    activity log, what the map shows follows in the derived columns ``skema.KOLOM_TURUNAN``.
    """
    from geo.simpan.rujukan_kim import KOLOM_SIMPAN, tanpa_id_kim_kosong

    semua = pd.DataFrame(tampilan.potensi.drop(columns="geometry")).reset_index(drop=True)
    # kim.csv's own columns, its id_kim too when rows name their KIM (#25), so the file loads back unchanged.
    tabel = tanpa_id_kim_kosong(semua[[k for k in KOLOM_SIMPAN if k in semua.columns]].copy())
    if "status_tercatat" in semua:
        dari_log = semua["sumber_status"] == "log"
        tabel["status_aktivitas"] = semua["status_tercatat"]
        tabel["kegiatan_terakhir"] = semua["kegiatan_terakhir_tercatat"]
        tabel["status_peta"] = semua["status_aktivitas"]
        tabel["sumber_status"] = semua["sumber_status"]
        tabel["kegiatan_terakhir_log"] = _tanggal(semua["kegiatan_terakhir"].where(dari_log))
        bulan = pd.to_numeric(semua["bulan_tidak_aktif"], errors="coerce")
        tabel["bulan_tidak_aktif"] = bulan.astype(object).map(lambda v: None if pd.isna(v) else int(v))
    tabel["kegiatan_terakhir"] = _tanggal(tabel["kegiatan_terakhir"])
    tabel["jumlah_anggota"] = tabel["jumlah_anggota"].astype(object).where(tabel["jumlah_anggota"].notna(), None)
    if tampilan.metrik == METRIK_SKOR_KIM:  # the map's metric: each potential's KIM score (empty: not assessed)
        from geo.tampilan.skor_kim import skor_per_potensi

        tabel[METRIK_SKOR_KIM] = skor_per_potensi(tampilan).astype(object).where(lambda s: s.notna(), None).to_numpy()
    return tabel


def tabel_ringkasan(tampilan: Tampilan) -> pd.DataFrame:
    """The per-kelurahan summary of the view, without geometry.

    Potentials whose kelurahan is missing from the boundaries get one extra
    row, so the sheet sums to the same totals as the Potensi sheet.
    """
    kolom = [*kolom_ringkasan(tampilan.dataset.wilayah), *([METRIK_SKOR_KIM] if METRIK_SKOR_KIM in tampilan.ringkasan else [])]
    tabel = pd.DataFrame(tampilan.ringkasan[kolom]).reset_index(drop=True)
    a = angka_utama(tampilan)
    if a.tanpa_batas:
        p = tampilan.potensi[~tampilan.potensi["kode_kelurahan"].isin(tampilan.ringkasan["kode"])]
        ekstra = {k: None for k in tabel.columns}
        ekstra.update(kelurahan="(tidak ada di peta batas)", jumlah_potensi=len(p),
                      jumlah_aktif=int((p["status_aktivitas"] == tampilan.dataset.wilayah.status_aktif).sum()),
                      jumlah_anggota=int(p["jumlah_anggota"].sum()))
        if "persen_aktif" in tabel:
            ekstra["persen_aktif"] = round(100 * ekstra["jumlah_aktif"] / len(p), 1)
        for k in tampilan.dataset.wilayah.kategori_potensi:
            if kolom_kategori(k) in tabel:
                ekstra[kolom_kategori(k)] = int((p["kategori_potensi"] == k).sum())
        for s in tampilan.dataset.wilayah.status_aktivitas:
            if kolom_status(s) in tabel:
                ekstra[kolom_status(s)] = int((p["status_aktivitas"] == s).sum())
        ekstra["kegiatan_terakhir"] = p["kegiatan_terakhir"].max()
        tabel = pd.concat([tabel, pd.DataFrame([ekstra])], ignore_index=True)
    tabel["kegiatan_terakhir"] = _tanggal(tabel["kegiatan_terakhir"])
    return tabel


def label_ringkasan(tampilan: Tampilan) -> dict[str, str]:
    """Readable headers for the summary sheet (it is read by people, not re-imported)."""
    wil = tampilan.dataset.wilayah
    kata = sebutan_tampilan(tampilan)  # a province's sheet at kab/kota level says Kab/Kota and Provinsi
    label = {
        "kode": f"Kode {kata['unit']}", "kelurahan": kata["Unit"], "kecamatan": kata["Induk"],
        "kode_kecamatan": f"Kode {kata['induk']}", "luas_km2": "Luas (km²)", "nama_kim": "Nama KIM",
        **METRIK_DASAR, "kategori_dominan": "Kategori dominan", "kegiatan_terakhir": "Kegiatan terakhir",
    }
    # A share of no potentials is an empty cell, never 0: the header says so.
    label["persen_aktif"] = f"{METRIK_DASAR['persen_aktif']}; kosong = tidak ada data"
    label[METRIK_SKOR_KIM] = f"{METRIK_DASAR[METRIK_SKOR_KIM]}; kosong = tidak ada data"
    label.update({kolom_kategori(k): f"Potensi {k}" for k in wil.kategori_potensi})
    label.update({kolom_status(s): f"Status {s}" for s in wil.status_aktivitas})
    return label


def ke_csv(tabel: pd.DataFrame, pemisah: str = ",") -> bytes:
    """UTF-8 with BOM and CRLF so Excel opens it right; ``;`` also switches to decimal commas.

    Excel in an Indonesian locale splits on ``;`` and reads ``117.5`` as a
    thousands-grouped integer, so the two settings go together.
    """
    if pemisah not in (",", ";"):
        raise ValueError(f"Pemisah kolom '{pemisah}' tidak didukung. Gunakan ',' atau ';'.")
    aman = netralkan_tabel(tabel)
    for nama in aman.columns:
        if aman[nama].map(lambda v: isinstance(v, dt.date)).any():
            aman[nama] = aman[nama].map(lambda v: v.isoformat() if isinstance(v, dt.date) else v)
    teks_csv = aman.to_csv(index=False, sep=pemisah, decimal="," if pemisah == ";" else ".", lineterminator="\r\n")
    return (BOM + teks_csv).encode("utf-8")


def _tulis_lembar(ws: Worksheet, tabel: pd.DataFrame, header: list[str]) -> None:
    """Header styled and frozen, filters on, widths fitted; text never becomes a formula."""
    ws.append(header)
    for sel in ws[1]:
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor=WARNA_JUDUL)
        sel.alignment = Alignment(vertical="center", wrap_text=True)
    nilai = tabel.astype(object).where(tabel.notna(), None)
    for baris in nilai.itertuples(index=False, name=None):
        ws.append(list(baris))
    for sel in (c for row in ws.iter_rows(min_row=2) for c in row):
        if sel.data_type == "f":
            # openpyxl turns any "=..." string into a formula; force it back to text.
            sel.data_type = "s"
            sel.quotePrefix = True
        elif isinstance(sel.value, str) and sel.value.startswith(("+", "-", "@")):
            sel.quotePrefix = True
    for i, nama in enumerate(tabel.columns, start=1):
        huruf = get_column_letter(i)
        format_angka = FORMAT_TANGGAL if nama == "kegiatan_terakhir" else FORMAT_KOLOM.get(nama)
        if format_angka:
            for (sel,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                sel.number_format = format_angka
        panjang = nilai[nama].map(lambda v: len(str(v)) if v is not None else 0)
        lebar = max(len(header[i - 1]), int(panjang.max()) if len(panjang) else 0, 8)
        ws.column_dimensions[huruf].width = min(LEBAR_MAKS, lebar + 2)
    ws.freeze_panes = "A2"
    if len(tabel.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(tabel.columns))}{max(1, len(tabel) + 1)}"


def _tulis_info(ws: Worksheet, tampilan: Tampilan, judul: str, tanggal: dt.date) -> None:
    ds = tampilan.dataset
    a = angka_utama(tampilan)
    baris = [
        ("Judul", judul),
        ("Wilayah", ds.wilayah.nama),
        ("Filter", tampilan.filter.deskripsi()),
        ("Jumlah KIM", a.kim),
        ("Jumlah potensi", a.potensi),
        ("Potensi aktif", a.aktif),
        ("Jumlah anggota", a.anggota),
        (f"Jumlah {sebutan_tampilan(tampilan)['unit']}", a.kelurahan),
        *([("Tanpa batas", (f"{a.tanpa_batas} potensi berada di kelurahan yang tidak ada di berkas batas; "
            "baris ini ada di lembar Potensi dan di baris '(tidak ada di peta batas)' lembar Ringkasan."))] if a.tanpa_batas else []),
        ("Tanggal ekspor", format_id.tanggal(tanggal)),
        ("Sumber", keterangan.sumber(ds).removeprefix("Sumber: ")),
        *[("Catatan", c) for c in keterangan.catatan(ds)],
        ("Rumus", "Sel teks yang diawali =, +, - atau @ disimpan sebagai teks, bukan rumus."),
    ]
    for kunci, isi in baris:
        ws.append([kunci, isi])
    for sel in ws["B"]:
        if sel.data_type == "f":
            sel.data_type = "s"
            sel.quotePrefix = True
    for (sel,) in ws.iter_rows(min_col=1, max_col=1):
        sel.font = Font(bold=True)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 90


def ke_xlsx(tampilan: Tampilan, judul: str, tanggal: dt.date | None = None) -> bytes:
    """Workbook: potentials, per-kelurahan summary, and an info sheet with filter and notes."""
    tanggal = tanggal or dt.date.today()
    wb = Workbook()
    ws = wb.active
    ws.title = "Potensi"
    potensi = tabel_potensi(tampilan)
    _tulis_lembar(ws, potensi, list(potensi.columns))
    ringkasan = tabel_ringkasan(tampilan)
    label = label_ringkasan(tampilan)
    _tulis_lembar(wb.create_sheet(f"Ringkasan {sebutan_tampilan(tampilan)['unit']}".replace("/", "-")), ringkasan, [label.get(k, k) for k in ringkasan.columns])
    _tulis_info(wb.create_sheet("Info"), tampilan, judul, tanggal)
    wb.properties.title = judul
    wb.properties.creator = "Peta Potensi KIM"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
