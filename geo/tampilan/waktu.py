"""Status at a date, dormancy and the change between two dates, from the activity log.

Month arithmetic, defined once here so every figure agrees:

* ``bulan_penuh(L, D)`` is the number of *whole* months from the last activity
  L to the date D: the largest k with ``L + k bulan <= D``, where adding months
  keeps the day of the month and clamps it to the month's last day
  (31 Januari + 1 bulan = 28/29 Februari).
* With N = ``bulan_aktif`` and M = ``bulan_kurang_aktif`` (wilayah.json,
  defaults 3 and 12), a potential is **Aktif** on D when fewer than N whole
  months have passed since its last activity on or before D, **Kurang Aktif**
  when N ≤ k < M, and **Tidak Aktif** when k ≥ M or it had no activity by D.
  So on 30 Nov 2026 an activity on 1 Sep 2026 (k = 2) is Aktif, one on
  31 Aug 2026 (k = 3) is Kurang Aktif, one on 30 Nov 2025 (k = 12) Tidak Aktif.
* Activities after D are ignored: the state at D is what was known on D.

Everything is vectorised over potentials and activities (numpy), so a date
change on a 400,000-activity log stays well under the page's budget.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.galat import GalatData
from geo.masuk import skema
from geo.masuk.wilayah import Wilayah

BULAN_AKTIF = 3
BULAN_KURANG_AKTIF = 12


@dataclass(frozen=True)
class AturanWaktu:
    """The region's thresholds (whole months) and the optional pandemic period to shade."""

    bulan_aktif: int = BULAN_AKTIF
    bulan_kurang_aktif: int = BULAN_KURANG_AKTIF
    pandemi: tuple[pd.Timestamp, pd.Timestamp] | None = None
    nama_pandemi: str = "Pandemi"


def aturan_waktu(wilayah: Wilayah) -> AturanWaktu:
    """Read ``bulan_aktif``, ``bulan_kurang_aktif`` and ``masa_pandemi`` from wilayah.json."""
    ex = wilayah.extra or {}
    n = int(ex.get("bulan_aktif", BULAN_AKTIF))
    m = int(ex.get("bulan_kurang_aktif", BULAN_KURANG_AKTIF))
    if not 1 <= n < m:
        raise GalatData(f"wilayah.json: bulan_aktif ({n}) harus ≥ 1 dan lebih kecil dari bulan_kurang_aktif ({m}).")
    pandemi, nama = None, "Pandemi"
    masa = ex.get("masa_pandemi")
    if isinstance(masa, dict) and masa.get("mulai") and masa.get("selesai"):
        pandemi = (pd.Timestamp(masa["mulai"]), pd.Timestamp(masa["selesai"]))
        nama = str(masa.get("nama") or nama)
    return AturanWaktu(n, m, pandemi, nama)


def hari_ini() -> dt.date:
    return dt.date.today()


KOSONG = np.iinfo(np.int64).min  # "no date" among day numbers


def _hari(nilai: pd.Series | np.ndarray) -> np.ndarray:
    """Dates → int days since 1970 (NaT → ``KOSONG``)."""
    arr = np.asarray(pd.to_datetime(nilai), dtype="datetime64[D]")
    return np.where(np.isnat(arr), KOSONG, arr.astype(np.int64))


def bulan_penuh_hari(hari: np.ndarray, pada: dt.date | pd.Timestamp) -> np.ndarray:
    """:func:`bulan_penuh` on day numbers (days since 1970; ``KOSONG`` = no date), pure numpy."""
    d = pd.Timestamp(pada)
    ada = hari != KOSONG
    tgl = np.where(ada, hari, 0).astype("datetime64[D]")
    bulan_ke = tgl.astype("datetime64[M]")
    k = (d.year * 12 + d.month - 1) - bulan_ke.astype(np.int64) - 1970 * 12
    hari_ke = (tgl - bulan_ke).astype(np.int64) + 1
    # L + k months lands on min(L.day, last day of D's month); not yet reached → one less.
    belum = d.day < np.minimum(hari_ke, d.days_in_month)
    return np.where(ada, k - belum, np.nan).astype(float)


def bulan_penuh(terakhir: pd.Series, pada: dt.date | pd.Timestamp) -> pd.Series:
    """Whole months from each ``terakhir`` to ``pada`` (NaN where there is no date)."""
    return pd.Series(bulan_penuh_hari(_hari(terakhir), pada), index=terakhir.index)


