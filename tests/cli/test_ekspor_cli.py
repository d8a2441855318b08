"""``python -m geo export``: every format from the command line, clear errors, no half files."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import ekspor as ekspor_cli
from geo.cli.utama import main
from geo.config import PROJECT_DIR
from geo.simpan import berkas

PROYEK = PROJECT_DIR
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty output folder (the fixture region's files live in tmp_path/data)."""
    hasil = tmp_path / "keluar"
    hasil.mkdir()
    return hasil


AWAL = {"png": b"\x89PNG", "pdf": b"%PDF", "html": b"<!DOCTYPE html>", "xlsx": b"PK\x03\x04", "csv": b"\xef\xbb\xbf", "geojson": b"{"}


@pytest.mark.parametrize("kode", list(AWAL))
def test_setiap_format_dari_cli(wilayah_uji, folder, capsys, kode):
    keluaran = folder / f"hasil.{kode}"
    assert main(["export", "--format", kode, "--kategori", "kuliner", "--output", str(keluaran)]) == 0
    assert keluaran.read_bytes().lstrip()[: len(AWAL[kode])].upper() == AWAL[kode].upper()
    out = capsys.readouterr().out
    assert f"Tersimpan: {keluaran}" in out and "3 potensi" in out and "Kategori: Kuliner" in out
    assert [p.name for p in folder.iterdir()] == [keluaran.name]  # no temporary file left behind


def test_filter_cli_sama_dengan_data(wilayah_uji, folder):
    keluaran = folder / "aktif.csv"
    assert main(["export", "--status", "Aktif", "--kecamatan", "satu", "--pemisah", ";", "-o", str(keluaran)]) == 0
    baris = list(csv.DictReader(io.StringIO(keluaran.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [b["id_potensi"] for b in baris] == ["A-01", "A-03", "B-02"]
    geo = folder / "aktif.geojson"
    assert main(["export", "--status", "Aktif", "--format", "geojson", "-o", str(geo)]) == 0
    fitur = json.loads(geo.read_text(encoding="utf-8"))["features"]
    assert sum(f["properties"]["jenis"] == "potensi" for f in fitur) == 3


def test_nama_otomatis_bila_tanpa_output(wilayah_uji, folder, monkeypatch, capsys):
    monkeypatch.chdir(folder)
    assert main(["export", "--format", "xlsx", "--kategori", "Kuliner", "--status", "Aktif"]) == 0
    [berkas] = list(folder.iterdir())
    assert berkas.name.startswith("data-kim-uji-") and berkas.name.endswith("-kuliner-aktif.xlsx")


def test_format_dari_akhiran_output(wilayah_uji, folder):
    keluaran = folder / "peta.pdf"
    assert main(["export", "--output", str(keluaran), "--ukuran", "A4-Portrait", "--dpi", "300"]) == 0
    assert keluaran.read_bytes().startswith(b"%PDF")


def test_keluaran_ke_stdout(wilayah_uji, capsysbinary):
    assert main(["export", "--format", "csv", "--output", "-", "--kategori", "Pariwisata"]) == 0
    data = capsysbinary.readouterr().out
    assert data.startswith(b"\xef\xbb\xbfid_potensi,") and b"A-03" in data and b"A-01" not in data


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["--format", "jpg"], "Format ekspor 'jpg' tidak dikenal. Pilihan: png, pdf, html, csv, xlsx, geojson, profil, atlas."),
        (["--format", "png", "--dpi", "72"], "Resolusi 72 dpi tidak didukung. Pilihan: 150, 300."),
        (["--format", "png", "--dpi", "tinggi"], "--dpi harus bilangan bulat, bukan 'tinggi'."),
        (["--format", "pdf", "--ukuran", "a3"], "Ukuran kertas 'a3' tidak dikenal. Pilihan: a4-landscape, a4-portrait."),
        (["--format", "xlsx", "--kategori", "Kulinr"], "Kategori 'Kulinr' tidak dikenal. Mungkin maksud Anda 'Kuliner'?"),
        (["--format", "png", "--metrik", "luas"], "Metrik 'luas' tidak dikenal."),
        (["--format", "png", "--skema", "acak"], "Skema kelas 'acak' tidak dikenal."),
        (["--format", "png", "--kelas", "12"], "Jumlah kelas harus 3 sampai 7, bukan 12."),
        (["--format", "csv", "--pemisah", "|"], "Pemisah kolom '|' tidak didukung."),
        (["--format", "html"], None),  # control: the same call with good options works
        ([], "Sebutkan --format"),
    ],
)
def test_argumen_salah_pesan_jelas_dan_keluar_bukan_nol(wilayah_uji, folder, capsys, argumen, pesan):
    keluaran = folder / "x"
    kode = main(["export", *argumen, "--output", str(keluaran)])
    err = capsys.readouterr().err
    if pesan is None:
        assert kode == 0 and keluaran.exists()
        return
    # A view setting the view state parser refuses exits 2 (issue #19, as argparse); a file option exits 1.
    assert kode == (2 if {"--kategori", "--metrik", "--skema", "--kelas"} & set(argumen) else 1)
    assert pesan in err
    assert "Traceback" not in err
    assert not keluaran.exists()


