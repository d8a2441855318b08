"""The phone report page, the account page and Kelola Data for a reporter, driven by AppTest."""

from __future__ import annotations

import datetime as dt

import bcrypt
import pytest
from streamlit.testing.v1 import AppTest

from geo.config import PROJECT_DIR
from geo.masuk.dataset import muat_dataset
from geo.simpan.daftar_akun import AkunBerkas, tambah_akun
from tests.conftest import KODE_A, tulis_log

LAPOR = str(PROJECT_DIR / "pages" / "3_Lapor.py")
AKUN = str(PROJECT_DIR / "pages" / "4_Akun.py")
KELOLA = str(PROJECT_DIR / "pages" / "1_Kelola_Data.py")


@pytest.fixture
def akun(wilayah_uji, monkeypatch):
    monkeypatch.setenv("KIM_PENGGUNA", "admin:" + bcrypt.hashpw(b"sandi-admin-1", bcrypt.gensalt(rounds=4)).decode())
    tambah_akun(AkunBerkas(wilayah_uji.dir / "akun.json"), "uji", "alfa", "sandi-alfa-1", "pelapor", KODE_A)
    tulis_log(wilayah_uji, "KEG-00001,A-01,2024-05-01,rapat,6,")
    return wilayah_uji


def _masuk(halaman: str, nama: str, sandi: str) -> AppTest:
    at = AppTest.from_file(halaman, default_timeout=60)
    at.run()
    at.text_input(key="kelola_login_nama").input(nama)
    at.text_input(key="kelola_login_sandi").input(sandi)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def test_pelapor_hanya_melihat_potensi_lingkupnya_dan_melapor(akun):
    at = _masuk(LAPOR, "alfa", "sandi-alfa-1")
    pilih = at.selectbox(key="lapor_potensi")
    assert pilih.options == ["Amplang · KIM Alfa (Alfa Laut)", "Ikan bakar · KIM Alfa (Alfa Laut)", "Kampung air · KIM Alfa (Alfa Laut)"]
    assert at.date_input(key="lapor_tanggal").value == dt.date.today()
    pilih.set_value("A-02")
    at.selectbox(key="lapor_jenis").set_value("produksi")
    at.number_input(key="lapor_peserta").set_value(7)
    at.text_area(key="lapor_catatan").input("Produksi amplang")
    at.button[-1].click().run()  # "Kirim laporan"
    assert not at.exception, at.exception
    assert any("KEG-00002 tersimpan" in s.value for s in at.success)
    log = muat_dataset().kegiatan.set_index("id_kegiatan")
    assert log.at["KEG-00002", "id_potensi"] == "A-02" and log.at["KEG-00002", "jenis_kegiatan"] == "produksi"


def test_pelapor_di_kelola_data_tanpa_tabel_dan_anggaran(akun):
    at = _masuk(KELOLA, "alfa", "sandi-alfa-1")
    assert not at.tabs and not [b for b in at.button if b.key == "kelola_simpan"]
    assert [o.split(" · ")[0] for o in at.selectbox(key="lapangan_id").options] == ["A-01", "A-02", "A-03"]  # not B-01, B-02


def test_halaman_akun_hanya_untuk_administrator(akun):
    at = _masuk(AKUN, "alfa", "sandi-alfa-1")
    assert any("Hanya administrator" in i.value for i in at.info)
    at = _masuk(AKUN, "admin", "sandi-admin-1")
    daftar = at.dataframe[0].value
    awal = daftar[daftar["nama"] == "admin"]  # the bootstrap administrator is listed, not "no accounts"
    assert awal["peran"].tolist() == ["administrator"] and "KIM_PENGGUNA" in awal.iloc[0]["diubah"]
    at.text_input(key="akun_nama").input("beta_ed")
    at.selectbox(key="akun_peran").set_value("editor")
    at.text_input(key="akun_lingkup").input("990101")
    at.text_input(key="akun_sandi").input("sandi-beta-12")
    next(b for b in at.button if b.label == "Tambah").click().run()
    assert not at.exception, at.exception
    (baru,) = [a for a in AkunBerkas(akun.dir / "akun.json").baca() if a.nama == "beta_ed"]
    assert (baru.peran, baru.lingkup) == ("editor", "99.01.01")
    assert "beta_ed" in at.dataframe[0].value["nama"].tolist()


def test_foto_lapor_menyebut_batas_12_mb_bukan_200(akun):
    """On a phone a 20 MB photo must be refused before it is sent, as the label (12 MB) says, not after."""
    at = _masuk(LAPOR, "alfa", "sandi-alfa-1")
    pengunggah = at.get("file_uploader")
    assert len(pengunggah) == 1 and "12 MB" in pengunggah[0].proto.label
    assert pengunggah[0].proto.max_upload_size_mb == 12


def test_akun_dengan_lingkup_di_luar_wilayah_ditolak(akun):
    """Scope 99.99 covers no kelurahan here: the reporter could report nothing, so the page refuses it by name."""
    at = _masuk(AKUN, "admin", "sandi-admin-1")
    at.text_input(key="akun_nama").input("budi")
    at.text_input(key="akun_lingkup").input("99.99")
    at.text_input(key="akun_sandi").input("sandi-budi-123")
    at.button[-3].click().run()  # "Tambah"
    assert not at.exception, at.exception
    galat = " ".join(e.value for e in at.error).replace("\\", "")
    assert "99.99" in galat and "tidak mencakup kelurahan" in galat
    assert not any("tersimpan" in s.value for s in at.success)
    at.text_input(key="akun_nama").input("budi")
    at.text_input(key="akun_lingkup").input(KODE_A)
    at.text_input(key="akun_sandi").input("sandi-budi-123")
    at.button[-3].click().run()
    assert not at.exception, at.exception
    assert not at.error
