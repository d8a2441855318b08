"""What the scope check costs a save, and how long a field-form import takes.

Run: ``python benchmarks/bench_lapor.py``. Works on a temporary copy of data/
(the repository's files are never written). Prints seconds and the ratio of a
scoped reporter's save to the same save by an unscoped administrator.
"""

from __future__ import annotations

import csv
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))


def _waktu(fungsi, ulang: int = 5) -> float:
    hasil = []
    for _ in range(ulang):
        awal = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - awal)
    return statistics.median(hasil)


def main() -> None:
    kerja = Path(tempfile.mkdtemp(prefix="bench-lapor-"))
    shutil.copytree(PROJECT / "data", kerja / "data")
    os.environ.update({"KIM_CSV": str(kerja / "data" / "kim.csv"), "KIM_DATA": str(kerja / "data")})
    from geo.cli.utama import main as cli
    from geo.masuk.dataset import muat_dataset
    from geo.simpan.kegiatan import baca_log_untuk_sunting
    from geo.simpan.laporan import LaporanKegiatan, id_berikutnya, simpan_laporan
    from geo.simpan.lingkup import PELAPOR, Akun

    ds = muat_dataset()
    pelapor = Akun("bench", PELAPOR, "64.74.01.1001")
    potensi = ds.potensi.loc[ds.potensi["kode_kelurahan"] == "64.74.01.1001", "id_potensi"].iloc[0]
    print(f"log: {len(ds.kegiatan)} kegiatan, {len(ds.potensi)} potensi")

    def lapor(siapa):
        def jalan():
            log, _ = baca_log_untuk_sunting(ds)
            lap = LaporanKegiatan(id_berikutnya(log["id_kegiatan"]), potensi, "2026-11-30", "rapat", "5", "bench")
            assert simpan_laporan(ds, siapa, [lap]).disimpan
        return jalan

    admin = _waktu(lapor("bench-admin"))
    lingkup = _waktu(lapor(pelapor))
    print(f"satu laporan: administrator {admin:.3f} s, pelapor berlingkup {lingkup:.3f} s (rasio {lingkup / admin:.2f})")

    kiriman = kerja / "kiriman.csv"
    ids = list(ds.potensi["id_potensi"])
    with kiriman.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["SubmissionDate", "laporan-potensi", "laporan-tanggal", "laporan-jenis_kegiatan", "laporan-peserta",
                    "laporan-keterangan", "laporan-foto", "meta-instanceID", "KEY", "ReviewState"])
        for i in range(2000):
            u = f"uuid:{uuid.UUID(int=i + 1)}"
            w.writerow(["2026-11-30T10:00:00Z", ids[i % len(ids)], "2026-11-29", "produksi", "4", "", "", u, u, ""])
    pertama = _waktu(lambda: cli(["data", "import-formulir", str(kiriman)]), ulang=1)
    kedua = _waktu(lambda: cli(["data", "import-formulir", str(kiriman)]), ulang=1)
    print(f"import-formulir 2.000 kiriman: {pertama:.2f} s; impor ulang (tidak menambah apa pun): {kedua:.2f} s")
    shutil.rmtree(kerja, ignore_errors=True)


if __name__ == "__main__":
    main()
