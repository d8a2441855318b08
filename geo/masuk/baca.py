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

from geo.format_id import angka
from geo.galat import Laporan
from geo.masuk import batasan, skema
from geo.masuk.rumus import pulihkan_netral

KOLOM_BARIS = "_baris"
_DELIMITER = (";", ",", "\t", "|")
_EKSTENSI_EXCEL = {".xlsx", ".xlsm"}


def nama_excel(nama: str | Path) -> bool:
    """Whether a file name says XLSX (a save writes that format back; a read of it skips sniffing)."""
    return Path(nama).suffix.lower() in _EKSTENSI_EXCEL
_MAGIC_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BARIS_JUDUL_MAKS = 10
# Below this size the careful row-by-row reader is the faster one: pyarrow's read costs a fixed
# ~10 ms a file, the careful path ~10 µs a row (kim.csv's 50 rows: 3 ms against 15 ms; #26).
BYTE_JALUR_CEPAT = 64 * 1024
NL = b"\n"


def normalisasi_header(nama: object) -> str:
    """``' Kategori Potensi '`` → ``kategori_potensi``: tolerate Excel-typed headers."""
    teks = str(nama).replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", teks)


def _dekode(data: bytes) -> str:
    return _dekode_kodek(data)[0]


def _dekode_kodek(data: bytes) -> tuple[str, str]:
    """The text and the codec it was read with (``utf-8-sig``, ``utf-16`` or ``cp1252``)."""
    # Excel on Indonesian Windows writes cp1252 unless told otherwise; UTF-8
    # is tried first because cp1252 would "succeed" on UTF-8 bytes too.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def tebak_delimiter(teks: str) -> str:
    """The column separator of CSV text: ``csv.Sniffer`` on the first lines, else the commonest.

    The one sniffer for reading uploads and for keeping an office file's own
    separator when saving it back.
    """
    baris = [b for b in teks[:65536].splitlines()[:30] if b.strip()]
    if not baris:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(baris), delimiters="".join(_DELIMITER)).delimiter
    except csv.Error:  # one column, or title rows the sniffer cannot reconcile
        return max(_DELIMITER, key=lambda d: max(b.count(d) for b in baris))


def _baris_nul(teks: str) -> int:
    return teks.count("\n", 0, teks.index("\x00")) + 1


def _baca_csv(data: bytes, nama: str, laporan: Laporan) -> list[list[str]] | None:
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in data[:4096] and not utf16:
        laporan.tambah(
            nama,
            "Berkas ini bukan tabel teks (isinya biner). Simpan ulang dari Excel sebagai "
            "'CSV UTF-8 (Comma delimited)' atau sebagai .xlsx.",
        )
        return None
    teks = _dekode(data)
    if "\x00" in teks:  # anywhere, not just the first 4 KiB: what loads is what was checked
        laporan.tambah(
            nama,
            "Berkas berisi karakter NUL (kode 0) yang tidak boleh ada di tabel teks. Buka berkas di Excel, "
            "simpan ulang sebagai 'CSV UTF-8', atau hapus karakter tersebut.",
            baris=_baris_nul(teks),
        )
        return None
    petunjuk = re.match(r"\s*sep=(.)\r?\n", teks)
    pemisah = petunjuk.group(1) if petunjuk else tebak_delimiter(teks)
    if petunjuk:  # Excel's "sep=;" hint line: Excel hides it, so it is not row 1 either
        teks = teks[petunjuk.end():]
    # The csv module's own limit (131,072) would end in a generic error; ours is
    # checked per cell below with a message naming KIM_BATAS_KARAKTER_SEL.
    csv.field_size_limit(max(csv.field_size_limit(), batasan.KARAKTER_SEL.nilai() * 4 + 1, len(teks) + 1))
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    try:
        return list(pembaca)
    except csv.Error as exc:
        laporan.tambah(
            nama,
            f"Baris ini tidak dapat dibaca sebagai CSV ({exc}). Periksa tanda kutip dan pemisah kolom, "
            "atau simpan ulang dari Excel sebagai 'CSV UTF-8'.",
            baris=pembaca.line_num,
        )
        return None


def _periksa_zip(data: bytes, nama: str, laporan: Laporan) -> bool:
    """Refuse an .xlsx whose parts would unpack past the limit (a zip bomb), before parsing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(max(0, i.file_size) for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        laporan.tambah(nama, f"Berkas Excel rusak ({exc}). Buka di Excel, lalu simpan ulang sebagai .xlsx.")
        return False
    if total > batasan.XLSX_MB.nilai() * 1024 * 1024:
        laporan.tambah(nama, batasan.XLSX_MB.pesan(f"{angka(total / 2**20, 0)} MB"))
        return False
    return True


def _periksa_kolom_mentah(data: bytes, nama: str, laporan: Laporan) -> bool:
    """No line with more separators than KIM_BATAS_KOLOM allows, counted on the raw bytes before any parsing.

    A 149 KB file of 20,000 columns would otherwise hold a check for minutes.
    Each candidate separator is counted (which one the file uses is not known
    yet); a whole-file count below the limit clears it without splitting lines.
    """
    maks = batasan.KOLOM.nilai()
    for pemisah in _DELIMITER:
        p = pemisah.encode()
        if data.count(p) < maks:
            continue
        for i, baris in enumerate(data.splitlines()):
            if baris.count(p) >= maks:
                laporan.tambah(nama, batasan.KOLOM.pesan(f"sekitar {angka(baris.count(p) + 1)} (pemisah {pemisah!r})"),
                               baris=i + 1)
                return False
    return True


def _ukuran_excel(data: bytes) -> tuple[int | None, int | None]:
    """Rows and columns of the first sheet from its ``<dimension>`` (cheap; None when the writer left it out)."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return (wb.worksheets[0].max_row, wb.worksheets[0].max_column) if wb.worksheets else (None, None)
    finally:
        wb.close()


