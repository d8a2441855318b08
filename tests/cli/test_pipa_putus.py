"""A reader that leaves early (``python -m geo summary | head``) is not an "unexpected error"."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from geo.cli.utama import main
from tests.server_uji import PROYEK


class _PipaPutus(io.StringIO):
    def write(self, teks: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_pipa_putus_tanpa_pesan_galat(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", _PipaPutus())
    assert main(["summary", "--format", "json"]) == 1
    assert "tak terduga" not in capsys.readouterr().err


@pytest.mark.lambat
def test_summary_ke_head_tanpa_pesan_galat():
    """Like ``| head -c 10``: read a little, then close the pipe."""
    proses = subprocess.Popen([sys.executable, "-m", "geo", "summary", "--format", "json"], cwd=PROYEK,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    awal = proses.stdout.read(10)
    proses.stdout.close()
    galat = proses.stderr.read().decode()
    proses.wait(timeout=120)
    assert awal.startswith(b"[")
    assert "tak terduga" not in galat and "Traceback" not in galat, galat
