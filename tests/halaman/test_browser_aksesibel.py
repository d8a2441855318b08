"""Accessibility: an axe-core scan of the dashboard and of the map frame in Chromium.

Serious and critical violations in what this project renders (its map, its
legend, its labels and the page it lays out) fail the test; the report
names the rule and the elements.
"""

from __future__ import annotations

import pytest

from tests.halaman.test_browser import dataset_utama, pengamat, peramban, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.lambat
axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

PARAH = {"serious", "critical"}


def _pelanggaran(hasil) -> list[str]:
    return [f"{v['id']} ({v['impact']}): " + "; ".join(f"{n['html'][:200]} {n['failureSummary'][:120]}" for n in v["nodes"][:4])
            for v in hasil.response["violations"] if v.get("impact") in PARAH]


def test_axe_dasbor_dan_peta(server, dataset_utama, pengamat, tmp_path):  # noqa: F811
    p = pengamat()
    p.buka(server["utama"].url + "/?peta=kosong")
    p.page.wait_for_timeout(1500)
    p.tunggu_diam()  # a running script fades the page (stale elements), which would read as low contrast
    axe = axe_sync.Axe()
    halaman = axe.run(p.page, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa"]})
    peta = axe.run(p.frame, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa"]})
    (tmp_path / "axe.txt").write_text(halaman.generate_report() + "\n\n" + peta.generate_report(), encoding="utf-8")
    assert _pelanggaran(peta) == []
    assert _pelanggaran(halaman) == []
