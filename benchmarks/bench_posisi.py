"""What a pan costs the page (issue #22): the View for the same state with another zoom/centre.

A pan or zoom reruns the page (streamlit-folium reports the map's position so the URL follows it).
``tampilkan`` keeps the last views per dataset keyed on the state without the position, so the
rerun reuses the rows; this prints the cost of a new state (a filter click) beside a pan's.

    python benchmarks/bench_posisi.py [--unit 20000] [--baris 100000]

Numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from buat_wilayah_besar import buat_wilayah_besar

from geo.masuk.dataset import muat_dataset
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan


def _ms(fungsi, ulang: int = 9) -> float:
    waktu = []
    for i in range(ulang):
        t0 = time.perf_counter()
        fungsi(i)
        waktu.append((time.perf_counter() - t0) * 1000)
    return statistics.median(waktu)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--unit", type=int, default=20_000)
    ap.add_argument("--baris", type=int, default=100_000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        b = buat_wilayah_besar(a.unit, tmp, seed=3, n_baris=a.baris)
        ds = muat_dataset(b.kim, b.batas, b.referensi, b.wilayah)
        kategori = list(ds.wilayah.kategori_potensi)
        dasar = Keadaan(filter=Filter(kategori=(kategori[0],)))
        tampilkan(ds, dasar)
        # A new state each round (the memo keeps 4): what a filter click costs.
        baru = _ms(lambda i: tampilkan(ds, Keadaan(filter=Filter(kategori=(kategori[i % len(kategori)],), cari=f"x{i}"))))
        geser = _ms(lambda i: tampilkan(ds, replace(dasar, zoom=10 + i * 0.25, pusat=(0.1 * i, 110.0))))
        print(f"{a.unit} units, {len(ds.potensi)} potentials")
        print(f"  new state (filter click): {baru:8.2f} ms")
        print(f"  pan / zoom (same state):  {geser:8.2f} ms")


if __name__ == "__main__":
    main()
