"""A fresh server process's first page (issue #26): with its base map in the disk cache it imports neither
folium nor streamlit-folium (0.3 s of CPU), and draws exactly the map a render draws."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.lambat
PROYEK = Path(__file__).resolve().parents[2]
_BERAT = ("folium", "streamlit_folium", "branca", "jinja2")
_SKRIP = """
import json, sys
sys.path.insert(0, {proyek!r})
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({dasbor!r}, default_timeout=120)
at.run()
assert not at.exception, at.exception
k = at.get("component_instance")[0].proto
print(json.dumps({{"modul": [m for m in {berat!r} if m in sys.modules], "nama": k.component_name,
                  "args": json.loads(k.json_args)}}))
"""


def _halaman_pertama(cache: Path) -> dict:
    skrip = _SKRIP.format(proyek=str(PROYEK), dasbor=str(PROYEK / "dashboard.py"), berat=_BERAT)
    hasil = subprocess.run([sys.executable, "-c", skrip], check=False, env={**os.environ, "KIM_CACHE": str(cache)}, cwd=PROYEK,
                           capture_output=True, text=True, timeout=300)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    return json.loads(hasil.stdout.strip().splitlines()[-1])


def test_peta_dasar_dari_tembolok_tanpa_folium_dan_sama(tmp_path, wilayah_uji):
    cache = tmp_path / "cache"
    pertama = _halaman_pertama(cache)
    assert "folium" in pertama["modul"]  # a cold cache: the base map is rendered
    kedua = _halaman_pertama(cache)
    assert kedua["modul"] == []
    assert kedua["nama"] == "streamlit_folium.st_folium"  # the same component, so the same frame in the browser
    assert kedua["args"] == pertama["args"]

    # Other data is another static file, so another base map: rendered again, not the old one.
    kim = pd.read_csv(wilayah_uji.kim, dtype=str, keep_default_na=False)
    kim.loc[0, "nama_potensi"] = "Potensi Berganti Nama"
    kim.to_csv(wilayah_uji.kim, index=False)
    ketiga = _halaman_pertama(cache)
    assert "folium" in ketiga["modul"]
    assert ketiga["args"]["js_links"] != pertama["args"]["js_links"]
