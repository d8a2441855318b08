"""Time the exports of the Bontang view (warm), print the median of several runs.

    python benchmarks/bench_ekspor.py [--ulang 7] [--kim PATH]

Targets on the development machine: PNG (A4 landscape, 150 dpi) ≤ 1 s,
standalone HTML ≤ 0.3 s. Speed is measured here, never in a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.ekspor import OpsiEkspor, ekspor
from geo.masuk.dataset import muat_dataset
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan

KASUS = [
    ("png", OpsiEkspor(), 1.0),
    ("png", OpsiEkspor(ukuran="a4-portrait"), None),
    ("png", OpsiEkspor(dpi=300), None),
    ("pdf", OpsiEkspor(), None),
    ("html", OpsiEkspor(), 0.3),
    ("csv", OpsiEkspor(), None),
    ("xlsx", OpsiEkspor(), None),
    ("geojson", OpsiEkspor(), None),
]


def ukur(fungsi, ulang: int) -> list[float]:
    fungsi()  # warm-up: imports, font cache, asset cache
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return waktu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=7)
    parser.add_argument("--kim", help="tabel KIM (bawaan: data/kim.csv)")
    args = parser.parse_args()
    dataset = muat_dataset(args.kim)
    if not dataset.ok:
        print(dataset.laporan.teks())
        return 1
    tampilan = tampilkan(dataset, Filter())
    print(f"{len(tampilan.potensi)} potensi, {len(tampilan.ringkasan)} kelurahan; median dari {args.ulang} kali (hangat)")
    gagal = False
    for kode, opsi, target in KASUS:
        waktu = ukur(lambda: ekspor(kode, tampilan, opsi), args.ulang)  # noqa: B023 - called inside this iteration
        median = statistics.median(waktu)
        nama = f"{kode} {opsi.ukuran} {opsi.dpi} dpi" if kode in ("png", "pdf") else kode
        status = "" if target is None else ("  OK" if median <= target else f"  LEWAT TARGET {target} s")
        gagal |= target is not None and median > target
        print(f"{nama:<32} median {median:6.3f} s  (min {min(waktu):.3f}, maks {max(waktu):.3f}){status}")
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
