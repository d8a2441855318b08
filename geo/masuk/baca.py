"""Read a table as officials save it from Excel, without guessing values.

Every cell comes back as stripped text; typing happens in validation, where
a bad value can be reported with its row and column. Excel rows are counted
the way Excel shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from geo.galat import Laporan
from geo.masuk import skema

KOLOM_BARIS = "_baris"
_DELIMITER = (";", ",", "\t", "|")
_EKSTENSI_EXCEL = {".xlsx", ".xlsm"}
_MAGIC_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BARIS_JUDUL_MAKS = 10


def normalisasi_header(nama: object) -> str:
    """``' Kategori Potensi '`` → ``kategori_potensi``: tolerate Excel-typed headers."""
    teks = str(nama).replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", teks)


def _dekode(data: bytes) -> str:
    # Excel on Indonesian Windows writes cp1252 unless told otherwise; UTF-8
    # is tried first because cp1252 would "succeed" on UTF-8 bytes too.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _tebak_delimiter(teks: str) -> str:
    baris_pertama = next((b for b in teks.splitlines() if b.strip()), "")
    return max(_DELIMITER, key=baris_pertama.count)


def _baca_csv(data: bytes, nama: str, laporan: Laporan) -> list[list[str]] | None:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        laporan.tambah(
            nama,
            "Berkas ini bukan tabel teks (isinya biner). Simpan ulang dari Excel sebagai "
            "'CSV UTF-8 (Comma delimited)' atau sebagai .xlsx.",
        )
        return None
    teks = _dekode(data)
    petunjuk = re.match(r"\s*sep=(.)\r?\n", teks)
    if petunjuk:  # Excel's "sep=;" hint line: Excel hides it, so it is not row 1 either
        return list(csv.reader(io.StringIO(teks[petunjuk.end():], newline=""), delimiter=petunjuk.group(1)))
    return list(csv.reader(io.StringIO(teks, newline=""), delimiter=_tebak_delimiter(teks)))


def _baca_excel(data: bytes, nama: str, laporan: Laporan, lembar: int | str = 0) -> list[list[str]] | None:
    try:
        frame = pd.read_excel(io.BytesIO(data), sheet_name=lembar, header=None, dtype=object, engine="openpyxl")
    except (ValueError, OSError, KeyError, zipfile.BadZipFile) as exc:
        laporan.tambah(
            nama,
            f"Berkas Excel tidak dapat dibaca ({exc}). Buka di Excel, lalu simpan ulang sebagai .xlsx.",
        )
        return None
    return [["" if pd.isna(v) else _teks_sel(v) for v in row] for row in frame.itertuples(index=False)]


def _teks_sel(nilai: object) -> str:
    if isinstance(nilai, pd.Timestamp) or hasattr(nilai, "strftime"):
        return nilai.strftime("%Y-%m-%d")  # type: ignore[union-attr]
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai)


def _periksa_lebar(row: list[str], header: list[str], baris: int, nama: str, laporan: Laporan) -> None:
    """Rows wider than the header, or cut short by a quote that never closes."""
    lebar = len(header)
    isi_lebih = [s for s in row[lebar:] if s]
    if isi_lebih:
        laporan.tambah(
            nama,
            f"Baris ini memiliki {lebar + len(isi_lebih)} sel berisi, lebih banyak dari "
            f"{lebar} kolom judul. Periksa pemisah kolom atau tanda kutip pada teks.",
            baris=baris,
            nilai=isi_lebih[0],
        )
    elif len(row) < lebar:
        # A cell that swallowed line breaks in a short row: its opening quote never closed.
        for kolom, sel in zip(header, row):
            if "\n" in sel:
                laporan.tambah(
                    nama,
                    'Tanda kutip (") di sel ini tidak ditutup, sehingga baris-baris berikutnya ikut masuk ke sel ini. '
                    "Tutup atau hapus tanda kutipnya.",
                    baris=baris,
                    kolom=kolom,
                    nilai=sel.split("\n", 1)[0][:60],
                )
                break


def baca_tabel(path: Path | str, laporan: Laporan, kolom_dikenal: Sequence[str] = skema.KOLOM_KIM) -> pd.DataFrame | None:
    """Read a CSV or XLSX into text columns plus ``_baris``; None if unusable.

    File-level problems (missing, empty, binary, ragged rows) go to ``laporan``.
    ``kolom_dikenal`` lets the header be found below title rows that officials
    often type above a table.
    """
    path = Path(path)
    nama = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        laporan.tambah(nama, f"Berkas tidak dapat dibuka ({exc.strerror or exc}). Periksa lokasi berkas.")
        return None
    return baca_bytes(data, nama, laporan, excel=path.suffix.lower() in _EKSTENSI_EXCEL or None, kolom_dikenal=kolom_dikenal)


def _cari_header(rows: list[list[str]], kolom_dikenal: Sequence[str]) -> int:
    """Index of the header row: the first of the top rows naming 3+ known columns."""
    dikenal = set(kolom_dikenal)
    for i, row in enumerate(rows[:_BARIS_JUDUL_MAKS]):
        if len(dikenal.intersection(normalisasi_header(h) for h in row)) >= 3:
            return i
    return 0


def baca_bytes(
    data: bytes, nama: str, laporan: Laporan, excel: bool | None = None, kolom_dikenal: Sequence[str] = skema.KOLOM_KIM,
    lembar: int | str = 0,
) -> pd.DataFrame | None:
    """Like :func:`baca_tabel` for uploaded bytes; the format is sniffed when ``excel`` is None.

    ``lembar`` names the Excel sheet (the first by default).
    """
    if not data.strip():
        laporan.tambah(nama, "Berkas kosong. Isi tabel dengan baris judul kolom dan data potensi.")
        return None
    if data[:8] == _MAGIC_XLS:
        laporan.tambah(nama, "Format Excel lama (.xls) tidak didukung. Buka di Excel lalu simpan sebagai .xlsx atau CSV.")
        return None
    if excel is None:
        excel = data[:4] == b"PK\x03\x04"
    rows = _baca_excel(data, nama, laporan, lembar) if excel else _baca_csv(data, nama, laporan)
    if rows is None:
        return None
    rows = [[sel.strip() for sel in row] for row in rows]
    nomor = [i + 1 for i, row in enumerate(rows) if any(row)]
    rows = [row for row in rows if any(row)]
    if not rows:
        laporan.tambah(nama, "Berkas kosong. Isi tabel dengan baris judul kolom dan data potensi.")
        return None
    awal = _cari_header(rows, kolom_dikenal) if kolom_dikenal else 0
    nomor, rows = nomor[awal:], rows[awal:]
    header = [normalisasi_header(h) for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    if kolom_dikenal and not set(header) & set(kolom_dikenal):
        laporan.tambah(
            nama,
            "Baris pertama bukan judul kolom tabel KIM, jadi berkas ini tidak dikenali sebagai tabel. "
            f"Baris judul harus berisi: {', '.join(kolom_dikenal)}.",
            baris=nomor[0],
        )
        return None
    if len(rows) < 2:
        laporan.tambah(nama, "Berkas hanya berisi judul kolom, tanpa baris data. Isi satu baris per potensi.", baris=nomor[0])
        return None
    lebar = len(header)
    data_rows = []
    for baris, row in zip(nomor[1:], rows[1:]):
        if [normalisasi_header(h) for h in row[:lebar]] == header:
            laporan.tambah(nama, "Baris judul kolom muncul lagi di tengah tabel. Hapus baris ini.", baris=baris)
            continue
        _periksa_lebar(row, header, baris, nama, laporan)
        data_rows.append(row[:lebar] + [""] * (lebar - len(row)) + [baris])
    frame = pd.DataFrame(data_rows, columns=[*header, KOLOM_BARIS])
    frame = frame.loc[:, [c for c in frame.columns if c]]
    return frame
