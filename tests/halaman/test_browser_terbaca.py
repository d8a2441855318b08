"""A map people can read on a projector: every name shown, none overlapping, no marker hidden.

Bounding boxes come from the real DOM in Chromium at the default view.
"""

from __future__ import annotations

import itertools

import pytest

from tests.halaman.test_browser import _muat, dataset_utama, pengamat, peramban, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.lambat


def _kotak(p, selektor: str) -> list[dict]:
    return p.frame.evaluate(
        """(sel) => Array.from(document.querySelectorAll(sel)).filter(e => e.offsetParent !== null).map(e => {
             const r = e.getBoundingClientRect();
             return {teks: e.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom};
           })""",
        selektor,
    )


def _tumpang(a: dict, b: dict) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


@pytest.mark.parametrize("lebar,tinggi", [(1366, 1000), (1920, 1080)])
def test_semua_nama_kelurahan_terbaca_tanpa_tumpang(server, dataset_utama, pengamat, tmp_path, lebar, tinggi):  # noqa: F811
    p = pengamat(lebar=lebar, tinggi=tinggi)
    p.buka(server["utama"].url + "/?peta=kosong")
    p.page.wait_for_timeout(3500)  # let the fit-to-data zoom end and the names settle (placed again up to 3 s)
    label = _kotak(p, ".kim-label span")
    nama = sorted(dataset_utama.batas["kelurahan"])
    assert len(label) == len(nama)
    assert sorted(k["teks"] for k in label) == nama
    tabrak = [(a["teks"], b["teks"]) for a, b in itertools.combinations(label, 2) if _tumpang(a, b)]
    assert tabrak == []
    peta = p.frame.evaluate("() => { const r = window.map.getContainer().getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }")
    assert all(peta[0] <= k["l"] and k["r"] <= peta[2] and peta[1] <= k["t"] and k["b"] <= peta[3] for k in label)  # none clipped
    penanda = _kotak(p, ".kim-potensi")
    assert len(penanda) == len(dataset_utama.potensi)
    pusat = [((k["l"] + k["r"]) / 2, (k["t"] + k["b"]) / 2) for k in penanda]
    dekat = [(a, b) for a, b in itertools.combinations(pusat, 2) if abs(a[0] - b[0]) < 12 and abs(a[1] - b[1]) < 12]
    assert dekat == [], "a marker hides another at the default zoom"
    p.page.locator('iframe[title="streamlit_folium.st_folium"]').screenshot(path=str(tmp_path / f"label-{lebar}.png"))
    p.periksa_bersih()
