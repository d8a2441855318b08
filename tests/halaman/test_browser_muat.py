"""What a first visit loads (issue #26): the code of controls the page does not show until asked is not
fetched with every page; a phone on a poor signal is spared it."""

from __future__ import annotations

import pytest

from tests.halaman.test_browser import dataset_utama, pengamat, peramban, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.lambat

# Frontend code chunks (Streamlit's, named by their component): the date pickers (with moment, ~270 KB),
# the slider (with numbro), and Markdown's raw-HTML parser (st.markdown(unsafe_allow_html=True), ~190 KB).
# (A selected kelurahan's table brings moment and numbro with the data grid: not on the first page.)
TIDAK_DIMUAT = ("DateInput", "DateField", "moment", "Slider", "numbro", "rehype-raw")


def test_halaman_pertama_tanpa_kode_kontrol_tersembunyi(server, pengamat):  # noqa: F811
    p = pengamat()
    minta: list[str] = []
    p.page.on("request", lambda r: minta.append(r.url))
    p.buka(server["utama"].url + "/")
    p.tunggu_diam()
    nama = [u.rsplit("/", 1)[-1] for u in minta]
    assert any(n.startswith("Multiselect") for n in nama)  # the chunks are seen (the filters' own)
    assert not [n for n in nama if n.startswith(TIDAK_DIMUAT)], nama
    # The map's files are asked for together by its preloader; its data once, though two pieces of code want it.
    assert len([n for n in nama if n.startswith("kim-") and n.endswith(".json")]) == 1, nama
    # Opened, the popovers bring their controls: the date pickers' code loads then.
    p.page.locator(".st-key-kim_buka_waktu button").first.click()
    p.page.get_by_role("spinbutton").first.wait_for(timeout=30_000)
    assert any(u.rsplit("/", 1)[-1].startswith("DateInput") for u in minta)
    p.page.keyboard.press("Escape")
    p.page.locator(".st-key-kim_buka_tampilan button").first.click()
    p.page.get_by_role("slider").first.wait_for(timeout=30_000)
    p.periksa_bersih()
