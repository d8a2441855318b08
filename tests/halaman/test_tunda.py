"""A browser's first visit draws the map first, the controls once the map says it is drawn (ui/tunda.py, #26).

Over the websocket as a browser asks (the first run, then the map's report), and in Chromium: the map's
own report completes the page without reloading its frame, and a map that never reports does not strand
the page.
"""

from __future__ import annotations

import asyncio
import json
import time

import pytest

from geo.peta.aset import DIR_STATIS
from tests.halaman.test_klik_fragmen import _jenis
from tests.klien_ws import AGEN_PERAMBAN, KlienSesi, pesan_awal, sambung
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, buka_lokal, butuh_chromium, jalankan, tunggu_diam
from ui.tunda import BATAS_DETIK, TANDA

pytestmark = pytest.mark.lambat

IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
KONTROL = {"page_link", "multiselect", "text_input", "radio", "date_input", "selectbox", "button"}


def _peta(klien: KlienSesi) -> tuple[list[int], str]:
    """Where the last run drew the map component, and its widget id."""
    p = next(p for p in klien.pesan
             if p.delta.WhichOneof("type") == "new_element" and p.delta.new_element.WhichOneof("type") == "component_instance")
    return list(p.metadata.delta_path), p.delta.new_element.component_instance.id


def _nilai_multiselect(klien: KlienSesi, label: str) -> list[str]:
    for p in klien.pesan:
        el = p.delta.new_element
        if p.delta.WhichOneof("type") == "new_element" and el.WhichOneof("type") == "multiselect" and el.multiselect.label == label:
            m = el.multiselect
            return list(m.raw_values) if m.set_value else [m.options[i] for i in m.default]
    raise AssertionError(f"no multiselect {label!r}")


def test_kunjungan_pertama_peramban_peta_dulu_lalu_kontrol(tmp_path):
    async def langkah():
        async with sambung(server.url, agen=AGEN_PERAMBAN) as ws:
            klien = KlienSesi()
            assert not await asyncio.wait_for(klien.jalan(ws, pesan_awal("kategori=Kuliner")), 120)
            pertama, peta_pertama = _jenis(klien), _peta(klien)
            args = next(json.loads(p.delta.new_element.component_instance.json_args) for p in klien.pesan
                        if p.delta.new_element.WhichOneof("type") == "component_instance")
            # Any report of the map that is not the drawn one leaves the page waiting (its first position).
            assert not await asyncio.wait_for(klien.jalan(ws, klien.permintaan_peta({"zoom": 12})), 120)
            masih = _jenis(klien)
            assert not await asyncio.wait_for(klien.jalan(ws, klien.permintaan_peta({"zoom": 12, TANDA: True})), 120)
            return pertama, peta_pertama, args, masih, _jenis(klien), _peta(klien), _nilai_multiselect(klien, "Kategori potensi")

    with jalankan(None, tmp_path / "server.log") as server:
        pertama, peta_pertama, args, masih, lengkap, peta_lengkap, kategori = asyncio.run(langkah())
    # The first run: title, cards, map and legend; no control, no menu link, no picker.
    assert {"component_instance", "kartu", "heading:Peta Potensi KIM"} <= set(pertama), pertama
    assert not KONTROL & set(pertama), pertama
    assert "window.__kimHidup.lapor = true;" in json.dumps(args)  # the map is asked to report its drawn view
    assert not KONTROL & set(masih), masih
    # After the drawn report: the whole page, the map where it was (its frame is kept), the link's filter in place.
    assert {"page_link", "multiselect", "text_input", "radio", "date_input", "selectbox"} <= set(lengkap), lengkap
    assert peta_lengkap == peta_pertama
    assert kategori == ["Kuliner"]


