"""How long the KIM assessment and the pemetaan report take for a province (issue #25).

Run from the project root:  python benchmarks/bench_pemetaan.py [--unit 1000] [--baris 5000] [--kabkota 10]

Writes a generated province (benchmarks/buat_wilayah_besar.py) to a temporary
folder, loads it (the KIM table is made from ``nama_kim``), then times the
scores and ranks, a View coloured by the KIM score (#25, computed only
when shown) against one by a plain count, the roll-up, the XLSX and the PDF (one section per
kab/kota). Numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.kim.berkas import buat_berkas_kim, id_kim_untuk
from geo.kim.pemetaan import pemetaan
from geo.kim.penilaian import penilaian
from geo.masuk.dataset import muat_dataset
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.susun import tampilkan


def _waktu(label: str, fungsi):
    mulai = time.perf_counter()
    hasil = fungsi()
    print(f"{label:<40} {time.perf_counter() - mulai:7.2f} s")
    return hasil


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--unit", type=int, default=1000)
    p.add_argument("--baris", type=int, default=5000)
    p.add_argument("--kabkota", type=int, default=10)
    args = p.parse_args()
    tanggal = dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        w = buat_wilayah_besar(args.unit, tmp, seed=1, n_kabkota=args.kabkota, n_baris=args.baris)
        d = _waktu("muat (termasuk tabel KIM dari nama_kim)", lambda: muat_dataset(w.kim, w.batas, w.referensi, w.wilayah))
        print(f"{len(d.profil.tabel)} KIM, {len(d.potensi)} potensi, {d.profil.tabel['kode_kelurahan'].str[:5].nunique()} kab/kota")
        _waktu("penilaian (skor, peringkat, prioritas)", lambda: penilaian(d, tanggal))
        _waktu("tampilan, metrik jumlah_potensi", lambda: tampilkan(d, Keadaan(metrik="jumlah_potensi")))
        _waktu("tampilan, metrik skor_kim (peta skor KIM)", lambda: tampilkan(d, Keadaan(metrik="skor_kim")))
        _waktu("pemetaan (rekap per KIM)", lambda: pemetaan(d, tanggal))
        semua = id_kim_untuk(d, None)
        x = _waktu("pemetaan-xlsx", lambda: buat_berkas_kim("pemetaan-xlsx", d, semua, tanggal))
        f = _waktu("pemetaan-pdf", lambda: buat_berkas_kim("pemetaan-pdf", d, semua, tanggal))
        print(f"XLSX {len(x.data) // 1024} KB, PDF {len(f.data) // 1024} KB")


if __name__ == "__main__":
    main()
