"""One filtered view of a dataset: the single source of every figure.

Every view and export is computed from :func:`tampilkan`, so the page, the
files and the command line can never disagree on a figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.masuk.dataset import Dataset
from geo.tampilan import banding as waktu_banding
from geo.tampilan import indeks, waktu
from geo.tampilan.agregat import KodePotensi, kode_dataset, kode_potensi, ringkas_kode
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.kelas import Kelas
from geo.tampilan.saring import Filter
from geo.tampilan.skor_kim import dengan_skor_kim
from geo.tampilan.tingkat import Jenjang, tentukan, unit_tingkat

if TYPE_CHECKING:
    from geo.tampilan.angka import AngkaUtama


# View settings that change no row: a View under other ones is :meth:`Tampilan.dengan`.
PENGATURAN_PETA: tuple[str, ...] = ("metrik", "skema", "kelas", "basemap", "bahasa", "kelurahan", "zoom", "pusat")


# The View's cached figures that depend on its rows alone (not on the metric, classes or map position):
# carried over whenever a View is remade from the same rows (Tampilan.dengan, tampilkan).
_DARI_BARIS = ("angka", "tidak_aktif")


@dataclass(frozen=True)
class Tampilan:
    """The View: one view state (:class:`Keadaan`) computed once on one dataset.

    Every consumer (the live map, the cards, every export, ``summary``) takes
    this object alone, plus options that belong only to a file (paper, dpi,
    separator, title); the view settings travel inside :attr:`keadaan`.
    """

    dataset: Dataset
    keadaan: Keadaan
    potensi: gpd.GeoDataFrame
    ringkasan: gpd.GeoDataFrame = field(repr=False)
    # The level of ``ringkasan``'s rows and the code prefix they lie in (see geo.tampilan.tingkat).
    jenjang: Jenjang = field(default_factory=lambda: Jenjang("kelurahan"))
    # The shown potentials' integer codes, for cheap counts: ``kel`` indexes ``ringkasan`` rows (-1: not
    # on this map), ``kim`` is one code per (kelurahan, KIM name) pair at every level.
    kode: KodePotensi | None = field(default=None, repr=False, compare=False)
    # The date the statuses stand at (None without an activity log) and the comparison date.
    pada: dt.date | None = None
    banding: dt.date | None = None

    @property
    def filter(self) -> Filter:
        return self.keadaan.filter

    @property
    def metrik(self) -> str:
        return self.keadaan.metrik

    @property
    def bahasa(self) -> str:
        return self.keadaan.bahasa

    @cached_property
    def kelas(self) -> Kelas:
        """The colour classes of the view's metric, scheme and number of classes; computed once per view."""
        from geo.tampilan.kelas_waktu import kelas_metrik  # diverging classes for the change between two dates

        r, k = self.ringkasan, self.keadaan
        return kelas_metrik(r[k.metrik].to_numpy(dtype=float) if len(r) else [], k.metrik, k.skema, k.kelas)

    @cached_property
    def angka(self) -> AngkaUtama:
        """The headline figures (cards, the CLI's totals), computed once per view."""
        from geo.tampilan.angka import angka_utama

        return angka_utama(self)

    @cached_property
    def tidak_aktif(self) -> tuple[int, int] | None:
        """(KIM whose shown potentials have all been quiet for M+ whole months, M): the dormancy card's figure,
        once per view (a filter click that returns to a view seen costs nothing). None without an activity log."""
        if self.pada is None:
            return None
        from geo.tampilan.banding import kim_tidak_aktif
        from geo.tampilan.waktu import aturan_waktu

        m = aturan_waktu(self.dataset.wilayah).bulan_kurang_aktif
        return kim_tidak_aktif(self.potensi, m, self.kode.kim if self.kode is not None else None), m

    def dengan(self, **pengaturan: object) -> Tampilan:
        """The same rows under other map settings (:data:`PENGATURAN_PETA`: metric, classes, basemap, language,
        the unit whose detail is open); nothing but the colour classes is recomputed.

        Filters, level, unit and dates change rows: those need a new :func:`tampilkan`.
        """
        salah = set(pengaturan) - set(PENGATURAN_PETA)
        if salah:
            raise ValueError(f"{', '.join(sorted(salah))} mengubah baris; buat tampilan baru dengan tampilkan().")
        keadaan = replace(self.keadaan, **pengaturan)
        if keadaan == self.keadaan:
            return self
        baru = dengan_skor_kim(replace(self, keadaan=keadaan))  # the KIM score is computed only when shown (#25)
        for baris_sama in _DARI_BARIS:  # figures of the rows, which map settings do not change
            if baris_sama in self.__dict__:
                baru.__dict__[baris_sama] = self.__dict__[baris_sama]
        if "kelas" in self.__dict__ and not {"metrik", "skema", "kelas"} & set(pengaturan):
            baru.__dict__["kelas"] = self.__dict__["kelas"]
        return baru

    @property
    def tingkat(self) -> str:
        return self.jenjang.tingkat

    @property
    def wilayah(self) -> str:
        return self.jenjang.wilayah

    def kategori_hadir(self) -> set[str]:
        """The vocabulary's categories among the shown potentials (legends), from the codes when known."""
        return self._hadir("kategori", "kategori_potensi", self.dataset.wilayah.kategori_potensi)

    def status_hadir(self) -> set[str]:
        """The vocabulary's statuses among the shown potentials."""
        return self._hadir("status", "status_aktivitas", self.dataset.wilayah.status_aktivitas)

    def _hadir(self, kode: str, kolom: str, kosakata) -> set[str]:
        if self.kode is None or len(getattr(self.kode, kode)) != len(self.potensi):
            return set(self.potensi[kolom]) & set(kosakata) if len(self.potensi) else set()
        kode_ada = getattr(self.kode, kode)
        hitung = np.bincount(kode_ada[kode_ada >= 0], minlength=len(kosakata))
        return {kosakata[i] for i in np.flatnonzero(hitung) if i < len(kosakata)}


