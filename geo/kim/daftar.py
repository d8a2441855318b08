"""Multi-valued cells of the KIM table: bimtek, bantuan and penghargaan.

An office keeps one row per KIM in Excel, so a list lives in one cell:
entries separated by ``;`` (or a line break, Alt+Enter in Excel), the parts
of an entry by ``|``. For example ``2026-03-14 | Bimtek jurnalistik warga;
2025-08-02 | Pelatihan video``. Each list becomes a small long table keyed by
``id_kim``, so an error names the row, the column and the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from geo.galat import Laporan
from geo.masuk.baca import KOLOM_BARIS, baca_tabel
from geo.masuk.urai import urai_desimal, urai_tanggal

PEMISAH_ENTRI = re.compile(r"[;\n]")
PEMISAH_BAGIAN = "|"


@dataclass(frozen=True)
class JenisDaftar:
    """One list column: its parts (the first is the date or year) and an example for messages."""

    kolom: str
    bagian: tuple[str, ...]
    contoh: str


BIMTEK = JenisDaftar("bimtek", ("tanggal", "judul"), "2026-03-14 | Bimtek jurnalistik warga")
BANTUAN = JenisDaftar("bantuan", ("tanggal", "barang"), "2025-10-01 | Kamera digital 1 unit")
PENGHARGAAN = JenisDaftar("penghargaan", ("tahun", "tingkat", "peringkat"), "2025 | Kota | Juara 1")
DAFTAR = (BIMTEK, BANTUAN, PENGHARGAAN)


def _urai_tahun(teks: str) -> int:
    if not re.fullmatch(r"\d{4}", teks):
        raise ValueError("tahun harus empat angka, mis. 2025")
    return int(teks)


def urai_sel(teks: str, jenis: JenisDaftar, hari_ini: dt.date) -> tuple[list[tuple], list[str]]:
    """One cell → (entries as tuples, error messages naming the entry)."""
    hasil: list[tuple] = []
    galat: list[str] = []
    for nomor, entri in enumerate((e.strip() for e in PEMISAH_ENTRI.split(teks or "")), start=1):
        if not entri:
            continue
        bagian = [b.strip() for b in entri.split(PEMISAH_BAGIAN)]
        if len(bagian) != len(jenis.bagian) or not all(bagian):
            galat.append(f"entri ke-{nomor} '{entri}' harus berisi {len(jenis.bagian)} bagian "
                         f"({' | '.join(jenis.bagian)}) dipisah '|', mis. '{jenis.contoh}'; entri dipisah ';'.")
            continue
        pengurai: Callable[[str], object] = _urai_tahun if jenis.bagian[0] == "tahun" else urai_tanggal
        try:
            awal = pengurai(bagian[0])
        except ValueError as exc:
            galat.append(f"entri ke-{nomor} '{entri}': {jenis.bagian[0]} {exc}")
            continue
        tahun = awal if isinstance(awal, int) else awal.year
        if (isinstance(awal, dt.date) and awal > hari_ini) or tahun > hari_ini.year:
            galat.append(f"entri ke-{nomor} '{entri}': {jenis.bagian[0]} ada di masa depan. Periksa tahunnya.")
            continue
        hasil.append((awal, *bagian[1:]))
    return hasil, galat


def tabel_panjang(id_kim: list[str], entri: list[list[tuple]], jenis: JenisDaftar) -> pd.DataFrame:
    """The parsed cells of one column as a long table (``id_kim`` + the parts)."""
    baris = [(i, *e) for i, daftar in zip(id_kim, entri) for e in daftar]
    tabel = pd.DataFrame(baris, columns=["id_kim", *jenis.bagian])
    if jenis.bagian[0] == "tanggal":
        tabel["tanggal"] = pd.to_datetime(tabel["tanggal"])
    else:
        tabel["tahun"] = tabel["tahun"].astype("Int64")
    return tabel


def ke_sel(tabel: pd.DataFrame, jenis: JenisDaftar) -> pd.Series:
    """The long table back to one cell per ``id_kim`` (for exports and the template)."""
    if not len(tabel):
        return pd.Series(dtype=object)

    def teks(baris: pd.Series) -> str:
        awal = baris[jenis.bagian[0]]
        awal = f"{awal:%Y-%m-%d}" if isinstance(awal, (pd.Timestamp, dt.date)) else str(awal)
        return " | ".join([awal, *(str(baris[b]) for b in jenis.bagian[1:])])

    return tabel.assign(_t=tabel.apply(teks, axis=1)).groupby("id_kim", sort=False)["_t"].agg("; ".join)


def angka_sel(baris: pd.Series, kolom: str, berkas: str, laporan: Laporan, maks: float | None = None) -> float | None:
    """A number cell (0 up to ``maks``) of a small KIM table, or None after reporting its row and column."""
    teks = str(baris.get(kolom, ""))
    try:
        nilai = urai_desimal(teks)
        if nilai < 0 or (maks is not None and nilai > maks):
            raise ValueError(f"harus antara 0 dan {maks:g}" if maks is not None else "tidak boleh negatif")
    except ValueError as exc:
        laporan.tambah(berkas, f"Nilai {exc}", baris=int(baris[KOLOM_BARIS]), kolom=kolom, nilai=teks)
        return None
    return nilai


def baca_opsional(path, laporan: Laporan, kolom: tuple[str, ...]) -> pd.DataFrame | None:
    """An optional small KIM table as text cells; None when the file is absent or unreadable (reported)."""
    return baca_tabel(path, laporan, kolom_dikenal=kolom) if path.exists() else None
