"""A KIM's activity status, defined once.

The pemetaan report, the monthly digest and the budget form's "KIM aktif"
indicator all count KIM by this: a KIM has the best status among its
potentials (one active potential makes an active KIM), as they stood on the
date (the activity log's rule, :func:`geo.kim.nilai.potensi_kim_pada`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.masuk.dataset import Dataset


def status_kim(potensi: pd.DataFrame, urutan: tuple[str, ...]) -> pd.Series:
    """``id_kim`` → the best of its potentials' statuses, in the region's order (first = active)."""
    peringkat = potensi["status_aktivitas"].map({s: i for i, s in enumerate(urutan)})
    terbaik = peringkat.groupby(potensi["id_kim"]).min()
    return terbaik.map(dict(enumerate(urutan)))


def status_kim_pada(dataset: Dataset, tanggal: dt.date | None = None) -> pd.Series:
    """Every KIM with potentials → its status on ``tanggal`` (today when None, as the map's default)."""
    from geo.kim.nilai import potensi_kim_pada
    from geo.tampilan.waktu import hari_ini

    return status_kim(potensi_kim_pada(dataset, tanggal or hari_ini()), dataset.wilayah.status_aktivitas)
