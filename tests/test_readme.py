"""The README's two commands hold in a fresh virtual environment (#22).

A new user follows "Dua perintah": make a venv, install, start the dashboard
bound to 127.0.0.1 on a chosen port, run the tests. This test does exactly
that with the README's own lines. To stay fast and offline the venv also sees
the packages of the interpreter running the tests (a ``.pth`` file, see
:func:`tests.test_pasang.lihat_paket_ini`), so the install step resolves
without downloading; inside the venv the test command runs the tests that
once failed only there (``tests/test_pasang.py``) plus a quick sample.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.server_uji import port_bebas
from tests.test_pasang import lihat_paket_ini, python_venv

pytestmark = pytest.mark.lambat

PROYEK = Path(__file__).resolve().parent.parent


def perintah_readme() -> list[str]:
    """The code blocks of the README's "Dua perintah" section, in order."""
    teks = (PROYEK / "README.md").read_text(encoding="utf-8")
    bagian = teks.split("## Dua perintah", 1)[1].split("\n## ", 1)[0]
    return [b.strip() for b in re.findall(r"```\n(.*?)```", bagian, flags=re.DOTALL)]


def test_readme_menyebut_venv_port_dan_alamat_lokal():
    venv, mulai, uji = perintah_readme()
    assert venv == "python -m venv .venv"
    assert "--server.address 127.0.0.1" in mulai and "--server.port 8501" in mulai
    assert uji.endswith("python -m pytest -n 2")
    assert ".venv\\Scripts\\activate" in (PROYEK / "README.md").read_text(encoding="utf-8")


def _jalan(perintah: str, python: Path, cwd: Path, **kw) -> subprocess.CompletedProcess:
    """A README line run with the venv's python standing in for ``python`` (as activating the venv does)."""
    bagian = []
    for langkah in perintah.split(" && "):
        argv = shlex.split(langkah)
        assert argv[0] == "python", langkah
        bagian.append([str(python), *argv[1:]])
    hasil = None
    for argv in bagian:
        hasil = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=600, check=False, **kw)
        if hasil.returncode:
            return hasil
    return hasil


def test_dua_perintah_di_venv_baru(tmp_path):
    buat_venv, mulai, uji = perintah_readme()
    lingkungan = tmp_path / ".venv"
    hasil = subprocess.run([sys.executable, *shlex.split(buat_venv)[1:-1], str(lingkungan)], capture_output=True, text=True,
                           timeout=300, check=False)
    assert hasil.returncode == 0, hasil.stderr
    lihat_paket_ini(lingkungan)
    python = python_venv(lingkungan)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIM_", "PYTHON"))}

    # 1. Install and start, with the README's flags; another port, as the README explains, so a running app is left alone.
    pasang, jalankan = mulai.split(" && ")
    hasil = _jalan(pasang, python, PROYEK, env=env)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    port = port_bebas()
    argv = [str(python), *shlex.split(jalankan)[1:], "--server.headless", "true", "--server.fileWatcherType", "none"]
    argv[argv.index("--server.port") + 1] = str(port)
    proses = subprocess.Popen(argv, cwd=PROYEK, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        akhir, sehat = time.monotonic() + 120, False
        while time.monotonic() < akhir and proses.poll() is None and not sehat:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    sehat = r.read().strip() == b"ok"
            except OSError:
                time.sleep(0.5)
        assert sehat, "dasbor tidak menjawab di 127.0.0.1"
        # Bound to loopback only: nothing listens on the port at the wildcard address.
        dengar = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=False).stdout
        if dengar.strip():
            assert all("127.0.0.1:" in b for b in dengar.strip().splitlines()), dengar
    finally:
        os.killpg(proses.pid, signal.SIGTERM)
        proses.wait(timeout=30)

    # 2. The test command inside the venv: the install verbatim, pytest on the tests that once failed only in a venv.
    pasang_uji, pytest_ = uji.split(" && ")
    hasil = _jalan(pasang_uji, python, PROYEK, env=env)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    hasil = _jalan(f"{pytest_} -q -p no:cacheprovider tests/test_pasang.py tests/test_slug.py", python, PROYEK, env=env)
    assert hasil.returncode == 0, hasil.stdout[-3000:] + hasil.stderr[-2000:]
    assert " passed" in hasil.stdout and "failed" not in hasil.stdout
