"""Filters shared by the page, the exports and the command line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from geo.galat import GalatData
from geo.masuk.teks import kunci_kosakata, peta_kosakata, saran_kosakata

# Words for Filter.deskripsi; other languages pass their own (see geo.i18n).
LABEL_FILTER: dict[str, str] = {
    "kategori": "Kategori",
    "status": "Status",
    "kecamatan": "Kecamatan",
    "cari": "Pencarian",
    "semua": "Semua potensi (tanpa filter)",
}


@dataclass(frozen=True)
class Filter:
    """What the user asked to see; empty tuples mean "all"."""

    kategori: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    kecamatan: tuple[str, ...] = ()
    cari: str = ""

    @property
    def kosong(self) -> bool:
        return not (self.kategori or self.status or self.kecamatan or self.cari.strip())

    def deskripsi(self, label: Mapping[str, str] | None = None) -> str:
        """Human-readable line for titles and print layouts, in ``label``'s language."""
        kata = {**LABEL_FILTER, **(label or {})}
        bagian = [f"{kata[nama]}: {', '.join(nilai)}" for nama, nilai in
                  (("kategori", self.kategori), ("status", self.status), ("kecamatan", self.kecamatan)) if nilai]
        if self.cari.strip():
            bagian.append(f"{kata['cari']}: \u201c{self.cari.strip()}\u201d")
        return "; ".join(bagian) if bagian else kata["semua"]


def pecah_nilai(nilai: Iterable[str] | str | None) -> list[str]:
    """Accept repeated and comma-separated values (``?status=Aktif,Kurang Aktif``)."""
    if nilai is None:
        return []
    if isinstance(nilai, str):
        nilai = [nilai]
    return [b.strip() for v in nilai for b in str(v).split(",") if b.strip()]


def kanonik(nilai: Iterable[str], pilihan: Sequence[str], nama: str) -> tuple[str, ...]:
    """Map user spellings to the vocabulary; unknown values are an error with a hint."""
    peta = peta_kosakata(pilihan)
    hasil = []
    for v in nilai:
        kunci = kunci_kosakata(v)
        if kunci not in peta:
            saran = saran_kosakata(v, pilihan)
            mungkin = f" Mungkin maksud Anda '{saran}'?" if saran else ""
            raise GalatData(f"{nama} '{v}' tidak dikenal.{mungkin} Pilihan: {', '.join(pilihan)}.")
        if peta[kunci] not in hasil:
            hasil.append(peta[kunci])
    return tuple(hasil)


def terapkan(potensi: pd.DataFrame, f: Filter) -> pd.DataFrame:
    """Rows of ``potensi`` that pass every filter (filters compose with AND)."""
    cocok = pd.Series(True, index=potensi.index)
    if f.kategori:
        cocok &= potensi["kategori_potensi"].isin(f.kategori)
    if f.status:
        cocok &= potensi["status_aktivitas"].isin(f.status)
    if f.kecamatan:
        cocok &= potensi["kecamatan"].isin(f.kecamatan)
    cari = f.cari.strip().casefold()
    if cari:
        teks = (potensi["nama_kim"].astype(str) + "\n" + potensi["nama_potensi"].astype(str)).str.casefold()
        cocok &= teks.str.contains(cari, regex=False)
    return potensi.loc[cocok]
