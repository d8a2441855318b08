"""Time the budget plan on the shipped data (warm): validation, proposal, figures, RAB XLSX/PDF.

    python benchmarks/bench_anggaran.py [--ulang 5]

Prints the median of several runs. Speed is measured here, never in a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.anggaran.pengaturan import pengaturan_dari
from geo.anggaran.rencana import muat_rencana
from geo.anggaran.ringkas import ringkas_anggaran
from geo.anggaran.usul import susun_usul
from geo.ekspor.rab import ke_rab_xlsx
from geo.ekspor.rab_cetak import ke_rab_pdf
from geo.masuk.dataset import muat_dataset
from geo.tampilan.susun import tampilkan


def median(fungsi, ulang: int) -> float:
    fungsi()  # warm-up: imports, font cache
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args()
    dataset = muat_dataset()
    tampilan = tampilkan(dataset)
    rencana = muat_rencana(dataset)
    pengaturan = pengaturan_dari(dataset.wilayah)
    kasus = {
        "periksa rencana": lambda: muat_rencana(dataset),
        "usul": lambda: susun_usul(dataset, pengaturan, dt.date(2026, 12, 1)),
        "ringkasan anggaran": lambda: ringkas_anggaran(tampilan, rencana),
        "RAB XLSX": lambda: ke_rab_xlsx(tampilan, rencana),
        "RAB PDF": lambda: ke_rab_pdf(tampilan, rencana),
    }
    print(f"{len(rencana.tabel)} baris rencana, {len(dataset.potensi)} potensi; median dari {args.ulang} kali:")
    for nama, fungsi in kasus.items():
        print(f"  {nama:<20} {median(fungsi, args.ulang) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
