"""Pages of table rows and name searches (geo.tampilan.halaman): the arithmetic the page relies on."""

from __future__ import annotations

from geo.tampilan.halaman import cocokkan, potong


def test_potong_halaman_dan_batas():
    assert potong(120, 50, 0) == potong(120, 50, -3)
    p = potong(120, 50, 2)
    assert (p.awal, p.akhir, p.hal, p.jumlah_hal, p.total) == (100, 120, 2, 3, 120)
    assert potong(120, 50, 9).hal == 2  # rows filtered away: the last page, never an empty one
    kosong = potong(0, 50, 4)
    assert (kosong.awal, kosong.akhir, kosong.jumlah_hal) == (0, 0, 1)


def test_cocokkan_kata_kode_dan_batas():
    nama = {"31.71.01.1001": "Gambir (Gambir)", "31.71.02.1002": "Kebon Kelapa (Gambir)", "32.01.01.2001": "Kelapa Dua (Cibinong)"}
    assert cocokkan(nama, "", 10) == ({}, 0)
    assert cocokkan(nama, "  ", 10) == ({}, 0)
    cocok, n = cocokkan(nama, "kelapa", 10)
    assert list(cocok) == ["31.71.02.1002", "32.01.01.2001"] and n == 2
    assert cocokkan(nama, "KELAPA gambir", 10)[0] == {"31.71.02.1002": "Kebon Kelapa (Gambir)"}
    assert list(cocokkan(nama, "32.01", 10)[0]) == ["32.01.01.2001"]
    cocok, n = cocokkan(nama, "a", 1)
    assert len(cocok) == 1 and n == 3
