"""The KIM score (#25) as a map metric of the one View: each unit's mean score of its assessed KIM.

The score is :mod:`geo.kim`'s assessment (criteria and weights from
``wilayah.json``) at the date the View's statuses stand at, for the KIM among
the shown potentials. It is computed only for a View that shows it, so no other
map pays for the assessment. A unit without an assessed KIM has no value:
"no data" on the map, in the legend and the tooltip, never 0.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from geo.masuk.tingkat import awalan_seri
from geo.tampilan.metrik import METRIK_SKOR_KIM

if TYPE_CHECKING:
    import datetime as dt

    from geo.tampilan.susun import Tampilan


def tanggal_skor(tampilan: Tampilan) -> dt.date:
    """The date the score stands at: the View's date (the activity log's ``pada``), else today."""
    from geo.tampilan.waktu import hari_ini

    return tampilan.keadaan.pada or tampilan.pada or hari_ini()


def skor_per_unit(tampilan: Tampilan) -> np.ndarray:
    """The mean score of the KIM assessed in each row of the View's summary; NaN where there is none."""
    from geo.kim.penilaian import id_kim_tampil, penilaian  # geo.kim builds on the View, not the other way round

    r, d = tampilan.ringkasan, tampilan.dataset
    kosong = np.full(len(r), np.nan)
    if d.profil is None or not len(r) or not len(tampilan.potensi):
        return kosong
    hasil = penilaian(d, tanggal_skor(tampilan), id_kim=id_kim_tampil(d, tampilan.potensi)).hasil
    if not len(hasil):
        return kosong
    kode = hasil["kode_kelurahan"].astype(str)
    unit = kode if tampilan.tingkat == "kelurahan" else awalan_seri(kode, tampilan.tingkat)
    rata = hasil["skor"].astype(float).groupby(unit.to_numpy()).mean()  # a KIM without any scored criterion: skipped
    return r["kode"].astype(str).map(rata).to_numpy(dtype=float)


def dengan_skor_kim(tampilan: Tampilan) -> Tampilan:
    """The View with the ``skor_kim`` column when its metric is the KIM score (a copy; the memoised rows stay as they are)."""
    if tampilan.metrik != METRIK_SKOR_KIM or METRIK_SKOR_KIM in tampilan.ringkasan.columns:
        return tampilan
    ringkasan = tampilan.ringkasan.copy()
    ringkasan[METRIK_SKOR_KIM] = skor_per_unit(tampilan)
    return replace(tampilan, ringkasan=ringkasan)


def skor_per_potensi(tampilan: Tampilan):
    """Each shown potential's KIM score (NaN: its KIM has no scored criterion), for the potentials' CSV."""
    import pandas as pd

    from geo.kim.penilaian import id_kim_tampil, penilaian

    d, p = tampilan.dataset, tampilan.potensi
    if d.profil is None or not len(p):
        return pd.Series(np.nan, index=range(len(p)), dtype=float)
    hasil = penilaian(d, tanggal_skor(tampilan), id_kim=id_kim_tampil(d, p)).hasil
    skor = hasil.set_index("id_kim")["skor"].astype(float)
    return p["id_potensi"].astype(str).map(d.profil.tautan).map(skor).astype(float).reset_index(drop=True)
