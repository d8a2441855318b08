"""`python -m geo export --output` never writes over a file the app reads or keeps."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from geo.cli.utama import main
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import daftar_cadangan
from geo.simpan.kim import baca_untuk_sunting, path_audit, simpan_kim
from geo.simpan.lindung import dijaga


@pytest.fixture
def tersimpan(wilayah_uji):
    """One save, so that an audit log and a backup exist."""
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    tabel.loc[0, "jumlah_anggota"] = 55
    assert simpan_kim(tabel, dataset, "budi", sidik).disimpan
    return wilayah_uji


def _sasaran(w) -> dict[str, os.PathLike]:
    return {
        "kim": w.kim, "batas": w.batas, "referensi": w.referensi, "wilayah": w.wilayah,
        "audit": path_audit(w.kim), "cadangan": daftar_cadangan(w.kim)[0].path,
    }


@pytest.mark.parametrize("nama", ["kim", "batas", "referensi", "wilayah", "audit", "cadangan"])
def test_export_refuses_every_app_file(tersimpan, nama, capsys):
    sasaran = _sasaran(tersimpan)[nama]
    sebelum = {k: Path(p).read_bytes() for k, p in _sasaran(tersimpan).items()}
    fmt = "geojson" if nama in ("batas", "wilayah") else "csv"
    assert main(["export", "--format", fmt, "--output", str(sasaran)]) == 1
    assert "tidak boleh menimpanya" in capsys.readouterr().err
    sesudah = {k: Path(p).read_bytes() for k, p in _sasaran(tersimpan).items()}
    assert len(sesudah) == 6 and sesudah == sebelum


def test_new_file_in_a_backup_folder_is_refused_too(tersimpan):
    assert dijaga(tersimpan.dir / "cadangan" / "baru.csv")
    assert dijaga(tersimpan.dir / "cadangan" / ".." / "kim.csv")
    assert not dijaga(tersimpan.dir.parent / "laporan.csv")


def test_data_files_elsewhere_via_env_are_protected(tmp_path, monkeypatch, wilayah_uji):
    lain = tmp_path / "lain" / "ref.csv"
    lain.parent.mkdir()
    lain.write_bytes(wilayah_uji.referensi.read_bytes())
    monkeypatch.setenv("KIM_REFERENSI", str(lain))
    assert dijaga(lain)
    tautan = tmp_path / "tautan.csv"
    tautan.symlink_to(lain)
    assert dijaga(tautan)


def test_export_refuses_the_activity_log_and_the_budget_plan(wilayah_uji, tmp_path, monkeypatch, capsys):
    """The optional tables added later are app files too, wherever their variables point."""
    log = wilayah_uji.kim.parent / "kegiatan.csv"
    log.write_text("id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK-1,A-01,2024-05-01,rapat,,\n", encoding="utf-8")
    rencana = tmp_path / "lain" / "rencana.csv"
    rencana.parent.mkdir()
    rencana.write_text("id_baris\n", encoding="utf-8")
    monkeypatch.setenv("KIM_ANGGARAN", str(rencana))
    for sasaran in (log, rencana):
        sebelum = sasaran.read_bytes()
        assert main(["export", "--format", "csv", "--output", str(sasaran)]) == 1
        assert "tidak boleh menimpanya" in capsys.readouterr().err
        assert sasaran.read_bytes() == sebelum
