"""Generate the sample activity log ``data/kegiatan.csv`` ("data contoh", invented) for the sample KIM.

The story it tells: regular activity from 2018, a dip in the pandemic
(2020–2021), a partial revival after the office's technical guidance (bimtek)
in late 2021, and activity continuing to the sample's "today" (``--hari-ini``).
Run it after ``scripts/make_sample_kim.py``: each potential's last activity is
chosen to fit its hand-set status under the rules of ``geo/tampilan/waktu.py``
(Aktif < 3 whole months, Kurang Aktif < 12), and ``kegiatan_terakhir`` in
kim.csv is set to that date, so the log, the column and the status agree.
"""

from __future__ import annotations

import argparse
import csv
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geo.masuk.kegiatan import KOLOM_KEGIATAN
from geo.tampilan.waktu import AturanWaktu, bulan_penuh, status_dari_bulan

AWAL = pd.Timestamp("2018-01-08")
PANDEMI = pd.Timestamp("2020-03-15")
BIMTEK = (pd.Timestamp("2021-10-18"), pd.Timestamp("2021-11-26"))
# Where each status's last activity falls, in days before the sample's "today" (from, to): late
# enough in each band that the statuses still hold for about two months after that "today".
RENTANG_TERAKHIR = {"Aktif": (25, 3), "Kurang Aktif": (200, 150)}

JENIS_BIASA = ("produksi", "rapat", "pameran/bazar", "sosialisasi", "liputan/konten")
KETERANGAN = {
    "sosialisasi": "Sosialisasi program kelurahan kepada warga (contoh)",
    "pelatihan/bimtek": "Pelatihan anggota (contoh)",
    "produksi": "Kegiatan produksi bersama (contoh)",
    "pameran/bazar": "Ikut pameran/bazar produk lokal (contoh)",
    "liputan/konten": "Liputan dan konten media sosial KIM (contoh)",
    "rapat": "Rapat rutin pengurus (contoh)",
}


def _acak(id_potensi: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(id_potensi.encode()))


def _deret(rng: np.random.Generator, mulai: pd.Timestamp, sampai: pd.Timestamp, jeda_hari: tuple[int, int]) -> list[pd.Timestamp]:
    """Dates from ``mulai`` up to ``sampai`` with random gaps (a potential's rhythm)."""
    hasil, t = [], mulai + pd.Timedelta(days=int(rng.integers(0, jeda_hari[1])))
    while t < sampai:
        hasil.append(t)
        t += pd.Timedelta(days=int(rng.integers(*jeda_hari)))
    return hasil


def terakhir_baru(id_potensi: str, status: str, lama: pd.Timestamp | None, hari_ini: pd.Timestamp) -> pd.Timestamp:
    """Tidak Aktif keeps its (pandemic-era) date when it fits; the others get one inside their band."""
    aturan = AturanWaktu()
    if status == "Tidak Aktif" and lama is not None and status_dari_bulan(bulan_penuh(pd.Series([lama]), hari_ini), aturan).iloc[0] == status:
        return lama
    if status == "Tidak Aktif":  # never happens with the sample KIM, but keeps the script total
        return min(lama or PANDEMI, PANDEMI)
    dari, ke = RENTANG_TERAKHIR[status]
    terakhir = hari_ini - pd.Timedelta(days=int(_acak(id_potensi + "t").integers(ke, dari)))
    assert status_dari_bulan(bulan_penuh(pd.Series([terakhir]), hari_ini), aturan).iloc[0] == status
    return terakhir


def kegiatan_potensi(id_potensi: str, status: str, terakhir: pd.Timestamp, anggota: int) -> list[tuple[pd.Timestamp, str]]:
    """(date, kind) of one potential's activities, ending exactly on ``terakhir``."""
    rng = _acak(id_potensi)
    tanggal: list[pd.Timestamp] = _deret(rng, AWAL, min(terakhir, PANDEMI), (25, 60))
    if status != "Tidak Aktif":
        if rng.random() < 0.3:  # a few kept one online meeting going in the pandemic
            tanggal.append(pd.Timestamp("2020-09-01") + pd.Timedelta(days=int(rng.integers(0, 120))))
        bimtek = BIMTEK[0] + pd.Timedelta(days=int(rng.integers(0, (BIMTEK[1] - BIMTEK[0]).days)))
        jeda = (20, 50) if status == "Aktif" else (60, 150)
        tanggal += _deret(rng, bimtek + pd.Timedelta(days=20), terakhir, jeda)
    else:
        tanggal = [t for t in tanggal if t < terakhir]
    jenis = [str(rng.choice(JENIS_BIASA)) for _ in tanggal]
    if status != "Tidak Aktif":
        jenis = [("pelatihan/bimtek" if t == bimtek else j) for t, j in zip(tanggal, jenis)]
        tanggal.append(bimtek)
        jenis.append("pelatihan/bimtek")
    tanggal.append(terakhir)
    jenis.append(str(rng.choice(JENIS_BIASA)))
    pasangan = sorted({t: j for t, j in zip(tanggal, jenis) if t <= terakhir}.items())
    return pasangan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kim", type=Path, default=Path("data/kim.csv"))
    parser.add_argument("--out", type=Path, default=Path("data/kegiatan.csv"))
    parser.add_argument("--hari-ini", default="2026-11-30", help="the sample's 'today' (bawaan 2026-11-30)")
    args = parser.parse_args(argv)
    hari_ini = pd.Timestamp(args.hari_ini)

    with args.kim.open(encoding="utf-8", newline="") as f:
        baris = list(csv.reader(f))
    kepala, isi = baris[0], baris[1:]
    i_id, i_status, i_tgl, i_anggota = (kepala.index(k) for k in ("id_potensi", "status_aktivitas", "kegiatan_terakhir", "jumlah_anggota"))
    log: list[list[str]] = []
    for r in isi:
        lama = pd.Timestamp(r[i_tgl]) if r[i_tgl] else None
        terakhir = terakhir_baru(r[i_id], r[i_status], lama, hari_ini)
        r[i_tgl] = f"{terakhir:%Y-%m-%d}"
        anggota = int(r[i_anggota] or 10)
        rng = _acak(r[i_id] + "p")
        for t, jenis in kegiatan_potensi(r[i_id], r[i_status], terakhir, anggota):
            bimtek = jenis == "pelatihan/bimtek" and BIMTEK[0] <= t <= BIMTEK[1]
            ket = "Bimtek kebangkitan KIM oleh Diskominfo (contoh)" if bimtek else KETERANGAN[jenis]
            log.append([r[i_id], f"{t:%Y-%m-%d}", jenis, str(max(1, int(anggota * rng.uniform(0.3, 0.9)))), ket])
    log.sort(key=lambda b: (b[1], b[0]))
    with args.kim.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([kepala, *isi])
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(KOLOM_KEGIATAN)
        w.writerows([f"KEG-{i:05d}", *b] for i, b in enumerate(log, 1))
    per_tahun = Counter(b[1][:4] for b in log)
    print(f"{len(log)} kegiatan ditulis ke {args.out}; kegiatan_terakhir di {args.kim} diselaraskan.")
    print("  per tahun: " + ", ".join(f"{k}: {v}" for k, v in sorted(per_tahun.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
