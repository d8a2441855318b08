"""ui/ingatan.py: a value is made once per key, and only a bounded number are kept."""

from __future__ import annotations

import pytest

from ui.ingatan import Ingatan


def test_made_once_per_key_and_bounded():
    dibuat: list[int] = []
    ingat: Ingatan[int] = Ingatan(maks=2)

    def buat(n: int):
        return lambda: dibuat.append(n) or n * 10

    assert [ingat.ambil(k, buat(k)) for k in (1, 1, 2, 1)] == [10, 10, 20, 10]
    assert dibuat == [1, 2]
    ingat.ambil(3, buat(3))  # past maks: the oldest key (1) goes
    assert ingat.ambil(1, buat(1)) == 10 and dibuat == [1, 2, 3, 1]
    ingat.lupakan()
    assert ingat.ambil(2, buat(2)) == 20 and dibuat[-1] == 2


def test_a_failed_make_keeps_nothing():
    ingat: Ingatan[int] = Ingatan()

    def gagal() -> int:
        raise OSError("disk penuh")

    with pytest.raises(OSError):
        ingat.ambil("k", gagal)
    assert ingat.ambil("k", lambda: 5) == 5
