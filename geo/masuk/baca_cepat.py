"""The fast read of a clean CSV: pyarrow's typed text columns, checked column-wise.

Used by :func:`geo.masuk.baca.baca_bytes` only where the careful, row-by-row
reader would give the same table and the same messages; anything unusual
(a ``sep=`` hint, a blank line, a ragged row, an over-long cell) goes back
to the careful path.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from geo.galat import Laporan
from geo.masuk import batasan
from geo.masuk.baca import _BARIS_JUDUL_MAKS, KOLOM_BARIS, _cari_header, _dekode_kodek, normalisasi_header, tebak_delimiter
from geo.masuk.rumus import pulihkan_netral_kolom

# A blank line (only spaces or tabs): at the very start, or after a line break.
_BARIS_KOSONG_AWAL = re.compile(r"[ \t]*\r?(?:\n|$)")
_BARIS_KOSONG = re.compile(r"\n[ \t]*\r?(?:\n|$)")


def _ada_baris_kosong(teks: str) -> bool:
    """A blank line before the trailing line breaks (pyarrow skips them, shifting Excel rows).

    Searches for a line break first instead of trying every position, and
    bounds the search instead of copying 100 MB with ``rstrip``.
    """
    ujung = len(teks)
    while ujung and teks[ujung - 1] in "\r\n":
        ujung -= 1
    return bool(_BARIS_KOSONG_AWAL.match(teks, 0, ujung) or _BARIS_KOSONG.search(teks, 0, ujung))


def baca_csv_cepat(data: bytes) -> pd.DataFrame | None:
    """Typed text columns straight from pyarrow, for the common clean file; None → the careful path.

    Only files the careful path would read identically qualify: no ``sep=``
    hint, no blank line (pyarrow skips them, which would shift Excel row
    numbers), and a rectangular table (pyarrow refuses ragged rows, which the
    careful path reports one by one).
    """
    if b"\x00" in data:  # NUL anywhere: the careful path names its row
        return None
    teks, kodek = _dekode_kodek(data)
    if re.match(r"\s*sep=", teks) or _ada_baris_kosong(teks) or "\x00" in teks:
        return None
    # Saved as UTF-8: hand pyarrow the bytes themselves rather than a re-encoded copy.
    if kodek != "utf-8-sig":
        mentah = teks.encode("utf-8")
    else:
        mentah = data.removeprefix(codecs.BOM_UTF8)
    try:
        frame = pd.read_csv(io.BytesIO(mentah), sep=tebak_delimiter(teks), header=None, dtype=str,
                            engine="pyarrow", keep_default_na=False)
    except (ValueError, pd.errors.ParserError):
        return None
    if any(_panjang_maks(frame[c]) > batasan.KARAKTER_SEL.nilai() for c in frame.columns):
        return None  # an over-long cell: the careful path reports it with its row
    # Undo exactly the export's formula protection, as the careful path does.
    return pd.DataFrame({c: pulihkan_netral_kolom(frame[c].str.strip() if _mungkin_berspasi(frame[c]) else frame[c])
                         for c in frame.columns})


def _mungkin_berspasi(kolom: pd.Series) -> bool:
    """Could a cell start or end with whitespace? False only when that is certain, so strip can be skipped.

    Stripping copies every cell (0.4 s over a national table) although a
    clean file has nothing to strip. Arrow's buffers give every cell's first
    and last byte at once: printable ASCII other than a space (0x21-0x7e) is
    whitespace in no definition; anything else (a space, a control
    character, the first or last byte of a multi-byte character) strips as before.
    """
    try:
        arr = pa.array(kolom.array)
    except (TypeError, ValueError, pa.ArrowException):
        return True
    for bagian in arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]:
        if bagian.null_count or not (pa.types.is_string(bagian.type) or pa.types.is_large_string(bagian.type)):
            return True
        jenis = np.int64 if pa.types.is_large_string(bagian.type) else np.int32
        _, buf_offset, buf_data = bagian.buffers()
        offset = np.frombuffer(buf_offset, dtype=jenis)[bagian.offset:bagian.offset + len(bagian) + 1]
        isi = offset[1:] > offset[:-1]
        if not isi.any():
            continue
        data = np.frombuffer(buf_data, dtype=np.uint8)
        ujung = np.concatenate([data[offset[:-1][isi]], data[offset[1:][isi] - 1]])
        if ((ujung < 0x21) | (ujung > 0x7E)).any():
            return True
    return False


def _panjang_maks(kolom: pd.Series) -> int:
    """The longest cell in characters; bytes (free from Arrow's offsets) bound it from above."""
    batas_atas = pc.max(pc.binary_length(pa.array(kolom.array))).as_py() or 0
    if batas_atas <= batasan.KARAKTER_SEL.nilai():
        return batas_atas
    return int(kolom.str.len().max())


def _normalisasi_header_seri(nilai: pd.Series) -> pd.Series:
    """:func:`normalisasi_header` for a whole column at once.

    Printable-ASCII cells (nearly all) are done in Arrow, where a space is the
    only whitespace; the rest one by one, exactly as :func:`normalisasi_header`.
    """
    teks = nilai.astype(str)
    polos = teks.str.fullmatch(r"[\x20-\x7e]*").to_numpy(dtype=bool, na_value=False)
    hasil = teks.str.strip().str.lower().str.replace(r"[ \-]+", "_", regex=True)
    if not polos.all():
        hasil = hasil.astype(object)
        hasil[~polos] = [normalisasi_header(v) for v in teks[~polos]]
    return hasil


def dari_frame(
    frame: pd.DataFrame, nama: str, laporan: Laporan, kolom_dikenal: Sequence[str]
) -> pd.DataFrame | None | bool:
    """The careful path's result from a rectangular frame, column-wise; False → use the careful path.

    Row numbers are record numbers as Excel shows them; only rows whose first
    cell reads like the header's are checked as a repeated header.
    """
    nomor = pd.RangeIndex(1, len(frame) + 1)
    isi = (frame != "").any(axis=1).to_numpy()
    if not isi.all():  # filtering copies every column: only when a row is blank
        frame, nomor = frame[isi], nomor[isi]
    if not len(frame):
        laporan.tambah(nama, "Berkas kosong. Isi tabel dengan baris judul kolom dan data potensi.")
        return None
    awal = _cari_header(frame.iloc[:_BARIS_JUDUL_MAKS].to_numpy().tolist(), kolom_dikenal) if kolom_dikenal else 0
    header = [normalisasi_header(h) for h in frame.iloc[awal]]
    while header and not header[-1]:
        header.pop()
    data, nomor = frame.iloc[awal + 1:], nomor[awal + 1:]
    lebar = len(header)
    if not lebar or (data.shape[1] > lebar and (data.iloc[:, lebar:] != "").to_numpy().any()):
        return False  # cells beyond the header: the careful path reports them row by row
    if kolom_dikenal and not set(header) & set(kolom_dikenal):
        return False
    if not len(data):
        return False
    data = data.iloc[:, :lebar]
    calon = (_normalisasi_header_seri(data.iloc[:, 0]) == header[0]).to_numpy()
    ulang = np.zeros(len(data), dtype=bool)
    for i in np.flatnonzero(calon):
        if [normalisasi_header(h) for h in data.iloc[i]] == header:
            laporan.tambah(nama, "Baris judul kolom muncul lagi di tengah tabel. Hapus baris ini.", baris=int(nomor[i]))
            ulang[i] = True
    if ulang.any():
        data, nomor = data[~ulang], nomor[~ulang]
    data = data.set_axis(header, axis=1)
    data[KOLOM_BARIS] = nomor
    return data.loc[:, [c for c in data.columns if c]].reset_index(drop=True)
