"""The installed ``kim`` command works from any folder (pyproject.toml, geo/config.py).

A copy of the project is installed into a throw-away virtual environment that
sees this machine's packages (``--system-site-packages``), without the index
or build isolation, so the test needs no network.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from geo import config

pytestmark = pytest.mark.lambat


def _lingkungan(**tambah: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIM_")}
    env.update(tambah)
    return env


def _jalankan(perintah: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(perintah, cwd=cwd, env=_lingkungan(**env), capture_output=True, text=True, timeout=300, check=False)


def _pip(python: Path, *args: str) -> None:
    hasil = _jalankan([sys.executable, "-m", "pip", "--python", str(python), "install", *args, "-q", "--no-deps", "--no-build-isolation", "--no-index"],
                      Path.cwd())
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(project copy, virtual environment) — the copy keeps build/ and egg-info out of the real tree."""
    akar = tmp_path_factory.mktemp("pasang")
    proyek = akar / "proyek"
    abaikan = shutil.ignore_patterns("__pycache__", "cadangan", "*.lock", "audit_*.jsonl")
    for nama in ("geo", "data"):
        shutil.copytree(config.PROJECT_DIR / nama, proyek / nama, ignore=abaikan)
    for nama in ("pyproject.toml", "requirements.txt"):
        shutil.copy2(config.PROJECT_DIR / nama, proyek / nama)
    lingkungan = akar / "venv"
    hasil = _jalankan([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(lingkungan)], akar)
    assert hasil.returncode == 0, hasil.stderr
    lihat_paket_ini(lingkungan)
    return proyek, lingkungan


def lihat_paket_ini(lingkungan: Path) -> None:
    """Let a new venv see the packages of the interpreter running the tests.

    ``--system-site-packages`` only reaches the *base* Python's packages: run
    from inside a virtual environment (as the README suggests), pandas & co.
    live in that environment instead, and the child saw none of them. A
    ``.pth`` file naming this interpreter's site-packages works in both cases.
    """
    import site
    import sysconfig

    paket = [*site.getsitepackages(), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    hasil = _jalankan([str(python_venv(lingkungan)), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], lingkungan)
    assert hasil.returncode == 0, hasil.stderr
    tujuan = Path(hasil.stdout.strip())
    tujuan.mkdir(parents=True, exist_ok=True)
    (tujuan / "paket_penguji.pth").write_text("\n".join(dict.fromkeys(p for p in paket if Path(p).is_dir())) + "\n", encoding="utf-8")


def python_venv(lingkungan: Path) -> Path:
    return lingkungan / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def test_kim_terpasang_biasa_dan_editable_dari_folder_lain(venv, wilayah_uji, tmp_path):
    proyek, lingkungan = venv
    python, kim = python_venv(lingkungan), python_venv(lingkungan).parent / "kim"

    # A wheel carries the code and the map's static files, not the region's data.
    roda = tmp_path / "roda"
    hasil = _jalankan([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(roda), str(proyek)],
                      tmp_path)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    (berkas_roda,) = roda.glob("*.whl")
    isi = zipfile.ZipFile(berkas_roda).namelist()
    assert "geo/peta/statis/kim-peta.js" in isi and "geo/peta/statis/kim-peta.css" in isi
    assert "geo/cli/utama.py" in isi
    assert not [n for n in isi if n.startswith(("data/", "tests/", "ui/"))]
    assert any(n.endswith("entry_points.txt") for n in isi)

    # Regular install: the data come from KIM_DATA, or from ./data of the current folder.
    _pip(python, str(berkas_roda))
    lain = tmp_path / "folder-lain"
    lain.mkdir()
    hasil = _jalankan([str(kim), "validate"], lain, KIM_DATA=str(wilayah_uji.dir))
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert str(wilayah_uji.dir / "kim.csv") in hasil.stdout
    shutil.copytree(wilayah_uji.dir, lain / "data")
    hasil = _jalankan([str(kim), "validate"], lain)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert str(lain / "data" / "kim.csv") in hasil.stdout
    kosong = tmp_path / "kosong"
    kosong.mkdir()
    hasil = _jalankan([str(kim), "validate"], kosong)
    assert hasil.returncode != 0 and "Traceback" not in hasil.stderr

    # Editable install: the project's own data/, from any folder (the Task Scheduler case).
    _pip(python, "-e", str(proyek))
    hasil = _jalankan([str(kim), "validate"], kosong)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert str(proyek / "data" / "kim.csv") in hasil.stdout
    ringkas_kim = _jalankan([str(kim), "summary", "--format", "json"], kosong)
    ringkas_modul = _jalankan([str(python), "-m", "geo", "summary", "--format", "json"], kosong)
    assert ringkas_kim.returncode == ringkas_modul.returncode == 0, ringkas_kim.stderr + ringkas_modul.stderr
    baris = json.loads(ringkas_kim.stdout)
    assert len(baris) == 15
    assert baris == json.loads(ringkas_modul.stdout)
    bantuan = _jalankan([str(kim), "--help"], kosong)
    assert bantuan.returncode == 0 and bantuan.stdout.startswith("usage: kim ")
