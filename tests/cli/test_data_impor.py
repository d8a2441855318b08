"""#20: ``python -m geo data import FILE --jenis kim|kegiatan|anggaran`` saves through the page's path."""

from __future__ import annotations

import json

import pytest

from geo.cli.utama import main
from geo.masuk.dataset import muat_dataset
from geo.simpan.kim import path_audit
from tests.simpan.test_utuh import LOG, _bytes, semua  # noqa: F401

RENCANA = ("id_baris,id_potensi,kode_kelurahan,kegiatan,jenis_belanja,volume,satuan,harga_satuan,jumlah,target,keterangan\n"
           "R-01,A-01,,Pelatihan pengemasan,Pelatihan,2,OH,150000,300000,,\n")
BURUK = {
    "kim": "id_potensi,nama_kim,kode_kelurahan\nA-01,KIM Alfa,99.99\n",
    "kegiatan": LOG + "K3,Z-99,2025-01-01,rapat,,\n",
    "anggaran": RENCANA + "R-09,ZZ-01,,Sesuatu,Pelatihan,1,paket,10,10,,\n",
}


@pytest.mark.parametrize("jenis", ["kim", "kegiatan", "anggaran"])
@pytest.mark.parametrize("mode", ["--gabung", "--ganti"])
def test_berkas_buruk_ditolak_dan_tidak_ada_yang_berubah(semua, tmp_path, capsys, jenis, mode):  # noqa: F811
    berkas = tmp_path / f"buruk-{jenis}.csv"
    berkas.write_text(BURUK[jenis], encoding="utf-8")
    awal = _bytes(semua)
    assert main(["data", "import", str(berkas), "--jenis", jenis, mode]) == 1
    out = capsys.readouterr().out
    assert "TIDAK DISIMPAN" in out and "[GALAT]" in out and f"buruk-{jenis}.csv" in out
    assert _bytes(semua) == awal


def test_impor_kim_ganti_ditolak_bila_kegiatan_merujuk(semua, tmp_path, capsys):  # noqa: F811
    baris = semua.kim.read_text(encoding="utf-8").splitlines()
    berkas = tmp_path / "tanpa-a01.csv"
    berkas.write_text("\n".join(b for b in baris if not b.startswith("A-01")) + "\n", encoding="utf-8")
    awal = _bytes(semua)
    assert main(["data", "import", str(berkas), "--jenis", "kim", "--ganti"]) == 1
    assert "kegiatan.csv baris 2 (K1)" in capsys.readouterr().out
    assert _bytes(semua) == awal
    assert main(["data", "import", str(berkas), "--jenis", "kim", "--ganti", "--hapus-berantai", "--user", "admin"]) == 0
    assert "Ikut dihapus: 2 baris" in capsys.readouterr().out
    assert muat_dataset().kegiatan["id_kegiatan"].tolist() == ["K2"]


def test_impor_kegiatan_dan_anggaran_teraudit(semua, tmp_path, capsys):  # noqa: F811
    log = tmp_path / "kegiatan-baru.csv"
    log.write_text("id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK7,B-01,2025-03-01,rapat,4,\n", encoding="utf-8")
    assert main(["data", "import", str(log), "--jenis", "kegiatan", "--user", "admin"]) == 0
    assert "1 ditambah" in capsys.readouterr().out
    assert muat_dataset().kegiatan["id_kegiatan"].tolist() == ["K7", "K1", "K2"]  # merged by id_kegiatan
    entri = json.loads(path_audit(semua.dir / "kegiatan.csv").read_text(encoding="utf-8").splitlines()[-1])
    assert entri["pengguna"] == "admin" and entri["ditambah"] == ["K7"] and entri["aksi"].startswith("impor-gabung")
    rencana = tmp_path / "rencana.csv"
    rencana.write_text(RENCANA.replace("Pelatihan pengemasan", "Pelatihan kemasan"), encoding="utf-8")
    assert main(["data", "import", str(rencana), "--jenis", "anggaran"]) == 0
    assert "0 ditambah, 1 diubah, 0 dihapus" in capsys.readouterr().out


@pytest.mark.parametrize(("jenis", "tujuan"), [("kim", "kim.csv"), ("kegiatan", "kegiatan.csv"), ("anggaran", "anggaran.csv")])
def test_penolakan_menyebut_berkas_tujuan_yang_benar(semua, tmp_path, capsys, jenis, tujuan):  # noqa: F811
    """A refused budget import must not say 'nothing changed in kim.csv': the official looks at the wrong file."""
    berkas = tmp_path / f"buruk-{jenis}.csv"
    berkas.write_text(BURUK[jenis], encoding="utf-8")
    assert main(["data", "import", str(berkas), "--jenis", jenis]) == 1
    akhir = capsys.readouterr().out.strip().splitlines()[-1]
    assert akhir.startswith("TIDAK DISIMPAN") and akhir.rstrip(".").endswith(tujuan), akhir
