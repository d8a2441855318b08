"""One assessment run: the stored jury scores read, scores and ranks computed, the prioritas list.

What the page, ``python -m geo summary``/``kim`` and the pemetaan report call,
with the date and the KIM of the view given explicitly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from geo.galat import Laporan
from geo.kim.aturan import AturanNilai, aturan_nilai
from geo.kim.nilai import nilai_kim, periode_dari, prioritas_pembinaan
from geo.masuk.dataset import Dataset
from geo.tampilan.susun import Tampilan


@dataclass(frozen=True)
class Penilaian:
    periode: str
    tanggal: dt.date
    aturan: AturanNilai
    hasil: pd.DataFrame
    prioritas: pd.DataFrame
    laporan: Laporan = field(default_factory=Laporan)


def nilai_juri_tersimpan(dataset: Dataset) -> tuple[pd.DataFrame | None, Laporan]:
    """The stored jury scores as the store loaded them into the Dataset (files or database), and their report."""
    simpanan = getattr(dataset.profil, "juri", None)
    if simpanan is None:
        return None, Laporan()
    return (simpanan.tabel.copy() if simpanan.tabel is not None else None), simpanan.salin_laporan()


def id_kim_tampil(dataset: Dataset, potensi: pd.DataFrame | None) -> list[str] | None:
    """The KIM of a filtered view: those with a potential in it (None = every KIM)."""
    if potensi is None or dataset.profil is None:
        return None
    return sorted(set(potensi["id_potensi"].astype(str).map(dataset.profil.tautan).dropna()))  # type: ignore[attr-defined]


def penilaian_tampilan(tampilan: Tampilan) -> Penilaian:
    """The assessment of a View (#19): the KIM among its shown potentials, at the date its statuses stand at."""
    from geo.tampilan.waktu import hari_ini

    tanggal = tampilan.keadaan.pada or tampilan.pada or hari_ini()
    return penilaian(tampilan.dataset, tanggal, id_kim=id_kim_tampil(tampilan.dataset, tampilan.potensi))


def penilaian(dataset: Dataset, tanggal: dt.date, periode: str | None = None, id_kim: list[str] | None = None) -> Penilaian:
    """Scores per KIM for ``periode`` (default: the year of ``tanggal``) among ``id_kim``."""
    aturan = aturan_nilai(dataset.wilayah)
    periode = periode or periode_dari(tanggal)
    juri, laporan = nilai_juri_tersimpan(dataset)
    hasil = nilai_kim(dataset, tanggal, periode, juri, id_kim, aturan)
    return Penilaian(periode, tanggal, aturan, hasil, prioritas_pembinaan(hasil, aturan), laporan)


def teks_prioritas(p: Penilaian, maks: int = 10) -> list[str]:
    """The prioritas list as lines (CLI summary, plain-text reports)."""
    if not len(p.prioritas):
        return [f"Prioritas pembinaan KIM ({p.periode}): tidak ada."]
    baris = [f"Prioritas pembinaan KIM ({p.periode}, {len(p.prioritas)} KIM):"]
    for r in p.prioritas.head(maks).itertuples():
        baris.append(f"  {r.nama_kim} ({r.id_kim}): {r.alasan}")
    if len(p.prioritas) > maks:
        baris.append(f"  … dan {len(p.prioritas) - maks} KIM lain")
    return baris
