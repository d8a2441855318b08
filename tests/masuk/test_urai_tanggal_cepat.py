"""The fast ISO path of urai_tanggal (#26: a log has a date per row) gives what strptime gives, refusals included."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.masuk.urai import urai_tanggal


def _lambat(teks: str) -> dt.date:
    return dt.datetime.strptime(teks, "%Y-%m-%d").date()


@pytest.mark.parametrize("teks", ["2022-07-13", "2024-02-29", "1999-12-31", " 2021-06-30 ", "2021-06-30 14:05", "2021-06-30T14:05:09"])
def test_sama_dengan_strptime(teks):
    assert urai_tanggal(teks) == _lambat(teks.strip()[:10])


@pytest.mark.parametrize("teks", ["2023-02-29", "2022-13-01", "2022-00-10", "2022-04-31", "0000-01-01"])
def test_tanggal_mustahil_ditolak_dengan_pesan_yang_sama(teks):
    with pytest.raises(ValueError, match="bukan tanggal yang mungkin"):
        urai_tanggal(teks)


def test_bentuk_lain_tetap_diterima():
    assert urai_tanggal("2022-7-3") == dt.date(2022, 7, 3)
    assert urai_tanggal("13/07/2022") == dt.date(2022, 7, 13)
    with pytest.raises(ValueError, match="format tanggal tidak dikenal"):
        urai_tanggal("2022/07/13x")
