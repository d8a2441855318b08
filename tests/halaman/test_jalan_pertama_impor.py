"""A fresh process's first map page and ``summary`` import nothing they do not use (issue #26).

Run in a subprocess on a copy of the shipped data with a warm cache, as a restarted server
sees it; the modules are checked in ``sys.modules`` afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROYEK = Path(__file__).resolve().parents[2]
# Never needed to load unchanged data, draw the first page or print a summary.
TIDAK_DIIMPOR = ("streamlit.emojis", "PIL", "pyogrio", "matplotlib", "openpyxl", "psycopg")

_HALAMAN = """
import json, sys
sys.path.insert(0, {proyek!r})
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({halaman!r}, default_timeout=300)
at.run()
assert not at.exception, at.exception
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {akar!r} or m in {nama!r})))
"""

_SUMMARY = """
import json, sys, contextlib, io
sys.path.insert(0, {proyek!r})
from geo.cli.utama import main
with contextlib.redirect_stdout(io.StringIO()):
    assert main(["summary", "--format", "json"]) == 0
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {akar!r} or m in {nama!r})))
"""


@pytest.fixture
def env_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(PROYEK / "data", data)
    dulu = time.time() - 60  # unchanged for a while, as on a server: its checked tables may be cached
    for p in data.rglob("*"):
        os.utime(p, (dulu, dulu))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIM_")}
    env.update({"KIM_CACHE": str(tmp_path / "cache"), "KIM_CSV": str(data / "kim.csv"),
                "KIM_BOUNDARIES": str(data / "boundaries.geojson"), "KIM_REFERENSI": str(data / "kelurahan.csv"),
                "KIM_WILAYAH": str(data / "wilayah.json")})
    return env


def _modul(skrip: str, env: dict) -> list[str]:
    kode = skrip.format(proyek=str(PROYEK), halaman=str(PROYEK / "dashboard.py"),
                        akar=sorted({m.split(".")[0] for m in TIDAK_DIIMPOR}), nama=list(TIDAK_DIIMPOR))
    hasil = [subprocess.run([sys.executable, "-c", kode], cwd=PROYEK, env=env, capture_output=True, text=True,
                            timeout=300, check=True) for _ in range(2)]  # the first fills the cache
    return [m for m in json.loads(hasil[-1].stdout.strip().splitlines()[-1]) if m in TIDAK_DIIMPOR]


@pytest.mark.lambat
def test_halaman_pertama_tanpa_impor_berat(env_data):
    # Pillow is Streamlit's own, for the page icon (an inline SVG; ~10 ms against ~0.1 s for an emoji's table).
    assert [m for m in _modul(_HALAMAN, env_data) if m != "PIL"] == []


@pytest.mark.lambat
def test_summary_tanpa_impor_berat(env_data):
    assert _modul(_SUMMARY, env_data) == []
