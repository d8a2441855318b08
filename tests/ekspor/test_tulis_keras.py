"""Writes (#21): ``export --output`` never writes into the app's folders; a logo must lie in the data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from geo import config
from geo.cli.utama import main
from geo.ekspor.merek import merek
from geo.masuk.dataset import muat_dataset
from geo.simpan import foto


def _jpeg() -> bytes:
    import io

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 100, 10)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def sasaran(wilayah_uji, tmp_path, monkeypatch):
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    # A stand-in checkout: a failing check must never overwrite the real dashboard.py
    proyek = tmp_path / "proyek"
    for nama in ("dashboard.py", ".streamlit/config.toml", "geo/__init__.py", "pages/1_Kelola_Data.py", "static/README.md"):
        (proyek / nama).parent.mkdir(parents=True, exist_ok=True)
        (proyek / nama).write_text(f"# {nama}\n")
    monkeypatch.setattr(config, "PROJECT_DIR", proyek)
    disimpan = foto.simpan_foto(wilayah_uji.kim, "A-01", _jpeg(), "budi")
    return {
        "foto tersimpan": disimpan.path,
        "foto baru": foto.folder_foto(wilayah_uji.kim) / "lain.jpg",
        "dashboard.py": proyek / "dashboard.py",
        "config.toml": proyek / ".streamlit" / "config.toml",
        "halaman baru": proyek / "pages" / "9_Ekspor.py",
        "statis": proyek / "static" / "ekspor.csv",
        "kode": proyek / "geo" / "__init__.py",
        "folder data": wilayah_uji.dir / "laporan.csv",
        "cadangan foto": foto.folder_foto(wilayah_uji.kim) / "cadangan" / "x.csv",
        "tembolok": tmp_path / "cache" / "x.csv",
        "lewat ..": tmp_path / "lain" / ".." / "data" / "kim-salinan.csv",
    }


@pytest.mark.parametrize("nama", ["foto tersimpan", "foto baru", "dashboard.py", "config.toml", "halaman baru", "statis",
                                  "kode", "folder data", "cadangan foto", "tembolok", "lewat .."])
def test_export_menolak_folder_aplikasi(sasaran, nama, capsys):
    tujuan = Path(sasaran[nama])
    sebelum = tujuan.read_bytes() if tujuan.exists() else None
    assert main(["export", "--format", "csv", "--output", str(tujuan)]) == 1
    err = capsys.readouterr().err
    assert "ekspor tidak boleh" in err and "Traceback" not in err
    assert (tujuan.read_bytes() if tujuan.exists() else None) == sebelum


def test_export_di_luar_folder_aplikasi_tetap_bisa(wilayah_uji, tmp_path, monkeypatch):
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    assert main(["export", "--format", "csv", "--output", str(tmp_path / "laporan" / "kim.csv")]) == 1  # no folder yet
    (tmp_path / "laporan").mkdir()
    assert main(["export", "--format", "csv", "--output", str(tmp_path / "laporan" / "kim.csv")]) == 0


def _logo(w, nilai: str) -> None:
    isi = json.loads(w.wilayah.read_text(encoding="utf-8"))
    isi["logo"] = nilai
    w.wilayah.write_text(json.dumps(isi), encoding="utf-8")


def test_logo_di_luar_folder_data_ditolak_dengan_pesan(wilayah_uji, tmp_path, capsys):
    luar = tmp_path / "rahasia.png"
    Image.new("RGBA", (20, 20), (200, 0, 0, 255)).save(luar)
    for nilai in (str(luar), "../rahasia.png"):
        _logo(wilayah_uji, nilai)
        m = merek(muat_dataset().wilayah)
        assert m.logo is None and "di luar folder data" in m.galat_logo
    tautan = wilayah_uji.dir / "logo.png"
    tautan.symlink_to(luar)  # a link inside the data folder that leads out of it
    _logo(wilayah_uji, "logo.png")
    assert merek(muat_dataset().wilayah).logo is None
    assert main(["export", "--format", "png", "--output", str(tmp_path / "peta.png")]) == 0
    assert "di luar folder data" in capsys.readouterr().err


def test_logo_di_folder_data_dipakai(wilayah_uji):
    (wilayah_uji.dir / "merek").mkdir()
    Image.new("RGBA", (20, 20), (0, 0, 200, 255)).save(wilayah_uji.dir / "merek" / "logo.png")
    _logo(wilayah_uji, "merek/logo.png")
    m = merek(muat_dataset().wilayah)
    assert m.logo == wilayah_uji.dir / "merek" / "logo.png" and m.galat_logo == ""
