"""``summary`` reads the checked log from the disk cache while the file is unchanged (issue #26), and prints the page's figures."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from geo.cli.utama import _tabel_summary, main
from geo.kim.penilaian import penilaian_tampilan, teks_prioritas
from geo.masuk.dataset import muat_dataset
from geo.tampilan.angka import teks_cakupan
from geo.tampilan.susun import tampilkan
from geo.tampilan.waktu import hari_ini
from tests.conftest import jangan_buka, simpan_tabel_teruji, tulis_log

DATA = Path(__file__).resolve().parents[2] / "data"


def _lama(*paths: Path) -> None:
    """Modified a minute ago, as data on a server is: its derivative may be stored."""
    dulu = time.time() - 60
    for p in paths:
        os.utime(p, (dulu, dulu))


@pytest.fixture(autouse=True)
def _simpan(monkeypatch):
    simpan_tabel_teruji(monkeypatch)


@pytest.fixture
def data_bawaan(tmp_path, monkeypatch):
    """A copy of the shipped data (its logos too), with the KIM_* variables and an empty cache."""
    salinan = tmp_path / "data"
    shutil.copytree(DATA, salinan)
    _lama(*salinan.rglob("*"))
    for nama, berkas in (("KIM_CSV", "kim.csv"), ("KIM_BOUNDARIES", "boundaries.geojson"),
                         ("KIM_REFERENSI", "kelurahan.csv"), ("KIM_WILAYAH", "wilayah.json")):
        monkeypatch.setenv(nama, str(salinan / berkas))
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    return salinan


def _summary(capsys, *flag: str) -> tuple[int, str, str]:
    kode = main(["summary", *flag])
    keluaran = capsys.readouterr()
    return kode, keluaran.out, keluaran.err


def test_data_tak_berubah_tidak_dibuka(data_bawaan, capsys, monkeypatch):
    kode, pertama, err_pertama = _summary(capsys, "--format", "json")  # fills the cache
    assert kode == 0
    with monkeypatch.context() as m:
        dicoba = jangan_buka(m, "kegiatan.csv", "kim.csv")
        kode, kedua, err_kedua = _summary(capsys, "--format", "json")
    assert kode == 0 and dicoba == []
    assert (kedua, err_kedua) == (pertama, err_pertama)
    # A log saved since (the store writes a new file): read again, not the stored table.
    log = data_bawaan / "kegiatan.csv"
    baru = log.with_name("kegiatan.baru")
    baru.write_bytes(log.read_bytes())
    baru.replace(log)
    with monkeypatch.context() as m:
        dicoba = jangan_buka(m, "kegiatan.csv")
        assert main(["summary", "--format", "json"]) == 3  # the (refused) read ends the command
    assert dicoba


def test_angka_sama_dengan_tampilan_halaman(data_bawaan, capsys):
    """JSON rows, totals and priorities equal the View of the data read and checked afresh."""
    for _ in range(2):  # the miss (files read and stored) and the hit (tables from the cache)
        kode, out, err = _summary(capsys, "--format", "json")
        assert kode == 0
        with pytest.MonkeyPatch.context() as m:
            m.setenv("KIM_CACHE", "off")
            tampilan = tampilkan(muat_dataset())  # every file read and checked
        assert json.loads(out) == json.loads(_tabel_summary(tampilan).to_json(orient="records", force_ascii=False))
        a = tampilan.angka
        assert f"Jumlah: {a.kim} KIM, {a.potensi} potensi ({a.aktif} aktif), {a.anggota} anggota, {teks_cakupan(tampilan)}." in err
        assert "\n".join(teks_prioritas(penilaian_tampilan(tampilan))) in err
    # The same figures as with today's date given.
    _, dengan_pada, _ = _summary(capsys, "--format", "json", "--pada", hari_ini().isoformat())
    assert json.loads(dengan_pada) == json.loads(out)


def test_log_diubah_dibaca_lagi(wilayah_uji, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    log = tulis_log(wilayah_uji, "K1,A-02,2020-01-05,rapat,10,")
    _lama(log)
    _, lama, _ = _summary(capsys, "--format", "json")
    _, lama_lagi, _ = _summary(capsys, "--format", "json")
    assert lama_lagi == lama
    tulis_log(wilayah_uji, f"K1,A-02,{hari_ini().isoformat()},rapat,10,")  # the same size, rewritten just now
    _, baru, _ = _summary(capsys, "--format", "json")
    assert baru != lama
    assert baru == _summary(capsys, "--format", "json", "--pada", hari_ini().isoformat())[1]


def test_log_tidak_sah_tetap_keluar_1(wilayah_uji, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    _lama(tulis_log(wilayah_uji, "K1,P-TIDAK-ADA,2020-01-05,rapat,10,"))
    for _ in range(2):  # from the file, then from the stored report
        kode, _, err = _summary(capsys, "--format", "json")
        assert kode == 1
        assert "P-TIDAK-ADA" in err and "kegiatan.csv" in err
