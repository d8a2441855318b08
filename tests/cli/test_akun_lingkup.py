"""``akun tambah --lingkup`` refuses a scope that covers no kelurahan of the region (the account could do nothing)."""

from __future__ import annotations

import io

from geo.cli.utama import main
from tests.conftest import KODE_A


def test_lingkup_di_luar_wilayah_ditolak(wilayah_uji, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-budi-1\n"))
    assert main(["akun", "tambah", "budi", "--peran", "pelapor", "--lingkup", "64.74"]) == 1
    galat = capsys.readouterr().err
    assert "Lingkup '64.74' tidak mencakup kelurahan" in galat and "Traceback" not in galat
    assert not (wilayah_uji.dir / "akun.json").exists() or "budi" not in (wilayah_uji.dir / "akun.json").read_text()


def test_lingkup_di_wilayah_diterima(wilayah_uji, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-budi-1\n"))
    assert main(["akun", "tambah", "budi", "--peran", "pelapor", "--lingkup", KODE_A]) == 0
    assert "tersimpan" in capsys.readouterr().out
