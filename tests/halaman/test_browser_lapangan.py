"""Field update from a phone (390 px): log in, find a potential, change its status, upload a photo.

Then the photo shows in the dashboard's marker popup, served by the app itself.
Screenshots are kept in the test's tmp folder.
"""

from __future__ import annotations

import io
import os
import re

import bcrypt
import pytest
from PIL import Image

from geo.simpan.foto import nama_berkas
from tests.conftest import buat_wilayah
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PONSEL, PROYEK, jalankan, tunggu_diam

pytestmark = pytest.mark.lambat
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright

IFRAME_PETA = 'iframe[title="streamlit_folium.st_folium"]'


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (20, 120, 60)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def server_sunting(tmp_path):
    w = buat_wilayah(tmp_path / "data")
    sandi = bcrypt.hashpw(b"sandi-lapangan-1", bcrypt.gensalt(rounds=4)).decode()
    env = {"KIM_CSV": str(w.kim), "KIM_BOUNDARIES": str(w.batas), "KIM_REFERENSI": str(w.referensi),
           "KIM_WILAYAH": str(w.wilayah), "KIM_PENGGUNA": f"petugas:{sandi}"}
    statis = PROYEK / "static" / "foto" / nama_berkas("A-02")
    with jalankan(env, tmp_path / "server.log") as srv:
        yield srv, w
    statis.unlink(missing_ok=True)  # the mirror of this fixture's photo must not outlive the test


def test_ponsel_status_dan_foto_sampai_ke_popup(server_sunting, tmp_path):
    srv, w = server_sunting
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        konteks = b.new_context(**PONSEL)
        konteks.route("**/*", lambda r: r.continue_() if r.request.url.startswith(srv.url) or r.request.url.startswith("data:") else r.abort())
        hal = konteks.new_page()
        hal.goto(srv.url + "/Kelola_Data")
        hal.get_by_label("Nama pengguna").fill("petugas")
        hal.get_by_label("Kata sandi").fill("sandi-lapangan-1")
        hal.get_by_role("button", name="Masuk").click()
        hal.get_by_role("tab", name="Lapangan & foto").click()
        hal.get_by_role("combobox", name=re.compile("Cari potensi")).click()
        hal.keyboard.type("Ikan bakar")
        hal.keyboard.press("Enter")
        expect(hal.get_by_text("Simpan status")).to_be_visible(timeout=30_000)
        hal.screenshot(path=str(tmp_path / "ponsel-pilih.png"), full_page=True)
        lebar = hal.evaluate("() => document.documentElement.scrollWidth")
        assert lebar <= 390, "no sideways scrolling on a phone"

        hal.get_by_role("radiogroup").get_by_text("Aktif", exact=True).click()
        hal.get_by_role("button", name="Simpan status").click()
        expect(hal.get_by_text("1 diubah", exact=False).first).to_be_visible(timeout=30_000)
        # The save's message above the tabs must not send the officer back to the first tab (the table).
        expect(hal.get_by_role("tab", name="Lapangan & foto")).to_have_attribute("aria-selected", "true")
        assert "A-02,KIM Alfa," in w.kim.read_text() and ",Aktif," in w.kim.read_text().split("A-02,")[1].split("\n")[0]

        berkas = hal.locator("input[type=file][accept*='.webp']")
        simpan_foto = hal.get_by_role("button", name="Simpan foto")
        tunggu_diam(hal)  # the status save reruns the page: a file chosen during that rerun can be dropped
        simpan_foto.click()  # nothing chosen yet: said in words, nothing saved
        expect(hal.get_by_text("Pilih atau ambil foto dulu")).to_be_visible(timeout=30_000)
        # The uploader speaks the page's language: its button, and no "12MB per file" (the label says the limit).
        expect(hal.get_by_test_id("stFileUploader").get_by_role("button", name="Unggah")).to_be_visible()
        expect(hal.get_by_text("maks. 12 MB", exact=False).first).to_be_visible()
        assert "per file" not in hal.evaluate("() => document.body.innerText")
        kotak = hal.locator('[data-testid="stFileUploaderDropzone"]:visible').first
        seret = hal.evaluate_handle("() => { const d = new DataTransfer(); d.items.add(new File(['x'], 'a.jpg')); return d; }")
        kotak.dispatch_event("dragenter", {"dataTransfer": seret})  # a file dragged over it, as on a laptop
        baris = kotak.locator("input + div > span")
        expect(baris).to_be_attached()
        assert baris.evaluate("e => getComputedStyle(e, '::after').content") == '"Lepaskan berkas di sini"'
        kotak.dispatch_event("dragleave", {"dataTransfer": seret})
        expect(baris).to_have_count(0)
        tunggu_diam(hal)
        berkas.set_input_files({"name": "catatan.jpg", "mimeType": "image/jpeg", "buffer": b"bukan gambar sama sekali" * 40})
        expect(hal.get_by_text("catatan.jpg")).to_be_visible(timeout=30_000)
        expect(simpan_foto).to_be_enabled(timeout=60_000)
        tunggu_diam(hal)  # a click while the upload's own rerun runs can be lost (two reruns coalesce)
        simpan_foto.click()
        expect(hal.get_by_text("bukan gambar yang dapat dibaca", exact=False)).to_be_visible(timeout=30_000)
        assert not (w.dir / "foto" / nama_berkas("A-02")).exists()

        tunggu_diam(hal)
        berkas.set_input_files({"name": "kamera.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()})
        expect(hal.get_by_text("kamera.jpg")).to_be_visible(timeout=30_000)
        expect(simpan_foto).to_be_enabled(timeout=60_000)
        tunggu_diam(hal)  # a click while the upload's own rerun runs can be lost (two reruns coalesce)
        simpan_foto.click()
        expect(hal.get_by_text("Foto A-02 tersimpan", exact=False)).to_be_visible(timeout=30_000)
        hal.screenshot(path=str(tmp_path / "ponsel-foto.png"), full_page=True)
        assert (w.dir / "foto" / nama_berkas("A-02")).is_file()
        audit = (w.dir / "audit_kim.jsonl").read_text()
        assert '"aksi": "lapangan"' in audit and '"aksi": "foto"' in audit

        hal.goto(srv.url + "/")
        peta = hal.frame_locator(IFRAME_PETA)
        peta.locator(".kim-potensi").first.wait_for(timeout=60_000)
        frame = next(f for f in hal.frames if "st_folium" in f.url)
        frame.evaluate("""() => { Object.values(window.map._layers).forEach(l => {
            if (l.getLatLng && l.getPopup && l.getPopup() && Math.abs(l.getLatLng().lat - 0.015) < 1e-6) { l.openPopup(); } }); }""")
        foto = peta.locator(".kim-popup img.kim-popup-foto")
        expect(foto).to_have_count(1)
        assert f"/app/static/foto/{nama_berkas('A-02')}" in foto.get_attribute("src")
        frame.wait_for_function("() => { const i = document.querySelector('.kim-popup-foto'); return i && i.complete && i.naturalWidth > 0; }",
                                timeout=20_000)
        hal.screenshot(path=str(tmp_path / "ponsel-popup.png"), full_page=False)
        b.close()
