"""#20: the report queue and the budget baseline through the file store (GudangBerkas), as before on disk."""

from __future__ import annotations

import pytest

from geo.anggaran.rencana import muat_rencana
from geo.simpan.foto import path_foto
from geo.simpan.gudang import GudangBerkas
from tests.simpan.antrean_uji import alur_antrean, alur_penetapan, alur_terputus
from tests.simpan.test_utuh import semua  # noqa: F401  (fixture: log and plan beside kim.csv)


@pytest.fixture
def g(semua):  # noqa: F811
    return GudangBerkas()


def test_antrean_berkas_lewat_gudang(g, semua):  # noqa: F811
    alur_antrean(g, g.muat(), lambda i: path_foto(semua.kim, i).is_file())
    assert (semua.dir / "laporan_menunggu.csv").read_text(encoding="utf-8").startswith(
        "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan,pelapor,diajukan,foto")  # the file's format is kept
    assert (semua.dir / "audit_laporan_menunggu.jsonl").is_file()


def test_terima_terputus_tidak_hilang_tidak_ganda_berkas(g, semua, monkeypatch):  # noqa: F811
    alur_terputus(g, g.muat(), monkeypatch)
    assert not list((semua.dir / "laporan_menunggu").glob("*.jpg"))  # the queued photo went with its row


def test_penetapan_berkas_lewat_gudang(g, semua):  # noqa: F811
    ds = g.muat()
    alur_penetapan(g, ds, lambda: muat_rencana(ds))
    assert (semua.dir / "anggaran_penetapan.csv").is_file()



def test_ringkasan_bulanan_menghitung_antrean_dari_gudang(g, semua, capsys):  # noqa: F811
    import json

    from geo.cli.utama import main
    from tests.simpan.antrean_uji import PELAPOR_A, lap

    isi = json.loads(semua.wilayah.read_text(encoding="utf-8"))
    semua.wilayah.write_text(json.dumps({**isi, "verifikasi_laporan": True}), encoding="utf-8")
    g.ajukan_laporan(g.muat(), PELAPOR_A, [lap(), lap("KEG-00009", "A-03", foto=False)])
    assert main(["kim", "ringkasan-bulanan", "--bulan", "2025-03"]) == 0
    baris = [b for b in capsys.readouterr().out.splitlines() if b.startswith("laporan_menunggu")]
    assert baris and baris[-1].rstrip().endswith("field reports awaiting review: 2")
