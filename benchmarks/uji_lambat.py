"""Write ``tests/lambat_terukur.txt``: the tests the fast loop leaves to the full run.

Run the fast loop with ``--durations=0`` and feed its output here::

    python -m pytest -m "not lambat" -n 2 --durations=0 -p no:randomly > /tmp/durasi.txt
    python benchmarks/uji_lambat.py /tmp/durasi.txt [--ambang 0.5]

A test whose setup, call and teardown together take ``--ambang`` seconds or more
is listed (and keeps being listed: entries already there stay, unless they no
longer exist). Measured, not guessed, because the fast loop's budget is one
minute on two cores and most of it goes to a few hundred middling tests.
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
from pathlib import Path

DAFTAR = Path(__file__).resolve().parent.parent / "tests" / "lambat_terukur.txt"
_BARIS = re.compile(r"^([\d.]+)s (?:call|setup|teardown)\s+(\S+)")
KEPALA = ("# Tests measured at or above the threshold in the fast loop (benchmarks/uji_lambat.py);\n"
          "# tests/conftest.py marks them `lambat`, so only the full run (`python -m pytest -n 2`) runs them.\n")


def durasi(teks: str) -> dict[str, float]:
    """Node id → seconds of setup, call and teardown, from pytest's ``--durations=0`` report."""
    total: dict[str, float] = collections.defaultdict(float)
    for baris in teks.splitlines():
        if m := _BARIS.match(baris):
            total[m.group(2)] += float(m.group(1))
    return dict(total)


def ada_kini() -> set[str]:
    """Node ids that exist now (a renamed test drops out of the list)."""
    keluar = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly"],
                            capture_output=True, text=True, check=False).stdout
    return {b.strip() for b in keluar.splitlines() if "::" in b}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("durasi", type=Path, help="output of pytest --durations=0")
    p.add_argument("--ambang", type=float, default=0.5, help="seconds (default 0.5)")
    args = p.parse_args()
    ukur = durasi(args.durasi.read_text(encoding="utf-8", errors="replace"))
    lama = {b.strip() for b in DAFTAR.read_text(encoding="utf-8").splitlines()
            if b.strip() and not b.startswith("#")} if DAFTAR.exists() else set()
    ada = ada_kini()
    baru = sorted(({n for n, d in ukur.items() if d >= args.ambang} | lama) & ada)
    DAFTAR.write_text(KEPALA + "".join(f"{n}\n" for n in baru), encoding="utf-8")
    sisa = sum(d for n, d in ukur.items() if n not in baru)
    print(f"{len(baru)} tests listed in {DAFTAR.name}; the rest of the fast loop measured {sisa:.0f} s of test time.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
