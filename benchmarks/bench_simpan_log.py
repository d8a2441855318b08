"""What "whatever is saved must load" costs on a large activity log (#20).

Run: ``python benchmarks/bench_simpan_log.py [JUMLAH]``. Builds the test region with
a log of JUMLAH activities (default 100,000) in a temporary folder, then times one
save of one changed row: the whole save, and the part spent on the new checks
(cells by row and column, then reading the exact bytes back through the loader).
data/ is never written.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from geo.masuk.dataset import muat_dataset
from geo.simpan import kegiatan, utuh
from tests.conftest import buat_wilayah


def main() -> None:
    jumlah = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        w = buat_wilayah(Path(folder) / "data")
        for env, path in (("KIM_CSV", w.kim), ("KIM_BOUNDARIES", w.batas), ("KIM_REFERENSI", w.referensi), ("KIM_WILAYAH", w.wilayah)):
            os.environ[env] = str(path)
        os.environ["KIM_ANGGARAN"] = str(w.dir / "anggaran.csv")
        ids = ["A-01", "A-02", "A-03", "B-01", "B-02"]
        awal = dt.date(2019, 1, 1)
        baris = [f"K{i:06d},{ids[i % 5]},{awal + dt.timedelta(days=i % 2000)},rapat,{i % 40},catatan {i}" for i in range(jumlah)]
        (w.dir / "kegiatan.csv").write_text("id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\n"
                                            + "\n".join(baris) + "\n", encoding="utf-8")
        ds = muat_dataset()
        tabel, sidik = kegiatan.baca_log_untuk_sunting(ds)
        tabel.loc[0, "keterangan"] = "diubah"
        waktu_cek = []
        asli_sel, asli_muat = utuh.periksa_sel, utuh.laporan_muat_ulang

        def ukur(f):
            def dibungkus(*a, **k):
                mulai = time.perf_counter()
                hasil = f(*a, **k)
                waktu_cek.append(time.perf_counter() - mulai)
                return hasil
            return dibungkus

        utuh.periksa_sel, utuh.laporan_muat_ulang = ukur(asli_sel), ukur(asli_muat)
        mulai = time.perf_counter()
        hasil = kegiatan.simpan_kegiatan(tabel, ds, "bench", sidik)
        total = time.perf_counter() - mulai
        assert hasil.disimpan, hasil.laporan.teks()
        print(f"Log {jumlah:,} kegiatan: simpan satu baris {total:.2f} s; pemeriksaan 'tersimpan pasti termuat' "
              f"{sum(waktu_cek):.2f} s ({100 * sum(waktu_cek) / total:.0f}%)")


if __name__ == "__main__":
    main()
