"""Login limiter, second round (#21): shared counts, case folding, clean addresses, no eviction, proxy header."""

from __future__ import annotations

import bcrypt
import pytest

from geo.galat import GalatData
from geo.simpan.akun import kumpulkan_pengguna
from geo.simpan.gudang import GudangBerkas
from geo.simpan.pembatas import MAKS_GAGAL, PembatasLogin, alamat_klien, kunci_akun, proxy_tepercaya
from geo.simpan.pembatas_simpan import GagalMemori, GagalSqlite
from tests.simpan.test_login_batas import Jam

BENAR = "sandi-budi-benar"


@pytest.fixture
def daftar():
    hash_ = bcrypt.hashpw(BENAR.encode(), bcrypt.gensalt(rounds=4)).decode()
    return kumpulkan_pengguna(None, {"KIM_PENGGUNA": f"budi:{hash_},ani:{hash_}"})


@pytest.fixture(params=["memori", "sqlite", "gudang_berkas"])
def penyimpan(request, tmp_path):
    if request.param == "memori":
        return GagalMemori()
    if request.param == "sqlite":
        return GagalSqlite(tmp_path / "hitung.sqlite3")
    (tmp_path / "data").mkdir()
    return GudangBerkas(tmp_path / "data" / "kim.csv", tmp_path / "data" / "b.geojson")


def test_salah_dari_satu_alamat_tidak_mengunci_alamat_lain(daftar, penyimpan):
    p = PembatasLogin(penyimpan, jam=Jam())
    for _ in range(MAKS_GAGAL + 3):
        p.masuk(daftar, "budi", "tebakan", "203.0.113.66")
    assert p.masuk(daftar, "budi", BENAR, "203.0.113.66").pengguna is None  # the guesser stays locked out
    assert p.masuk(daftar, "budi", BENAR, "198.51.100.7").pengguna == "budi"  # the editor is not


def test_huruf_besar_kecil_satu_akun(daftar, penyimpan):
    p = PembatasLogin(penyimpan, jam=Jam())
    for i, nama in enumerate(["BUDI", "Budi", "budi ", "bUdI", "BuDi"]):
        p.masuk(daftar, nama, "salah", f"10.0.0.{i}")
    assert kunci_akun("BUDI") == kunci_akun("budi")
    assert p.tunggu("budi", "10.0.0.1") > 0


def test_berhasil_menghapus_hitungan(daftar, penyimpan):
    p = PembatasLogin(penyimpan, jam=Jam())
    for _ in range(MAKS_GAGAL - 1):
        p.masuk(daftar, "Budi", "salah", "10.0.0.1")
    assert p.masuk(daftar, "budi", BENAR, "10.0.0.1").pengguna == "budi"
    assert penyimpan.pembatas_baca([kunci_akun("budi"), "alamat:10.0.0.1"]) == {}
    p.masuk(daftar, "budi", "salah", "10.0.0.1")  # one slip after a success does not lock
    assert p.tunggu("budi", "10.0.0.1") == 0


def test_alamat_tak_dikenal_tidak_dikumpulkan(daftar, penyimpan):
    p = PembatasLogin(penyimpan, jam=Jam())
    for _ in range(MAKS_GAGAL + 2):
        p.masuk(daftar, "penyerang", "salah", None)  # Streamlit could not tell the address
    assert p.masuk(daftar, "ani", BENAR, None).pengguna == "ani"  # another account is not affected


@pytest.mark.parametrize("jenis", ["memori", "sqlite"])
def test_akun_terkunci_tidak_tergusur_banjir_alamat(daftar, tmp_path, jenis):
    penyimpan = GagalMemori(maks=100) if jenis == "memori" else GagalSqlite(tmp_path / "h.sqlite3", maks=100)
    jam = Jam()
    p = PembatasLogin(penyimpan, jam=jam)
    for _ in range(MAKS_GAGAL):
        p.masuk(daftar, "budi", "salah", "10.0.0.1")
    jam.t += 31  # the first lock (30 s) ran out; the sixth failure locks for 60 s
    p.masuk(daftar, "budi", "salah", "10.0.0.1")
    for i in range(0, 5000, 50):  # failures from 5,000 other addresses (50 per store call: a fast test)
        alamat = [f"alamat:198.18.{j // 256}.{j % 256}" for j in range(i, i + 50)]
        penyimpan.pembatas_gagal(alamat, jam.t, p.lupa_detik, p._jeda)
    assert penyimpan.pembatas_baca([kunci_akun("budi")])[kunci_akun("budi")].gagal == MAKS_GAGAL + 1
    assert p.masuk(daftar, "budi", BENAR, "10.0.0.1").tunggu_detik > 0


def test_hitungan_dibagi_antar_proses(daftar, tmp_path):
    """Two processes (two connections to one store) count the same failures: replicas do not multiply attempts."""
    path = tmp_path / "data" / "kim.csv"
    path.parent.mkdir()
    a, b = PembatasLogin(GudangBerkas(path, path), jam=Jam()), PembatasLogin(GagalSqlite(path.parent / ".pembatas_login.sqlite3"), jam=Jam())
    for i in range(MAKS_GAGAL):
        (a if i % 2 else b).masuk(daftar, "budi", "salah", "10.0.0.9")
    assert b.tunggu("budi", "10.0.0.9") > 0 and a.tunggu("budi", "10.0.0.9") > 0


def test_alamat_dari_proxy_hanya_bila_proxy_disebut(monkeypatch):
    kepala = {"x-forwarded-for": "6.6.6.6, 203.0.113.5"}  # "6.6.6.6" was written by the client itself
    monkeypatch.delenv("KIM_PROXY_TEPERCAYA", raising=False)
    assert alamat_klien(None, kepala) is None  # no proxy named: the header is anyone's word
    assert alamat_klien("192.0.2.1", kepala) == "192.0.2.1"
    monkeypatch.setenv("KIM_PROXY_TEPERCAYA", "127.0.0.1, 172.16.0.0/12")
    assert alamat_klien(None, kepala) == "203.0.113.5"  # loopback proxy (Streamlit says None)
    assert alamat_klien("172.18.0.4", {"X-Forwarded-For": "203.0.113.5, 172.18.0.9"}) == "203.0.113.5"
    assert alamat_klien("192.0.2.1", kepala) == "192.0.2.1"  # not a named proxy: header ignored
    assert alamat_klien(None, {"X-Forwarded-For": "bukan-ip"}) is None
    assert alamat_klien("<MagicMock>", {}) is None  # only real addresses are counted
    monkeypatch.setenv("KIM_PROXY_HEADER", "X-Real-IP")
    assert alamat_klien(None, {"X-Real-IP": "198.51.100.3"}) == "198.51.100.3"
    with pytest.raises(GalatData, match="KIM_PROXY_TEPERCAYA: 'nginx'"):
        proxy_tepercaya("nginx")