def test_akhiran_tidak_cocok(wilayah_uji, folder, capsys):
    assert main(["export", "--format", "png", "--output", str(folder / "peta.pdf")]) == 1
    assert "tidak cocok dengan --format png" in capsys.readouterr().err
    assert not list(folder.iterdir())


def test_folder_tidak_ada(wilayah_uji, folder, capsys):
    assert main(["export", "--output", str(folder / "tidak-ada" / "peta.png")]) == 1
    assert "Folder" in (err := capsys.readouterr().err) and "tidak ada. Buat foldernya dulu" in err


def test_tidak_menimpa_data_sumber(wilayah_uji, capsys):
    sebelum = wilayah_uji.kim.read_bytes()
    assert main(["export", "--format", "csv", "--kategori", "Kuliner", "--output", str(wilayah_uji.kim)]) == 1
    assert "berkas data aplikasi" in capsys.readouterr().err
    assert wilayah_uji.kim.read_bytes() == sebelum


def test_gagal_di_tengah_tidak_meninggalkan_berkas_setengah(wilayah_uji, folder, monkeypatch, capsys):
    keluaran = folder / "laporan.png"
    keluaran.write_bytes(b"laporan bulan lalu")

    def rusak(*a, **k):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(ekspor_cli, "buat", rusak)
    assert main(["export", "--output", str(keluaran)]) == 3
    assert "disk penuh" in capsys.readouterr().err
    assert keluaran.read_bytes() == b"laporan bulan lalu"  # the good old file is untouched
    assert [p.name for p in folder.iterdir()] == ["laporan.png"]


def test_tulis_atomik_menjaga_berkas_lama_bila_gagal(folder, monkeypatch):
    tujuan = folder / "a.csv"
    tujuan.write_bytes(b"lama")

    def gagal(*a, **k):
        raise OSError("tidak bisa mengganti nama")

    monkeypatch.setattr(berkas.os, "replace", gagal)
    with pytest.raises(OSError):
        ekspor_cli.tulis_bytes_atomik(tujuan, b"baru")
    assert tujuan.read_bytes() == b"lama"
    assert [p.name for p in folder.iterdir()] == ["a.csv"]


@pytest.mark.lambat
def test_python_m_geo_export_tanpa_traceback(wilayah_uji, folder):
    env = {**os.environ, "PYTHONPATH": str(PROYEK)}
    ok = subprocess.run([sys.executable, "-m", "geo", "export", "--format", "csv", "-o", str(folder / "a.csv")],
                        check=False, capture_output=True, text=True, env=env, cwd=folder, timeout=120)
    assert ok.returncode == 0, ok.stderr
    salah = subprocess.run([sys.executable, "-m", "geo", "export", "--format", "png", "--kategori", "Batik"],
                           check=False, capture_output=True, text=True, env=env, cwd=folder, timeout=120)
    assert salah.returncode == 2
    assert "Kategori 'Batik' tidak dikenal" in salah.stderr and "Traceback" not in salah.stderr
