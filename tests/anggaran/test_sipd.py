"""The SIPD-shaped CSV: SIPD field names, formula-safe, and it loads back to an identical plan."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from geo.anggaran.rencana import muat_rencana
from geo.anggaran.sipd import KOLOM_SIPD, ke_csv_sipd
from geo.cli.utama import main
from geo.masuk.dataset import muat_dataset
from tests.anggaran.rka_uji import BARIS, atur_wilayah, tulis_referensi, tulis_rka


@pytest.fixture
def rka_uji(wilayah_uji, monkeypatch):
    atur_wilayah(wilayah_uji.wilayah)
    tulis_referensi(wilayah_uji.dir)
    rows = [list(r) for r in BARIS]
    rows[4][7] = '=HYPERLINK("http://contoh.invalid","klik")'  # spesifikasi typed as a formula
    path = tulis_rka(wilayah_uji.dir / "anggaran.csv", rows)
    monkeypatch.setenv("KIM_ANGGARAN", str(path))
    return path


def test_sipd_dimuat_kembali_identik(rka_uji, wilayah_uji, capsys):
    dataset = muat_dataset()
    asli = muat_rencana(dataset)
    assert asli.ok, asli.laporan.teks()
    keluar = wilayah_uji.dir.parent / "rincian_sipd.csv"
    assert main(["anggaran", "sipd", "--output", str(keluar)]) == 0
    baris = list(csv.DictReader(io.StringIO(keluar.read_text(encoding="utf-8-sig"))))
    assert list(baris[0]) == list(KOLOM_SIPD)
    r02 = next(b for b in baris if b["id_rincian"] == "R-02")
    assert (r02["kode_akun"], r02["vol_3"], r02["sat_3"], r02["pajak"], r02["total_harga"]) == ("5.1.02.01.01.0026", "10", "Lembar",
                                                                                              "11", "765900")
    assert r02["koefisien"] == "15 KIM x 2 Kali x 10 Lembar" and r02["vol_4"] == ""
    assert next(b for b in baris if b["id_rincian"] == "R-05")["spek_komponen"].startswith("'=")  # never a live formula
    kembali = muat_rencana(dataset, keluar)
    assert kembali.ok, kembali.laporan.teks()
    pd.testing.assert_frame_equal(kembali.tabel, asli.tabel)


def test_sipd_melampaui_standar_dengan_baris_dan_kolom(rka_uji, wilayah_uji):
    dataset = muat_dataset()
    keluar = wilayah_uji.dir.parent / "rincian_sipd.csv"
    (wilayah_uji.dir.parent / "x").write_bytes(ke_csv_sipd(muat_rencana(dataset)))
    tabel = pd.read_csv(wilayah_uji.dir.parent / "x", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    tabel.loc[tabel["id_rincian"] == "R-01", ["harga_satuan", "total_harga"]] = ["950000", "5700000"]
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=30_000_000)
    tabel.to_csv(keluar, index=False)
    rencana = muat_rencana(muat_dataset(), keluar)
    assert rencana.ok, rencana.laporan.teks()
    (m,) = [m for m in rencana.laporan.peringatan if m.kolom == "harga_satuan"]
    assert m.baris == 2 + int(tabel.index[tabel["id_rincian"] == "R-01"][0])
    assert "melampaui standar SBU-1" in m.pesan


def test_galat_sipd_menyebut_kolom_berkas_sipd(rka_uji, wilayah_uji):
    dataset = muat_dataset()
    keluar = wilayah_uji.dir.parent / "rincian_sipd.csv"
    keluar.write_bytes(ke_csv_sipd(muat_rencana(dataset)))
    tabel = pd.read_csv(keluar, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    tabel.loc[tabel["id_rincian"] == "R-03", "total_harga"] = "11099000"
    tabel.loc[tabel["id_rincian"] == "R-04", "vol_2"] = "x"
    tabel.to_csv(keluar, index=False)
    rencana = muat_rencana(dataset, keluar)
    baris = {r: 2 + int(tabel.index[tabel["id_rincian"] == r][0]) for r in ("R-03", "R-04")}
    assert {(m.baris, m.kolom) for m in rencana.laporan.galat} >= {(baris["R-03"], "total_harga"), (baris["R-04"], "vol_2")}
