"""#20: on a phone, the editor sees before saving what the map will show for a status (real browser)."""

from __future__ import annotations

import os
import re

import bcrypt
import pytest

from tests.conftest import buat_wilayah
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, PONSEL, jalankan, masuk_kelola, tunggu_diam

pytestmark = pytest.mark.lambat
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright

LOG = "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK1,A-01,2024-05-01,rapat,6,\n"


def _pilih(hal, nama: str) -> None:
    hal.get_by_role("combobox", name=re.compile("Cari potensi")).click()
    hal.keyboard.type(nama)
    hal.keyboard.press("Enter")
    expect(hal.get_by_text("Simpan status")).to_be_visible(timeout=30_000)


def test_ponsel_melihat_status_peta_sebelum_menyimpan(tmp_path):
    w = buat_wilayah(tmp_path / "data")
    (w.dir / "kegiatan.csv").write_text(LOG, encoding="utf-8")
    sandi = bcrypt.hashpw(b"sandi-lapangan-1", bcrypt.gensalt(rounds=4)).decode()
    env = {"KIM_CSV": str(w.kim), "KIM_BOUNDARIES": str(w.batas), "KIM_REFERENSI": str(w.referensi),
           "KIM_WILAYAH": str(w.wilayah), "KIM_PENGGUNA": f"petugas:{sandi}"}
    with jalankan(env, tmp_path / "server.log") as srv, sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        konteks = b.new_context(**PONSEL)
        hal = masuk_kelola(konteks, srv.url, "petugas", "sandi-lapangan-1")
        hal.get_by_role("tab", name="Lapangan & foto").click()
        _pilih(hal, "Amplang")  # the log has its activities, so the log decides
        hal.get_by_role("radiogroup").get_by_text("Kurang Aktif", exact=True).click()
        expect(hal.get_by_text("Peta akan tetap menampilkan", exact=False)).to_be_visible(timeout=30_000)
        expect(hal.get_by_text("Tidak Aktif", exact=False).first).to_be_visible()
        hal.screenshot(path=str(tmp_path / "pratinjau-log.png"), full_page=True)
        _pilih(hal, "Ikan bakar")  # no logged activity, a recorded date: the recorded status shows
        expect(hal.get_by_text("Ikan bakar · KIM Alfa", exact=False)).to_be_visible(timeout=30_000)
        tunggu_diam(hal)
        hal.screenshot(path=str(tmp_path / "pratinjau-a02.png"), full_page=True)
        hal.get_by_role("radiogroup").get_by_text("Aktif", exact=True).click()
        expect(hal.get_by_text("Peta akan menampilkan: Aktif", exact=False)).to_be_visible(timeout=30_000)
        hal.screenshot(path=str(tmp_path / "pratinjau-tercatat.png"), full_page=True)
        b.close()
