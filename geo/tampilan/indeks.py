"""Per-dataset indexes that make a rerun cost what the view shows, not what the country holds.

A national dataset has 83,000 units and 400,000 potentials. Everything here
depends on the dataset alone, so it is computed once (``Dataset.memo``) and
a filter click or a drill-down only does array lookups: a code prefix is a
range of the sorted boundary codes (``searchsorted``), a potential's unit at
any level is ``induk[kel]``, with no string compared per rerun.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.masuk.dataset import Dataset
from geo.masuk.indeks_dataset import per_tingkat
from geo.masuk.tingkat import awalan_seri

# Above every character a code can hold: ``w <= kode < w + _ATAS`` means ``kode.startswith(w)``.
_ATAS = "\U0010ffff"


def kode_batas(dataset: Dataset) -> np.ndarray:
    """The boundary codes as a numpy str array, in ``batas`` row order."""
    ix = dataset.indeks
    if ix.kode_batas is None:
        ix.kode_batas = np.asarray(dataset.batas["kode"].astype(str).to_numpy(dtype=object), dtype=str)
    return ix.kode_batas


def _urut(dataset: Dataset) -> tuple[np.ndarray, np.ndarray]:
    def buat() -> tuple[np.ndarray, np.ndarray]:
        kode = kode_batas(dataset)
        urutan = np.argsort(kode, kind="stable")
        return kode[urutan], urutan

    ix = dataset.indeks
    if ix.kode_urut is None:
        ix.kode_urut = buat()
    return ix.kode_urut


def baris_awalan(dataset: Dataset, wilayah: str) -> np.ndarray:
    """Rows of ``batas`` whose code starts with ``wilayah``, ascending (row order kept)."""
    if not wilayah:
        return np.arange(len(dataset.batas))
    urut, urutan = _urut(dataset)
    lo, hi = np.searchsorted(urut, [wilayah, wilayah + _ATAS])
    return np.sort(urutan[lo:hi])


def ada_awalan(dataset: Dataset, wilayah: str) -> bool:
    """True when some boundary code starts with ``wilayah`` (``str.startswith`` semantics)."""
    urut, _ = _urut(dataset)
    lo, hi = np.searchsorted(urut, [wilayah, wilayah + _ATAS])
    return bool(hi > lo)


def ada_kode(dataset: Dataset, kode: str) -> bool:
    """True when ``kode`` is a boundary row's own code (a binary search, no set of 83,000 built)."""
    baris = baris_awalan(dataset, kode) if kode else np.arange(0)
    return bool(len(baris)) and bool((kode_batas(dataset)[baris] == kode).any())


def masker_awalan(dataset: Dataset, wilayah: str) -> np.ndarray:
    """A boolean mask over ``batas`` rows for the prefix (all True without one)."""
    if not wilayah:
        return np.ones(len(dataset.batas), dtype=bool)
    hasil = np.zeros(len(dataset.batas), dtype=bool)
    hasil[baris_awalan(dataset, wilayah)] = True
    return hasil


def masker_kecamatan(dataset: Dataset, kecamatan: tuple[str, ...]) -> np.ndarray:
    """``batas["kecamatan"].isin(kecamatan)`` over integer codes (factorised once)."""
    ix = dataset.indeks
    if ix.kecamatan_batas is None:
        ix.kecamatan_batas = pd.factorize(dataset.batas["kecamatan"])
    kode, nama = ix.kecamatan_batas
    return np.isin(kode, [i for i, k in enumerate(nama) if k in kecamatan])


def potensi_dalam(dataset: Dataset, kel: np.ndarray, kode_kelurahan: pd.Series, wilayah: str) -> np.ndarray:
    """Which potentials lie in the prefix: by their boundary row, by their own code when they have none.

    ``kel`` indexes ``batas`` rows (-1: a kelurahan missing from the boundaries,
    allowed with a warning); only those few rows compare strings.
    """
    di_batas = masker_awalan(dataset, wilayah)
    hasil = np.where(kel >= 0, di_batas[np.maximum(kel, 0)], False) if len(di_batas) else np.zeros(len(kel), dtype=bool)
    luar = np.flatnonzero(kel < 0)
    if len(luar):
        hasil[luar] = kode_kelurahan.iloc[luar].astype(str).str.startswith(wilayah).to_numpy(dtype=bool)
    return hasil


