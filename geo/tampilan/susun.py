"""One filtered view of a dataset: the single source of every figure.

Every view and export is computed from :func:`tampilkan`, so the page, the
files and the command line can never disagree on a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd

from geo.masuk.dataset import Dataset
from geo.masuk.tingkat import awalan_seri
from geo.tampilan.agregat import ringkas_kelurahan
from geo.tampilan.saring import Filter, terapkan
from geo.tampilan.tingkat import Jenjang, tentukan, unit_tingkat


@dataclass(frozen=True)
class Tampilan:
    """A filtered view: the potentials shown and the per-kelurahan summary."""

    dataset: Dataset
    filter: Filter
    potensi: gpd.GeoDataFrame
    ringkasan: gpd.GeoDataFrame = field(repr=False)
    # The level of ``ringkasan``'s rows and the code prefix they lie in (see geo.tampilan.tingkat).
    jenjang: Jenjang = field(default_factory=lambda: Jenjang("kelurahan"))

    @property
    def tingkat(self) -> str:
        return self.jenjang.tingkat

    @property
    def wilayah(self) -> str:
        return self.jenjang.wilayah


def tampilkan(dataset: Dataset, f: Filter | None = None, tingkat: str | None = None, wilayah: str = "") -> Tampilan:
    """Filter first, then aggregate onto the units of ``tingkat`` inside the prefix ``wilayah``.

    Without a level a region opens where :func:`tingkat_awal` says (one kota:
    its kelurahan, as always). Every figure reflects the filter and the prefix.
    """
    f = f or Filter()
    jenjang = tentukan(dataset, tingkat, wilayah)
    potensi = terapkan(dataset.potensi, f)
    batas = dataset.batas
    if f.kecamatan:
        batas = batas[batas["kecamatan"].isin(f.kecamatan)]
    if jenjang.wilayah:
        batas = batas[batas["kode"].astype(str).str.startswith(jenjang.wilayah)]
        potensi = potensi[potensi["kode_kelurahan"].astype(str).str.startswith(jenjang.wilayah)]
    if jenjang.tingkat == "kelurahan":
        ringkasan = ringkas_kelurahan(potensi, batas, dataset.wilayah, dataset.nama_kim())
    else:
        unit = unit_tingkat(dataset, jenjang.tingkat)
        unit = unit[unit["kode"].isin(awalan_seri(batas["kode"], jenjang.tingkat))]
        kunci = awalan_seri(potensi["kode_kelurahan"], jenjang.tingkat)
        semua = dataset.potensi
        jumlah_kim = semua.groupby(awalan_seri(semua["kode_kelurahan"], jenjang.tingkat))["nama_kim"].nunique()
        ringkasan = ringkas_kelurahan(potensi.assign(kode_kelurahan=kunci), unit, dataset.wilayah,
                                      jumlah_kim.astype(str) + " KIM")
    return Tampilan(dataset, f, potensi, ringkasan, jenjang)
