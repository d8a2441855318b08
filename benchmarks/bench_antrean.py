"""What the report queue costs in each store: submit, read and accept with 500 reports already waiting.

Run: ``python benchmarks/bench_antrean.py``. Works on a temporary copy of data/
(the repository's files are never written) and, for PostgreSQL, on a throwaway
server started like the tests' (tests/pg_uji.py; skipped when it cannot start).
Prints the median seconds per operation for files and for PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
ANTRE = 500

from bench_lapor import _waktu


def ukur(nama: str, g) -> None:
    from geo.simpan.laporan import LaporanKegiatan
    from geo.simpan.lingkup import EDITOR, Akun
    from tests.conftest import jpeg_uji

    ds = g.muat()
    potensi = ds.potensi["id_potensi"].iloc[0]
    foto = jpeg_uji(1200, 900)
    nomor = iter(range(10**6))

    def lap(dengan_foto: bool = False) -> LaporanKegiatan:
        return LaporanKegiatan(f"Q-{next(nomor):06d}", potensi, "2026-11-29", "rapat", "5", "bench", foto if dengan_foto else None)

    g.ajukan_laporan(ds, "bench", [lap() for _ in range(ANTRE)])
    ajukan = _waktu(lambda: g.ajukan_laporan(ds, "bench", [lap(True)]))
    baca = _waktu(lambda: g.baca_menunggu())
    editor = Akun("bench-editor", EDITOR, "")
    antre = iter(list(g.baca_menunggu()["id_kegiatan"])[-5:])
    terima = _waktu(lambda: g.terima_laporan(ds, editor, [next(antre)]))
    print(f"{nama:<11} ajukan 1 (foto) {ajukan:.3f} s · baca {ANTRE} {baca:.3f} s · terima 1 (foto) {terima:.3f} s")


def main() -> None:
    kerja = Path(tempfile.mkdtemp(prefix="bench-antrean-"))
    shutil.copytree(PROJECT / "data", kerja / "data")
    os.environ.update({"KIM_CSV": str(kerja / "data" / "kim.csv"), "KIM_DATA": str(kerja / "data")})
    from geo.simpan.gudang import GudangBerkas

    ukur("berkas", GudangBerkas())
    shutil.rmtree(kerja, ignore_errors=True)
    shutil.copytree(PROJECT / "data", kerja / "data")
    from tests.pg_uji import ServerPG

    server = ServerPG()
    try:
        server.siapkan()
        from geo.simpan.pg import pindah
        from geo.simpan.pg.gudang_pg import GudangPG

        g = GudangPG(server.basis_termigrasi("kim_bench"))
        assert pindah.impor(g, "bench").hasil is not None
        ukur("postgresql", g)
        g.kolam.tutup()
    except RuntimeError as exc:
        print(f"postgresql  dilewati: {exc}")
    finally:
        server.hapus()
        shutil.rmtree(kerja, ignore_errors=True)


if __name__ == "__main__":
    main()
