"""Under CI a missing Chromium fails the browser tests instead of skipping them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests import server_uji
from tests.server_uji import PROYEK, butuh_chromium


def test_missing_chromium_fails_under_ci(monkeypatch):
    monkeypatch.setattr(server_uji, "CHROMIUM", "/tidak/ada/chromium")
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="CI: Chromium"):
        butuh_chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        butuh_chromium()


@pytest.mark.lambat
def test_browser_module_fails_under_ci_without_chromium(tmp_path):
    # test_browser.py checks at import time; run its collection with a CHROMIUM that is missing.
    kode = (
        "import sys, pytest, tests.server_uji as s; s.CHROMIUM = '/tidak/ada/chromium'; "
        "sys.exit(pytest.main(['-q', '--collect-only', '-p', 'no:cacheprovider', 'tests/halaman/test_browser.py']))"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], cwd=PROYEK, capture_output=True, text=True, timeout=300,
                           check=False, env={**__import__("os").environ, "CI": "1"})
    assert hasil.returncode != 0 and "CI: Chromium" in hasil.stdout + hasil.stderr