def _baca_excel(data: bytes, nama: str, laporan: Laporan, lembar: int | str = 0) -> list[list[str]] | None:
    if not _periksa_zip(data, nama, laporan):
        return None
    try:
        jumlah, lebar = _ukuran_excel(data)
    except Exception:  # noqa: BLE001 - any damage is reported by the full read just below
        jumlah = lebar = None
    if jumlah and jumlah > batasan.BARIS.nilai() + _BARIS_JUDUL_MAKS + 1:
        laporan.tambah(nama, batasan.BARIS.pesan(angka(jumlah)))
        return None
    if lebar and lebar > batasan.KOLOM.nilai():
        laporan.tambah(nama, batasan.KOLOM.pesan(angka(lebar)))
        return None
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


def _periksa_panjang_sel(rows: list[list[str]], nama: str, laporan: Laporan) -> bool:
    """Every cell within KIM_BATAS_KARAKTER_SEL; the first offender is named by row."""
    maks = batasan.KARAKTER_SEL.nilai()
    for i, row in enumerate(rows):
        if any(len(sel) > maks for sel in row):
            sel = max(row, key=len)
            laporan.tambah(nama, batasan.KARAKTER_SEL.pesan(f"{angka(len(sel))} karakter"), baris=i + 1, nilai=sel[:40] + "…")
            return False
    return True


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
    return baca_bytes(data, nama, laporan, excel=nama_excel(path) or None, kolom_dikenal=kolom_dikenal)


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
    if len(data) > batasan.UNGGAH_MB.nilai() * 1024 * 1024:
        laporan.tambah(nama, batasan.UNGGAH_MB.pesan(f"{angka(len(data) / 2**20, 1)} MB"))
        return None
    if not data.strip():
        laporan.tambah(nama, "Berkas kosong. Isi tabel dengan baris judul kolom dan data potensi.")
        return None
    if data[:8] == _MAGIC_XLS:
        laporan.tambah(nama, "Format Excel lama (.xls) tidak didukung. Buka di Excel lalu simpan sebagai .xlsx atau CSV.")
        return None
    if excel is None:
        excel = data[:4] == b"PK\x03\x04"
    maks_baris = batasan.BARIS.nilai()
    if not excel and data.count(b"\n") > maks_baris + _BARIS_JUDUL_MAKS + 1:
        # Counted on the raw bytes, so a million-row file is refused in milliseconds.
        laporan.tambah(nama, batasan.BARIS.pesan(f"sekitar {angka(data.count(NL))}"))
        return None
    if not excel and not _periksa_kolom_mentah(data, nama, laporan):
        return None
    if not excel and len(data) >= BYTE_JALUR_CEPAT:
        from geo.masuk import baca_cepat  # it builds on this module's helpers

        cepat = baca_cepat.baca_csv_cepat(data)
        if cepat is not None:
            hasil = baca_cepat.dari_frame(cepat, nama, laporan, kolom_dikenal)
            if hasil is not False:
                return hasil
    rows = _baca_excel(data, nama, laporan, lembar) if excel else _baca_csv(data, nama, laporan)
    if rows is None:
        return None
    if len(rows) > maks_baris + _BARIS_JUDUL_MAKS + 1:
        laporan.tambah(nama, batasan.BARIS.pesan(angka(len(rows))))
        return None
    lebar_maks = max((len(r) for r in rows), default=0)
    if lebar_maks > batasan.KOLOM.nilai():  # an Excel sheet without <dimension>: caught before validation
        laporan.tambah(nama, batasan.KOLOM.pesan(angka(lebar_maks)))
        return None
    if not _periksa_panjang_sel(rows, nama, laporan):
        return None
    rows = [[sel.strip() for sel in row] for row in rows]
    if not excel:
        rows = [[pulihkan_netral(sel) for sel in row] for row in rows]
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
        # Only a row starting like the header can repeat it: one check per row, not one per cell.
        if row and normalisasi_header(row[0]) == header[0] and [normalisasi_header(h) for h in row[:lebar]] == header:
            laporan.tambah(nama, "Baris judul kolom muncul lagi di tengah tabel. Hapus baris ini.", baris=baris)
            continue
        _periksa_lebar(row, header, baris, nama, laporan)
        data_rows.append(row[:lebar] + [""] * (lebar - len(row)) + [baris])
    frame = pd.DataFrame(data_rows, columns=[*header, KOLOM_BARIS])
    frame = frame.loc[:, [c for c in frame.columns if c]]
    return frame
