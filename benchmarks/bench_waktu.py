"""How fast a date change is with a large activity log (issue #10: < 300 ms at 400,000 activities).

Run from the project root:  python benchmarks/bench_waktu.py [--kegiatan 400000] [--kelurahan 1000] [--ulang 5]

Builds a generated region in memory (square kelurahan on a grid, potentials
and a random activity log from 2018 to today), then times the one view for a
new ``pada`` date, for ``pada`` + ``banding``, the timeline, and, as the
floor it is compared with, the same view without a log. Numbers are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import box

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.galat import Laporan
from geo.masuk.dataset import Dataset
from geo.masuk.wilayah import Wilayah
from geo.tampilan.banding import garis_waktu
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from geo.tampilan.waktu import indeks_log, potensi_pada


def wilayah_buatan(n_kel: int, n_pot: int, n_keg: int, benih: int = 7) -> Dataset:
    rng = np.random.default_rng(benih)
    sisi = int(np.ceil(np.sqrt(n_kel)))
    kode = [f"99.{i // 100:02d}.{i % 100:02d}.1001" for i in range(n_kel)]
    batas = gpd.GeoDataFrame({
        "kode": kode, "kelurahan": [f"Kel {i}" for i in range(n_kel)], "kecamatan": [f"Kec {i // 20}" for i in range(n_kel)],
        "kode_kecamatan": [f"99.{i // 20:04d}" for i in range(n_kel)], "luas_km2": 1.0, "sumber": "buatan",
    }, geometry=[box(100 + (i % sisi) * 0.01, (i // sisi) * 0.01, 100.01 + (i % sisi) * 0.01, 0.01 + (i // sisi) * 0.01) for i in range(n_kel)],
        crs="EPSG:4326")
    kel = rng.integers(0, n_kel, n_pot)
    wil = Wilayah(nama="Wilayah buatan")
    potensi = pd.DataFrame({
        "id_potensi": [f"P-{i:06d}" for i in range(n_pot)], "nama_kim": [f"KIM {k}" for k in kel], "kode_kelurahan": [kode[k] for k in kel],
        "kelurahan": [f"Kel {k}" for k in kel], "kecamatan": [f"Kec {k // 20}" for k in kel],
        "kategori_potensi": rng.choice(list(wil.kategori_potensi), n_pot), "nama_potensi": "x", "deskripsi": "",
        "status_aktivitas": rng.choice(list(wil.status_aktivitas), n_pot), "jumlah_anggota": pd.array(rng.integers(1, 40, n_pot), dtype="Int64"),
        "kegiatan_terakhir": pd.NaT, "lintang": 0.005, "bujur": 100.005, "kontak": "", "_baris": np.arange(2, n_pot + 2),
    })
    potensi = gpd.GeoDataFrame(potensi, geometry=gpd.points_from_xy(potensi["bujur"], potensi["lintang"]), crs="EPSG:4326")
    awal = np.datetime64("2018-01-01")
    hari = (dt.date.today() - dt.date(2018, 1, 1)).days
    log = pd.DataFrame({
        "id_kegiatan": [f"K{i}" for i in range(n_keg)], "id_potensi": potensi["id_potensi"].to_numpy()[rng.integers(0, n_pot, n_keg)],
        "tanggal": pd.to_datetime(awal + rng.integers(0, hari, n_keg).astype("timedelta64[D]")), "jenis_kegiatan": "rapat",
        "peserta": pd.array(rng.integers(1, 30, n_keg), dtype="Int64"), "keterangan": "", "_baris": np.arange(2, n_keg + 2),
    })
    log = indeks_log(potensi, log)  # as muat_dataset does
    return Dataset(wil, None, batas, potensi, Laporan(), Path("kim.csv"), Path("batas.geojson"), log, Path("kegiatan.csv"))  # type: ignore[arg-type]


def _waktu(fungsi, ulang: int) -> tuple[float, float]:
    hasil = []
    for _ in range(ulang):
        t0 = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - t0)
    return statistics.median(hasil) * 1000, min(hasil) * 1000


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kegiatan", type=int, default=400_000)
    p.add_argument("--kelurahan", type=int, default=1_000)
    p.add_argument("--potensi", type=int, default=10_000)
    p.add_argument("--ulang", type=int, default=5)
    a = p.parse_args()
    t0 = time.perf_counter()
    ds = wilayah_buatan(a.kelurahan, a.potensi, a.kegiatan)
    print(f"Wilayah buatan: {a.kelurahan} kelurahan, {a.potensi} potensi, {a.kegiatan} kegiatan (dibuat dalam {time.perf_counter() - t0:.1f} s)")
    tanggal = iter(pd.date_range("2019-01-01", "2026-01-01", periods=1000).date)
    tanpa_log = Dataset(ds.wilayah, None, ds.batas, ds.potensi, ds.laporan, ds.path_kim, ds.path_batas)  # type: ignore[arg-type]
    baris = [
        ("tanpa log (pembanding)", lambda: tampilkan(tanpa_log, Filter())),
        ("status pada tanggal saja", lambda: potensi_pada(ds.potensi, ds.kegiatan, next(tanggal), ds.wilayah)),
        ("ganti tanggal pada", lambda: tampilkan(ds, Keadaan(filter=Filter(), pada=next(tanggal)))),
        ("pada + banding", lambda: tampilkan(ds, Keadaan(filter=Filter(), pada=next(tanggal), banding=dt.date(2026, 1, 31)))),
        ("pada, filter kategori", lambda: tampilkan(ds, Keadaan(filter=Filter(kategori=("Kuliner",)), pada=next(tanggal)))),
        ("garis waktu (semua bulan)", lambda: garis_waktu(ds, Filter(), dt.date(2026, 1, 31))),
    ]
    for nama, fungsi in baris:
        median, terbaik = _waktu(fungsi, a.ulang)
        print(f"  {nama:<28} median {median:7.1f} ms   terbaik {terbaik:7.1f} ms")


if __name__ == "__main__":
    main()
