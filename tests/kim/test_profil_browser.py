"""The Profil KIM page in a real browser: the ranking view and a profile with its brand (logo, QR), offline."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PROYEK, hanya_lokal, jalankan, tunggu_diam

if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}; pasang dengan 'apt-get install chromium'.", allow_module_level=True)

from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.lambat


@contextmanager
def _buka(tmp_path: Path, siapkan: Callable[[Path], None] | None = None, **env_tambah: str) -> Iterator[tuple]:
    """A copy of the shipped data served offline, and a browser page on it; no outside request, no page error."""
    data = tmp_path / "data"
    shutil.copytree(PROYEK / "data", data)
    if siapkan:
        siapkan(data)
    env = {"KIM_DATA": str(data), **{k: "" for k in ("KIM_CSV", "KIM_BOUNDARIES", "KIM_REFERENSI", "KIM_WILAYAH", "KIM_PROFIL")},
           **env_tambah}
    luar: list[str] = []
    galat: list[str] = []
    with jalankan(env, tmp_path / "server.log") as server, sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        page = b.new_context(viewport={"width": 1366, "height": 1000}).new_page()
        page.route("**/*", hanya_lokal(luar))
        page.on("pageerror", lambda e: galat.append(str(e)))
        yield server, page, data
        b.close()
    assert galat == []
    assert luar == [], luar


def _tangkapan(tmp_path: Path, *nama: str) -> None:
    """A developer's look: KIM_TANGKAPAN_DIR=/tmp/kim keeps the screenshots."""
    tujuan = os.environ.get("KIM_TANGKAPAN_DIR")
    for n in nama if tujuan else ():
        shutil.copyfile(tmp_path / n, os.path.join(tujuan, n))


def _alamat_publik(data: Path) -> None:
    w = json.loads((data / "wilayah.json").read_text(encoding="utf-8"))
    (data / "wilayah.json").write_text(json.dumps({**w, "alamat_publik": "https://peta-kim.contoh.id"}), encoding="utf-8")


def test_peringkat_dan_profil_bermerek(tmp_path):
    with _buka(tmp_path, _alamat_publik) as (server, page, _):
        page.goto(f"{server.url}/Profil_KIM?kim=KIM-BTG-KUA")
        page.get_by_text("Prioritas pembinaan").first.wait_for(timeout=90_000)
        tunggu_diam(page)
        assert page.get_by_text("KIM Berbas Tengah Maju").first.is_visible()
        page.locator("[data-testid=stDataFrame] canvas").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(tmp_path / "peringkat.png"), full_page=True)
        page.get_by_role("tab", name="Profil KIM").click()
        merek = page.locator(".kim-merek-kim")
        merek.wait_for(timeout=30_000)
        assert "KIM Bontang Kuala Bahari" in merek.inner_text()
        assert merek.locator("img.kim-merek-kim-logo").count() == 1 and merek.locator(".kim-merek-kim-qr img").count() == 1
        assert merek.locator("a[href^='https://instagram.com/']").count() == 1
        assert page.get_by_text("AD/ART: ya").first.is_visible()
        page.screenshot(path=str(tmp_path / "profil.png"), full_page=True)
    _tangkapan(tmp_path, "peringkat.png", "profil.png")


def test_tab_sunting_dan_peta_skor(tmp_path):
    """The Edit tab for a logged-in editor (a save that reaches the file), and the dashboard coloured by the KIM score."""
    import bcrypt
    import openpyxl

    from geo.cli.utama import main

    hash_ = bcrypt.hashpw(b"sandi-admin-1", bcrypt.gensalt(rounds=4)).decode()
    with _buka(tmp_path, KIM_PENGGUNA=f"admin:{hash_}") as (server, page, data):
        page.goto(f"{server.url}/Profil_KIM?bahasa=en")
        page.get_by_role("tab", name="Edit").click()
        page.get_by_label("User name").fill("admin")
        page.get_by_role("textbox", name="Password").fill("sandi-admin-1")
        page.get_by_role("button", name="Sign in").click()
        page.get_by_text("Logged in as").first.wait_for(timeout=60_000)
        tunggu_diam(page)
        page.get_by_role("tab", name="Edit").click()
        tagline = page.get_by_label("Tagline")
        tagline.fill("Warta kampung atas laut (contoh)")
        page.get_by_role("button", name="Save").click()
        page.get_by_text("Saved: 0 added, 1 changed").first.wait_for(timeout=60_000)
        page.screenshot(path=str(tmp_path / "sunting.png"), full_page=True)
        assert "Warta kampung atas laut (contoh)" in (data / "profil_kim.csv").read_text(encoding="utf-8")
        # the jury sheet from `kim juri-templat`, filled in, loads through the page
        lembar = tmp_path / "juri.xlsx"
        assert main(["kim", "juri-templat", "--kim", str(data / "kim.csv"), "--periode", "2030", "-o", str(lembar)]) == 0
        wb = openpyxl.load_workbook(lembar)
        wb.worksheets[0]["E2"] = 77
        wb.save(lembar)
        page.get_by_role("tab", name="Edit").click()
        page.locator(".st-key-w_sunting_juri [data-testid=stFileUploaderDropzoneInput]").set_input_files(str(lembar))
        page.get_by_role("button", name="Load the jury scores").click()
        page.get_by_text("Saved: 1 scores from juri.xlsx").first.wait_for(timeout=60_000)
        assert ",2030," in (data / "nilai_juri.csv").read_text(encoding="utf-8")
        # Per-KIM targets load through the page too (no longer by CLI only); a bad row saves nothing
        target = page.locator(".st-key-w_sunting_target [data-testid=stFileUploaderDropzoneInput]")
        tunggu_diam(page)
        page.get_by_role("tab", name="Edit").click()
        target.set_input_files({"name": "salah.csv", "mimeType": "text/csv",
                                "buffer": b"id_kim,periode,jenis,target\nKIM-TIDAK-ADA,2030-Q1,kegiatan_per_triwulan,7\n"})
        page.get_by_role("button", name="Load the targets").click()
        page.get_by_text("Nothing was saved").first.wait_for(timeout=60_000)
        assert not (data / "target_kim.csv").exists() or "KIM-TIDAK-ADA" not in (data / "target_kim.csv").read_text(encoding="utf-8")
        tunggu_diam(page)
        target.set_input_files({"name": "target.csv", "mimeType": "text/csv",
                                "buffer": b"id_kim,periode,jenis,target\nKIM-BTG-KUA,2030-Q1,kegiatan_per_triwulan,7\n"})
        page.get_by_role("button", name="Load the targets").click()
        page.get_by_text("Saved: 1 targets from target.csv").first.wait_for(timeout=60_000)
        assert "KIM-BTG-KUA,2030-Q1,kegiatan_per_triwulan,7" in (data / "target_kim.csv").read_text(encoding="utf-8")
        page.screenshot(path=str(tmp_path / "target.png"), full_page=True)
        page.goto(f"{server.url}/?metrik=skor_kim")
        page.get_by_text("Skor KIM periode").first.wait_for(timeout=90_000)
        tunggu_diam(page)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(tmp_path / "peta_skor.png"))
    _tangkapan(tmp_path, "sunting.png", "target.png", "peta_skor.png")
