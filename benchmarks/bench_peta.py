"""How heavy the map is and how fast the page answers a filter change.

Run from the project root:  python benchmarks/bench_peta.py [--ulang 5]

Measures, on the shipped data (or the path in KIM_CSV):
- the bytes the page sends the browser for the map (the st_folium arguments:
  script, header, html; raw and gzip) and the standalone HTML size;
- the static assets the browser fetches once and then caches;
- how long building the map takes, and the full page rerun after a filter
  change (Streamlit AppTest, no browser).
Numbers are printed, never asserted: speed belongs here, not in the tests.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

PROYEK = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROYEK))

from geo.masuk.dataset import muat_dataset
from geo.peta import aset
from geo.peta.buat import buat_peta, html_mandiri
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB".replace(",", "\0").replace(".", ",").replace("\0", ".")


def _waktu(fungsi, ulang: int) -> tuple[float, float]:
    hasil = []
    for _ in range(ulang):
        t0 = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - t0)
    return statistics.median(hasil), min(hasil)


def argumen_st_folium(peta) -> dict:
    """What st_folium would send (same helpers it uses), without a running app."""
    from streamlit_folium import _get_header, _get_html, _get_map_string

    peta.get_root().render()
    html, header = _get_html(peta), _get_header(peta)
    return {"script": _get_map_string(peta), "header": header, "html": html}


def ukur_bita() -> None:
    ds = muat_dataset()
    if not ds.ok:
        sys.exit("Data tidak sah:\n" + ds.laporan.teks())
    print(f"Data: {ds.path_kim} — {len(ds.potensi)} potensi, {len(ds.batas)} kelurahan")
    for judul, f in (("semua potensi", Filter()), ("Kuliner + Aktif", Filter(kategori=("Kuliner",), status=("Aktif",)))):
        args = argumen_st_folium(buat_peta(tampilkan(ds, f)))
        mentah = json.dumps(args).encode("utf-8")
        print(f"  peta di halaman ({judul}): {_kb(len(mentah))} mentah, {_kb(len(gzip.compress(mentah)))} gzip "
              f"(skrip {_kb(len(args['script']))})")
    mandiri = html_mandiri(tampilkan(ds)).encode("utf-8")
    print(f"  HTML mandiri (semua aset inline): {_kb(len(mandiri))} mentah, {_kb(len(gzip.compress(mandiri)))} gzip")
    aset_peta = list(aset.ASET_PETA)
    total = sum(len(aset.isi_aset(a)) for a in aset_peta)
    print(f"  aset statis (diambil sekali, lalu dari cache peramban): {_kb(total)} "
          f"({', '.join(a.relatif.split('/')[-1] for a in aset_peta)})")


def ukur_waktu(ulang: int) -> None:
    ds = muat_dataset()
    tp = tampilkan(ds, Filter(kategori=("Kuliner",)))
    median, minimum = _waktu(lambda: buat_peta(tp).get_root().render(), ulang)
    print(f"  membangun + merender peta: median {median * 1000:.0f} ms (min {minimum * 1000:.0f} ms)")

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(PROYEK / "dashboard.py"), default_timeout=120)
    t0 = time.perf_counter()
    at.run()
    print(f"  jalan pertama halaman (memuat + cache data): {(time.perf_counter() - t0) * 1000:.0f} ms")
    if at.exception:
        sys.exit(f"Halaman gagal: {at.exception}")
    pilihan = [["Kuliner"], ["Pariwisata", "Kuliner"], []]
    waktu = []
    for i in range(ulang):
        at.multiselect(key="w_kategori").set_value(pilihan[i % len(pilihan)])
        t0 = time.perf_counter()
        at.run()
        waktu.append(time.perf_counter() - t0)
    print(f"  jalan ulang setelah filter berubah: median {statistics.median(waktu) * 1000:.0f} ms "
          f"(min {min(waktu) * 1000:.0f} ms, {ulang} kali)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ulang", type=int, default=5, help="pengulangan tiap pengukuran waktu")
    a = p.parse_args()
    print("Ukuran yang dikirim ke peramban")
    ukur_bita()
    print("Waktu")
    ukur_waktu(a.ulang)


if __name__ == "__main__":
    main()