def induk_tingkat(dataset: Dataset, tingkat: str) -> np.ndarray:
    """For each ``batas`` row, the row of its unit in ``unit_tingkat(dataset, tingkat)`` (-1: none)."""
    if tingkat == "kelurahan":
        return np.arange(len(dataset.batas))
    return per_tingkat(dataset.indeks.induk, tingkat, lambda: indeks_unit(dataset, tingkat).get_indexer(
        pd.Index(awalan_seri(dataset.batas["kode"], tingkat))))


def indeks_unit(dataset: Dataset, tingkat: str) -> pd.Index:
    """The unit codes of a level as an index (code → row)."""
    from geo.tampilan.tingkat import unit_tingkat

    return per_tingkat(dataset.indeks.indeks_unit, tingkat, lambda: pd.Index(unit_tingkat(dataset, tingkat)["kode"].astype(str)))


def unit_potensi(dataset: Dataset, tingkat: str, kel: np.ndarray, kode_kelurahan: pd.Series) -> np.ndarray:
    """Each potential's unit row at ``tingkat``: through its boundary row, else its own code's prefix."""
    induk = induk_tingkat(dataset, tingkat)
    hasil = np.where(kel >= 0, induk[np.maximum(kel, 0)], -1) if len(induk) else np.full(len(kel), -1)
    luar = np.flatnonzero(kel < 0)
    if len(luar):
        hasil[luar] = indeks_unit(dataset, tingkat).get_indexer(pd.Index(awalan_seri(kode_kelurahan.iloc[luar], tingkat)))
    return hasil


def basis_tingkat(dataset: Dataset, tingkat: str) -> pd.DataFrame:
    """A level's units without geometry (RangeIndex), what ``ringkas_kode`` puts the counts beside."""
    from geo.tampilan.tingkat import unit_tingkat

    return per_tingkat(dataset.indeks.basis_tingkat, tingkat,
                       lambda: pd.DataFrame(unit_tingkat(dataset, tingkat).drop(columns="geometry")).reset_index(drop=True))


def nama_kim_tingkat(dataset: Dataset, tingkat: str) -> np.ndarray:
    """"N KIM" per unit of an aggregate level (distinct KIM names among all its potentials), "" for none."""
    def buat() -> np.ndarray:
        semua = dataset.potensi
        jumlah = semua.groupby(awalan_seri(semua["kode_kelurahan"], tingkat))["nama_kim"].nunique()
        return (jumlah.astype(str) + " KIM").reindex(indeks_unit(dataset, tingkat)).fillna("").to_numpy()

    return per_tingkat(dataset.indeks.nama_kim_tingkat, tingkat, buat)



def nama_kim(dataset: Dataset) -> pd.Series:
    """kode → its KIM name(s): :meth:`Dataset.nama_kim` (vectorised there, memoised with the dataset)."""
    return dataset.nama_kim()


def siapkan(dataset: Dataset) -> None:
    """Build every per-dataset index a drill-down will use, e.g. inside the page's cached load."""
    from geo.tampilan.agregat import kode_dataset
    from geo.tampilan.tingkat import tingkat_awal

    kode_dataset(dataset)
    nama_kim(dataset)
    _urut(dataset)
    awal = tingkat_awal(dataset)
    if awal != "kelurahan":
        from geo.masuk.tingkat import TINGKAT

        for tingkat in TINGKAT[TINGKAT.index(awal):-1]:
            induk_tingkat(dataset, tingkat)
            basis_tingkat(dataset, tingkat)
            nama_kim_tingkat(dataset, tingkat)
