"""File store vs PostgreSQL store on a generated 1,000-kelurahan region (2,000 potentials).

Run: ``python benchmarks/bench_pg.py [UNIT]``. Starts a throwaway PostgreSQL 15 +
PostGIS (as tests/pg_uji.py does), works in a temporary folder, prints the
median seconds of each step for both stores.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))


def _median(fungsi, ulang: int = 5) -> float:
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - t)
    return statistics.median(waktu)


def main() -> None:
    from geo.simpan.gudang import GudangBerkas
    from geo.simpan.pg import pindah
    from geo.simpan.pg.gudang_pg import GudangPG
    from geo.simpan.pg.koneksi import Kolam
    from geo.simpan.pg.migrasi import tingkatkan
    from tests.pg_uji import ServerPG
    from tests.wilayah_besar import buat_wilayah_besar

    unit = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    server = ServerPG()
    try:
        server.siapkan()
        server.sql("CREATE DATABASE kim_bench")
        server.sql("CREATE EXTENSION postgis", db="kim_bench")
        url = server.url("kim_bench")
        tingkatkan(Kolam(url))
        with tempfile.TemporaryDirectory() as tmp:
            w = buat_wilayah_besar(Path(tmp) / "w", unit=unit, per_unit=2)
            berkas = GudangBerkas(w.kim, w.batas, w.referensi, w.wilayah)
            pg = GudangPG(url)
            t = time.perf_counter()
            pindah.impor(pg, "bench", w.kim, w.batas, w.referensi, w.wilayah)
            print(f"{unit} unit, {unit * 2} potensi; db import: {time.perf_counter() - t:.2f} s")
            for nama, g in (("berkas", berkas), ("postgresql", pg)):
                ds = g.muat()
                print(f"{nama:>10}: muat {_median(g.muat):.3f} s · versi {_median(g.versi, 20) * 1000:.1f} ms", end="")
                keadaan = {"i": 0}

                def simpan(g=g, ds=ds, keadaan=keadaan) -> None:
                    tabel, sidik = g.baca_untuk_sunting(ds)
                    keadaan["i"] += 1
                    tabel.loc[0, "nama_potensi"] = f"bench {keadaan['i']}"
                    assert g.simpan_kim(tabel, ds, "bench", sidik).disimpan

                print(f" · baca+simpan 1 baris {_median(simpan):.3f} s")
            pg.kolam.tutup()
    finally:
        server.hapus()


if __name__ == "__main__":
    main()
