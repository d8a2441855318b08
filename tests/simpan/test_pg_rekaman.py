"""#20: the activity log and the budget plan in PostgreSQL, with the files' promises (real server)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from geo import config
from geo.cli.utama import main
from geo.masuk.dataset import muat_dataset
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GalatKonflikBaris, GudangPG
from tests.simpan.test_utuh import semua  # noqa: F401  (fixture: log and plan beside kim.csv)

pytestmark = pytest.mark.lambat
PROYEK = Path(__file__).resolve().parents[2]


@pytest.fixture
def g(url_pg, semua):  # noqa: F811
    gudang = GudangPG(url_pg)
    hasil = pindah.impor(gudang, "uji", semua.kim, semua.batas, semua.referensi, semua.wilayah)
    assert hasil.hasil is not None, hasil.laporan.teks()
    yield gudang
    gudang.kolam.tutup()


def test_log_dan_rencana_masuk_basis_data_dan_angkanya_sama(g, url_pg, semua, monkeypatch, capsys):  # noqa: F811
    berkas, db = muat_dataset(), g.muat()
    assert db.ok, db.laporan.teks()
    kolom = ["id_kegiatan", "id_potensi", "tanggal", "jenis_kegiatan", "peserta", "keterangan"]
    pd.testing.assert_frame_equal(db.kegiatan[kolom], berkas.kegiatan[kolom])
    r_db, r_berkas = g.muat_rencana(db), pindah_rencana(berkas)
    assert r_db.ok and r_db.tabel.drop(columns="_baris").equals(r_berkas.tabel.drop(columns="_baris"))
    perintah = [["summary", "--format", "json"], ["summary", "--format", "json", "--pada", "2024-12-31"],
                ["summary", "--format", "json", "--pada", "2024-06-30", "--banding", "2025-03-31"],
                ["summary", "--format", "json", "--tingkat", "kecamatan", "--pada", "2025-03-31"],
                ["summary", "--format", "json", "--tingkat", "kabkota", "--pada", "2024-06-30", "--banding", "2025-03-31"],
                ["summary", "--format", "json", "--tingkat", "provinsi"]]
    dari_berkas = []
    for p in perintah:
        assert main(p) == 0
        dari_berkas.append(json.loads(capsys.readouterr().out))
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    for p, harapan in zip(perintah, dari_berkas):
        assert main(p) == 0
        assert json.loads(capsys.readouterr().out) == harapan, p
    assert any(r.get("bulan_tidak_aktif") is not None for r in dari_berkas[0])


def pindah_rencana(ds):
    from geo.anggaran.rencana import muat_rencana

    return muat_rencana(ds)


def test_simpan_log_di_basis_data_diperiksa_seperti_berkas(g):
    ds = g.muat()
    tabel, sidik = g.baca_log_untuk_sunting(ds)
    tabel.loc[1, "keterangan"] = "Panen\x00"
    hasil = g.simpan_kegiatan(tabel, ds, "uji", sidik)
    assert not hasil.disimpan and [(m.baris, m.kolom) for m in hasil.laporan.galat] == [(3, "keterangan")]
    tabel.loc[1, "keterangan"] = "Panen raya"
    tambah = pd.DataFrame([["K3", "B-01", "15/03/2025", "Sosialisasi", "12", "Balai"]], columns=tabel.columns)
    hasil = g.simpan_kegiatan(pd.concat([tabel, tambah], ignore_index=True), ds, "ani", sidik)
    assert hasil.disimpan and hasil.perubahan.ditambah == ["K3"] and hasil.perubahan.diubah == ["K2"]
    baru = g.muat()
    assert baru.kegiatan["id_kegiatan"].tolist() == ["K1", "K2", "K3"]
    assert baru.kegiatan["tanggal"].iloc[2] == pd.Timestamp("2025-03-15")
    audit = g.baca_audit("kegiatan")
    assert audit.iloc[0]["aksi"] == "sunting-kegiatan" and audit.iloc[0]["pengguna"] == "ani"


def test_dua_penyunting_log_baris_berbeda_digabung_baris_sama_bentrok(g):
    ds = g.muat()
    a, sidik_a = g.baca_log_untuk_sunting(ds)
    b, sidik_b = g.baca_log_untuk_sunting(ds)
    a.loc[0, "keterangan"] = "dari A"
    b.loc[1, "keterangan"] = "dari B"
    assert g.simpan_kegiatan(a, ds, "a", sidik_a).disimpan
    assert g.simpan_kegiatan(b, ds, "b", sidik_b).disimpan
    tabel, _ = g.baca_log_untuk_sunting(ds)
    assert tabel["keterangan"].tolist() == ["dari A", "dari B"]
    b.loc[0, "keterangan"] = "B menimpa A"
    with pytest.raises(GalatKonflikBaris, match="K1"):
        g.simpan_kegiatan(b, ds, "b", sidik_b)


def test_hapus_potensi_dengan_kegiatan_di_basis_data(g):
    ds = g.muat()
    tabel, sidik = g.baca_untuk_sunting(ds)
    hasil = g.simpan_kim(tabel[tabel["id_potensi"] != "A-01"], ds, "uji", sidik)
    assert not hasil.disimpan
    teks = hasil.laporan.teks()
    assert "kegiatan (basis data) baris 2 (K1)" in teks and "anggaran (basis data) baris 2 (R-01)" in teks
    assert len(g.muat().potensi) == 5
    hasil = g.simpan_kim(tabel[tabel["id_potensi"] != "A-01"], ds, "uji", sidik, berantai=True)
    assert hasil.disimpan
    baru = g.muat()
    assert baru.ok and baru.kegiatan["id_kegiatan"].tolist() == ["K2"]
    assert g.muat_rencana(baru).tabel["id_baris"].tolist() == ["R-02", "R-03"]
    for rekaman, kunci in (("kegiatan", ["K1"]), ("anggaran", ["R-01"])):
        entri = g.baca_audit(rekaman).iloc[0]
        assert entri["aksi"] == "hapus-berantai" and entri["dihapus"] == kunci


_SERVER_LAIN = """
import sys
import pandas as pd
from geo.anggaran.simpan import sebagai_teks
from geo.simpan.pg.gudang_pg import GudangPG
g = GudangPG(sys.argv[1])
ds = g.muat()
log, sidik = g.baca_log_untuk_sunting(ds)
baru = pd.DataFrame([["K9", "B-02", "2025-03-20", "rapat", "", "dari server lain"]], columns=log.columns)
print(g.simpan_kegiatan(pd.concat([log, baru], ignore_index=True), ds, "server-2", sidik).pesan)
rencana = g.muat_rencana(ds)
tabel = sebagai_teks(rencana.tabel).drop(columns="_baris")
tabel.loc[tabel["id_baris"] == "R-03", ["harga_satuan", "jumlah"]] = "300000"  # room under the ceiling
baris = {k: "" for k in tabel.columns}
baris.update(id_baris="R-09", kode_kelurahan="99.01.02.1001", kegiatan="Baris server lain", jenis_belanja="Pelatihan",
             volume="1", satuan="paket", harga_satuan="100000", jumlah="100000")
