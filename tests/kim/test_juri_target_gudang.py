"""#25 behind #20's store: jury scores and KIM targets load into the Dataset and save through ``Gudang`` (files)."""

from __future__ import annotations

import io

import pandas as pd

from geo.kim.penilaian import nilai_juri_tersimpan
from geo.kim.target import target_tersimpan
from geo.simpan.gudang import GudangBerkas
from tests.kim.juri_uji import JURI_CSV, TARGET_CSV, alur_lembar_juri, periksa_dimuat, tulis_juri_target
from tests.kim.test_sunting_profil import wil  # noqa: F401  (fixture: a KIM table beside kim.csv)


def test_berkas_dimuat_ke_dataset(wil):  # noqa: F811
    g = GudangBerkas()
    kosong = g.muat()
    assert nilai_juri_tersimpan(kosong)[0] is None and target_tersimpan(kosong)[0].empty
    versi = g.versi()
    tulis_juri_target(wil.dir)
    assert g.versi() != versi  # the Dataset carries them: a changed file is a new data version
    periksa_dimuat(g.muat())


def test_variabel_lingkungan_tetap_berlaku(wil, tmp_path, monkeypatch):  # noqa: F811
    lain = tmp_path / "lain"
    lain.mkdir()
    tulis_juri_target(lain)
    monkeypatch.setenv("KIM_NILAI_JURI", str(lain / "nilai_juri.csv"))
    monkeypatch.setenv("KIM_TARGET", str(lain / "target_kim.csv"))
    periksa_dimuat(GudangBerkas().muat())


def test_baris_buruk_dilaporkan_peta_tetap_jalan(wil, capsys):  # noqa: F811
    from geo.cli.utama import main

    (wil.dir / "target_kim.csv").write_text(TARGET_CSV + "KIM-A,2026-11,pos_per_hari,1\n", encoding="utf-8")
    (wil.dir / "nilai_juri.csv").write_text(JURI_CSV + "KIM-A,2024,juri,banyak\n", encoding="utf-8")
    d = GudangBerkas().muat()
    assert d.ok  # a bad score or target never takes the dashboard down
    target, laporan = target_tersimpan(d)
    assert len(target) == 2 and [(m.berkas, m.baris, m.kolom) for m in laporan.galat] == [("target_kim.csv", 4, "jenis")]
    juri, laporan = nilai_juri_tersimpan(d)
    assert len(juri) == 2 and [(m.berkas, m.baris, m.kolom) for m in laporan.galat] == [("nilai_juri.csv", 4, "nilai")]
    laporan.tambah("x", "y")  # the caller's copy: the Dataset's report is not changed
    assert len(nilai_juri_tersimpan(d)[1].galat) == 1
    assert main(["kim", "ringkasan-bulanan", "--bulan", "2026-11"]) == 1  # the CLI refuses with the row and column
    assert "target_kim.csv" in capsys.readouterr().err


def test_lembar_juri_lewat_gudang_berkas(wil):  # noqa: F811
    tulis_juri_target(wil.dir)
    g = GudangBerkas()

    def ditolak() -> bool:
        audit = g.baca_audit("nilai_juri")
        return (audit["aksi"] == "ditolak-profil").any()

    alur_lembar_juri(g, g.muat, ditolak)
    tersimpan = pd.read_csv(io.StringIO((wil.dir / "nilai_juri.csv").read_text(encoding="utf-8-sig")), dtype=str)
    assert list(tersimpan.columns) == ["id_kim", "periode", "kriteria", "nilai"]  # the file's format is unchanged


def test_target_lewat_gudang_berkas_dan_cli(wil, tmp_path, capsys):  # noqa: F811
    from geo.cli.utama import main
    from tests.kim.juri_uji import alur_target

    tulis_juri_target(wil.dir)
    g = GudangBerkas()
    alur_target(g, g.muat, lambda: (g.baca_audit("target_kim")["aksi"] == "ditolak-profil").any())
    berkas = tmp_path / "t.csv"
    berkas.write_text("id_kim,periode,jenis,target\nKIM-B,2026-Q4,kegiatan_per_triwulan,4\n", encoding="utf-8")
    assert main(["kim", "target-muat", str(berkas)]) == 0
    assert (wil.dir / "target_kim.csv").read_text(encoding="utf-8").splitlines() == [
        "id_kim,periode,jenis,target", "KIM-B,2026-Q4,kegiatan_per_triwulan,4.0"]
    berkas.write_text("id_kim,periode,jenis,target\nKIM-B,2026-Q4,kegiatan_per_triwulan,banyak\n", encoding="utf-8")
    assert main(["kim", "target-muat", str(berkas)]) == 1 and "baris 2" in capsys.readouterr().err
    assert "4.0" in (wil.dir / "target_kim.csv").read_text(encoding="utf-8")  # the bad file changed nothing
