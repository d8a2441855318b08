"""CSV printed by the CLI (``summary``/``anggaran ringkasan --format csv > file.csv``) is opened in Excel too:
a KIM named ``=1+1`` must arrive as text, like the page's CSV downloads."""

from __future__ import annotations

import csv
import io

from geo.cli.utama import main
from tests.anggaran.test_anggaran import BARIS, _atur, _tulis
from tests.conftest import BARIS_BAIK, HEADER


def _kim_rumus(w) -> None:
    rows = [list(r) for r in BARIS_BAIK]
    for r in rows:
        if r[1] == "KIM Alfa":
            r[1] = "=1+1"
    with w.kim.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])


def _nama_kim(out: str) -> set[str]:
    return {r["nama_kim"] for r in csv.DictReader(io.StringIO(out))}


def test_summary_csv_menetralkan_rumus(wilayah_uji, capsys):
    _kim_rumus(wilayah_uji)
    assert main(["summary", "--format", "csv"]) == 0
    nama = _nama_kim(capsys.readouterr().out)
    assert "'=1+1" in nama and "=1+1" not in nama


def test_anggaran_ringkasan_csv_menetralkan_rumus(wilayah_uji, monkeypatch, capsys):
    _kim_rumus(wilayah_uji)
    _atur(wilayah_uji)
    monkeypatch.setenv("KIM_ANGGARAN", str(_tulis(wilayah_uji, BARIS)))
    assert main(["anggaran", "ringkasan", "--format", "csv"]) == 0
    nama = _nama_kim(capsys.readouterr().out)
    assert "'=1+1" in nama and "=1+1" not in nama


def test_format_salah_menyebut_semua_pilihan(wilayah_uji, tmp_path, capsys):
    """An official who mistypes --format must see rab-pdf/rka-xlsx among the choices, as --help lists them."""
    assert main(["export", "--format", "docx", "--output", str(tmp_path / "x.docx")]) == 1
    galat = capsys.readouterr().err
    assert "'docx' tidak dikenal" in galat
    for kode in ("png", "csv", "atlas", "rab-xlsx", "rab-pdf", "rka-pdf", "profil-xlsx", "pemetaan-pdf"):
        assert kode in galat, kode
    assert main(["export", "--output", str(tmp_path / "x.docx")]) == 1
    assert "rka-xlsx" in capsys.readouterr().err


def test_kim_nilai_csv_menetralkan_rumus(wilayah_uji, capsys):
    _kim_rumus(wilayah_uji)
    assert main(["kim", "nilai", "--format", "csv"]) == 0
    nama = _nama_kim(capsys.readouterr().out)
    assert "'=1+1" in nama and "=1+1" not in nama
