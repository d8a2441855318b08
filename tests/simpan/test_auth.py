"""Editor accounts: hashed passwords only, from secrets or KIM_PENGGUNA."""

from __future__ import annotations

import io

import bcrypt
import pytest

from geo.cli.utama import main
from geo.simpan.akun import buat_hash, kumpulkan_pengguna, periksa_login


def _hash(sandi: str) -> str:
    return bcrypt.hashpw(sandi.encode(), bcrypt.gensalt(rounds=4)).decode()


def test_accounts_from_env_and_secrets():
    env = {"KIM_PENGGUNA": f"Budi:{_hash('sandi-budi-1')}, ani:{_hash('sandi-ani-12')}\n"}
    daftar = kumpulkan_pengguna({"Citra": _hash("sandi-citra-1")}, env)
    assert sorted(daftar.akun) == ["ani", "budi", "citra"] and daftar.peringatan == []
    assert periksa_login(daftar, " BUDI ", "sandi-budi-1") == "budi"
    assert periksa_login(daftar, "citra", "sandi-citra-1") == "citra"
    assert periksa_login(daftar, "budi", "sandi-ani-12") is None
    assert periksa_login(daftar, "tidakada", "sandi-budi-1") is None


def test_plain_password_in_config_is_refused_with_a_reason():
    daftar = kumpulkan_pengguna({"dodi": "password123"}, {"KIM_PENGGUNA": "eka"})
    assert daftar.kosong
    teks = " ".join(daftar.peringatan)
    assert "bukan hash bcrypt" in teks and "hash-password" in teks and "NAMA:HASH" in teks
    assert periksa_login(daftar, "dodi", "password123") is None


def test_no_accounts_is_empty():
    assert kumpulkan_pengguna(None, {}).kosong


def test_hash_password_cli_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("kata-sandi-kuat\n"))
    assert main(["hash-password", "--user", "Budi"]) == 0
    baris = capsys.readouterr().out.strip()
    nama, _, hash_ = baris.partition(":")
    assert nama == "budi" and bcrypt.checkpw(b"kata-sandi-kuat", hash_.encode())
    daftar = kumpulkan_pengguna(None, {"KIM_PENGGUNA": baris})
    assert periksa_login(daftar, "budi", "kata-sandi-kuat") == "budi"


def test_short_password_is_refused(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("pendek\n"))
    assert main(["hash-password"]) == 1
    assert "minimal 8" in capsys.readouterr().err
    with pytest.raises(ValueError):
        buat_hash("x" * 80)


SANDI_BOCOR = "Rahasia123!"


@pytest.mark.parametrize("isi", [f"budi={SANDI_BOCOR}", f"budi:{SANDI_BOCOR}", f"{SANDI_BOCOR}"])
def test_malformed_entry_is_named_by_position_never_echoed(isi, caplog):
    env = {"KIM_PENGGUNA": f"ani:{_hash('sandi-ani-12')},{isi}"}
    with caplog.at_level("WARNING", logger="geo.akun"):
        daftar = kumpulkan_pengguna(None, env)
    assert list(daftar.akun) == ["ani"]
    assert len(daftar.peringatan) == 1
    assert "entri ke-2" in daftar.peringatan[0]
    assert SANDI_BOCOR not in daftar.peringatan[0] and "Rahasia" not in daftar.peringatan[0]
    assert len(caplog.records) == 1 and "entri ke-2" in caplog.records[0].getMessage()
    assert "Rahasia" not in caplog.text


def test_check_accounts_cli_reports_position_and_fails(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KIM_PENGGUNA", f"budi={SANDI_BOCOR}")
    assert main(["check-accounts"]) == 1
    keluaran = capsys.readouterr()
    assert "entri ke-1" in keluaran.err and "Rahasia" not in keluaran.err + keluaran.out
    monkeypatch.setenv("KIM_PENGGUNA", f"ani:{_hash('sandi-ani-12')}")
    assert main(["check-accounts"]) == 0
    assert "1 akun penyunting sah" in capsys.readouterr().out
