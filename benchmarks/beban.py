"""Load test (outside CI): many concurrent sessions clicking filters, over Streamlit's own websocket.

    python benchmarks/beban.py                   # 20 then 50 sessions, shipped data
    python benchmarks/beban.py --sesi 20 --detik 60
    python benchmarks/beban.py --proses 1 2      # the same on one, then two server processes

Starts the app on a free loopback port, opens N sessions the way a browser
does (``/_stcore/stream``, protobuf ``BackMsg``/``ForwardMsg``), and has each
one change the category filter again and again, timing every rerun from the
request to ``script_finished``. Bounded: each level stops after ``--detik``
seconds (or ``--ulang`` reruns per session) and the server is stopped. Prints
errors, p50/p95 rerun time, reruns per second and the servers' peak memory (VmHWM).

With ``--proses N`` it starts N server processes and keeps each session on
one of them (session i on process i mod N), as nginx's ``ip_hash`` sticky
sessions do (``deploy/nginx.conf``): Streamlit keeps a session in the memory of
the process its websocket reached, so the processes share nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROYEK = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROYEK))

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.server_uji import Server

PILIHAN = [["Kuliner"], ["Pariwisata"], [], ["Seni & Budaya", "Kuliner"]]


def _id_multiselect(pesan: ForwardMsg, kunci: str) -> str | None:
    if pesan.WhichOneof("type") != "delta" or pesan.delta.WhichOneof("type") != "new_element":
        return None
    el = pesan.delta.new_element
    if el.WhichOneof("type") == "multiselect" and el.multiselect.id.endswith(kunci):
        return el.multiselect.id
    return None


async def _tunggu_selesai(ws, kunci: str) -> tuple[str | None, bool]:
    """Read messages until the run ends; returns (multiselect id seen, whether an exception was shown)."""
    id_widget, galat = None, False
    while True:
        data = await ws.recv()
        pesan = ForwardMsg()
        pesan.ParseFromString(data)
        jenis = pesan.WhichOneof("type")
        id_widget = id_widget or _id_multiselect(pesan, kunci)
        if jenis == "delta" and pesan.delta.WhichOneof("type") == "new_element" and pesan.delta.new_element.WhichOneof("type") == "exception":
            galat = True
        if jenis == "script_finished":
            return id_widget, galat


def _pesan_jalan(id_widget: str | None, nilai: list[str]) -> bytes:
    b = BackMsg()
    b.rerun_script.query_string = ""
    b.rerun_script.page_script_hash = ""
    if id_widget:
        w = b.rerun_script.widget_states.widgets.add()
        w.id = id_widget
        w.string_array_value.data.extend(nilai)
    return b.SerializeToString()


async def _sesi(url_ws: str, akhir: float, ulang: int, waktu: list[float], galat: list[str]) -> None:
    import websockets

    try:
        async with websockets.connect(url_ws, subprotocols=["streamlit"], max_size=None, open_timeout=60) as ws:
            await ws.send(_pesan_jalan(None, []))
            id_widget, _ = await asyncio.wait_for(_tunggu_selesai(ws, "w_kategori"), 120)
            if not id_widget:
                galat.append("widget w_kategori tidak ditemukan")
                return
            for i in range(ulang):
                if time.monotonic() > akhir:
                    return
                t0 = time.perf_counter()
                await ws.send(_pesan_jalan(id_widget, PILIHAN[i % len(PILIHAN)]))
                _, ada_galat = await asyncio.wait_for(_tunggu_selesai(ws, "w_kategori"), 120)
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


def _persentil(x: list[float], p: float) -> float:
    if not x:
        return float("nan")
    x = sorted(x)
    return x[min(len(x) - 1, round(p / 100 * (len(x) - 1)))]


async def _tingkat(url: list[str], n: int, detik: float, ulang: int) -> tuple[list[float], list[str], float]:
    """Reruns' times, errors and the wall time of ``n`` sessions spread over the servers ``url`` (sticky)."""
    waktu: list[float] = []
    galat: list[str] = []
    akhir = time.monotonic() + detik
    url_ws = [u.replace("http://", "ws://") + "/_stcore/stream" for u in url]
    t0 = time.perf_counter()
    await asyncio.gather(*(_sesi(url_ws[i % len(url_ws)], akhir, ulang, waktu, galat) for i in range(n)))
    return waktu, galat, time.perf_counter() - t0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sesi", type=int, nargs="+", default=[20, 50], help="jumlah sesi serentak per tingkat")
    p.add_argument("--detik", type=float, default=90, help="batas waktu per tingkat")
    p.add_argument("--ulang", type=int, default=10, help="jalan ulang per sesi")
    p.add_argument("--proses", type=int, nargs="+", default=[1], help="jumlah proses server (sesi lengket per proses)")
    a = p.parse_args()
    sys.stdout.write("| proses | sesi | jalan ulang | galat | p50 | p95 | jalan ulang/detik | memori puncak server |\n"
                     "| --- | --- | --- | --- | --- | --- | --- | --- |\n")
    for jumlah in a.proses:
        with tempfile.TemporaryDirectory(prefix="kim-beban-") as tmp:
            server = [Server(None, Path(tmp) / f"server{i}.log") for i in range(jumlah)]
            try:
                for s in server:
                    s.tunggu()
                for n in a.sesi:
                    waktu, galat, lama = asyncio.run(_tingkat([s.url for s in server], n, a.detik, a.ulang))
                    p50 = statistics.median(waktu) if waktu else float("nan")
                    memori = max(_memori_puncak(s.proses.pid) for s in server)
                    sys.stdout.write(f"| {jumlah} | {n} | {len(waktu)} | {len(galat)} | {p50:.2f} s | {_persentil(waktu, 95):.2f} s | "
                                     f"{len(waktu) / lama:.1f} | {memori:.0f} MB |\n")
                    for g in sorted(set(galat))[:5]:
                        sys.stdout.write(f"    galat: {g}\n")
                    sys.stdout.flush()
            finally:
                for s in server:
                    s.hentikan()


if __name__ == "__main__":
    main()
