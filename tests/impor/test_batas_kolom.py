"""Column limit (#21): a file of 20,000 columns is refused before parsing, with a message naming KIM_BATAS_KOLOM."""

from __future__ import annotations

import io

import openpyxl

from geo.galat import Laporan
from geo.masuk import batasan
from geo.masuk.baca import baca_bytes


def _lebar(kolom: int, pemisah: str = ",") -> bytes:
    judul = pemisah.join(["id_potensi", "nama_kim"] + [f"k{i}" for i in range(kolom - 2)])
    baris = pemisah.join(["1"] * kolom)
    return f"{judul}\n{baris}\n{baris}\n".encode()


def test_csv_20000_kolom_ditolak_cepat():
    data = _lebar(20_000)
    assert 140_000 < len(data) < 220_000  # the tester's 149 KB file, roughly
    laporan = Laporan()
    assert baca_bytes(data, "lebar.csv", laporan) is None  # its speed: benchmarks/bench_batasan.py
    pesan = laporan.teks()
    assert "20.000" in pesan and "KIM_BATAS_KOLOM" in pesan and "lebar.csv" in pesan


def test_titik_koma_juga_dan_batas_bisa_dinaikkan(monkeypatch):
    laporan = Laporan()
    assert baca_bytes(_lebar(600, ";"), "lebar.csv", laporan) is None and "KIM_BATAS_KOLOM" in laporan.teks()
    monkeypatch.setenv("KIM_BATAS_KOLOM", "1000")
    laporan = Laporan()
    assert baca_bytes(_lebar(600, ";"), "lebar.csv", laporan) is not None, laporan.teks()


def test_tabel_biasa_lolos():
    laporan = Laporan()
    frame = baca_bytes(_lebar(40), "biasa.csv", laporan)
    assert frame is not None and len(frame.columns) == 41  # 40 + _baris


def test_excel_lebar_ditolak_dari_dimensinya():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id_potensi"] + [f"k{i}" for i in range(batasan.KOLOM.nilai() + 10)])
    ws.append([1] * (batasan.KOLOM.nilai() + 11))
    out = io.BytesIO()
    wb.save(out)
    laporan = Laporan()
    assert baca_bytes(out.getvalue(), "lebar.xlsx", laporan, excel=True) is None
    assert "KIM_BATAS_KOLOM" in laporan.teks()