def status_dari_bulan(bulan: pd.Series, aturan: AturanWaktu, status: tuple[str, ...] = skema.STATUS_AKTIVITAS) -> pd.Series:
    """Whole months since the last activity → the three statuses (vocabulary order)."""
    aktif, kurang, tidak = status[:3]
    b = bulan.to_numpy(dtype=float)
    hasil = np.where(np.isnan(b) | (b >= aturan.bulan_kurang_aktif), tidak, np.where(b >= aturan.bulan_aktif, kurang, aktif))
    return pd.Series(hasil, index=bulan.index, dtype=object)


KOLOM_POS, KOLOM_HARI = "_pos", "_hari"


def indeks_log(potensi: pd.DataFrame, kegiatan: pd.DataFrame) -> pd.DataFrame:
    """The log with each row's potential position and day number, computed once per data version.

    Matching 400,000 ids to potentials is most of the cost of a date change,
    so the dataset stores it; :func:`terakhir_pada` uses it when handed the
    same (unfiltered) potentials.
    """
    hasil = kegiatan.copy()
    hasil[KOLOM_POS] = pd.Index(potensi["id_potensi"].astype(str)).get_indexer(kegiatan["id_potensi"].astype(str))
    hasil[KOLOM_HARI] = _hari(kegiatan["tanggal"])
    hasil.attrs["jumlah_potensi"] = len(potensi)
    return hasil


