"""#20: the report queue and the budget baseline in PostgreSQL (real server), two servers, and db import/export."""

from __future__ import annotations

import pytest

from geo import config
from geo.anggaran.rencana import muat_rencana
from geo.cli.utama import main
from geo.ekspor.rka_buat import buat_rka
from geo.simpan.gudang import GudangBerkas
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from geo.tampilan.susun import tampilkan
from tests.simpan.antrean_uji import EDITOR_KEC, PELAPOR_A, alur_antrean, alur_penetapan, alur_terputus, id_log, lap
from tests.simpan.test_pg_rekaman import g  # noqa: F401  (fixture: the files imported into a fresh database)
from tests.simpan.test_utuh import semua  # noqa: F401  (fixture: log and plan beside kim.csv)

pytestmark = pytest.mark.lambat


def _punya_foto(gudang: GudangPG):
    def cek(id_potensi: str) -> bool:
        with gudang.kolam.koneksi() as conn:
            return conn.execute("SELECT 1 FROM foto_potensi WHERE id_potensi = %s", (id_potensi,)).fetchone() is not None
    return cek


def test_antrean_di_basis_data(g, semua):  # noqa: F811
    sebelum = (semua.dir / "kegiatan.csv").read_bytes()
    alur_antrean(g, g.muat(), _punya_foto(g))
    assert not (semua.dir / "laporan_menunggu.csv").exists() and not (semua.dir / "laporan_menunggu").exists()
    assert (semua.dir / "kegiatan.csv").read_bytes() == sebelum  # nothing went to the files
    with g.kolam.koneksi() as conn:
        assert conn.execute("SELECT count(*) FROM audit WHERE rekaman = 'menunggu'").fetchone()[0] >= 5


def test_terima_terputus_tidak_hilang_tidak_ganda_pg(g, monkeypatch):  # noqa: F811
    alur_terputus(g, g.muat(), monkeypatch)
    with g.kolam.koneksi() as conn:
        assert conn.execute("SELECT count(*) FROM foto_menunggu").fetchone()[0] == 0


def test_dua_server_satu_antrean(g, url_pg):  # noqa: F811
    """Two app servers (two pools) on one database: a report queued on one is accepted on the other."""
    satu, dua = g, GudangPG(url_pg)
    try:
        ds = satu.muat()
        satu.ajukan_laporan(ds, PELAPOR_A, [lap()])
        assert list(dua.baca_menunggu()["id_kegiatan"]) == ["KEG-00008"] and dua.foto_menunggu("KEG-00008")[:2] == b"\xff\xd8"
        assert dua.terima_laporan(dua.muat(), EDITOR_KEC, ["KEG-00008"]).disimpan
        assert satu.baca_menunggu().empty and "KEG-00008" in id_log(satu, satu.muat())
        assert "KEG-00008" in set(satu.muat().kegiatan["id_kegiatan"])
    finally:
        dua.kolam.tutup()


def test_penetapan_di_basis_data_dan_formulir_rkpa(g, url_pg, semua, monkeypatch):  # noqa: F811
    ds = g.muat()
    alur_penetapan(g, ds, lambda: g.muat_rencana(ds))
    assert not (semua.dir / "anggaran_penetapan.csv").exists()
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    assert main(["anggaran", "tetapkan"]) != 0  # already there: not replaced silently
    assert main(["anggaran", "tetapkan", "--force"]) == 0
    hasil = buat_rka("rka-xlsx", tampilkan(ds), g.muat_rencana(ds), "rkpa")  # the Perubahan form finds the database's baseline
    assert hasil.nama.startswith("rkpa-") and hasil.data[:2] == b"PK"


def test_impor_ekspor_membawa_antrean_dan_penetapan(url_pg, semua, tmp_path):  # noqa: F811
    """Files → database → files: the queue (with its photo) and the baseline come back unchanged."""
    berkas = GudangBerkas()
    ds = berkas.muat()
    berkas.ajukan_laporan(ds, PELAPOR_A, [lap(), lap("KEG-00009", "A-03", foto=False)])
    assert berkas.tetapkan_rencana(muat_rencana(ds), ds, "uji").disimpan
    antre = (semua.dir / "laporan_menunggu.csv").read_bytes()
    dasar = (semua.dir / "anggaran_penetapan.csv").read_bytes()
    db = GudangPG(url_pg)
    try:
        hasil = pindah.impor(db, "uji", semua.kim, semua.batas, semua.referensi, semua.wilayah)
        assert hasil.hasil is not None, hasil.laporan.teks()
        assert list(db.baca_menunggu()["id_kegiatan"]) == ["KEG-00008", "KEG-00009"]
        assert db.ada_penetapan(db.muat_rencana(db.muat()))
        keluar = tmp_path / "keluar"
        pindah.ekspor(db, keluar)
        assert (keluar / "laporan_menunggu.csv").read_bytes() == antre
        assert (keluar / "anggaran_penetapan.csv").read_bytes() == dasar.removeprefix(b"\xef\xbb\xbf")  # as anggaran.csv: no BOM
        assert (keluar / "laporan_menunggu" / "KEG-00008.jpg").read_bytes()[:2] == b"\xff\xd8"
        # A second import of the exported files changes nothing in the queue.
        assert pindah.impor(db, "uji", keluar / "kim.csv", keluar / "boundaries.geojson", keluar / "kelurahan.csv",
                            keluar / "wilayah.json", keluar / "anggaran.csv").hasil is not None
        assert list(db.baca_menunggu()["id_kegiatan"]) == ["KEG-00008", "KEG-00009"]
    finally:
        db.kolam.tutup()


def test_impor_antrean_rusak_tidak_mengubah_apa_pun(url_pg, semua):  # noqa: F811
    (semua.dir / "laporan_menunggu.csv").write_text(
        "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan,pelapor,diajukan,foto\n"
        "KEG-00008,Z-99,2025-03-30,rapat,9,,pelapor_a,2025-03-30T10:00:00+07:00,\n", encoding="utf-8")
    db = GudangPG(url_pg)
    try:
        hasil = pindah.impor(db, "uji", semua.kim, semua.batas, semua.referensi, semua.wilayah)
        assert hasil.hasil is None and "Z-99" in hasil.laporan.teks()
    finally:
        db.kolam.tutup()


def test_migrasi_0007_menambah_jenis_tanpa_membuang_yang_lain(url_pg):
    """0007 widens the jenis CHECKs by adding to what they hold, so a value another migration (0006) added stays."""
    import psycopg

    from geo.simpan.pg.migrasi import FOLDER_MIGRASI

    with psycopg.connect(url_pg, autocommit=True) as conn:
        for t in ("rekaman_baris", "rekaman_kolom"):  # as if 0006 had added 'lain' before 0007 ran
            conn.execute(f"ALTER TABLE {t} DROP CONSTRAINT {t}_jenis_check")
            conn.execute(f"ALTER TABLE {t} ADD CONSTRAINT {t}_jenis_check CHECK (jenis IN ('kegiatan', 'anggaran', 'lain'))")
        conn.execute("DROP TABLE foto_menunggu")
        conn.execute((FOLDER_MIGRASI / "0007_antrean_penetapan.sql").read_text(encoding="utf-8"))
        for t in ("rekaman_baris", "rekaman_kolom"):
            definisi = conn.execute("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = %s",
                                    (f"{t}_jenis_check",)).fetchone()[0]
            assert all(f"'{j}'" in definisi for j in ("kegiatan", "anggaran", "lain", "menunggu", "penetapan")), definisi
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("INSERT INTO rekaman_kolom (jenis, kolom) VALUES ('bukan', '[]')")
