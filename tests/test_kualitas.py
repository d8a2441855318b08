"""Lint is part of the suite, so a style slip fails CI like any other bug."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from geo import config


@pytest.mark.lambat
def test_ruff_bersih():
    # The ruff of this interpreter (requirements-dev.txt), not whatever is first on PATH.
    if importlib.util.find_spec("ruff") is None:
        pytest.fail("ruff tidak terpasang: pasang requirements-dev.txt")
    hasil = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=config.PROJECT_DIR,
                           capture_output=True, text=True, timeout=120, check=False)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr


@pytest.mark.lambat
def test_geo_tanpa_streamlit():
    """The core stays importable without the UI framework."""
    kode = (
        "import importlib, pkgutil, sys, geo\n"
        "for m in pkgutil.walk_packages(geo.__path__, 'geo.'):\n"
        "    if m.name != 'geo.__main__': importlib.import_module(m.name)\n"
        "print('streamlit' in sys.modules)"
    )
    hasil = subprocess.run([sys.executable, "-c", kode],
                           cwd=config.PROJECT_DIR, capture_output=True, text=True, timeout=120, check=False)
    assert hasil.stdout.strip() == "False", hasil.stderr


def _modul_python() -> list[Path]:
    akar = config.PROJECT_DIR
    berkas = [*akar.glob("*.py"), *akar.glob("pages/*.py"), *akar.glob("ui/**/*.py"), *akar.glob("geo/**/*.py"), *akar.glob("scripts/*.py")]
    assert len(berkas) > 40
    return berkas


def _impor_dan_panggilan(path: Path) -> tuple[set[str], set[str]]:
    """Top-level names of every import, and names of functions called by name (``print(...)``)."""
    impor, panggil = set(), set()
    for simpul in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(simpul, ast.Import):
            impor |= {a.name.split(".")[0] for a in simpul.names}
        elif isinstance(simpul, ast.ImportFrom) and simpul.module and simpul.level == 0:
            impor.add(simpul.module.split(".")[0])
        elif isinstance(simpul, ast.Call) and isinstance(simpul.func, ast.Name):
            panggil.add(simpul.func.id)
    return impor, panggil


def test_lapisan_dijaga():
    """No Streamlit under geo/; every ``print`` and ``argparse`` of the app lives in geo/cli/.

    ``scripts/`` (one-off generators of the sample data) and ``benchmarks/`` are
    developer tools with their own command lines, not part of the app.
    """
    akar = config.PROJECT_DIR
    cli = akar / "geo" / "cli"
    pelanggaran = []
    for path in _modul_python():
        impor, panggil = _impor_dan_panggilan(path)
        relatif = path.relative_to(akar).as_posix()
        di_geo, di_cli = path.is_relative_to(akar / "geo"), path.is_relative_to(cli)
        if di_geo and "streamlit" in impor:
            pelanggaran.append(f"{relatif}: impor streamlit di bawah geo/")
        if not di_cli and path.parent != akar / "scripts" and "argparse" in impor:
            pelanggaran.append(f"{relatif}: argparse di luar geo/cli/")
        if not di_cli and path.parent != akar / "scripts" and "print" in panggil:
            pelanggaran.append(f"{relatif}: print( di luar geo/cli/")
    assert pelanggaran == []


def test_penjaga_lapisan_mengenali_pelanggaran(tmp_path):
    contoh = tmp_path / "contoh.py"
    contoh.write_text("import argparse\nfrom streamlit import session_state\nprint('x')\nlog.print('bukan')\n", encoding="utf-8")
    assert _impor_dan_panggilan(contoh) == ({"argparse", "streamlit"}, {"print"})


def _ada(nama: str) -> bool:
    """Whether ``geo.x.y`` names a module or an attribute of one."""
    bagian = nama.split(".")
    for i in range(len(bagian), 0, -1):
        try:
            obj = importlib.import_module(".".join(bagian[:i]))
        except ImportError:
            continue
        try:
            for b in bagian[i:]:
                obj = getattr(obj, b)
        except AttributeError:
            return False
        return True
    return False


def test_rujukan_docstring_ke_modul_masih_ada():
    """``:func:`geo.x.f``` and ````geo.x```` in docstrings name code that exists (moves leave no stale names)."""
    pola = re.compile(r"`~?(geo(?:\.[A-Za-z_][A-Za-z0-9_]*)+)`")
    rujukan = {m for path in _modul_python() for m in pola.findall(path.read_text(encoding="utf-8"))}
    assert len(rujukan) > 5
    assert sorted(r for r in rujukan if not _ada(r)) == []


def test_halaman_tanpa_sihir():
    """Streamlit's "magic" is off (.streamlit/config.toml): a bare expression in a page script would silently show
    nothing, so none may rely on it. Calls, awaits and docstrings are what magic leaves alone anyway."""
    skrip = [config.PROJECT_DIR / "dashboard.py", *sorted((config.PROJECT_DIR / "pages").glob("*.py"))]
    telanjang = []
    for berkas in skrip:
        for simpul in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
            if not isinstance(simpul, ast.Expr) or isinstance(simpul.value, (ast.Call, ast.Await, ast.Yield, ast.YieldFrom)):
                continue
            if isinstance(simpul.value, ast.Constant) and isinstance(simpul.value.value, str):
                continue  # a docstring
            telanjang.append(f"{berkas.name}:{simpul.lineno}")
    assert len(skrip) > 3 and not telanjang, telanjang
    assert "magicEnabled = false" in (config.PROJECT_DIR / ".streamlit" / "config.toml").read_text(encoding="utf-8")
