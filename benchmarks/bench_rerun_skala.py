"""Page reruns at national scale, per level: what a user feels after a click, and where the time goes.

Uses the national region that ``bench_skala.py`` generates (reused from ``--dir``)
and the real page (AppTest, the dataset loaded once through ``st.cache_resource``)::

    KIM_BATAS_UNGGAH_MB=500 KIM_BATAS_BARIS=1000000 python benchmarks/bench_rerun_skala.py --dir /tmp/skala_bench

Per level it prints the median CPU and wall time of a plain rerun and of a
rerun after a real filter change (the category multiselect), then a profile
of the page's own functions during the filter changes at the opening level.
Numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

PILIHAN = [["Kuliner"], ["Kuliner", "Pariwisata"], ["Pariwisata"], []]


def _ukur(at, ubah=None) -> tuple[float, float]:
    if ubah is not None:
        at.sidebar.multiselect[0].set_value(ubah)
    t, c = time.perf_counter(), time.process_time()
    at.run()
    return time.process_time() - c, time.perf_counter() - t


def _profil(prof: cProfile.Profile, n: int) -> str:
    """The page's own functions (dashboard, ui, geo), cumulative ms per rerun."""
    s = pstats.Stats(prof, stream=io.StringIO())
    baris = []
    for (berkas, _, nama), (_, _, _, kumulatif, _) in s.stats.items():  # type: ignore[attr-defined]
        # dashboard.py is re-executed each run (a new code object per rerun): left out, its callees are in.
        if str(AKAR) in berkas and "benchmarks" not in berkas and not berkas.endswith("dashboard.py"):
            baris.append((kumulatif / n * 1000, f"{Path(berkas).relative_to(AKAR)}:{nama}"))
    return "\n".join(f"{ms:8.1f} ms  {nama}" for ms, nama in sorted(baris, reverse=True)[:15])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", type=Path, required=True, help="folder of bench_skala.py's generated regions")
    p.add_argument("--unit", type=int, default=83_000)
    p.add_argument("--baris", type=int, default=400_000)
    p.add_argument("--putaran", type=int, default=4)
    a = p.parse_args()
    from benchmarks.bench_skala import _env_dari

    os.environ.update(_env_dari(a.dir / f"u{a.unit}-b{a.baris}"))
    os.environ.setdefault("KIM_DEBUG", "1")  # an error in the page is a traceback here, not a message
    import geopandas as gpd
    from streamlit.testing.v1 import AppTest

    import ui.pengaman

    kode = str(gpd.read_file(os.environ["KIM_BOUNDARIES"], rows=1)["kode"].iloc[0])
    jenjang = {"provinsi": ("provinsi", ""), "kabkota": ("kabkota", kode[:2]), "kecamatan": ("kecamatan", kode[:5]),
               "kelurahan": ("kelurahan", kode[:8])}
    prof, aktif = cProfile.Profile(), [False]
    asli = ui.pengaman.jalankan_halaman

    def jalankan(halaman) -> None:  # the script runs on its own thread: profile it there
        if aktif[0]:
            prof.enable()
        try:
            asli(halaman)
        finally:
            if aktif[0]:
                prof.disable()

    ui.pengaman.jalankan_halaman = jalankan
    print("| tingkat | rerun CPU | rerun dinding | ganti filter CPU | ganti filter dinding |")
    print("| --- | --- | --- | --- | --- |")
    for nama, (tingkat, wilayah) in jenjang.items():
        at = AppTest.from_file(str(AKAR / "dashboard.py"), default_timeout=900)
        at.query_params["tingkat"] = tingkat
        if wilayah:
            at.query_params["wilayah"] = wilayah
        at.run()  # the first run of a session (the dataset loads once per process)
        if at.exception:
            raise SystemExit(f"{nama}: {at.exception}")
        rerun = [_ukur(at) for _ in range(a.putaran)]
        aktif[0] = nama == "provinsi"
        ganti = [_ukur(at, PILIHAN[i % len(PILIHAN)]) for i in range(a.putaran)]
        aktif[0] = False
        med = [statistics.median(x[j] for x in rr) for rr in (rerun, ganti) for j in (0, 1)]
        print(f"| {nama} | {med[0]:.3f} s | {med[1]:.3f} s | {med[2]:.3f} s | {med[3]:.3f} s |")
    print("\nProfil ganti filter di tingkat provinsi (kumulatif per rerun, fungsi halaman sendiri):")
    print(_profil(prof, a.putaran))


if __name__ == "__main__":
    main()
