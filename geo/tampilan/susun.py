"""One filtered view of a dataset: the single source of every figure.

Every view and export is computed from :func:`tampilkan`, so the page, the
files and the command line can never disagree on a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd

from geo.masuk.dataset import Dataset
from geo.tampilan.agregat import ringkas_kelurahan
from geo.tampilan.saring import Filter, terapkan


@dataclass(frozen=True)
class Tampilan:
    """A filtered view: the potentials shown and the per-kelurahan summary."""

    dataset: Dataset
    filter: Filter
    potensi: gpd.GeoDataFrame
    ringkasan: gpd.GeoDataFrame = field(repr=False)


def tampilkan(dataset: Dataset, f: Filter | None = None) -> Tampilan:
    """Filter first, then aggregate: every figure reflects the filter."""
    f = f or Filter()
    potensi = terapkan(dataset.potensi, f)
    batas = dataset.batas
    if f.kecamatan:
        batas = batas[batas["kecamatan"].isin(f.kecamatan)]
    ringkasan = ringkas_kelurahan(potensi, batas, dataset.wilayah, dataset.nama_kim())
    return Tampilan(dataset, f, potensi, ringkasan)
