"""Fast-map benchmark: every figure of issue #15 in one table, as ratios to peers measured in the same run.

Run from the project root (a fresh clone works; temp dirs only, data/ is never written):

    python benchmarks/bench_cepat.py                # table
    python benchmarks/bench_cepat.py --json         # the same figures as JSON
    python benchmarks/bench_cepat.py --cepat        # fewer rounds, no browser

Peers (shipped in benchmarks/): ``halaman_lantai.py`` (the floor: one
multiselect and an empty st_folium) and ``halaman_tutorial.py`` (read and join
every rerun, full geometry, folium.Choropleth, default st_folium). Every
figure is the median of interleaved rounds (page A, page B, page A, ...), so
a busy machine slows every page alike. Numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROYEK = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROYEK))
sys.path.insert(0, str(PROYEK / "benchmarks"))

HALAMAN = str(PROYEK / "dashboard.py")
LANTAI = str(PROYEK / "benchmarks" / "halaman_lantai.py")
TUTORIAL = str(PROYEK / "benchmarks" / "halaman_tutorial.py")
PILIHAN = [["Kuliner"], ["Pariwisata", "Kuliner"], [], ["Seni & Budaya"]]


def _median(x: list[float]) -> float:
    return float(statistics.median(x)) if x else float("nan")


def _env(env: dict[str, str]) -> None:
    os.environ.update(env)


def _args_peta(at) -> dict:
    komponen = at.get("component_instance")
    return json.loads(komponen[0].proto.json_args) if komponen else {}


def _bytes_peta(at) -> int:
    """The map's share of what a rerun sends: the component's JSON arguments."""
    komponen = at.get("component_instance")
    return len(komponen[0].proto.json_args.encode("utf-8")) if komponen else 0


def _bytes_semua(at) -> int:
    """Everything a rerun sends: the serialized size of every element of the page (each is one delta
    ForwardMsg; Streamlit re-sends every element on a rerun), not only the map."""
    def jumlah(simpul) -> int:
        proto = getattr(simpul, "proto", None)
        n = proto.ByteSize() if proto is not None and hasattr(proto, "ByteSize") else 0
        anak = getattr(simpul, "children", {})
        return n + sum(jumlah(a) for a in (anak.values() if isinstance(anak, dict) else anak))
    return jumlah(at._tree)


def _elemen(at) -> list[bytes]:
    """Each element of the page as Streamlit serializes it for hashing (a leaf's proto)."""
    hasil: list[bytes] = []

    def jalan(simpul) -> None:
        anak = getattr(simpul, "children", {})
        anak = list(anak.values() if isinstance(anak, dict) else anak)
        proto = getattr(simpul, "proto", None)
        if not anak and proto is not None and hasattr(proto, "SerializeToString"):
            hasil.append(proto.SerializeToString(deterministic=True))
        for a in anak:
            jalan(a)
    jalan(at._tree)
    return hasil


# A cached message travels as its hash: a ForwardMsg with ``ref_hash`` and metadata, about this many bytes.
_BITA_RUJUKAN = 80


def _bytes_terkirim(at, tembolok: dict) -> int:
    """What a rerun puts on the wire with Streamlit's message cache (``global.minCachedMessageSize`` in
    .streamlit/config.toml): an element of at least that size the browser still holds goes as its hash.

    ``tembolok`` models the browser's cache across reruns: element → the rerun that last used it; an
    element unused for more than ``global.maxCachedMessageAge`` reruns is dropped, as the browser does.
    """
    from streamlit import config

    batas = int(config.get_option("global.minCachedMessageSize"))
    umur = int(config.get_option("global.maxCachedMessageAge"))
    ke = tembolok["_ke"] = tembolok.get("_ke", 0) + 1
    n = 0
    for e in _elemen(at):
        if len(e) >= batas and ke - tembolok.get(e, -umur - 1) <= umur:
            n += _BITA_RUJUKAN
        else:
            n += len(e)
        if len(e) >= batas:
            tembolok[e] = ke
    return n


def rerun_cpu(halaman: dict[str, str], putaran: int) -> dict[str, dict]:
    """CPU (process time) of a rerun after a filter change, interleaved between pages."""
    from streamlit.testing.v1 import AppTest

    at = {}
    for nama, path in halaman.items():
        at[nama] = AppTest.from_file(path, default_timeout=300)
        at[nama].run()
        if at[nama].exception:
            raise SystemExit(f"{nama} gagal: {at[nama].exception}")
    hasil: dict[str, dict] = {n: {"cpu": [], "bytes": [], "semua": [], "terkirim": []} for n in halaman}
    pertama = {n: _bytes_peta(a) for n, a in at.items()}
    tembolok: dict[str, dict] = {n: {} for n in halaman}
    for nama, a in at.items():
        _bytes_terkirim(a, tembolok[nama])
    for i in range(putaran + 2):
        for nama, a in at.items():
            a.multiselect(key="w_kategori").set_value(PILIHAN[i % len(PILIHAN)])
            t0 = time.process_time()
            a.run()
            dt = time.process_time() - t0
            terkirim = _bytes_terkirim(a, tembolok[nama])
            if i >= 2:  # two warm-up rounds: caches filled, as after a user's first clicks
                hasil[nama]["cpu"].append(dt)
                hasil[nama]["bytes"].append(_bytes_peta(a))
                hasil[nama]["semua"].append(_bytes_semua(a))
                hasil[nama]["terkirim"].append(terkirim)
    return {n: {"cpu_ms": 1000 * _median(h["cpu"]), "bytes_per_ubah": _median(h["bytes"]), "bytes_pertama": pertama[n],
                "semua_per_ubah": _median(h["semua"]), "terkirim_per_ubah": _median(h["terkirim"])}
            for n, h in hasil.items()}


def bytes_statis(env: dict[str, str]) -> int:
    """Size of the static geometry file the browser fetches once per data version."""
    from geo.masuk.dataset import muat_dataset
    from geo.peta.hidup import teks_statis

    ds = muat_dataset(env["KIM_CSV"], env["KIM_BOUNDARIES"], env["KIM_REFERENSI"], env["KIM_WILAYAH"])
    return len(teks_statis(ds, "id"))


_SKRIP_PERTAMA = """
import resource, sys
sys.path.insert(0, {proyek!r})
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({halaman!r}, default_timeout=300)
at.run()
assert not at.exception, at.exception
r = resource.getrusage(resource.RUSAGE_SELF)
print(r.ru_utime + r.ru_stime)
"""


# A deployed install has its bytecode compiled; a shell with PYTHONDONTWRITEBYTECODE=1 (as on the shared
# machine) would make every child recompile the project's sources and time the compiler. The bytecode goes
# to a folder outside the project, so nothing is written into it.
_PYC = {"PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "kim-bench-pyc"), "PYTHONDONTWRITEBYTECODE": ""}


def _anak(perintah: list[str], env: dict[str, str]) -> tuple[float, str]:
    """(CPU seconds of the child process, its stdout); bytecode cached as in a deployment (``_PYC``)."""
    lingkungan = {k: v for k, v in {**os.environ, **env, **_PYC}.items() if v != "" or k not in _PYC}
    sebelum = resource.getrusage(resource.RUSAGE_CHILDREN)
    hasil = subprocess.run(perintah, check=False, env=lingkungan, cwd=PROYEK, capture_output=True, text=True, timeout=600)
    sesudah = resource.getrusage(resource.RUSAGE_CHILDREN)
    if hasil.returncode != 0:
        raise SystemExit(f"{' '.join(perintah)} gagal:\n{hasil.stderr[-2000:]}")
    return (sesudah.ru_utime - sebelum.ru_utime) + (sesudah.ru_stime - sebelum.ru_stime), hasil.stdout


def jalan_pertama(env: dict[str, str], putaran: int) -> dict[str, float]:
    """A fresh process: imports, data load and the first run, ours vs the tutorial page."""
    waktu: dict[str, list[float]] = {"kim": [], "tutorial": []}
    for path in (HALAMAN, TUTORIAL):  # compiles the bytecode once (see _PYC), as a deployment has it
        _anak([sys.executable, "-c", _SKRIP_PERTAMA.format(proyek=str(PROYEK), halaman=path)], env)
    for _ in range(putaran):
        for nama, path in (("kim", HALAMAN), ("tutorial", TUTORIAL)):
            cpu, _ = _anak([sys.executable, "-c", _SKRIP_PERTAMA.format(proyek=str(PROYEK), halaman=path)], env)
            waktu[nama].append(cpu)
    return {n: 1000 * _median(w) for n, w in waktu.items()}


def summary_vs_geopandas(env: dict[str, str], putaran: int) -> dict[str, float]:
    waktu: dict[str, list[float]] = {"summary": [], "geopandas": []}
    _anak([sys.executable, "-m", "geo", "summary", "--format", "json"], env)  # compiles the bytecode once
    for _ in range(putaran):
        waktu["summary"].append(_anak([sys.executable, "-m", "geo", "summary", "--format", "json"], env)[0])
        waktu["geopandas"].append(_anak([sys.executable, "-c", "import geopandas"], env)[0])
    return {n: 1000 * _median(w) for n, w in waktu.items()}


def ekspor_png(env: dict[str, str]) -> float:
    from geo.ekspor import OpsiEkspor, ekspor
    from geo.masuk.dataset import muat_dataset
    from geo.tampilan.susun import tampilkan

    ds = muat_dataset(env["KIM_CSV"], env["KIM_BOUNDARIES"], env["KIM_REFERENSI"], env["KIM_WILAYAH"])
    tp = tampilkan(ds)
    t0 = time.perf_counter()
    ekspor("png", tp, OpsiEkspor())
    return time.perf_counter() - t0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--json", action="store_true", help="cetak JSON, bukan tabel")
    p.add_argument("--putaran", type=int, default=7, help="putaran berselang-seling per ukuran (median)")
    p.add_argument("--cepat", action="store_true", help="3 putaran, tanpa peramban")
    p.add_argument("--tanpa-peramban", action="store_true", help="lewati ukuran Playwright")
    p.add_argument("--unit", type=int, default=1000, help="jumlah kelurahan wilayah sintetis")
    a = p.parse_args()
    putaran = 3 if a.cepat else a.putaran
    from beban import cpu_per_klik
    from wilayah_sintetis import batas_gaya_resmi, buat_wilayah

    baris: list[dict] = []

    def catat(ukuran: str, nilai: float, satuan: str, pembanding: str = "", rasio: float | None = None, target: str = "",
              tercapai: bool | None = None) -> None:
        baris.append({"ukuran": ukuran, "nilai": round(nilai, 1), "satuan": satuan, "pembanding": pembanding,
                      "rasio": None if rasio is None else round(rasio, 2), "target": target, "tercapai": tercapai})

    with tempfile.TemporaryDirectory(prefix="kim-bench-") as tmp:
        tmp = Path(tmp)
        bawaan = {"KIM_CSV": str(PROYEK / "data" / "kim.csv"), "KIM_BOUNDARIES": str(PROYEK / "data" / "boundaries.geojson"),
                  "KIM_REFERENSI": str(PROYEK / "data" / "kelurahan.csv"), "KIM_WILAYAH": str(PROYEK / "data" / "wilayah.json")}
        resmi = batas_gaya_resmi(tmp / "resmi").env()
        sintetis = buat_wilayah(a.unit, tmp / f"sintetis{a.unit}", seed=1).env()
        halaman = {"kim": HALAMAN, "lantai": LANTAI, "tutorial": TUTORIAL}
        for judul, env in (("data bawaan", bawaan), ("setelah impor gaya resmi", resmi)):
            _env(env)
            r = rerun_cpu(halaman, putaran)
            lantai = r["lantai"]["cpu_ms"]
            # AppTest reruns the whole page; a browser's filter click reruns the view's fragment (the row below).
            catat(f"jalan ulang seluruh halaman (AppTest), {judul}", r["kim"]["cpu_ms"], "ms CPU", f"lantai {lantai:.0f} ms",
                  r["kim"]["cpu_ms"] / lantai)
            catat(f"  halaman tutorial, {judul}", r["tutorial"]["cpu_ms"], "ms CPU", "lantai", r["tutorial"]["cpu_ms"] / lantai)
            k = cpu_per_klik(putaran)
            catat(f"CPU server per klik filter (websocket seperti peramban), {judul}", k["kim"], "ms CPU",
                  f"lantai {k['lantai']:.0f} ms", k["kim"] / k["lantai"], "≤ 2× lantai", k["kim"] <= 2 * k["lantai"])
            statis = bytes_statis(env)
            pertama = r["kim"]["bytes_pertama"] + statis
            catat(f"bita peta muat pertama, {judul}", pertama / 1024, "KB", f"tutorial {r['tutorial']['bytes_pertama'] / 1024:.0f} KB",
                  pertama / max(1, r["tutorial"]["bytes_pertama"]), "≤ 80 KB" if "resmi" in judul else "", pertama <= 80 * 1024 if "resmi" in judul else None)
            catat(f"bita peta per perubahan, {judul}", r["kim"]["bytes_per_ubah"] / 1024, "KB",
                  f"tutorial {r['tutorial']['bytes_per_ubah'] / 1024:.0f} KB", r["kim"]["bytes_per_ubah"] / max(1, r["tutorial"]["bytes_per_ubah"]),
                  "≤ 15 KB", r["kim"]["bytes_per_ubah"] <= 15 * 1024)
            semua = r["kim"]["semua_per_ubah"]
            catat(f"semua elemen per perubahan, {judul}", semua / 1024, "KB",
                  f"lantai {r['lantai']['semua_per_ubah'] / 1024:.1f} KB, tutorial {r['tutorial']['semua_per_ubah'] / 1024:.0f} KB",
                  semua / max(1, r["lantai"]["semua_per_ubah"]), "", None)
            kirim = r["kim"]["terkirim_per_ubah"]
            # Elements only: each message's own metadata (its place, the script hash: tens of bytes per element) is
            # not counted, so the wire figure is the browser row (bench_peramban), which has the target.
            catat(f"elemen terkirim per perubahan (cache pesan, tanpa metadata pesan), {judul}", kirim / 1024, "KB",
                  f"lantai {r['lantai']['terkirim_per_ubah'] / 1024:.1f} KB, tutorial {r['tutorial']['terkirim_per_ubah'] / 1024:.0f} KB",
                  kirim / max(1, r["lantai"]["terkirim_per_ubah"]))
        _env(bawaan)
        pertama = jalan_pertama(bawaan, max(2, putaran // 2))
        catat("jalan pertama proses baru", pertama["kim"], "ms CPU", f"tutorial {pertama['tutorial']:.0f} ms",
              pertama["kim"] / pertama["tutorial"], "≤ tutorial", pertama["kim"] <= pertama["tutorial"])
        s = summary_vs_geopandas(bawaan, putaran)
        catat("python -m geo summary (seluruh proses)", s["summary"], "ms CPU", f"import geopandas {s['geopandas']:.0f} ms",
              s["summary"] / s["geopandas"], "≤ 1,3×", s["summary"] <= 1.3 * s["geopandas"])

        _env(sintetis)
        r = rerun_cpu({"kim": HALAMAN, "lantai": LANTAI}, max(3, putaran // 2))
        catat(f"{a.unit} kelurahan: jalan ulang", r["kim"]["cpu_ms"], "ms CPU", f"lantai {r['lantai']['cpu_ms']:.0f} ms",
              r["kim"]["cpu_ms"] / r["lantai"]["cpu_ms"], "≤ 300 ms", r["kim"]["cpu_ms"] <= 300)
        statis = bytes_statis(sintetis)
        catat(f"{a.unit} kelurahan: muatan peta pertama", (r["kim"]["bytes_pertama"] + statis) / 1024, "KB", "", None, "≤ 2 MB",
              r["kim"]["bytes_pertama"] + statis <= 2 * 1024 * 1024)
        catat(f"{a.unit} kelurahan: muatan per perubahan", r["kim"]["bytes_per_ubah"] / 1024, "KB", "", None, "≤ 200 KB",
              r["kim"]["bytes_per_ubah"] <= 200 * 1024)
        semua = r["kim"]["semua_per_ubah"]
        catat(f"{a.unit} kelurahan: semua elemen per perubahan", semua / 1024, "KB", f"lantai {r['lantai']['semua_per_ubah'] / 1024:.1f} KB",
              semua / max(1, r["lantai"]["semua_per_ubah"]), "", None)
        kirim = r["kim"]["terkirim_per_ubah"]
        catat(f"{a.unit} kelurahan: elemen terkirim per perubahan (cache pesan, tanpa metadata pesan)", kirim / 1024, "KB",
              f"lantai {r['lantai']['terkirim_per_ubah'] / 1024:.1f} KB", kirim / max(1, r["lantai"]["terkirim_per_ubah"]))
        png = ekspor_png(sintetis)
        catat(f"{a.unit} kelurahan: ekspor PNG", png, "s", "", None, "≤ 5 s", png <= 5)

        if not (a.cepat or a.tanpa_peramban):
            from bench_peramban import ukur_peramban

            try:
                for b in ukur_peramban(bawaan, max(3, putaran // 2)):
                    catat(**b)
            except Exception as exc:  # noqa: BLE001 - a browser stage that times out must not lose the table above
                sys.stderr.write(f"Ukuran peramban gagal ({exc.__class__.__name__}: {str(exc)[:200]}); tabel tanpa baris peramban.\n")

    info = {"tanggal": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "mesin": f"{platform.machine()}, {os.cpu_count()} inti, "
            f"Python {platform.python_version()}, {platform.system()}", "putaran": putaran, "ukuran": baris}
    if a.json:
        sys.stdout.write(json.dumps(info, ensure_ascii=False, indent=1) + "\n")
        return
    sys.stdout.write(f"Benchmark peta cepat — {info['tanggal']} — {info['mesin']} — median {putaran} putaran berselang-seling\n\n")
    sys.stdout.write("| ukuran | nilai | pembanding | rasio | target | tercapai |\n| --- | --- | --- | --- | --- | --- |\n")
    for b in baris:
        ok = "" if b["tercapai"] is None else ("ya" if b["tercapai"] else "**tidak**")
        rasio = "" if b["rasio"] is None else f"{b['rasio']:.2f}×"
        sys.stdout.write(f"| {b['ukuran']} | {b['nilai']:g} {b['satuan']} | {b['pembanding']} | {rasio} | {b['target']} | {ok} |\n")


if __name__ == "__main__":
    main()