def terakhir_pada(potensi: pd.DataFrame, kegiatan: pd.DataFrame, pada: dt.date | pd.Timestamp) -> pd.Series:
    """The last activity on or before ``pada`` for each potential (NaT when none)."""
    if KOLOM_POS in kegiatan and kegiatan.attrs.get("jumlah_potensi") == len(potensi) and isinstance(potensi.index, pd.RangeIndex):
        pos, hari = kegiatan[KOLOM_POS].to_numpy(), kegiatan[KOLOM_HARI].to_numpy()
    else:
        pos = pd.Index(potensi["id_potensi"].astype(str)).get_indexer(kegiatan["id_potensi"].astype(str))
        hari = _hari(kegiatan["tanggal"])
    batas = np.datetime64(pd.Timestamp(pada).date(), "D").astype(np.int64)
    pilih = (pos >= 0) & (hari <= batas) & (hari > np.iinfo(np.int64).min)
    hasil = np.full(len(potensi), np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(hasil, pos[pilih], hari[pilih])
    tanggal = np.where(hasil == np.iinfo(np.int64).min, np.datetime64("NaT"), hasil.astype("datetime64[D]"))
    return pd.Series(pd.to_datetime(tanggal), index=potensi.index)


def bulan_tidak_aktif(potensi: pd.DataFrame, kegiatan: pd.DataFrame, pada: dt.date | pd.Timestamp) -> pd.Series:
    """Dormancy: whole months since each potential's last activity on or before ``pada``.

    NaN for a potential with no activity by then. Pure, for reuse (e.g. the budget plan).
    """
    return bulan_penuh(terakhir_pada(potensi, kegiatan, pada), pada)


def rentang_log(kegiatan: pd.DataFrame | None) -> tuple[dt.date, dt.date] | None:
    """First activity and today: the dates a view may be asked for."""
    if kegiatan is None or not len(kegiatan):
        return None
    awal = _awal_log(kegiatan)
    return None if awal is None else (awal, hari_ini())


# A log's first date, per log object: asked twice on every rerun (the date pickers and the view's check).
_AWAL_LOG: dict[int, tuple[weakref.ref, dt.date | None, int]] = {}


def _awal_log(kegiatan: pd.DataFrame) -> dt.date | None:
    """The first activity's date of a loaded log (which never changes), computed once per log."""
    kunci = id(kegiatan)
    ada = _AWAL_LOG.get(kunci)
    if ada is not None and ada[0]() is kegiatan and ada[2] == len(kegiatan):
        return ada[1]
    tanggal = kegiatan["tanggal"]
    awal = None if tanggal.isna().all() else tanggal.min().date()
    _AWAL_LOG[kunci] = (weakref.ref(kegiatan, lambda _, k=kunci: _AWAL_LOG.pop(k, None)), awal, len(kegiatan))
    return awal


def periksa_tanggal(kegiatan: pd.DataFrame | None, tanggal: dt.date, nama: str) -> dt.date:
    """A date inside the log's range, or a message saying which dates are possible."""
    if kegiatan is None:
        raise GalatData(
            f"Tanggal {nama} membutuhkan log kegiatan (data/kegiatan.csv atau KIM_KEGIATAN), yang belum ada. "
            "Tanpa log, status diambil dari kolom status_aktivitas di kim.csv."
        )
    rentang = rentang_log(kegiatan)
    if rentang is None:
        raise GalatData(f"Log kegiatan kosong, jadi tanggal {nama} tidak dapat dipakai. Isi log kegiatan dulu.")
    awal, akhir = rentang
    if tanggal < awal:
        raise GalatData(f"Tanggal {nama} {tanggal:%Y-%m-%d} sebelum kegiatan pertama di log ({awal:%Y-%m-%d}). "
                        f"Pilih tanggal antara {awal:%Y-%m-%d} dan hari ini ({akhir:%Y-%m-%d}).")
    if tanggal > akhir:
        raise GalatData(f"Tanggal {nama} {tanggal:%Y-%m-%d} ada di masa depan. "
                        f"Pilih tanggal antara {awal:%Y-%m-%d} dan hari ini ({akhir:%Y-%m-%d}).")
    return tanggal


def urai_tanggal_opsi(teks: str, nama: str) -> dt.date:
    """``2021-06-30`` (or 30/06/2021) from a flag or URL, with a clear message otherwise."""
    from geo.masuk.urai import urai_tanggal

    try:
        return urai_tanggal(teks)
    except ValueError as exc:
        raise GalatData(f"Tanggal {nama} '{teks}': {exc}") from None


SUMBER_LOG, SUMBER_TERCATAT, SUMBER_KOSONG = "log", "tercatat", "tanpa_kegiatan"


def potensi_pada(potensi: pd.DataFrame, kegiatan: pd.DataFrame, pada: dt.date, wilayah: Wilayah) -> pd.DataFrame:
    """Potentials as they stood on ``pada``, by the one status rule (README, "Status aktivitas").

    Where the log records an activity of a potential on or before ``pada``, its
    status, last activity and dormancy come from the log. Where it records none
    but the KIM table records a last activity, today's view uses the recorded values
    (``status_aktivitas``, ``kegiatan_terakhir``): a log that says nothing about a
    potential cannot overrule what was recorded for it. With no activity anywhere
    (no log row, no recorded date), or on a past date (no history to go on), the
    log's verdict stands: no activity yet. ``sumber_status`` says which rule
    applied (``log``, ``tercatat``, or ``tanpa_kegiatan``: no activity known by ``pada``); the recorded values stay in ``status_tercatat`` and
    ``kegiatan_terakhir_tercatat`` (exports write those back as the import columns).
    """
    aturan = aturan_waktu(wilayah)
    dari_log = terakhir_pada(potensi, kegiatan, pada)
    tercatat = pd.to_datetime(potensi["kegiatan_terakhir"])
    ada_log = dari_log.notna() | tercatat.isna() | (pd.Timestamp(pada).date() < hari_ini())
    terakhir = dari_log.where(ada_log, tercatat.where(tercatat <= pd.Timestamp(pada)))
    bulan = bulan_penuh(terakhir, pada)
    hasil = potensi.copy()
    hasil["status_tercatat"] = potensi["status_aktivitas"]
    hasil["kegiatan_terakhir_tercatat"] = tercatat
    turunan = status_dari_bulan(bulan, aturan, wilayah.status_aktivitas)
    hasil["status_aktivitas"] = turunan.where(ada_log, potensi["status_aktivitas"])
    hasil["sumber_status"] = np.select([dari_log.notna().to_numpy(), ~ada_log.to_numpy()], [SUMBER_LOG, SUMBER_TERCATAT],
                                       SUMBER_KOSONG)
    hasil["status_beda"] = hasil["status_aktivitas"] != hasil["status_tercatat"]
    hasil["bulan_tidak_aktif"] = bulan
    hasil["kegiatan_terakhir"] = terakhir
    return hasil


def status_menurut_aturan(potensi: pd.DataFrame, kegiatan: pd.DataFrame | None, wilayah: Wilayah,
                          pada: dt.date | None = None) -> pd.DataFrame:
    """What the map will show for these (possibly edited, unsaved) rows: the editor's preview.

    Columns ``status_peta`` and ``sumber_status``, one row per input row. Without
    a log the recorded status is what the map shows.
    """
    if kegiatan is None or not len(potensi):
        return pd.DataFrame({"status_peta": potensi["status_aktivitas"], "sumber_status": SUMBER_TERCATAT},
                            index=potensi.index)
    baris = potensi.reset_index(drop=True)
    log = kegiatan.drop(columns=[KOLOM_POS, KOLOM_HARI], errors="ignore")  # its positions belong to the stored table
    hasil = potensi_pada(baris, log, pada or hari_ini(), wilayah)
    return pd.DataFrame({"status_peta": hasil["status_aktivitas"].to_numpy(), "sumber_status": hasil["sumber_status"].to_numpy()},
                        index=potensi.index)
