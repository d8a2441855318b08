"""The time side of a view: dormancy per kelurahan, the change between two dates, the timeline.

All built from :func:`geo.tampilan.waktu.potensi_pada`, so the map, cards,
detail panel, exports and CLI read the same numbers for a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pandas as pd

from geo.masuk.dataset import Dataset
from geo.masuk.tingkat import awalan_seri
from geo.tampilan import waktu
from geo.tampilan.agregat import kolom_status
from geo.tampilan.saring import Filter, terapkan
from geo.tampilan.waktu import KOLOM_HARI, KOLOM_POS, KOSONG, _hari, aturan_waktu, bulan_penuh_hari, potensi_pada

# Per kelurahan, dormancy is the median of its potentials: one long-abandoned
# group should not paint a kelurahan whose other groups are busy.
AGREGAT_DORMANSI = "median"
KOLOM_BANDING = ("jumlah_aktif_pada", "jumlah_aktif_banding", "perubahan_aktif", "jumlah_bangkit", "jumlah_padam")


def _per_kode(nilai: pd.Series, kode: pd.Series, index: pd.Index, fungsi: str = "sum") -> pd.Series:
    return nilai.groupby(kode).agg(fungsi).reindex(index)


def _kunci_unit(potensi: pd.DataFrame, tingkat: str) -> pd.Series:
    """Each potential's unit code at ``tingkat`` (its kelurahan's code, or a prefix of it above)."""
    kode = potensi["kode_kelurahan"]
    return kode if tingkat == "kelurahan" else awalan_seri(kode, tingkat)


def tambah_dormansi(ringkasan: pd.DataFrame, potensi: pd.DataFrame, tingkat: str = "kelurahan") -> pd.DataFrame:
    """``bulan_tidak_aktif`` per unit: the median over its (filtered) potentials, at any level."""
    idx = pd.Index(ringkasan["kode"])
    nilai = _per_kode(potensi["bulan_tidak_aktif"], _kunci_unit(potensi, tingkat), idx, AGREGAT_DORMANSI)
    ringkasan["bulan_tidak_aktif"] = nilai.to_numpy(dtype=float)
    return ringkasan


def tambah_banding(
    ringkasan: pd.DataFrame, dataset: Dataset, f: Filter, pada: dt.date, banding: dt.date, sumber_pada: pd.DataFrame | None = None,
    tingkat: str = "kelurahan",
) -> pd.DataFrame:
    """Both states per unit (kelurahan, or kecamatan and up) and the change from ``pada`` to ``banding``.

    The status filter is left out here: a status belongs to one date, and the
    comparison is about the same potentials on both dates.
    """
    wil, log = dataset.wilayah, dataset.kegiatan
    f_tetap = replace(f, status=())
    a = terapkan(sumber_pada if sumber_pada is not None else potensi_pada(dataset.potensi, log, pada, wil), f_tetap)
    b = terapkan(potensi_pada(dataset.potensi, log, banding, wil), f_tetap)
    aktif = wil.status_aktif
    kode, idx = _kunci_unit(a, tingkat), pd.Index(ringkasan["kode"])
    aktif_a = (a["status_aktivitas"] == aktif).astype(int)
    aktif_b = (b["status_aktivitas"] == aktif).astype(int)
    ringkasan["jumlah_aktif_pada"] = _per_kode(aktif_a, kode, idx).fillna(0).astype(int).to_numpy()
    ringkasan["jumlah_aktif_banding"] = _per_kode(aktif_b, kode, idx).fillna(0).astype(int).to_numpy()
    ringkasan["perubahan_aktif"] = ringkasan["jumlah_aktif_banding"] - ringkasan["jumlah_aktif_pada"]
    ringkasan["jumlah_bangkit"] = _per_kode(((aktif_a == 0) & (aktif_b == 1)).astype(int), kode, idx).fillna(0).astype(int).to_numpy()
    ringkasan["jumlah_padam"] = _per_kode(((aktif_a == 1) & (aktif_b == 0)).astype(int), kode, idx).fillna(0).astype(int).to_numpy()
    for status in wil.status_aktivitas:
        ringkasan[f"{kolom_status(status)}_pada"] = _per_kode((a["status_aktivitas"] == status).astype(int), kode, idx).fillna(0).astype(int).to_numpy()
        ringkasan[f"{kolom_status(status)}_banding"] = _per_kode((b["status_aktivitas"] == status).astype(int), kode, idx).fillna(0).astype(int).to_numpy()
    return ringkasan


def kolom_banding(dataset: Dataset) -> list[str]:
    """The comparison columns in report order."""
    status = dataset.wilayah.status_aktivitas
    return [*(f"{kolom_status(s)}_pada" for s in status), *(f"{kolom_status(s)}_banding" for s in status), *KOLOM_BANDING]


def akhir_bulan(awal: dt.date, akhir: dt.date) -> pd.DatetimeIndex:
    """Each month's last day from ``awal``'s month to ``akhir`` (``akhir`` itself closes a partial month)."""
    bulan = pd.date_range(pd.Timestamp(awal).to_period("M").to_timestamp("M"), pd.Timestamp(akhir), freq="ME")
    if not len(bulan) or bulan[-1] < pd.Timestamp(akhir):
        bulan = bulan.append(pd.DatetimeIndex([pd.Timestamp(akhir)]))
    return bulan


# Timelines kept per dataset: picking a kelurahan, a metric or a status filter leaves the region's unchanged.


def garis_waktu(dataset: Dataset, f: Filter, sampai: dt.date, kode: str | None = None) -> pd.DataFrame:
    """Potentials per status at each month's end, for the region or one kelurahan.

    Columns: ``bulan`` (the month's last day), one per status, in vocabulary order.
    A pure function of the dataset, the filter without its statuses (the
    timeline draws every status), the date and the kelurahan: the last few are
    remembered with the dataset, so a rerun that changes none of them redraws
    the same chart without recounting a history of months.
    """
    kunci = (replace(f, status=()), sampai, kode or None)
    return dataset.indeks.garis_waktu.ambil(kunci, lambda: _garis_waktu(dataset, kunci[0], sampai, kode)).copy()


def _garis_waktu(dataset: Dataset, f: Filter, sampai: dt.date, kode: str | None) -> pd.DataFrame:
    """A loop over months, each one vectorised over all potentials."""
    wil, log = dataset.wilayah, dataset.kegiatan
    potensi = terapkan(dataset.potensi, replace(f, status=()))
    if kode:
        potensi = potensi[potensi["kode_kelurahan"] == kode]
    status = list(wil.status_aktivitas)[:3]
    if log is None or not len(log) or log["tanggal"].isna().all():
        return pd.DataFrame(columns=["bulan", *status])
    aturan = aturan_waktu(wil)
    if KOLOM_POS in log and log.attrs.get("jumlah_potensi") == len(dataset.potensi):
        # The dataset's own index of the log: positions among all potentials → among the shown ones.
        ke_tampil = np.full(len(dataset.potensi), -1, dtype=np.int64)
        ke_tampil[potensi.index.to_numpy()] = np.arange(len(potensi))
        pos_log = log[KOLOM_POS].to_numpy()
        pos = np.where(pos_log >= 0, ke_tampil[np.maximum(pos_log, 0)], -1)
        hari = log[KOLOM_HARI].to_numpy()
    else:
        pos = pd.Index(potensi["id_potensi"].astype(str)).get_indexer(log["id_potensi"].astype(str))
        hari = _hari(log["tanggal"])
    pilih = (pos >= 0) & (hari != KOSONG)
    urut = np.argsort(hari[pilih], kind="stable")
    pos, hari = pos[pilih][urut], hari[pilih][urut]
    terakhir = np.full(len(potensi), KOSONG, dtype=np.int64)
    baris, mulai = [], 0
    # Months in order, each adding only its own activities: one pass over the log in total.
    for akhir in akhir_bulan(log["tanggal"].min().date(), sampai):
        selesai = int(np.searchsorted(hari, np.datetime64(akhir.date(), "D").astype(np.int64), side="right"))
        np.maximum.at(terakhir, pos[mulai:selesai], hari[mulai:selesai])
        mulai = selesai
        bulan = bulan_penuh_hari(terakhir, akhir)
        aktif = int((bulan < aturan.bulan_aktif).sum())  # NaN compares False: no activity is never active
        kurang = int(((bulan >= aturan.bulan_aktif) & (bulan < aturan.bulan_kurang_aktif)).sum())
        baris.append([akhir, aktif, kurang, len(potensi) - aktif - kurang])
    if baris and baris[-1][0].date() >= waktu.hari_ini():
        # Today's point follows the one status rule (recorded values where the log is silent), as the map does.
        kini = potensi_pada(potensi, log, baris[-1][0].date(), wil)["status_aktivitas"]
        baris[-1] = [baris[-1][0], *(int((kini == s).sum()) for s in status)]
    return pd.DataFrame(baris, columns=["bulan", *status])


def kim_tidak_aktif(potensi: pd.DataFrame, batas_bulan: int, kim: np.ndarray | None = None) -> int:
    """KIM whose every (shown) potential has been quiet for ``batas_bulan`` whole months or more.

    ``kim`` (one integer per (kelurahan, KIM name) pair, aligned with the rows,
    as :class:`geo.tampilan.agregat.KodePotensi` holds) skips the groupby.
    """
    if "bulan_tidak_aktif" not in potensi or not len(potensi):
        return 0
    if kim is not None and len(kim) == len(potensi):
        bulan = potensi["bulan_tidak_aktif"].to_numpy(dtype=float, na_value=np.inf)
        kelompok, balik = np.unique(kim, return_inverse=True)
        terkecil = np.full(len(kelompok), np.inf)
        np.minimum.at(terkecil, balik, bulan)
        return int((terkecil >= batas_bulan).sum())
    per_kim = potensi["bulan_tidak_aktif"].fillna(np.inf).groupby([potensi["kode_kelurahan"], potensi["nama_kim"]]).min()
    return int((per_kim >= batas_bulan).sum())
