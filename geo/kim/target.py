"""Targets per KIM per period and their progress (#25).

Defaults for every KIM live in ``wilayah.json`` (``target_kim``); a KIM's own
target for a period is a record of the store (columns ``id_kim, periode, jenis,
target``): ``target_kim.csv`` beside kim.csv (env ``KIM_TARGET``) in the file store,
``rekaman_baris`` rows of jenis ``target_kim`` in PostgreSQL (migration 0008),
checked the same way in both and carried by the Dataset (``ProfilKIM.target`` of :mod:`geo.kim.profil`).

- ``kegiatan_per_triwulan``: activities in the log in the quarter (period ``2026-Q4``);
- ``pos_per_bulan``: a media post in the month (period ``2026-11``); only the last post per
  channel is recorded, so progress is 1 when a latest post falls in the month, 0 when every
  latest post is older, and unknown (NA, never 0) when a later post hides the month.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd

from geo.galat import GalatData, Laporan
from geo.kim.daftar import angka_sel, baca_opsional
from geo.kim.profil import KANAL, ProfilKIM
from geo.masuk.baca import KOLOM_BARIS
from geo.masuk.dataset import Dataset

JENIS_TARGET = ("kegiatan_per_triwulan", "pos_per_bulan")
BAWAAN = {"kegiatan_per_triwulan": 3, "pos_per_bulan": 1}
KOLOM_TARGET = ("id_kim", "periode", "jenis", "target")
ENV_TARGET = "KIM_TARGET"


def path_target(kim: Path) -> Path:
    nilai = os.environ.get(ENV_TARGET, "").strip()
    return Path(nilai).expanduser() if nilai else kim.parent / "target_kim.csv"


def target_bawaan(dataset: Dataset) -> dict[str, float]:
    raw = dataset.wilayah.extra.get("target_kim", BAWAAN)
    if not isinstance(raw, dict) or any(k not in JENIS_TARGET for k in raw):
        raise GalatData(f"wilayah.json: target_kim harus objek dengan kunci {', '.join(JENIS_TARGET)}.")
    try:
        return {k: float(v) for k, v in raw.items()}
    except (TypeError, ValueError):
        raise GalatData("wilayah.json: setiap nilai target_kim harus angka.") from None


def muat_target(path: Path, laporan: Laporan) -> pd.DataFrame:
    """Per-KIM overrides; an empty table without the file."""
    return target_dari_teks(baca_opsional(path, laporan, KOLOM_TARGET), path.name, laporan)


def target_tersimpan(dataset: Dataset) -> tuple[pd.DataFrame, Laporan]:
    """The stored per-KIM targets as the store loaded them into the Dataset (files or database), and their report."""
    simpanan = getattr(dataset.profil, "target", None)
    if simpanan is None or simpanan.tabel is None:
        return pd.DataFrame(columns=list(KOLOM_TARGET)), (simpanan.salin_laporan() if simpanan is not None else Laporan())
    return simpanan.tabel.copy(), simpanan.salin_laporan()


def csv_target(dataset: Dataset) -> bytes:
    """The stored per-KIM targets as a CSV that loads back (``kim target-muat``, the page's upload): edit in Excel."""
    from geo.ekspor.tabel import ke_csv

    return ke_csv(target_tersimpan(dataset)[0].reindex(columns=list(KOLOM_TARGET)))


def target_dari_teks(mentah: pd.DataFrame | None, nama: str, laporan: Laporan) -> pd.DataFrame:
    """Stored text cells (file or database rows, with ``_baris``) → the typed targets; the file's checks in both stores."""
    if mentah is None:
        return pd.DataFrame(columns=list(KOLOM_TARGET))
    baris = []
    for _, r in mentah.iterrows():
        if r.get("jenis", "") not in JENIS_TARGET:
            laporan.tambah(nama, f"Jenis target tidak dikenal. Pilihan: {', '.join(JENIS_TARGET)}.", baris=int(r[KOLOM_BARIS]),
                           kolom="jenis", nilai=r.get("jenis", ""))
            continue
        nilai = angka_sel(r, "target", nama, laporan)
        if nilai is None:
            continue
        baris.append((r.get("id_kim", ""), r.get("periode", ""), r["jenis"], nilai))
    return pd.DataFrame(baris, columns=list(KOLOM_TARGET))


def triwulan(tanggal: dt.date) -> str:
    return f"{tanggal.year}-Q{(tanggal.month - 1) // 3 + 1}"


def _rentang(periode: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """``2026-Q4`` or ``2026-11`` → [start, end] (inclusive days)."""
    if "-Q" in periode:
        tahun, q = periode.split("-Q")
        awal = pd.Timestamp(int(tahun), 3 * int(q) - 2, 1)
        return awal, awal + pd.offsets.QuarterEnd(0)
    awal = pd.Timestamp(periode + "-01")
    return awal, awal + pd.offsets.MonthEnd(0)


def kemajuan_target(dataset: Dataset, pada: dt.date, target: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each KIM's targets for the quarter and the month holding ``pada``: target, achieved, met (up to ``pada``)."""
    profil: ProfilKIM = dataset.profil  # type: ignore[assignment]
    bawaan = target_bawaan(dataset)
    sendiri = target if target is not None else pd.DataFrame(columns=list(KOLOM_TARGET))
    q, bulan = triwulan(pada), f"{pada:%Y-%m}"
    batas = pd.Timestamp(pada)
    log = dataset.kegiatan
    peta = pd.Series(profil.tautan)
    hitung_kegiatan = pd.Series(dtype=float)
    awal_q, akhir_q = _rentang(q)
    if log is not None and len(log):
        di = log[(log["tanggal"] >= awal_q) & (log["tanggal"] <= min(akhir_q, batas))]
        hitung_kegiatan = di["id_potensi"].astype(str).map(peta).value_counts()
    awal_b, akhir_b = _rentang(bulan)
    tabel = profil.tabel.set_index("id_kim")
    # Only each channel's latest post is recorded: a later post hides whether there was one in the month (unknown).
    pos = tabel[[f"pos_{c}" for c in KANAL]]
    dalam = ((pos >= awal_b) & (pos <= min(akhir_b, batas))).any(axis=1)
    sesudah = (pos > min(akhir_b, batas)).any(axis=1)
    ada_pos = pd.Series([1.0 if d else (float("nan") if s else 0.0) for d, s in zip(dalam, sesudah)], index=tabel.index)
    baris = []
    for id_kim, nama in tabel["nama_kim"].items():
        for jenis, periode, capai in (("kegiatan_per_triwulan", q, float(hitung_kegiatan.get(id_kim, 0))),
                                      ("pos_per_bulan", bulan, ada_pos[id_kim])):
            khusus = sendiri[(sendiri["id_kim"] == id_kim) & (sendiri["periode"] == periode) & (sendiri["jenis"] == jenis)]
            t = float(khusus["target"].iloc[-1]) if len(khusus) else bawaan.get(jenis)
            if t is None:
                continue
            baris.append((id_kim, nama, jenis, periode, t, capai, pd.NA if pd.isna(capai) else bool(capai >= t)))
    hasil = pd.DataFrame(baris, columns=["id_kim", "nama_kim", "jenis", "periode", "target", "capaian", "tercapai"])
    hasil["tercapai"] = hasil["tercapai"].astype("boolean")
    return hasil