def tampilkan(dataset: Dataset, keadaan: Keadaan | Filter | None = None) -> Tampilan:
    """The View of ``keadaan``: filter first, then aggregate onto the units of its level inside its prefix.

    Without a level a region opens where :func:`tingkat_awal` says (one kota:
    its kelurahan, as always). Every figure reflects the filter and the prefix.
    With an activity log the statuses are those derived for ``pada`` (default
    today); ``banding`` adds the change between the two dates per kelurahan.
    Dates outside the log's range raise :class:`geo.galat.GalatData`. A bare
    :class:`Filter` is the view state with every other setting at its default.
    """
    if not isinstance(keadaan, Keadaan):
        keadaan = Keadaan(filter=keadaan or Filter())
    # Rows depend on neither the map's zoom and centre nor the notes: the same state on the same
    # day (``pada=None`` is today) is the View already computed, so a pan's rerun costs no rows.
    dasar = keadaan.tanpa_posisi()
    hasil = dataset.indeks.tampilan.ambil((dasar, waktu.hari_ini()), lambda: dengan_skor_kim(_hitung(dataset, dasar)))
    if hasil.keadaan is keadaan or (keadaan == hasil.keadaan and keadaan.catatan == hasil.keadaan.catatan):
        return hasil  # an equal state (each rerun builds a new one): the same object, so its figures are kept too
    baru = replace(hasil, keadaan=keadaan)
    # Same rows and metric settings, same figures and classes: only the map's position or the notes differ.
    baru.__dict__.update({k: v for k, v in hasil.__dict__.items() if k in ("kelas", *_DARI_BARIS)})
    return baru


