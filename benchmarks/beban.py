"""Load test (outside CI): many concurrent sessions clicking filters, over Streamlit's own websocket.

    python benchmarks/beban.py                   # 20 then 50 sessions, shipped data
    python benchmarks/beban.py --sesi 20 --detik 60
    python benchmarks/beban.py --proses 1 2      # the same on one, then two server processes

Starts the app on a free loopback port, opens N sessions the way a browser
does (``/_stcore/stream``, protobuf ``BackMsg``/``ForwardMsg``), and has each
one change the category filter again and again, timing every rerun from the
request to ``script_finished``. Bounded: each level stops after ``--detik``
seconds (or ``--ulang`` reruns per session) and the server is stopped. Prints
errors, p50/p95 rerun time, reruns per second, the servers' CPU per rerun (from
/proc: everything the server does for a click, not only the script) and their
peak memory (VmHWM). The floor page (``halaman_lantai.py``) runs on the same
harness, interleaved with the app round by round (``--putaran``, default 7): each
figure is the median over the rounds, and each level's p95 and CPU are also given
as the median of the rounds' ratios to the floor, with their range.

With ``--proses N`` it starts N server processes and keeps each session on
one of them (session i on process i mod N), as nginx's ``ip_hash`` sticky
sessions do (``deploy/nginx.conf``): Streamlit keeps a session in the memory of
the process its websocket reached, so the processes share nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROYEK = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROYEK))
sys.path.insert(0, str(PROYEK / "benchmarks"))

from tests.klien_ws import KlienSesi, pesan_awal, sambung
from tests.server_uji import Server

PILIHAN = [["Kuliner"], ["Pariwisata"], [], ["Seni & Budaya", "Kuliner"]]


async def _sesi(url: str, siap: asyncio.Barrier, akhir: list[float], ulang: int, waktu: list[float],
               galat: list[str]) -> None:
    """One browser: open the page, wait until every session has (``siap``), then click ``ulang`` times."""
    try:
        async with sambung(url) as ws:
            halaman = KlienSesi()
            try:
                await asyncio.wait_for(halaman.jalan(ws, pesan_awal()), 120)
            finally:
                await siap.wait()  # the clicks start together, after every first page (not counted)
            for i in range(ulang):
                if time.monotonic() > akhir[0]:
                    return
                kirim = halaman.permintaan("w_kategori", PILIHAN[i % len(PILIHAN)])
                if kirim is None:
                    galat.append("widget w_kategori tidak ditemukan")
                    return
                t0 = time.perf_counter()
                ada_galat = await asyncio.wait_for(halaman.jalan(ws, kirim), 120)
                waktu.append(time.perf_counter() - t0)
                if ada_galat:
                    galat.append("halaman menampilkan galat")
    except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
        galat.append(f"{type(exc).__name__}: {exc}")


def _memori_puncak(pid: int) -> float:
    try:
        for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
            if baris.startswith("VmHWM:"):
                return int(baris.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _cpu_proses(pid: int) -> float:
    """CPU seconds (user + system) a server process has used so far, from /proc."""
    try:
        kolom = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(kolom[11]) + int(kolom[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def _persentil(x: list[float], p: float) -> float:
    if not x:
        return float("nan")
    x = sorted(x)
    return x[min(len(x) - 1, round(p / 100 * (len(x) - 1)))]


async def _tingkat(url: list[str], n: int, detik: float, ulang: int, pid: list[int]) -> tuple[list[float], list[str], float, float]:
    """Reruns' times, errors, wall time and server CPU seconds of ``n`` sessions spread over the servers ``url``
    (sticky). Time and CPU count the clicks only, from the moment every session has its first page."""
    waktu: list[float] = []
    galat: list[str] = []
    akhir = [float("inf")]
    siap = asyncio.Barrier(n + 1)
    tugas = asyncio.gather(*(_sesi(url[i % len(url)], siap, akhir, ulang, waktu, galat) for i in range(n)))
    await siap.wait()
    cpu0 = sum(_cpu_proses(p) for p in pid)
    akhir[0] = time.monotonic() + detik
    t0 = time.perf_counter()
    await tugas
    return waktu, galat, time.perf_counter() - t0, sum(_cpu_proses(p) for p in pid) - cpu0


async def _klik_berulang(ws, klien: KlienSesi, n: int, pid: int) -> float:
    """Server CPU seconds for ``n`` filter clicks of one session, each awaited to its end."""
    cpu0 = _cpu_proses(pid)
    for i in range(n):
        await asyncio.wait_for(klien.jalan(ws, klien.permintaan("w_kategori", PILIHAN[i % len(PILIHAN)])), 120)
    return _cpu_proses(pid) - cpu0


async def _cpu_klik_berselang(url: dict[str, str], pid: dict[str, int], putaran: int, klik: int) -> dict[str, float]:
    hasil: dict[str, list[float]] = {h: [] for h in url}
    async with sambung(url["kim"]) as ws_kim, sambung(url["lantai"]) as ws_lantai:
        sesi = {"kim": (ws_kim, KlienSesi()), "lantai": (ws_lantai, KlienSesi())}
        for ws, klien in sesi.values():
            await asyncio.wait_for(klien.jalan(ws, pesan_awal()), 120)
            await _klik_berulang(ws, klien, 2 * len(PILIHAN), 0)  # warm: every view of the cycle seen once
        for _ in range(putaran):
            for h, (ws, klien) in sesi.items():
                hasil[h].append(await _klik_berulang(ws, klien, klik, pid[h]) / klik * 1000)
    return {h: statistics.median(v) for h, v in hasil.items()}


def cpu_per_klik(putaran: int = 7, klik: int = 40) -> dict[str, float]:
    """Median server CPU (ms) per filter click of one browser-like session: the app and the floor page,
    interleaved round by round on the data the environment names (``KIM_*``). This is what a filter
    change costs the server as a browser makes it (the view's fragment, the messages, the websocket),
    where AppTest can only rerun the whole page."""
    with tempfile.TemporaryDirectory(prefix="kim-cpu-klik-") as tmp:
        server = {"kim": _server("kim", 1, Path(tmp))[0], "lantai": _server("lantai", 1, Path(tmp))[0]}
        try:
            for s in server.values():
                s.tunggu()
            return asyncio.run(_cpu_klik_berselang({h: s.url for h, s in server.items()},
                                                   {h: s.proses.pid for h, s in server.items()}, putaran, klik))
        finally:
            for s in server.values():
                s.hentikan()


def _server(halaman: str, jumlah: int, tmp: Path) -> list:
    if halaman == "lantai":
        from bench_peramban import _ServerLantai

        from geo.peta import aset

        aset.siapkan()  # the floor app links to static/vendor
        return [_ServerLantai(tmp, f"lantai{i}") for i in range(jumlah)]
    return [Server(None, tmp / f"server{i}.log") for i in range(jumlah)]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sesi", type=int, nargs="+", default=[20, 50], help="jumlah sesi serentak per tingkat")
    p.add_argument("--detik", type=float, default=90, help="batas waktu per tingkat")
    p.add_argument("--ulang", type=int, default=30, help="jalan ulang per sesi")
    p.add_argument("--proses", type=int, nargs="+", default=[1], help="jumlah proses server (sesi lengket per proses)")
    # Seven rounds of 30 clicks: a round of 20 sessions lasts about two seconds, and with three rounds of 10 clicks
    # one collector pause or scheduler hiccup moved the p95 ratio by 0.3 (2026-12-07).
    p.add_argument("--putaran", type=int, default=7, help="putaran berselang-seling lantai/aplikasi per tingkat (median)")
    p.add_argument("--halaman", nargs="+", default=["kim", "lantai"], choices=["kim", "lantai"],
                   help="halaman yang diuji: aplikasi dan/atau halaman lantai (pembanding pada alat yang sama)")
    a = p.parse_args()
    sys.stdout.write("| halaman | proses | sesi | jalan ulang | galat | p50 | p95 | p95 / lantai | jalan ulang/detik "
                     "| CPU server per jalan ulang | CPU / lantai | memori puncak server |\n"
                     "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
    halaman = sorted(a.halaman, key=lambda h: h != "lantai")  # the floor first: its figures are the ratios' base
    for jumlah in a.proses:
        with tempfile.TemporaryDirectory(prefix="kim-beban-") as tmp:
            server = {h: _server(h, jumlah, Path(tmp)) for h in halaman}  # both pages up: the rounds interleave
            try:
                for s in (s for daftar in server.values() for s in daftar):
                    s.tunggu()
                for n in a.sesi:
                    hasil: dict[str, list[dict]] = {h: [] for h in halaman}
                    for _ in range(a.putaran):
                        for h in halaman:
                            hasil[h].append(_satu_putaran(server[h], n, a))
                    for h in halaman:
                        _tulis_baris(h, jumlah, n, hasil[h], hasil.get("lantai"))
            finally:
                for s in (s for daftar in server.values() for s in daftar):
                    s.hentikan()


def _satu_putaran(server: list, n: int, a: argparse.Namespace) -> dict:
    """One level on one page: p50, p95, reruns per second, CPU per rerun, errors, reruns, peak memory."""
    waktu, galat, lama, cpu = asyncio.run(_tingkat([s.url for s in server], n, a.detik, a.ulang, [s.proses.pid for s in server]))
    return {"p50": statistics.median(waktu) if waktu else float("nan"), "p95": _persentil(waktu, 95),
            "laju": len(waktu) / lama, "cpu": 1000 * cpu / max(1, len(waktu)), "galat": galat, "n": len(waktu),
            "memori": max(_memori_puncak(s.proses.pid) for s in server)}


def _tulis_baris(halaman: str, jumlah: int, n: int, putaran: list[dict], lantai: list[dict] | None) -> None:
    """Medians over the rounds; the ratios are the medians of each round's ratio to the floor's same round."""
    def median(k: str) -> float:
        return statistics.median(r[k] for r in putaran)

    def rasio(k: str) -> str:
        if not lantai:
            return "–"
        per = sorted(r[k] / l[k] for r, l in zip(putaran, lantai))
        rentang = f" ({per[0]:.2f}–{per[-1]:.2f})" if len(per) > 1 and halaman != "lantai" else ""
        return f"{statistics.median(per):.2f}×{rentang}"

    galat = [g for r in putaran for g in r["galat"]]
    sys.stdout.write(f"| {halaman} | {jumlah} | {n} | {sum(r['n'] for r in putaran)} | {len(galat)} | {median('p50'):.2f} s | "
                     f"{median('p95'):.2f} s | {rasio('p95')} | {median('laju'):.1f} | {median('cpu'):.0f} ms | {rasio('cpu')} | "
                     f"{max(r['memori'] for r in putaran):.0f} MB |\n")
    for g in sorted(set(galat))[:5]:
        sys.stdout.write(f"    galat: {g}\n")
    sys.stdout.flush()

if __name__ == "__main__":
    main()
