"""The values derived from one Dataset alone, as one typed object built once per dataset.

A ``Dataset`` never changes after loading and the page shares one per data
version across sessions, so anything computed from it alone (codes, names,
boxes, each level's units) is computed on the first rerun only and kept here.
Each value has a named, typed slot; values per level or per code prefix live
in bounded maps (:class:`Peta`), so a country's 7,000 prefixes cannot grow
memory without end. The modules that compute a value fill its slot
(``geo.tampilan.indeks``, ``agregat``, ``tingkat``, ``susun``, ``geo.peta.hidup``…).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Peta(Generic[K, V]):
    """A small thread-safe map that computes a missing value once and keeps the ``maks`` most recent."""

    def __init__(self, maks: int = 64) -> None:
        self._isi: OrderedDict[K, V] = OrderedDict()
        self._kunci = threading.Lock()
        self._maks = maks

    def ambil(self, kunci: K, buat: Callable[[], V]) -> V:
        with self._kunci:
            if kunci in self._isi:
                self._isi.move_to_end(kunci)
                return self._isi[kunci]
        nilai = buat()  # outside the lock: two sessions may both compute it once, never block each other
        with self._kunci:
            self._isi.setdefault(kunci, nilai)
            self._isi.move_to_end(kunci)
            while len(self._isi) > self._maks:
                self._isi.popitem(last=False)
            return self._isi[kunci]

    def __len__(self) -> int:
        return len(self._isi)


@dataclass(eq=False)
class IndeksDataset:
    """Typed slots for one dataset's derived values (``None``: not computed yet)."""

    # The boundaries' disk-cache key (geo.masuk.tembolok), set by the loader; the dissolved levels use it too.
    kunci_tembolok: str | None = None
    # The store's version this dataset was loaded at (ui.muat): what names the data when it is not in files.
    versi_gudang: tuple | None = None
    # Whole-dataset values (geo.masuk.dataset, geo.tampilan.indeks, agregat, susun, tingkat).
    skematik: bool | None = None
    kecamatan: list[str] | None = None
    nama_kim: Any = None  # pd.Series kode → KIM name(s)
    kode_batas: Any = None  # np.ndarray of str, batas row order
    kode_urut: Any = None  # (sorted codes, their batas rows)
    kecamatan_batas: Any = None  # pd.factorize of batas["kecamatan"]
    kode_potensi: Any = None  # geo.tampilan.agregat.KodePotensi
    tingkat_awal: str | None = None
    basis_batas: Any = None  # pd.DataFrame of batas without geometry
    nama_kim_batas: Any = None  # np.ndarray, batas row order
    kecamatan_potensi: Any = None  # pd.factorize of potensi["kecamatan"]
    teks_cari: Any = None  # pd.Series, casefolded KIM and potential names
    batas_konteks: Any = None  # geo.ekspor.lokator: the wider area's outline; False when there is none
    # Per level (four at most).
    unit: dict[str, Any] = field(default_factory=dict)  # dissolved units
    induk: dict[str, Any] = field(default_factory=dict)  # each batas row's unit position
    indeks_unit: dict[str, Any] = field(default_factory=dict)  # pd.Index of unit codes
    basis_tingkat: dict[str, Any] = field(default_factory=dict)
    nama_kim_tingkat: dict[str, Any] = field(default_factory=dict)
    # Per (level, prefix) or prefix: bounded.
    jenjang: Peta = field(default_factory=lambda: Peta(512))  # geo.tampilan.tingkat.tentukan
    unit_peta: Peta = field(default_factory=lambda: Peta(64))
    potensi_peta: Peta = field(default_factory=lambda: Peta(64))
    kotak: Peta = field(default_factory=lambda: Peta(256))
    kode_unit_peta: Peta = field(default_factory=lambda: Peta(64))
    kotak_unit_peta: Peta = field(default_factory=lambda: Peta(64))
    pilihan_kelurahan: Peta = field(default_factory=lambda: Peta(256))
    jenis_dalam: Peta = field(default_factory=lambda: Peta(256))
    kecamatan_dalam: Peta = field(default_factory=lambda: Peta(256))
    # Per date: the potentials' statuses (a national table each, so few) and the timelines.
    basis_per_tanggal: Peta = field(default_factory=lambda: Peta(4))
    garis_waktu: Peta = field(default_factory=lambda: Peta(32))
    # The last Views by view state (without the map's position) and day: a pan or zoom reruns the
    # page, and must not recompute the rows (geo.tampilan.susun.tampilkan).
    tampilan: Peta = field(default_factory=lambda: Peta(4))
    # The map's legend and update script per View (geo.peta.hidup.pembaruan_tampilan): a few KB each.
    pembaruan_peta: Peta = field(default_factory=lambda: Peta(32))


def per_tingkat(simpanan: dict[str, V], tingkat: str, buat: Callable[[], V]) -> V:
    """A per-level slot of :class:`IndeksDataset`, computed the first time (four levels: no bound needed)."""
    if tingkat not in simpanan:
        simpanan[tingkat] = buat()
    return simpanan[tingkat]
