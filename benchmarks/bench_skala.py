"""Province and national scale: the targets of issue #13, measured on generated regions.

Generates (once, into a temporary or given folder, never ``data/``) a national
region of 83,000 units with 400,000 KIM rows and a 1,000-unit province, then
prints the targets table and a profile of the big load::

    python benchmarks/bench_skala.py                   # full run (a few minutes on 2 cores)
    python benchmarks/bench_skala.py --unit 10000 --baris 50000   # a quicker look

Each figure that needs a clean process (CPU time, peak memory, the CLI) runs
in a child process, so one measurement never inflates the next.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from benchmarks.buat_wilayah_besar import BATAS_NASIONAL, buat_wilayah_besar


def _muat(env: dict[str, str]):
    from geo.masuk.dataset import muat_dataset

    return muat_dataset(env["KIM_CSV"], env["KIM_BOUNDARIES"], env["KIM_REFERENSI"], env["KIM_WILAYAH"])


def anak_muat(env_json: str) -> None:
    """Child: load + validate + join + aggregate (every level once); prints CPU s, peak MB, stages."""
    env = json.loads(env_json)
    os.environ.update(env)  # the limits (KIM_BATAS_*) and the cache folder (KIM_CACHE) are read from the environment
    tahap: dict[str, float] = {}
    mulai = time.process_time()
    from geo.tampilan.susun import tampilkan
    from geo.tampilan.tingkat import siapkan_tingkat

    tahap["impor modul"] = time.process_time() - mulai
    t = time.process_time()
    ds = _muat(env)
    tahap["muat + validasi + gabung"] = time.process_time() - t
    t = time.process_time()
    siapkan_tingkat(ds)
    tahap["larutkan tingkat (sekali per versi data)"] = time.process_time() - t
    t = time.process_time()
    v = tampilkan(ds)
    tahap["agregat tingkat awal"] = time.process_time() - t
    total = time.process_time() - mulai
    puncak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"cpu": total, "puncak_mb": puncak, "ok": ds.ok, "tahap": tahap, "tingkat": v.tingkat,
                      "masalah": ds.laporan.teks()[:500]}))


def _profil(env: dict[str, str]) -> str:
    prof = cProfile.Profile()
    prof.enable()
    _muat(env)
    prof.disable()
    keluar = io.StringIO()
    pstats.Stats(prof, stream=keluar).sort_stats("tottime").print_stats(10)
    baris = [b for b in keluar.getvalue().splitlines() if b.strip()]
    mulai = next(i for i, b in enumerate(baris) if b.strip().startswith("ncalls"))
    return "\n".join(baris[mulai:mulai + 11])


def _waktu(fungsi, ulang: int = 3) -> float:
    terbaik = float("inf")
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        terbaik = min(terbaik, time.perf_counter() - t)
    return terbaik


def _ukur_tampilan(env: dict[str, str]) -> dict:
    from geo.peta.buat import buat_peta
    from geo.tampilan.keadaan import Keadaan
    from geo.tampilan.saring import Filter
    from geo.tampilan.susun import tampilkan
    from geo.tampilan.tingkat import siapkan_tingkat

    ds = _muat(env)
    siapkan_tingkat(ds)
    kode = str(ds.batas["kode"].iloc[0])
    jenjang = {"provinsi": ("provinsi", ""), "kabkota": ("kabkota", kode[:2]), "kecamatan": ("kecamatan", kode[:5]),
               "kelurahan": ("kelurahan", kode[:8])}
    f = Filter(kategori=("Kuliner",), status=("Aktif",))
    saring = _waktu(lambda: tampilkan(ds, f))
    muatan = {}
    for nama, (tingkat, wilayah) in jenjang.items():
        v = tampilkan(ds, Keadaan(filter=f or Filter(), tingkat=tingkat, wilayah=wilayah))
        html = buat_peta(v.dengan(basemap="kosong")).get_root().render()
        muatan[nama] = (len(html.encode("utf-8")), len(v.ringkasan))
    return {"saring": saring, "muatan": muatan, "jenjang": jenjang}


def _rerun(env: dict[str, str], jenjang: dict[str, tuple[str, str]]) -> dict[str, float]:
    """Page rerun per level through AppTest: the second run of a session (data already cached)."""
    from streamlit.testing.v1 import AppTest

    os.environ.update(env)
    hasil = {}
    for nama, (tingkat, wilayah) in jenjang.items():
        at = AppTest.from_file(str(AKAR / "dashboard.py"), default_timeout=600)
        at.query_params["tingkat"] = tingkat
        if wilayah:
            at.query_params["wilayah"] = wilayah
        at.run()
        t = time.perf_counter()
        at.run()
        hasil[nama] = time.perf_counter() - t
        if at.exception:
            hasil[nama] = float("nan")
    return hasil


def _validate_cli(env: dict[str, str]) -> float:
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "geo", "validate"], cwd=AKAR, env={**os.environ, **env},
                       capture_output=True, text=True, check=False)
    lama = time.perf_counter() - t
    if r.returncode != 0:
        print(r.stdout[-800:], r.stderr[-800:], file=sys.stderr)
    return lama


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--unit", type=int, default=83_000)
    p.add_argument("--baris", type=int, default=400_000)
    p.add_argument("--dir", type=Path, help="folder for the generated regions (reused when already there)")
    p.add_argument("--tanpa-rerun", action="store_true", help="skip the AppTest page reruns")
    a = p.parse_args()
    akar = a.dir or Path(tempfile.mkdtemp(prefix="kim-skala-"))
    besar_dir, kecil_dir = akar / f"u{a.unit}-b{a.baris}", akar / "u1000"
    t = time.perf_counter()
    besar = buat_wilayah_besar(a.unit, besar_dir, seed=1, n_baris=a.baris) if not (besar_dir / "kim.csv").exists() else None
    kecil = buat_wilayah_besar(1000, kecil_dir, seed=2) if not (kecil_dir / "kim.csv").exists() else None
    print(f"Wilayah sintetis di {akar} ({time.perf_counter() - t:.1f} s untuk membuat)")
    env_besar = besar.env() if besar else _env_dari(besar_dir)
    env_kecil = kecil.env() if kecil else _env_dari(kecil_dir)
    os.environ.update(BATAS_NASIONAL)  # this process loads the national region too (views, payloads, reruns)

    # Twice in fresh processes on one empty boundary cache: cold (geometry work done and stored), then warm.
    # Then a KIM table never seen on these boundaries: the points' cache entry removed (tembolok_titik).
    with tempfile.TemporaryDirectory(prefix="kim-tembolok-") as tembolok:
        env_t = {**env_besar, "KIM_CACHE": tembolok}

        def anak() -> dict:
            r = subprocess.run([sys.executable, __file__, "--anak-muat", json.dumps(env_t)], capture_output=True, text=True, check=True)
            return json.loads(r.stdout.strip().splitlines()[-1])

        dingin, muat = anak(), anak()
        for berkas in Path(tembolok).glob("titik-*"):
            berkas.unlink()
        baru = anak()
    if not muat["ok"]:
        print("PERINGATAN: data sintetis tidak sah:", muat["masalah"], file=sys.stderr)
    tampil = _ukur_tampilan(env_besar)
    rerun = {} if a.tanpa_rerun else _rerun(env_besar, tampil["jenjang"])
    validasi = min(_validate_cli(env_kecil) for _ in range(2))

    n = f"{a.unit:,} unit".replace(",", ".")
    b = f"{a.baris:,} baris".replace(",", ".")
    print()
    print("| angka | target | terukur |")
    print("| --- | --- | --- |")
    print(f"| {n}, {b}: muat, validasi, gabung, agregat | ≤ 5 s CPU | {muat['cpu']:.1f} s CPU (tembolok batas terisi); "
          f"{baru['cpu']:.1f} s CPU untuk tabel KIM yang baru seluruhnya; {dingin['cpu']:.1f} s CPU pertama kali per versi batas |")
    print(f"| {n}, {b}: memori puncak | ≤ 2 GB | {max(muat['puncak_mb'], dingin['puncak_mb']) / 1024:.2f} GB |")
    print(f"| {n}: ganti filter (saring + agregat) | ≤ 300 ms | {tampil['saring'] * 1000:.0f} ms |")
    if rerun:
        print(f"| {n}: rerun halaman per tingkat | ≤ 1 s | " + ", ".join(f"{k} {v:.2f} s" for k, v in rerun.items()) + " |")
    print(f"| {n}: muatan peta per tingkat | ≤ 2 MB | " + ", ".join(
        f"{k} {m / 1e6:.2f} MB ({u} poligon)" for k, (m, u) in tampil["muatan"].items()) + " |")
    print(f"| 1.000 unit: `python -m geo validate`, seluruh proses | ≤ 3 s | {validasi:.2f} s |")
    print()
    print("Tahap muat, tembolok terisi (CPU s): " + ", ".join(f"{k} {v:.2f}" for k, v in muat["tahap"].items()))
    print("Tahap muat, pertama kali (CPU s): " + ", ".join(f"{k} {v:.2f}" for k, v in dingin["tahap"].items()))
    print("\nProfil muat + validasi (tottime, 10 teratas):")
    print(_profil(env_besar))


def anak_batas(env_json: str) -> None:
    """Child: boundaries + every aggregate level, as one process start sees them; prints CPU s per stage."""
    env = json.loads(env_json)
    os.environ.update(env)
    mulai = time.process_time()
    from geo.galat import Laporan
    from geo.masuk.batas import ATTR_KUNCI, kunci_batas, muat_batas
    from geo.masuk.dataset import Dataset, gabung_potensi
    from geo.masuk.periksa import tabel_kosong
    from geo.masuk.referensi import muat_referensi
    from geo.masuk.wilayah import muat_wilayah
    from geo.tampilan.tingkat import unit_tingkat

    tahap = {"impor": time.process_time() - mulai}
    wil = muat_wilayah(Path(env["KIM_WILAYAH"]))
    ref_path, batas_path = Path(env["KIM_REFERENSI"]), Path(env["KIM_BOUNDARIES"])
    ref = muat_referensi(ref_path, wil.nama, str(wil.extra.get("provinsi") or ""))
    t = time.process_time()
    kunci = lambda: kunci_batas(batas_path, ref_path, wil.nama, str(wil.extra.get("provinsi") or ""))
    k = kunci()
    laporan = Laporan()
    batas = muat_batas(batas_path, ref, laporan, kunci_tembolok=k, kunci_ulang=kunci)
    tahap["batas"] = time.process_time() - t
    ds = Dataset(wil, ref, batas, gabung_potensi(tabel_kosong()), laporan, Path(env["KIM_CSV"]), batas_path)
    if batas.attrs.get(ATTR_KUNCI):
        ds.indeks.kunci_tembolok = batas.attrs[ATTR_KUNCI]
    for tingkat in ("kecamatan", "kabkota", "provinsi"):
        t = time.process_time()
        unit_tingkat(ds, tingkat)
        tahap[tingkat] = time.process_time() - t
    tahap["batas + tingkat"] = sum(v for n, v in tahap.items() if n != "impor")
    print(json.dumps(tahap))


def ukur_tembolok(env: dict[str, str]) -> dict[str, dict[str, float]]:
    """Boundaries + levels in fresh processes: cache off, cold (empty cache, entries written), warm (hit)."""
    hasil = {}
    with tempfile.TemporaryDirectory(prefix="kim-tembolok-") as folder:
        for nama, nilai in (("tanpa tembolok", "off"), ("dingin", folder), ("hangat", folder)):
            r = subprocess.run([sys.executable, __file__, "--anak-batas", json.dumps({**env, "KIM_CACHE": nilai})],
                               capture_output=True, text=True, check=True)
            hasil[nama] = json.loads(r.stdout.strip().splitlines()[-1])
    return hasil


def cetak_tembolok(env: dict[str, str]) -> None:
    """The cache's table: CPU s per stage, cold and warm."""
    hasil = ukur_tembolok(env)
    kolom = list(next(iter(hasil.values())))
    print("| proses | " + " | ".join(kolom) + " |")
    print("| --- |" + " --- |" * len(kolom))
    for nama, tahap in hasil.items():
        print(f"| {nama} | " + " | ".join(f"{tahap[k]:.2f}" for k in kolom) + " |")


def _env_dari(dir: Path) -> dict[str, str]:
    batas = next(p for p in (dir / "boundaries.fgb", dir / "boundaries.geojson") if p.exists())
    return {"KIM_CSV": str(dir / "kim.csv"), "KIM_BOUNDARIES": str(batas), "KIM_REFERENSI": str(dir / "kelurahan.csv"),
            "KIM_WILAYAH": str(dir / "wilayah.json"), **BATAS_NASIONAL}


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--anak-muat":
        anak_muat(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "--anak-batas":
        anak_batas(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "--tembolok":  # only the boundary cache: --tembolok FOLDER_OF_A_REGION
        cetak_tembolok(_env_dari(Path(sys.argv[2])))
    else:
        main()
