"""Login limits: server-wide per account and per address, growing delay, no bcrypt when refused."""

from __future__ import annotations

import bcrypt
import pytest

from geo.simpan import akun
from geo.simpan.akun import kumpulkan_pengguna
from geo.simpan.pembatas import MAKS_GAGAL, PembatasLogin
from tests.halaman.test_kelola_apptest import SANDI, _buka, _masuk, _teks


class Jam:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def daftar():
    hash_ = bcrypt.hashpw(b"sandi-budi-benar", bcrypt.gensalt(rounds=4)).decode()
    return kumpulkan_pengguna(None, {"KIM_PENGGUNA": f"budi:{hash_}"})


@pytest.fixture
def hitung_bcrypt(monkeypatch):
    panggilan = []
    asli = akun.bcrypt.checkpw

    def hitung(*a):
        panggilan.append(1)
        return asli(*a)

    monkeypatch.setattr(akun.bcrypt, "checkpw", hitung)
    return panggilan


def test_over_the_limit_is_refused_before_bcrypt(daftar, hitung_bcrypt):
    jam = Jam()
    p = PembatasLogin(jam=jam)
    for _ in range(MAKS_GAGAL):
        assert p.masuk(daftar, "budi", "salah", "10.0.0.1").pengguna is None
    assert len(hitung_bcrypt) == MAKS_GAGAL
    hasil = p.masuk(daftar, "budi", "sandi-budi-benar", "10.0.0.1")
    assert hasil.pengguna is None and hasil.tunggu_detik == pytest.approx(30)
    assert len(hitung_bcrypt) == MAKS_GAGAL  # refused without hashing


def test_limit_is_per_account_across_addresses_and_sessions(daftar):
    jam = Jam()
    p = PembatasLogin(jam=jam)
    for i in range(MAKS_GAGAL):
        p.masuk(daftar, "budi", "salah", f"10.0.0.{i}")  # a new address (or session) each try
    # #21: the account is locked for every address that took part, even with the right password ...
    assert p.masuk(daftar, "budi", "sandi-budi-benar", "10.0.0.3").tunggu_detik > 0
    assert p.masuk(daftar, "budi", "sandi-budi-benar", None).tunggu_detik > 0  # an unknown address is never clean
    # ... a clean address gets one guess, counted; then it is locked out too
    assert p.masuk(daftar, "budi", "salah", "10.9.9.8").tunggu_detik == 0
    assert p.masuk(daftar, "budi", "sandi-budi-benar", "10.9.9.8").tunggu_detik > 0


def test_limit_is_per_address_across_accounts(daftar):
    jam = Jam()
    p = PembatasLogin(jam=jam)
    for i in range(MAKS_GAGAL):
        p.masuk(daftar, f"tebak{i}", "salah", "10.0.0.7")
    assert p.masuk(daftar, "budi", "sandi-budi-benar", "10.0.0.7").tunggu_detik > 0
    assert p.masuk(daftar, "budi", "sandi-budi-benar", "10.0.0.8").pengguna == "budi"


def test_delay_grows_with_each_further_failure(daftar):
    jam = Jam()
    p = PembatasLogin(jam=jam)
    for _ in range(MAKS_GAGAL):
        p.masuk(daftar, "budi", "salah", "a")
    jeda = []
    for _ in range(4):
        jeda.append(p.tunggu("budi", "a"))
        jam.t += jeda[-1] + 0.01
        assert p.masuk(daftar, "budi", "salah", "a").tunggu_detik == 0  # allowed, but wrong
    assert len(jeda) == 4
    assert jeda == pytest.approx([30, 60, 120, 240], abs=0.1)
    jam.t += p.tunggu("budi", "a") + 0.01
    assert p.masuk(daftar, "budi", "sandi-budi-benar", "a").pengguna == "budi"
    assert p.tunggu("budi", "a") == 0  # success forgets the failures


def test_each_failure_is_logged_without_the_password(daftar, caplog):
    p = PembatasLogin(jam=Jam())
    with caplog.at_level("INFO", logger="geo.login"):
        p.masuk(daftar, "budi", "Rahasia-Bocor-99", "192.0.2.5")
    gagal = [r for r in caplog.records if "gagal" in r.getMessage()]
    assert len(gagal) == 1
    pesan = gagal[0].getMessage()
    assert "budi" in pesan and "192.0.2.5" in pesan and "waktu=" in pesan
    assert "Rahasia" not in caplog.text


def test_new_browser_session_does_not_reset_the_limit(akun_halaman):
    for _ in range(MAKS_GAGAL):
        at = _buka()  # a fresh session every try, as an attacker would
        _masuk(at, "salah-lagi")
        assert "kata sandi salah" in _teks(at)
    at = _buka()
    _masuk(at, SANDI)
    assert "Terlalu banyak percobaan" in _teks(at)
    assert "kelola_pengguna" not in at.session_state


def test_malformed_account_is_not_shown_to_visitors(akun_halaman, monkeypatch):
    monkeypatch.setenv("KIM_PENGGUNA", "budi=Rahasia123!")
    at = _buka()
    teks = _teks(at)
    assert "Rahasia" not in teks and "budi=" not in teks
    assert "check-accounts" in teks


@pytest.fixture
def akun_halaman(wilayah_uji, monkeypatch):
    hash_ = bcrypt.hashpw(SANDI.encode(), bcrypt.gensalt(rounds=4)).decode()
    monkeypatch.setenv("KIM_PENGGUNA", f"Budi:{hash_}")
    return wilayah_uji
