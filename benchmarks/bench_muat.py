"""Load, validate and join a national KIM table, clean and with 1 % broken rows (CPU seconds).

Times ``muat_dataset`` without the boundary read (read once, outside the
clock), so the figure is the KIM table's own cost: reference, read,
validation, join and activity log. ``--banding DIR`` also runs another
checkout's code (e.g. a ``git archive`` of main) in a subprocess and checks
that both report the same problems::

    KIM_BATAS_UNGGAH_MB=500 KIM_BATAS_BARIS=1000000 \\
        python benchmarks/bench_muat.py --dir /tmp/skala_bench/u83000-b400000 [--banding /tmp/main]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

AKAR = Path(__file__).resolve().parent.parent

# (column, broken value) pairs; a broken row gets one of them, in turn.
RUSAK: tuple[tuple[str, str], ...] = (
    ("kode_kelurahan", "99.99.99.9999"), ("kelurahan", "Salah Nama"), ("kecamatan", "Kecamatan Salah"),
    ("kode_kelurahan", ""), ("lintang", "-50"), ("lintang", "abc"), ("bujur", "1o0,5"), ("kegiatan_terakhir", "31/02/2022"),
    ("kegiatan_terakhir", "kemarin"), ("jumlah_anggota", "2,5"), ("jumlah_anggota", "dua"), ("jumlah_anggota", "-3"),
    ("kategori_potensi", "Otomotif"), ("status_aktivitas", "Vakum"), ("id_potensi", "SIN-1"), ("nama_kim", ""),
    ("kegiatan_terakhir", "2099-01-01"), ("jumlah_anggota", ""),
)


def rusakkan(kim: Path, keluar: Path, bagian: float = 0.01, seed: int = 0) -> int:
    """Write ``kim`` to ``keluar`` with ``bagian`` of its rows broken (homonyms too: code and kecamatan blanked)."""
    tabel = pd.read_csv(kim, dtype=str, keep_default_na=False)
    rng = np.random.default_rng(seed)
    pilih = np.sort(rng.choice(len(tabel), int(len(tabel) * bagian), replace=False))
    for j, (kolom, nilai) in enumerate(RUSAK):
        baris = pilih[j::len(RUSAK)]
        tabel.loc[baris, kolom] = nilai
        if kolom == "kode_kelurahan" and nilai == "":
            tabel.loc[baris[::2], "kecamatan"] = ""  # a bare name: resolved or ambiguous
            tabel.loc[baris[::4], "kabkota"] = ""
    tabel.to_csv(keluar, index=False)
    return len(pilih)


def _ukur(kim: Path, d: Path, kode: Path, batas_pkl: Path) -> dict:
    """Run in a fresh process (``kode`` first on sys.path): CPU s, peak RSS and the report."""
    skrip = f"""
import json, pickle, resource, sys, time
sys.path.insert(0, {str(kode)!r})
from geo.masuk import dataset as dsm
batas = pickle.load(open({str(batas_pkl)!r}, "rb"))
dsm.muat_batas = lambda p, r, l: batas
awal_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.process_time()
ds = dsm.muat_dataset({str(kim)!r}, {str(d / "boundaries.fgb")!r}, {str(d / "kelurahan.csv")!r}, {str(d / "wilayah.json")!r})
cpu = time.process_time() - t
print(json.dumps({{"cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_awal_mb": awal_rss / 1024, "n": len(ds.potensi),
                  "laporan": [str(m) for m in ds.laporan.masalah]}}))
"""
    hasil = subprocess.run([sys.executable, "-c", skrip], capture_output=True, text=True, check=True, env=os.environ)
    return json.loads(hasil.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", type=Path, required=True, help="a region from benchmarks/buat_wilayah_besar.py")
    p.add_argument("--banding", type=Path, help="another checkout whose reports must match")
    p.add_argument("--ulang", type=int, default=3, help="runs per case (the median is printed)")
    a = p.parse_args()
    sys.path.insert(0, str(AKAR))
    from geo.galat import Laporan
    from geo.masuk.batas import muat_batas
    from geo.masuk.referensi import muat_referensi
    from geo.masuk.wilayah import muat_wilayah

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        wil = muat_wilayah(a.dir / "wilayah.json")
        batas = muat_batas(a.dir / "boundaries.fgb", muat_referensi(a.dir / "kelurahan.csv", wil.nama), Laporan())
        pickle.dump(batas, (tmp / "batas.pkl").open("wb"))
        rusak = tmp / "kim_rusak.csv"
        n_rusak = rusakkan(a.dir / "kim.csv", rusak)
        for nama, kim in (("bersih", a.dir / "kim.csv"), (f"rusak ({n_rusak} baris)", rusak)):
            ukur = [_ukur(kim, a.dir, AKAR, tmp / "batas.pkl") for _ in range(a.ulang)]
            cpu = sorted(u["cpu"] for u in ukur)[len(ukur) // 2]
            u = ukur[0]
            print(f"{nama}: {cpu:.2f} s CPU (median of {a.ulang}), peak RSS {u['rss_mb']:.0f} MB "
                  f"(boundaries alone {u['rss_awal_mb']:.0f} MB), {len(u['laporan'])} problems")
            if a.banding:
                lain = _ukur(kim, a.dir, a.banding, tmp / "batas.pkl")
                sama = lain["laporan"] == u["laporan"]
                print(f"  {a.banding}: {lain['cpu']:.2f} s CPU, peak RSS {lain['rss_mb']:.0f} MB, same report: {sama}")
                if not sama:
                    beda = [(x, y) for x, y in zip(lain["laporan"], u["laporan"]) if x != y][:5]
                    print("  first differences:", *beda, sep="\n    ")


if __name__ == "__main__":
    main()
