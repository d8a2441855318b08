"""The map's own legend is the page's, copied in the browser, not sent twice; the language control reruns the whole page (#26)."""

from __future__ import annotations

import pytest

from tests.server_uji import ARG_CHROMIUM, CHROMIUM, buka_lokal, butuh_chromium, jalankan, tunggu_diam

pytestmark = pytest.mark.lambat

IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def test_legenda_peta_sama_dengan_legenda_halaman(tmp_path):
    butuh_chromium()
    from playwright.sync_api import expect, sync_playwright

    with jalankan(None, tmp_path / "server.log") as server, sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        try:
            luar: list[str] = []
            halaman = buka_lokal(b, server.url, luar)
            peta = halaman.frame_locator(IFRAME)
            peta.locator(".kim-kelurahan").first.wait_for(timeout=120_000)
            tunggu_diam(halaman)
            peta.locator("details.kim-legenda summary").click()
            isi, di_halaman = peta.locator(".kim-legenda-isi"), halaman.locator(".kim-legenda-datar")
            expect(isi).to_contain_text("Jumlah potensi")
            assert isi.inner_text() == di_halaman.inner_text()

            halaman.locator(".st-key-w_kategori").click()
            halaman.get_by_role("option", name="Kuliner", exact=True).click()
            tunggu_diam(halaman)
            expect(di_halaman).not_to_contain_text("Pariwisata")
            expect(isi).not_to_contain_text("Pariwisata")  # followed the filter, with no legend in the update
            assert isi.inner_text() == di_halaman.inner_text()

            # The language control is outside the view's fragment: switching reruns the whole page,
            # title and menu included, and the view keeps its filter.
            halaman.get_by_text("English", exact=True).click()
            expect(halaman.get_by_role("heading", name="KIM Potential Map")).to_be_visible(timeout=60_000)
            expect(halaman.get_by_role("link", name="Budget")).to_be_visible()
            expect(halaman.locator(".st-key-w_kategori")).to_contain_text("Kuliner")
            expect(di_halaman).not_to_contain_text("Pariwisata")
            assert not luar, luar
        finally:
            b.close()
