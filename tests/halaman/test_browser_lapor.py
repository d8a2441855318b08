"""A KIM reporter on a phone (390 px): one form, one photo; an editor accepts; the map and detail panel count it.

Verification is on (``"verifikasi_laporan": true`` in wilayah.json), so the
report first waits, uncounted, until an editor of the kecamatan accepts it.
Screenshots are kept in the test's tmp folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re

import pytest

from geo.format_id import tanggal
from geo.i18n import t
from geo.simpan.daftar_akun import AkunBerkas, tambah_akun
from geo.simpan.foto import nama_berkas, path_foto
from tests.conftest import KODE_A, buat_wilayah, jpeg_uji, tulis_log
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PONSEL, PROYEK, hanya_lokal, jalankan, tunggu_diam

pytestmark = pytest.mark.lambat
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright

IFRAME_PETA = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture
def server_lapor(tmp_path):
    w = buat_wilayah(tmp_path / "data")
    isi = json.loads(w.wilayah.read_text(encoding="utf-8"))
    w.wilayah.write_text(json.dumps({**isi, "verifikasi_laporan": True}), encoding="utf-8")
    tulis_log(w, "KEG-00001,A-01,2024-05-01,rapat,6,")
    akun = AkunBerkas(w.dir / "akun.json")
    tambah_akun(akun, "uji", "pelapor_alfa", "sandi-pelapor-1", "pelapor", KODE_A)
    tambah_akun(akun, "uji", "editor_satu", "sandi-editor-1", "editor", "990101")  # 99.01.01, written without dots
    env = {"KIM_CSV": str(w.kim), "KIM_BOUNDARIES": str(w.batas), "KIM_REFERENSI": str(w.referensi), "KIM_WILAYAH": str(w.wilayah)}
    statis = PROYEK / "static" / "foto" / nama_berkas("A-03")  # #21: photos are named by a digest of the id
    with jalankan(env, tmp_path / "server.log") as srv:
        yield srv, w
    statis.unlink(missing_ok=True)


def _masuk(hal, nama: str, sandi: str) -> None:
    hal.get_by_label("Nama pengguna").fill(nama)
    hal.get_by_label("Kata sandi").fill(sandi)
    hal.get_by_role("button", name="Masuk").click()


def test_pelapor_melapor_dari_ponsel_editor_menerima_peta_menghitung(server_lapor, tmp_path):
    srv, w = server_lapor
    luar: list[str] = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        konteks = b.new_context(**PONSEL)
        konteks.route("**/*", hanya_lokal(luar))
        hal = konteks.new_page()
        hal.goto(srv.url + "/Lapor")
        _masuk(hal, "pelapor_alfa", "sandi-pelapor-1")
        pilih = hal.get_by_role("combobox", name=re.compile("Potensi"))
        expect(pilih).to_be_visible(timeout=30_000)
        expect(pilih).to_have_value(re.compile("Amplang · KIM Alfa"))  # its own KIM on the first screen
        pilih.click()
        hal.keyboard.type("Kampung")
        hal.keyboard.press("Enter")
        hal.get_by_role("combobox", name=re.compile("Jenis kegiatan")).click()
        hal.keyboard.type("pelatihan")
        hal.keyboard.press("Enter")
        hal.get_by_label("Jumlah peserta").fill("12")
        hal.get_by_label("Catatan singkat").fill("Pelatihan foto produk untuk pemandu")
        hal.locator("input[type=file]").set_input_files({"name": "kamera.jpg", "mimeType": "image/jpeg", "buffer": jpeg_uji(1200, 900, (200, 90, 30))})
        expect(hal.get_by_text("kamera.jpg")).to_be_visible(timeout=30_000)
        hal.screenshot(path=str(tmp_path / "lapor-isi.png"), full_page=True)
        assert hal.evaluate("() => document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone"
        tunggu_diam(hal)
        hal.get_by_role("button", name="Kirim laporan").click()
        expect(hal.get_by_text("terkirim dan menunggu verifikasi", exact=False)).to_be_visible(timeout=30_000)
        hal.screenshot(path=str(tmp_path / "lapor-terkirim.png"), full_page=True)
        antre = (w.dir / "laporan_menunggu.csv").read_text(encoding="utf-8")
        assert "KEG-00002,A-03," in antre and "pelapor_alfa" in antre
        assert "A-03" not in (w.dir / "kegiatan.csv").read_text(encoding="utf-8")  # not counted yet

        hal.get_by_role("button", name="Keluar").click()
        _masuk(hal, "editor_satu", "sandi-editor-1")
        expect(hal.get_by_text("Menunggu verifikasi (1)")).to_be_visible(timeout=30_000)
        hal.get_by_role("button", name="Terima").click()
        expect(hal.get_by_text("diterima dan kini dihitung", exact=False)).to_be_visible(timeout=30_000)
        log = (w.dir / "kegiatan.csv").read_text(encoding="utf-8")
        hari_ini = dt.date.today()
        assert f"KEG-00002,A-03,{hari_ini:%Y-%m-%d},pelatihan/bimtek,12,Pelatihan foto produk untuk pemandu" in log
        assert path_foto(w.kim, "A-03").is_file()
        audit = [json.loads(b) for b in (w.dir / "audit_kegiatan.jsonl").read_text().splitlines()]
        assert audit[-1]["pengguna"] == "editor_satu" and audit[-1]["aksi"] == "lapor-terima"

        hal.goto(srv.url + f"/?kelurahan={KODE_A}")
        detail = hal.locator(".st-key-kim_detail")
        expect(detail).to_contain_text(f"{t('kegiatan_terakhir', 'id')}: {tanggal(hari_ini, 'id')}", timeout=60_000)
        expect(detail).to_contain_text(t("kegiatan_kim", "id", n="2"))
        tunggu_diam(hal)
        detail.scroll_into_view_if_needed()
        hal.screenshot(path=str(tmp_path / "lapor-detail.png"), full_page=False)
        peta = hal.frame_locator(IFRAME_PETA)
        peta.locator(".kim-potensi").first.wait_for(timeout=60_000)
        frame = next(f for f in hal.frames if "st_folium" in f.url)
        frame.evaluate("""() => { Object.values(window.map._layers).forEach(l => {
            if (l.getLatLng && l.getPopup && l.getPopup() && Math.abs(l.getLatLng().lat - 0.020) < 1e-6 && Math.abs(l.getLatLng().lng - 110.020) < 1e-6) { l.openPopup(); } }); }""")
        popup = peta.locator(".kim-popup", has_text="Kampung air")
        expect(popup).to_contain_text(tanggal(hari_ini, "id"), timeout=20_000)
        expect(popup.locator("img.kim-popup-foto")).to_have_count(1)
        hal.locator(IFRAME_PETA).scroll_into_view_if_needed()
        hal.screenshot(path=str(tmp_path / "lapor-peta.png"), full_page=False)
        b.close()
    assert not luar, f"requests outside the app: {luar}"