tabel = pd.concat([tabel, pd.DataFrame([baris])], ignore_index=True)
print(g.simpan_rencana(tabel, ds, rencana.pengaturan, "server-2", g.sidik_rencana()).pesan)
"""


def test_dua_server_satu_basis_data_saling_melihat(g, url_pg):
    ds = g.muat()
    versi = g.versi()
    r = subprocess.run([sys.executable, "-c", _SERVER_LAIN, url_pg], check=False, cwd=PROYEK, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.lower().count("tersimpan: 1 ditambah") == 2, r.stdout
    assert g.versi() != versi  # this server's cache key moves on
    baru = g.muat()
    assert "K9" in baru.kegiatan["id_kegiatan"].tolist()
    assert "R-09" in g.muat_rencana(baru).tabel["id_baris"].tolist()
    assert len(ds.kegiatan) == 2


def test_usul_anggaran_masuk_basis_data(g, url_pg, monkeypatch, capsys):
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    usul = ["anggaran", "usul", "--tanggal", "2025-08-03", "--bobot-dasar", "1"]
    assert main(usul) == 1 and "--force" in capsys.readouterr().err  # a plan is there: not replaced silently
    assert main([*usul, "--force"]) == 0
    rencana = g.muat_rencana(g.muat())
    assert rencana.ok and rencana.total == 1_000_000 and "R-01" not in rencana.tabel["id_baris"].tolist()
    assert g.baca_audit("anggaran").iloc[0]["aksi"] == "usul"


def test_data_rusak_di_basis_data_menyebut_tabel_dan_baris(g, url_pg):
    import psycopg

    with psycopg.connect(url_pg) as conn:  # edited by hand, around the app
        conn.execute("UPDATE rekaman_baris SET sel = jsonb_set(sel, '{id_potensi}', '\"Z-99\"') "
                     "WHERE jenis = 'kegiatan' AND kunci = 'K2'")
    ds = g.muat()
    assert not ds.ok
    (masalah,) = ds.laporan.galat
    assert (masalah.berkas, masalah.baris, masalah.kolom, masalah.nilai) == ("kegiatan (basis data)", 3, "id_potensi", "Z-99")
