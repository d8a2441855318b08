"""How fast hostile files are refused, and what a login attempt over the limit costs.

Run: ``python benchmarks/bench_batasan.py``. Everything happens in memory or
in a temporary folder; data/ is never written. Prints seconds and MB.
"""

from __future__ import annotations

import io
import os
import resource
import sys
import time
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from geo.galat import Laporan
from geo.masuk.baca import baca_bytes
from geo.simpan.akun import kumpulkan_pengguna
from geo.simpan.pembatas import MAKS_GAGAL, PembatasLogin
from tests.conftest import BARIS_BAIK, HEADER


def _waktu(f) -> tuple[float, object]:
    mulai = time.perf_counter()
    hasil = f()
    return time.perf_counter() - mulai, hasil


def main() -> None:
    baris = ",".join(BARIS_BAIK[0]) + "\n"
    juta = (",".join(HEADER) + "\n" + baris * 1_000_000).encode()
    detik, _ = _waktu(lambda: baca_bytes(juta, "juta.csv", Laporan()))
    print(f"1.000.000 baris CSV ({len(juta) / 2**20:.0f} MB) ditolak (batas ukuran 50 MB) dalam {detik * 1000:.0f} ms")
    os.environ["KIM_BATAS_UNGGAH_MB"] = "500"
    laporan = Laporan()
    detik, _ = _waktu(lambda: baca_bytes(juta, "juta.csv", laporan))
    del os.environ["KIM_BATAS_UNGGAH_MB"]
    print(f"... dengan KIM_BATAS_UNGGAH_MB=500: ditolak (batas baris) dalam {detik * 1000:.0f} ms: {laporan.galat[0].pesan[:60]}…")

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            potong = b"<c>0</c>" * (2**20 // 8)
            for _ in range(3200):  # 3,200 MB, written in 1 MB pieces
                f.write(potong)
    bom = buf.getvalue()
    rss_awal = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    detik, _ = _waktu(lambda: baca_bytes(bom, "bom.xlsx", Laporan(), excel=True))
    print(f"Bom zip .xlsx {len(bom) / 2**20:.1f} MB (3.200 MB setelah diekstrak) ditolak dalam {detik * 1000:.0f} ms")

    sel = (",".join(HEADER) + "\n" + ",".join(BARIS_BAIK[0][:7]) + ",\"" + "x" * 140_000 + "\"," + ",".join(BARIS_BAIK[0][8:]) + "\n").encode()
    detik, _ = _waktu(lambda: baca_bytes(sel, "sel.csv", Laporan()))
    print(f"Sel 140.000 karakter ditolak dalam {detik * 1000:.0f} ms")

    lebar = (",".join(f"k{i}" for i in range(20_000)) + "\n" + ",".join("1" for _ in range(20_000)) + "\n").encode()
    laporan = Laporan()
    detik, _ = _waktu(lambda: baca_bytes(lebar, "lebar.csv", laporan))
    print(f"CSV {len(lebar) / 1024:.0f} KB dengan 20.000 kolom ditolak (KIM_BATAS_KOLOM) dalam {detik * 1000:.1f} ms")

    import bcrypt

    daftar = kumpulkan_pengguna(None, {"KIM_PENGGUNA": "budi:" + bcrypt.hashpw(b"x" * 12, bcrypt.gensalt(12)).decode()})
    p = PembatasLogin()
    detik_gagal, _ = _waktu(lambda: [p.masuk(daftar, "budi", "salah", "203.0.113.1") for _ in range(MAKS_GAGAL)])
    detik_tolak, _ = _waktu(lambda: [p.masuk(daftar, "budi", "salah", "203.0.113.1") for _ in range(1000)])
    print(f"Login gagal dengan bcrypt (cost 12): {detik_gagal / MAKS_GAGAL:.3f} s per percobaan; "
          f"di atas batas: {detik_tolak / 1000 * 1e6:.0f} µs per percobaan (tanpa bcrypt)")
    import tempfile

    from geo.simpan.pembatas_simpan import GagalSqlite

    with tempfile.TemporaryDirectory() as folder:  # the file store's shared counts (SQLite beside the data)
        p = PembatasLogin(GagalSqlite(Path(folder) / "hitung.sqlite3"))
        detik_gagal, _ = _waktu(lambda: [p.masuk(daftar, "budi", "salah", "203.0.113.1") for _ in range(MAKS_GAGAL)])
        detik_tolak, _ = _waktu(lambda: [p.masuk(daftar, "budi", "salah", "203.0.113.1") for _ in range(1000)])
    print(f"... hitungan di SQLite: {detik_gagal / MAKS_GAGAL:.3f} s per percobaan gagal; "
          f"di atas batas: {detik_tolak / 1000 * 1e6:.0f} µs per percobaan")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Memori puncak proses: {rss:.0f} MB (sebelum menolak bom zip: {rss_awal:.0f} MB)")


if __name__ == "__main__":
    main()
