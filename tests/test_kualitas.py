"""Lint is part of the suite, so a style slip fails CI like any other bug."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from geo import config


def test_ruff_bersih():
    # The ruff of this interpreter (requirements-dev.txt), not whatever is first on PATH.
    if importlib.util.find_spec("ruff") is None:
        pytest.fail("ruff tidak terpasang: pasang requirements-dev.txt")
    hasil = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=config.PROJECT_DIR,
                           capture_output=True, text=True, timeout=120, check=False)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr


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
