"""One filtered view of a dataset: the single source of every figure.

Every view and export is computed from :func:`tampilkan`, so the page, the
files and the command line can never disagree on a figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import geopandas as gpd

from geo.masuk.dataset import Dataset
from geo.tampilan import banding as waktu_banding
from geo.tampilan import waktu
from geo.tampilan.agregat import ringkas_kelurahan
from geo.tampilan.saring import Filter, terapkan


@dataclass(frozen=True)
class Tampilan:
    """A filtered view: the potentials shown and the per-kelurahan summary."""

    dataset: Dataset
    filter: Filter
    potensi: gpd.GeoDataFrame
    ringkasan: gpd.GeoDataFrame = field(repr=False)
    # The date the statuses stand at (None without an activity log) and the comparison date.
    pada: dt.date | None = None
    banding: dt.date | None = None


def tampilkan(dataset: Dataset, f: Filter | None = None, pada: dt.date | None = None, banding: dt.date | None = None) -> Tampilan:
    """Filter first, then aggregate: every figure reflects the filter.

    With an activity log the statuses are those derived for ``pada`` (default
    today); ``banding`` adds the change between the two dates per kelurahan.
    Dates outside the log's range raise :class:`geo.galat.GalatData`.
    """
    f = f or Filter()
    sumber = dataset.potensi
    log = dataset.kegiatan
    if log is not None or pada is not None or banding is not None:
        pada = waktu.periksa_tanggal(log, pada or waktu.hari_ini(), "pada")
        banding = waktu.periksa_tanggal(log, banding, "banding") if banding else None
        sumber = waktu.potensi_pada(dataset.potensi, log, pada, dataset.wilayah)
    potensi = terapkan(sumber, f)
    batas = dataset.batas
    if f.kecamatan:
        batas = batas[batas["kecamatan"].isin(f.kecamatan)]
    ringkasan = ringkas_kelurahan(potensi, batas, dataset.wilayah, dataset.nama_kim())
    if pada is not None:
        ringkasan = waktu_banding.tambah_dormansi(ringkasan, potensi)
        if banding is not None:
            ringkasan = waktu_banding.tambah_banding(ringkasan, dataset, f, pada, banding, sumber)
    return Tampilan(dataset, f, potensi, ringkasan, pada, banding)
