"""The paged table and the name search in a real browser (#26): page buttons (a fragment) and the search box work."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.server_uji import ARG_CHROMIUM, CHROMIUM, buka_lokal, butuh_chromium, jalankan, tunggu_diam

pytestmark = pytest.mark.lambat


def test_halaman_tabel_dan_kotak_cari(provinsi, tmp_path):
    butuh_chromium()
    import pandas as pd
    from playwright.sync_api import expect, sync_playwright

    awalan = pd.read_csv(provinsi.referensi, dtype=str)["kode"].iloc[0][:2]  # the province code: every unit matches
    with jalankan(provinsi.env(), tmp_path / "server.log") as server, sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        try:
            luar: list[str] = []
            halaman = buka_lokal(b, server.url, luar)
            bagian = halaman.get_by_text("Daftar potensi", exact=True)  # closed until asked for (#26)
            bagian.wait_for(timeout=120_000)
            tunggu_diam(halaman)
            bagian.click()
            expect(halaman.get_by_text("50 potensi pertama dari 2.000", exact=False)).to_be_visible(timeout=120_000)
            tunggu_diam(halaman)
            expect(halaman.get_by_text("Halaman 1 dari 40")).to_be_visible()
            halaman.get_by_role("button", name="Berikutnya").click()
            expect(halaman.get_by_text("potensi 51–100 dari 2.000", exact=False)).to_be_visible(timeout=60_000)
            expect(halaman.get_by_text("Halaman 2 dari 40")).to_be_visible()
            tunggu_diam(halaman)
            assert not halaman.locator("[data-testid='stException']").count()
            with halaman.expect_download(timeout=60_000) as unduhan:  # every row, from inside the fragment
                halaman.get_by_role("button", name="Unduh semua (CSV)").click()
            baris = Path(unduhan.value.path()).read_text(encoding="utf-8-sig").splitlines()
            assert len(baris) == 1 + 2000 and baris[0].startswith("id_potensi")

            # A filter click reruns the page: the table stays open, back at its first page.
            halaman.locator(".st-key-w_kategori").click()
            halaman.get_by_role("option", name="Kuliner", exact=True).click()
            halaman.keyboard.press("Escape")
            expect(halaman.get_by_text("Halaman 1 dari", exact=False)).to_be_visible(timeout=60_000)
            tunggu_diam(halaman)

            cari = halaman.get_by_placeholder("Ketik sebagian nama atau kode")
            cari.fill(awalan)
            cari.press("Enter")
            expect(halaman.get_by_text("cocok; 50 pertama ada di daftar", exact=False)).to_be_visible(timeout=60_000)
            assert not luar, luar
        finally:
            b.close()
