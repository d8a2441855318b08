"""#20: replacing the KIM table by upload while activities still name a removed potential (real browser).

Refused with the list of rows that point at it; then the explicit cascade saves it.
"""

from __future__ import annotations

import os

import bcrypt
import pytest

from tests.conftest import buat_wilayah
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, jalankan, masuk_kelola, tunggu_diam, unggah

pytestmark = pytest.mark.lambat
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright

LOG = "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK1,A-01,2024-05-01,rapat,6,\nK2,A-03,2025-02-03,rapat,,\n"


def test_unggah_ganti_ditolak_lalu_hapus_berantai(tmp_path):
    w = buat_wilayah(tmp_path / "data")
    (w.dir / "kegiatan.csv").write_text(LOG, encoding="utf-8")
    tanpa_a01 = "\n".join(b for b in w.kim.read_text(encoding="utf-8").splitlines() if not b.startswith("A-01")) + "\n"
    sandi = bcrypt.hashpw(b"sandi-integritas-1", bcrypt.gensalt(rounds=4)).decode()
    env = {"KIM_CSV": str(w.kim), "KIM_BOUNDARIES": str(w.batas), "KIM_REFERENSI": str(w.referensi),
           "KIM_WILAYAH": str(w.wilayah), "KIM_PENGGUNA": f"admin:{sandi}", "KIM_ANGGARAN": str(w.dir / "anggaran.csv")}
    with jalankan(env, tmp_path / "server.log") as srv, sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        konteks = b.new_context(viewport={"width": 1280, "height": 1400})
        hal = masuk_kelola(konteks, srv.url, "admin", "sandi-integritas-1")
        hal.get_by_role("tab", name="Unggah berkas").click()
        tunggu_diam(hal)
        unggah(hal, hal.locator("input[type=file]").first, {"name": "baru.csv", "mimeType": "text/csv",
                                                            "buffer": tanpa_a01.encode("utf-8")}, tab="Unggah berkas")
        hal.get_by_role("tab", name="Unggah berkas").click()
        hal.get_by_text("Ganti seluruh data", exact=False).click()
        tunggu_diam(hal)
        hal.get_by_role("tab", name="Unggah berkas").click()
        hal.get_by_role("button", name="Simpan unggahan").click()
        tunggu_diam(hal)
        hal.get_by_role("tab", name="Tabel").click()
        expect(hal.get_by_text("Potensi A-01 tidak dapat dihapus", exact=False).first).to_be_visible(timeout=30_000)
        hal.screenshot(path=str(tmp_path / "integritas-ditolak.png"), full_page=True)
        assert "A-01" in w.kim.read_text(encoding="utf-8")
        hal.get_by_role("tab", name="Unggah berkas").click()
        hal.get_by_text("Hapus juga kegiatan dan baris anggaran", exact=False).click()
        tunggu_diam(hal)
        hal.get_by_role("tab", name="Unggah berkas").click()
        hal.get_by_role("button", name="Simpan unggahan").click()
        expect(hal.get_by_text("Ikut dihapus: 1 baris", exact=False)).to_be_visible(timeout=30_000)
        hal.screenshot(path=str(tmp_path / "integritas-berantai.png"), full_page=True)
        b.close()
    assert "A-01" not in w.kim.read_text(encoding="utf-8") and "K1," not in (w.dir / "kegiatan.csv").read_text(encoding="utf-8")
