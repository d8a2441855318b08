"""The fast CSV read skips stripping only where no cell could change: the table stays the careful path's."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from geo.galat import Laporan
from geo.masuk import baca, baca_cepat
from geo.masuk.baca import baca_bytes
from geo.masuk.baca_cepat import _mungkin_berspasi
from tests.conftest import HEADER

# Whitespace in every definition around (ASCII, Unicode, controls), and look-alikes that are not.
PINGGIR = [" ", "\t", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u2003", "\u2028", "\u202f", "\u3000",
           "\ufeff", "\u200b", "é", "'", "~", "!", "\x7f"]


@pytest.mark.parametrize("pinggir", PINGGIR)
def test_tak_pernah_melewatkan_sel_yang_berubah(pinggir):
    for sel in (pinggir + "abc", "abc" + pinggir, pinggir, "a" + pinggir + "b"):
        kolom = pd.Series(["polos", sel, ""], dtype="str")
        if not kolom.str.strip().equals(kolom):
            assert _mungkin_berspasi(kolom), repr(sel)


def test_kolom_polos_tidak_perlu_strip():
    assert not _mungkin_berspasi(pd.Series(["A-1", "a b", "", "'=1", "0.5"], dtype="str"))
    assert _mungkin_berspasi(pd.Series(["a", None], dtype="str"))  # a missing cell: strip as before


def _baris(i: int, **ubah: str) -> list[str]:
    isi = dict(zip(HEADER, [f"P-{i}", "KIM A", "99.01.01.1001", "Alfa Laut", "Satu", "Kuliner", f"Potensi {i}", "",
                            "Aktif", "12", "2024-01-02", "0.0100", "120.0100", ""]))
    isi.update(ubah)
    return [isi[h] for h in HEADER]


def _csv(rows: list[list[str]]) -> bytes:
    f = io.StringIO()
    csv.writer(f, lineterminator="\n").writerows([HEADER, *rows])
    return f.getvalue().encode("utf-8")


@pytest.mark.parametrize("pinggir", PINGGIR)
def test_tabel_sama_dengan_jalur_hati_hati(pinggir, monkeypatch):
    monkeypatch.setattr(baca, "BYTE_JALUR_CEPAT", 0)  # small files take the careful path: here both are compared
    rows = [_baris(0), _baris(1, nama_kim=f"KIM{pinggir}", deskripsi=f"{pinggir}teks"),
            _baris(2, kontak=f"{pinggir}08123{pinggir}"), _baris(3)]
    for data in (_csv(rows), _csv([_baris(0), _baris(1)])):
        cepat = baca_bytes(data, "kim.csv", Laporan())
        with monkeypatch.context() as m:
            m.setattr(baca_cepat, "baca_csv_cepat", lambda data: None)
            hati_hati = baca_bytes(data, "kim.csv", Laporan())
        assert cepat is not None and hati_hati is not None
        assert cepat.astype(object).to_numpy().tolist() == hati_hati.astype(object).to_numpy().tolist()
