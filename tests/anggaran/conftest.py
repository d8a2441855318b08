"""The hand-computed plan in the SIPD form (tests/anggaran/rka_uji.py) as a fixture region."""

from __future__ import annotations

import pytest

from tests.anggaran.rka_uji import atur_wilayah, tulis_referensi, tulis_rka


@pytest.fixture
def rka_uji(wilayah_uji, monkeypatch):
    atur_wilayah(wilayah_uji.wilayah)
    tulis_referensi(wilayah_uji.dir)
    path = tulis_rka(wilayah_uji.dir / "anggaran.csv")
    monkeypatch.setenv("KIM_ANGGARAN", str(path))
    return path