def _hitung(dataset: Dataset, keadaan: Keadaan) -> Tampilan:
    """:func:`tampilkan` without the memo: filter, aggregate, add the time columns."""
    f, pada, banding = keadaan.filter, keadaan.pada, keadaan.banding
    jenjang = tentukan(dataset, keadaan.tingkat, keadaan.wilayah)
    if dataset.kegiatan is not None or pada is not None or banding is not None:
        pada = waktu.periksa_tanggal(dataset.kegiatan, pada or waktu.hari_ini(), "pada")
        banding = waktu.periksa_tanggal(dataset.kegiatan, banding, "banding") if banding else None
    sumber, semua = _basis(dataset, pada)
    cocok = _cocok(dataset, semua, f)
    if jenjang.wilayah:
        cocok &= indeks.potensi_dalam(dataset, semua.kel, sumber["kode_kelurahan"], jenjang.wilayah)
    baris = np.flatnonzero(cocok)
    potensi = sumber.iloc[baris] if len(baris) < len(sumber) else sumber
    kd = semua if len(baris) == len(sumber) else KodePotensi(**{
        c.name: None if getattr(semua, c.name) is None else getattr(semua, c.name)[baris] for c in fields(KodePotensi)})
    # The boundary rows in view (kecamatan filter and prefix), as a mask: no string compares per rerun.
    pilih = indeks.masker_awalan(dataset, jenjang.wilayah)
    if f.kecamatan:
        pilih &= indeks.masker_kecamatan(dataset, f.kecamatan)
    if jenjang.tingkat != "kelurahan":
        return _tampilkan_tingkat(dataset, keadaan, potensi, kd, pilih, jenjang, pada, banding, sumber)
    batas = dataset.batas
    # Per dataset, once: the boundary attributes without geometry, and each row's KIM name.
    ix = dataset.indeks
    if ix.basis_batas is None:
        ix.basis_batas = pd.DataFrame(dataset.batas.drop(columns="geometry")).reset_index(drop=True)
    if ix.nama_kim_batas is None:
        ix.nama_kim_batas = indeks.nama_kim(dataset).reindex(dataset.batas["kode"].astype(str)).fillna("").to_numpy()
    basis, nama = ix.basis_batas, ix.nama_kim_batas
    if not pilih.all():
        batas = batas[pilih]
        basis = basis.loc[pilih].reset_index(drop=True)
        nama = nama[pilih]
        posisi = np.full(len(pilih) + 1, -1)
        posisi[np.flatnonzero(pilih)] = np.arange(int(pilih.sum()))
        kd = replace(kd, kel=posisi[kd.kel])
    ringkasan = ringkas_kode(kd, batas, dataset.wilayah, nama, basis)
    if pada is not None:
        ringkasan = waktu_banding.tambah_dormansi(ringkasan, potensi)
        if banding is not None:
            ringkasan = waktu_banding.tambah_banding(ringkasan, dataset, f, pada, banding, sumber)
    return Tampilan(dataset, keadaan, potensi, ringkasan, jenjang, kd, pada, banding)


def _tampilkan_tingkat(dataset: Dataset, keadaan: Keadaan, potensi: gpd.GeoDataFrame, kd: KodePotensi, pilih: np.ndarray,
                       jenjang: Jenjang, pada: dt.date | None, banding: dt.date | None,
                       sumber: gpd.GeoDataFrame | None = None) -> Tampilan:
    """A view above the kelurahan: potentials counted onto the dissolved units of the level.

    The units are those holding a boundary row in view; each potential reaches
    its unit through its boundary row (``indeks.induk_tingkat``), or through
    its own code's prefix when its kelurahan has no boundary. The time columns
    (dormancy as the median over the unit's potentials, the comparison as
    sums) are computed per unit too, so a province can ask where revival works.
    """
    f, tingkat = keadaan.filter, jenjang.tingkat
    unit = unit_tingkat(dataset, tingkat)
    induk = indeks.induk_tingkat(dataset, tingkat)
    dipakai = np.zeros(len(unit) + 1, dtype=bool)
    dipakai[induk[pilih]] = True  # -1 (no unit) lands on the spare last slot
    sel = np.flatnonzero(dipakai[:-1])
    posisi = np.full(len(unit) + 1, -1)
    posisi[sel] = np.arange(len(sel))
    # ``kel`` indexes ``ringkasan`` rows here too, so counts and charts work at every level.
    kd = replace(kd, kel=posisi[indeks.unit_potensi(dataset, tingkat, kd.kel, potensi["kode_kelurahan"])])
    dipilih = unit if len(sel) == len(unit) else unit.iloc[sel]
    basis = indeks.basis_tingkat(dataset, tingkat)
    if len(sel) < len(unit):
        basis = basis.iloc[sel].reset_index(drop=True)
    ringkasan = ringkas_kode(kd, dipilih, dataset.wilayah, indeks.nama_kim_tingkat(dataset, tingkat)[sel], basis)
    if pada is not None:
        ringkasan = waktu_banding.tambah_dormansi(ringkasan, potensi, tingkat)
        if banding is not None:
            ringkasan = waktu_banding.tambah_banding(ringkasan, dataset, f, pada, banding, sumber, tingkat)
    return Tampilan(dataset, keadaan, potensi, ringkasan, jenjang, kd, pada, banding)




