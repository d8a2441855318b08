"""Field reports and stored accounts: one save path, verification that holds figures back, administrators only."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geo.masuk.dataset import muat_dataset
from geo.simpan.akun import kumpulkan_pengguna, periksa_login
from geo.simpan.daftar_akun import AkunBerkas, akun_untuk, gabung_pengguna, hapus_akun, tambah_akun, ubah_akun
from geo.simpan.foto import path_foto
from geo.simpan.kim import path_audit
from geo.simpan.laporan import LaporanKegiatan, id_berikutnya, simpan_laporan
from geo.simpan.lingkup import EDITOR, PELAPOR, Akun, GalatLingkup
from geo.simpan.menunggu import ajukan, baca_menunggu, terima, tolak_laporan
from geo.tampilan import waktu
from tests.conftest import KODE_A, jpeg_uji, tulis_log

PELAPOR_A = Akun("pelapor_a", PELAPOR, KODE_A)


@pytest.fixture
def log_uji(wilayah_uji, monkeypatch):
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    return tulis_log(wilayah_uji, "KEG-00007,A-01,2024-05-01,rapat,6,")


def _lap(id_kegiatan="KEG-00008", id_potensi="A-02", tanggal="2025-03-30", foto=True) -> LaporanKegiatan:
    return LaporanKegiatan(id_kegiatan, id_potensi, tanggal, "rapat", "9", "Rapat pengurus", jpeg_uji() if foto else None, "hp.jpg")


def test_id_berikutnya_melewati_yang_terpakai():
    import pandas as pd

    assert id_berikutnya(pd.Series(["KEG-00007", "X-1"]), pd.Series(["KEG-00009"])) == "KEG-00010"
    assert id_berikutnya(pd.Series([], dtype=object)) == "KEG-00001"


def test_laporan_dengan_foto_tersimpan_dan_dihitung(log_uji, wilayah_uji):
    hasil = simpan_laporan(muat_dataset(), PELAPOR_A, [_lap()])
    assert hasil.disimpan and hasil.perubahan.ditambah == ["KEG-00008"]
    assert path_foto(wilayah_uji.kim, "A-02").is_file()
    ds = muat_dataset()
    assert "KEG-00008" in set(ds.kegiatan["id_kegiatan"])
    # The KIM table's hand-set date follows the report (it was 2023-01-15), as an audited save by the reporter.
    assert str(ds.potensi.set_index("id_potensi").at["A-02", "kegiatan_terakhir"])[:10] == "2025-03-30"
    assert json.loads(path_audit(wilayah_uji.kim).read_text().splitlines()[-1])["pengguna"] == "pelapor_a"


def test_laporan_foto_rusak_tidak_menyimpan_apa_pun(log_uji):
    sebelum = log_uji.read_bytes()
    rusak = LaporanKegiatan("KEG-00008", "A-02", "2025-03-30", "rapat", foto=b"bukan gambar", nama_foto="x.jpg")
    with pytest.raises(Exception, match="KEG-00008"):
        simpan_laporan(muat_dataset(), PELAPOR_A, [rusak])
    assert log_uji.read_bytes() == sebelum


def test_verifikasi_menahan_laporan_sampai_editor_menerima(log_uji, wilayah_uji):
    ds = muat_dataset()
    ajukan(ds, PELAPOR_A, [_lap(), _lap("KEG-00009", "A-03", foto=False)])
    assert list(baca_menunggu(ds)["id_kegiatan"]) == ["KEG-00008", "KEG-00009"]
    assert set(muat_dataset().kegiatan["id_kegiatan"]) == {"KEG-00007"}  # not counted yet
    with pytest.raises(GalatLingkup, match="memverifikasi"):
        terima(ds, PELAPOR_A, ["KEG-00008"])  # a reporter cannot accept its own report
    with pytest.raises(GalatLingkup, match="lingkup"):
        terima(ds, Akun("ed_dua", EDITOR, "99.01.02"), ["KEG-00008"])  # an editor of another kecamatan
    hasil = terima(ds, Akun("ed_satu", EDITOR, "99.01.01"), ["KEG-00008"])
    assert hasil.disimpan and set(muat_dataset().kegiatan["id_kegiatan"]) == {"KEG-00007", "KEG-00008"}
    assert path_foto(wilayah_uji.kim, "A-02").is_file()
    tolak_laporan(ds, Akun("ed_satu", EDITOR, "99.01.01"), ["KEG-00009"])
    assert baca_menunggu(ds).empty and len(muat_dataset().kegiatan) == 2
    audit = [json.loads(b)["aksi"] for b in (wilayah_uji.dir / "audit_laporan_menunggu.jsonl").read_text().splitlines()]
    assert [a for a in audit if a.startswith("ditolak-")] == ["ditolak-verifikasi", "ditolak-kegiatan"] and "lapor-terima" in audit and "lapor-tolak" in audit


def test_pengajuan_di_luar_lingkup_ditolak(log_uji):
    ds = muat_dataset()
    with pytest.raises(GalatLingkup, match="B-01|KEG-00008"):
        ajukan(ds, PELAPOR_A, [_lap(id_potensi="B-01")])
    assert baca_menunggu(ds).empty
    with pytest.raises(Exception, match="masa depan"):
        ajukan(ds, PELAPOR_A, [_lap(tanggal="2030-01-01")])


def test_akun_tersimpan_dikelola_administrator(tmp_path):
    penyimpan = AkunBerkas(tmp_path / "akun.json")
    tambah_akun(penyimpan, "admin", "Sari", "rahasia-sari", "pelapor", "6474011001")
    (a,) = penyimpan.baca()
    assert (a.nama, a.peran, a.lingkup) == ("sari", "pelapor", "64.74.01.1001") and a.hash.startswith("$2")
    assert "rahasia" not in (tmp_path / "akun.json").read_text()
    with pytest.raises(GalatLingkup, match="administrator"):
        tambah_akun(penyimpan, a.akun, "rudi", "rahasia-rudi", "editor", "")
    admin_kota = Akun("admin_kota", "administrator", "64.74")
    with pytest.raises(GalatLingkup, match="di luar lingkup"):
        tambah_akun(penyimpan, admin_kota, "prov", "rahasia-prov", "editor", "64")
    ubah_akun(penyimpan, admin_kota, "sari", peran="editor", lingkup="64.74.01")
    daftar = gabung_pengguna(kumpulkan_pengguna(None, {"KIM_PENGGUNA": ""}), penyimpan.baca())
    assert periksa_login(daftar, "SARI", "rahasia-sari") == "sari"
    assert akun_untuk(daftar, "sari") == Akun("sari", "editor", "64.74.01")
    hapus_akun(penyimpan, "admin", "sari")
    assert penyimpan.baca() == []
    aksi = [json.loads(b)["aksi"] for b in (tmp_path / "audit_akun.jsonl").read_text().splitlines()]
    assert aksi == ["akun-tambah", "ditolak-akun", "ditolak-akun", "akun-ubah", "akun-hapus"]
