"""The ``python -m geo`` command line: exit codes, output formats, messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo.cli.utama import main
from tests.conftest import BARIS_BAIK, KODE_A


def test_validate_sah(wilayah_uji, capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "SAH: 5 potensi di 2 kelurahan" in out


def test_validate_tidak_sah_mencetak_semua_masalah(wilayah_uji, capsys):
    rows = [list(r) for r in BARIS_BAIK]
    rows[0][8] = "Hidup"
    rows[1][9] = "-4"
    bad = wilayah_uji.tulis_kim(rows, nama="buruk.csv")
    assert main(["validate", "--kim", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "buruk.csv, baris 2, kolom status_aktivitas" in out
    assert "buruk.csv, baris 3, kolom jumlah_anggota" in out
    assert "TIDAK SAH: 2 galat" in out


def test_summary_json(wilayah_uji, capsys):
    assert main(["summary", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 3
    alfa = next(d for d in data if d["kode"] == KODE_A)
    assert alfa["jumlah_potensi"] == 3 and alfa["jumlah_anggota"] == 22
    assert alfa["kegiatan_terakhir"] == "2025-02-03"
    assert data[2]["kegiatan_terakhir"] is None


def test_summary_filter_dan_ejaan_bebas(wilayah_uji, capsys):
    assert main(["summary", "--format", "json", "--kategori", "kuliner", "--status", "Aktif,Kurang Aktif"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["jumlah_potensi"] for d in data] == [2, 1, 0]


def test_summary_csv_dan_table(wilayah_uji, capsys):
    assert main(["summary", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("kode,kelurahan,kecamatan") and len(lines) == 4
    assert main(["summary"]) == 0
    assert "Alfa Laut" in capsys.readouterr().out


def test_filter_tidak_dikenal_keluar_2(wilayah_uji, capsys):
    assert main(["summary", "--kategori", "Kulner"]) == 2  # a refused view setting (issue #19: strict parser, exit 2)
    err = capsys.readouterr().err
    assert "Kategori 'Kulner' tidak dikenal" in err and "Kuliner" in err


def test_summary_data_tidak_sah_keluar_1(wilayah_uji, capsys):
    wilayah_uji.kim.write_text("id_potensi\nX\n", encoding="utf-8")
    assert main(["summary"]) == 1
    assert "Kolom wajib tidak ada" in capsys.readouterr().err


def test_argumen_salah_keluar_bukan_nol(wilayah_uji):
    with pytest.raises(SystemExit) as e:
        main(["summary", "--format", "pdf"])
    assert e.value.code == 2


@pytest.mark.lambat
def test_proses_nyata_tanpa_traceback(wilayah_uji):
    wilayah_uji.kim.write_bytes(b"\x00\x01\x02")
    hasil = subprocess.run([sys.executable, "-m", "geo", "validate"], capture_output=True, text=True, timeout=120, check=False)
    assert hasil.returncode == 1
    assert "Traceback" not in hasil.stdout + hasil.stderr
    assert "bukan tabel" in hasil.stdout


def test_setiap_perintah_dipetakan_ke_modul_yang_mendaftarkannya():
    # A run imports only its command's module (MODUL_DARI_PERINTAH): each mapped module must register it,
    # and every command registered anywhere must be mapped, or it would fall back to importing everything.
    import argparse
    import importlib

    from geo.cli.utama import MODUL_DARI_PERINTAH, MODUL_PERINTAH

    terdaftar = {}
    for nama in MODUL_PERINTAH:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(nama).daftar(sub)
        terdaftar.update(dict.fromkeys(sub.choices, nama))
    assert terdaftar == MODUL_DARI_PERINTAH


@pytest.mark.lambat
def test_validate_tidak_mengimpor_tampilan_atau_ekspor(wilayah_uji):
    # The whole-process budget of `python -m geo validate`: it loads and checks, nothing of the views,
    # exports, map or database. (The fixture's KIM_* variables reach the subprocess through os.environ.)
    import os
    from pathlib import Path

    skrip = ("import sys\nfrom geo.cli.utama import main\nkode = main(['validate'])\n"
             "print(kode, sorted(m for m in sys.modules if m.startswith(('geo.tampilan.susun', 'geo.ekspor', 'geo.peta', 'psycopg'))))")
    akar = Path(__file__).resolve().parents[2]
    hasil = subprocess.run([sys.executable, "-c", skrip], capture_output=True, text=True, check=True, cwd=akar,
                           env={**os.environ, "PYTHONPATH": str(akar)}, timeout=120)
    assert hasil.stdout.strip().splitlines()[-1] == "0 []"