def test_klien_lain_mendapat_seluruh_halaman_sekaligus(tmp_path):
    """No browser, no map to report: AppTest and the load test's clients get everything in the first run."""
    async def langkah():
        async with sambung(server.url) as ws:
            klien = KlienSesi()
            assert not await asyncio.wait_for(klien.jalan(ws, pesan_awal()), 120)
            return _jenis(klien), klien.pesan

    with jalankan(None, tmp_path / "server.log") as server:
        jenis, pesan = asyncio.run(langkah())
    assert {"page_link", "multiselect", "radio", "component_instance"} <= set(jenis)
    args = next(p.delta.new_element.component_instance.json_args for p in pesan
                if p.delta.WhichOneof("type") == "new_element" and p.delta.new_element.WhichOneof("type") == "component_instance")
    assert "lapor = true" not in args


def _pantau(halaman) -> tuple[list[str], list[float]]:
    """The map reports the page sends (their JSON values), and when each frame of the map's iframe loaded."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    laporan: list[str] = []
    muat: list[float] = []

    def kirim(isi) -> None:
        if isinstance(isi, bytes):
            try:
                b = BackMsg.FromString(isi)
            except Exception:  # noqa: BLE001 - not a message of Streamlit's
                return
            laporan.extend(w.json_value for w in b.rerun_script.widget_states.widgets if w.json_value)

    halaman.on("websocket", lambda ws: ws.on("framesent", kirim))
    halaman.on("framenavigated", lambda f: muat.append(time.monotonic()) if "st_folium" in f.url else None)
    return laporan, muat


def _peramban(pw):
    butuh_chromium()
    return pw.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)


def test_peramban_peta_tergambar_melengkapi_halaman(tmp_path):
    from playwright.sync_api import sync_playwright

    with jalankan(None, tmp_path / "server.log") as server, sync_playwright() as pw:
        peramban = _peramban(pw)
        luar: list[str] = []
        halaman = buka_lokal(peramban, "about:blank", luar)
        laporan, muat = _pantau(halaman)
        halaman.goto(server.url + "/?kategori=Kuliner")
        bingkai = halaman.frame_locator(IFRAME)
        bingkai.locator(".kim-kelurahan").first.wait_for(timeout=60_000)
        halaman.locator(".st-key-w_kategori").wait_for(timeout=60_000)
        tunggu_diam(halaman)
        assert "Kuliner" in halaman.locator(".st-key-w_kategori").inner_text()
        assert halaman.locator("[data-testid=stSidebar] a[href]").count() >= 6  # the menu's links
        assert halaman.locator(IFRAME).count() == 1
        assert len(muat) == 1, "the map's frame loaded again when the page was completed"
        assert any(TANDA in v for v in laporan), laporan  # completed by the map's report, not by the timer
        assert bingkai.locator(".kim-kelurahan").count() == 15
        halaman.close()
        peramban.close()
    assert not luar


def test_peta_yang_tidak_melapor_tidak_menahan_halaman(tmp_path):
    """A map script that never reports (an old copy, an error): the page is drawn whole after BATAS_DETIK."""
    from playwright.sync_api import sync_playwright

    js = (DIR_STATIS / "kim-peta.js").read_text(encoding="utf-8").replace(
        "function laporTergambar() {", "function laporTergambar() { return;", 1)
    with jalankan(None, tmp_path / "server.log") as server, sync_playwright() as pw:
        peramban = _peramban(pw)
        luar: list[str] = []
        halaman = buka_lokal(peramban, "about:blank", luar)
        # Registered after buka_lokal's: Playwright tries the newest route first.
        halaman.route("**/kim/kim-peta.js?v=*", lambda r: r.fulfill(status=200, content_type="text/javascript", body=js))
        laporan, _ = _pantau(halaman)
        t0 = time.monotonic()
        halaman.goto(server.url + "/")
        halaman.frame_locator(IFRAME).locator(".kim-kelurahan").first.wait_for(timeout=60_000)
        halaman.locator(".st-key-w_kategori").wait_for(timeout=60_000)
        lama = time.monotonic() - t0
        tunggu_diam(halaman)
        assert halaman.locator("[data-testid=stSidebar] a[href]").count() >= 6
        halaman.close()
        peramban.close()
    assert not any(TANDA in v for v in laporan)
    assert lama >= BATAS_DETIK * 0.9, f"the controls came after {lama:.1f} s, before the timer could have run"
    assert not luar