def _basis(dataset: Dataset, pada: dt.date | None) -> tuple[gpd.GeoDataFrame, KodePotensi]:
    """The potentials as they stand on ``pada`` and their integer codes, once per dataset and date.

    Without an activity log that is the dataset itself; with one, the statuses
    derived for the date (same rows, same order), so a filter click on the same
    date costs only masks over codes.
    """
    if pada is None or dataset.kegiatan is None:
        return dataset.potensi, kode_dataset(dataset)

    def buat() -> tuple[gpd.GeoDataFrame, KodePotensi]:
        sumber = waktu.potensi_pada(dataset.potensi, dataset.kegiatan, pada, dataset.wilayah)
        return sumber, kode_potensi(sumber, dataset.batas, dataset.wilayah)

    return dataset.indeks.basis_per_tanggal.ambil(pada, buat)  # a national table per date: the last few dates only


def potensi_pada_tanggal(dataset: Dataset, pada: dt.date | None) -> gpd.GeoDataFrame:
    """The potentials as they stand on ``pada`` (the View's own, computed once per dataset and date)."""
    return _basis(dataset, pada)[0]


def _cocok(dataset: Dataset, kd: KodePotensi, f: Filter) -> np.ndarray:
    """:func:`geo.tampilan.saring.terapkan` as a mask over integer codes (same rows, no string compares)."""
    p = dataset.potensi
    wil = dataset.wilayah
    cocok = np.ones(len(p), dtype=bool)
    if f.kategori:
        cocok &= np.isin(kd.kategori, [i for i, k in enumerate(wil.kategori_potensi) if k in f.kategori])
    if f.status:
        cocok &= np.isin(kd.status, [i for i, k in enumerate(wil.status_aktivitas) if k in f.status])
    if f.kecamatan:
        ix = dataset.indeks
        if ix.kecamatan_potensi is None:
            ix.kecamatan_potensi = pd.factorize(p["kecamatan"])
        kode, nama = ix.kecamatan_potensi
        cocok &= np.isin(kode, [i for i, k in enumerate(nama) if k in f.kecamatan])
    if f.cari.strip():
        ix = dataset.indeks
        if ix.teks_cari is None:
            ix.teks_cari = (p["nama_kim"].astype(str) + "\n" + p["nama_potensi"].astype(str)).str.casefold()
        teks = ix.teks_cari
        cocok &= teks.str.contains(f.cari.strip().casefold(), regex=False).to_numpy(dtype=bool)
    return cocok


def pilihan_kelurahan(dataset: Dataset, wilayah: str = "") -> Mapping[str, str]:
    """kode → "Name (kecamatan)", sorted by name, for pickers; inside the prefix ``wilayah``.

    Once per dataset and prefix, and read-only (not copied: the country holds 83,000).
    """

    def buat() -> dict[str, str]:
        b = dataset.batas.iloc[indeks.baris_awalan(dataset, wilayah)].sort_values("kelurahan")
        return dict(zip(b["kode"].astype(str), b["kelurahan"] + " (" + b["kecamatan"] + ")"))

    return MappingProxyType(dataset.indeks.pilihan_kelurahan.ambil(wilayah, buat))
