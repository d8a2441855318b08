"""#25 behind #20's store on a real PostgreSQL: jury scores and KIM targets in the database, equal to the files'."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.kim.pemetaan import pemetaan
from geo.kim.penilaian import penilaian
from geo.kim.ringkasan_bulanan import ringkasan_bulanan
from geo.kim.target import kemajuan_target, target_tersimpan
from geo.masuk.dataset import muat_dataset
from geo.simpan.gudang import GudangBerkas
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from tests.conftest import tulis_log
from tests.kim.juri_uji import TANGGAL, alur_lembar_juri, juri_sebagai_set, periksa_dimuat, tulis_juri_target
from tests.kim.test_sunting_profil import wil  # noqa: F401  (fixture: a KIM table beside kim.csv)

pytestmark = pytest.mark.lambat


@pytest.fixture
def g(url_pg, wil):  # noqa: F811
    tulis_juri_target(wil.dir)
    tulis_log(wil, "KEG-1,A-01,2026-10-02,rapat,10,", "KEG-2,A-01,2026-11-03,produksi,12,")
    gudang = GudangPG(url_pg)
    hasil = pindah.impor(gudang, "uji", wil.kim, wil.batas, wil.referensi, wil.wilayah)
    assert hasil.hasil is not None, hasil.laporan.teks()
    yield gudang
    gudang.kolam.tutup()


def _satu_penolakan(g, rekaman: str) -> bool:
    """Exactly one refused write audited in ``rekaman``'s own audit record."""
    with g.kolam.koneksi() as conn:
        return conn.execute("SELECT count(*) FROM audit WHERE rekaman = %s AND aksi = 'ditolak-profil'",
                            (rekaman,)).fetchone()[0] == 1


def test_dimuat_dari_basis_data_dan_penilaian_sama_dengan_berkas(g, wil):  # noqa: F811
    db, berkas = g.muat(), muat_dataset()
    assert db.ok, db.laporan.teks()
    periksa_dimuat(db)
    (wil.dir / "nilai_juri.csv").unlink()  # the database holds them now: the files are not read
    (wil.dir / "target_kim.csv").unlink()
    db = g.muat()
    periksa_dimuat(db)
    pd.testing.assert_frame_equal(penilaian(db, TANGGAL).hasil, penilaian(berkas, TANGGAL).hasil)
    pd.testing.assert_frame_equal(kemajuan_target(db, TANGGAL, target_tersimpan(db)[0]),
                                  kemajuan_target(berkas, TANGGAL, target_tersimpan(berkas)[0]))
    m_db, m_berkas = (pemetaan(d, TANGGAL, target=target_tersimpan(d)[0]) for d in (db, berkas))
    pd.testing.assert_frame_equal(m_db.kim, m_berkas.kim)
    r_db, r_berkas = (ringkasan_bulanan(d, "2026-11", TANGGAL, target=target_tersimpan(d)[0]) for d in (db, berkas))
    pd.testing.assert_frame_equal(r_db.target_meleset, r_berkas.target_meleset)


def test_skor_kim_di_peta_sama(g, wil):  # noqa: F811
    from geo.tampilan.keadaan import Keadaan
    from geo.tampilan.susun import tampilkan

    hasil = []
    for d in (g.muat(), muat_dataset()):
        v = tampilkan(d, Keadaan(metrik="skor_kim", pada=TANGGAL))
        hasil.append(v.ringkasan[["kode", "skor_kim"]].reset_index(drop=True))
    pd.testing.assert_frame_equal(*hasil)
    assert hasil[0]["skor_kim"].notna().any()


def test_lembar_juri_di_basis_data_dua_server(g, url_pg, wil):  # noqa: F811
    sebelum = (wil.dir / "nilai_juri.csv").read_bytes()
    alur_lembar_juri(g, g.muat, lambda: _satu_penolakan(g, "nilai_juri"))  # no KIM_NILAI_JURI needed any more
    assert (wil.dir / "nilai_juri.csv").read_bytes() == sebelum  # nothing went to the files
    dua = GudangPG(url_pg)  # a second app server on the same database sees the new score
    try:
        assert ("KIM-A", "2026", "juri", 91.0) in juri_sebagai_set(dua.muat())
    finally:
        dua.kolam.tutup()


def test_ekspor_impor_bolak_balik(g, wil, tmp_path, monkeypatch):  # noqa: F811
    keluar = tmp_path / "ekspor"
    berkas = {p.name for p in pindah.ekspor(g, keluar)}
    assert {"nilai_juri.csv", "target_kim.csv"} <= berkas
    asal = pd.read_csv(wil.dir / "profil_kim.csv", dtype=str, keep_default_na=False)
    ekspor = pd.read_csv(keluar / "profil_kim.csv", dtype=str, keep_default_na=False)
    assert ekspor[list(asal.columns)].equals(asal)  # the KIM table, cell for cell (every column of the table written)
    assert (ekspor.drop(columns=list(asal.columns)) == "").all().all()
    kembali = GudangBerkas(keluar / "kim.csv", keluar / "boundaries.geojson").muat()
    assert kembali.ok, kembali.laporan.teks()
    periksa_dimuat(kembali)
    with g.kolam.koneksi() as conn:  # emptied, then imported back from the exported files: the same records
        conn.execute("DELETE FROM rekaman_baris WHERE jenis IN ('nilai_juri', 'target_kim')")
        conn.execute("DELETE FROM rekaman_kolom WHERE jenis IN ('nilai_juri', 'target_kim')")
    assert target_tersimpan(g.muat())[0].empty
    monkeypatch.setenv("KIM_NILAI_JURI", str(keluar / "nilai_juri.csv"))
    monkeypatch.setenv("KIM_TARGET", str(keluar / "target_kim.csv"))
    (wil.dir / "nilai_juri.csv").unlink()
    assert pindah.impor(g, "uji", wil.kim, wil.batas, wil.referensi, wil.wilayah).hasil is not None
    periksa_dimuat(g.muat())


def test_impor_menolak_target_buruk(g, wil):  # noqa: F811
    (wil.dir / "target_kim.csv").write_text("id_kim,periode,jenis,target\nKIM-A,2026-Q4,kegiatan_per_triwulan,-1\n",
                                            encoding="utf-8")
    hasil = pindah.impor(g, "uji", wil.kim, wil.batas, wil.referensi, wil.wilayah)
    assert hasil.hasil is None and any(m.berkas == "target_kim.csv" and m.baris == 2 for m in hasil.laporan.galat)
    periksa_dimuat(g.muat())  # nothing changed in the database


def test_target_di_basis_data(g, url_pg, wil, monkeypatch, capsys):  # noqa: F811
    from tests.kim.juri_uji import alur_target

    sebelum = (wil.dir / "target_kim.csv").read_bytes()
    alur_target(g, g.muat, lambda: _satu_penolakan(g, "target_kim"))
    assert (wil.dir / "target_kim.csv").read_bytes() == sebelum  # nothing went to the files
    from geo import config
    from geo.cli.utama import main

    berkas = wil.dir.parent / "target-baru.csv"
    berkas.write_text("id_kim,periode,jenis,target\nKIM-A,2026-Q4,kegiatan_per_triwulan,9\n", encoding="utf-8")
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)  # the CLI, pointed at the database, saves there too
    assert main(["kim", "target-muat", str(berkas)]) == 0
    assert "target di PostgreSQL" in capsys.readouterr().out and (wil.dir / "target_kim.csv").read_bytes() == sebelum
    assert target_tersimpan(g.muat())[0]["target"].tolist() == [9.0]
    dua = GudangPG(url_pg)
    try:
        k = target_tersimpan(dua.muat())[0].set_index(["id_kim", "jenis"])  # a second app server sees the CLI's save
        assert k.at[("KIM-A", "kegiatan_per_triwulan"), "target"] == 9.0
    finally:
        dua.kolam.tutup()


def test_migrasi_0008_menambah_jenis_tanpa_membuang_yang_lain(url_pg):
    """0008 widens the jenis CHECKs as 0007 does: every value already there stays, running it twice adds nothing twice."""
    import psycopg

    from geo.simpan.pg.migrasi import FOLDER_MIGRASI

    sql = (FOLDER_MIGRASI / "0008_juri_target.sql").read_text(encoding="utf-8")
    with psycopg.connect(url_pg, autocommit=True) as conn:
        for t in ("rekaman_baris", "rekaman_kolom"):  # as if another migration had added 'lain' before 0008 ran
            conn.execute(f"ALTER TABLE {t} DROP CONSTRAINT {t}_jenis_check")
            conn.execute(f"ALTER TABLE {t} ADD CONSTRAINT {t}_jenis_check "
                         "CHECK (jenis IN ('kegiatan', 'anggaran', 'menunggu', 'penetapan', 'lain'))")
        conn.execute(sql)
        conn.execute(sql)
        for t in ("rekaman_baris", "rekaman_kolom"):
            definisi = conn.execute("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = %s",
                                    (f"{t}_jenis_check",)).fetchone()[0]
            assert all(definisi.count(f"'{j}'") == 1 for j in ("kegiatan", "anggaran", "menunggu", "penetapan", "lain",
                                                                "nilai_juri", "target_kim")), definisi
        conn.execute("INSERT INTO rekaman_kolom (jenis, kolom) VALUES ('target_kim', '[]')")
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("INSERT INTO rekaman_kolom (jenis, kolom) VALUES ('bukan', '[]')")


def test_halaman_profil_kim_dari_basis_data(g, wil, url_pg, monkeypatch):  # noqa: F811
    """The Profil KIM page (AppTest) on PostgreSQL: the jury score and the target come from the database, not files."""
    import datetime as dt
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from geo import config
    from geo.kim.target import triwulan
    from geo.simpan.lingkup import Akun
    from tests.kim.juri_uji import lembar

    hari_ini, admin = dt.date.today(), Akun("admin")  # the page opens at today: its year and quarter
    d = g.muat()
    assert g.simpan_nilai_juri(d, lembar(d, {"KIM-A": 77}, str(hari_ini.year)), "juri.xlsx", admin)[1].ok
    isi = f"id_kim,periode,jenis,target\nKIM-A,{triwulan(hari_ini)},kegiatan_per_triwulan,6\n"
    assert g.simpan_target(d, isi.encode(), "target.csv", admin)[1].ok
    (wil.dir / "nilai_juri.csv").unlink()
    (wil.dir / "target_kim.csv").unlink()
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "pages" / "5_Profil_KIM.py"), default_timeout=60)
    at.query_params["kim"] = "KIM-A"
    at.run()
    assert not at.exception, at.exception
    peringkat = at.dataframe[0].value.set_index("KIM")
    assert peringkat.at["KIM Alfa", "Penilaian juri"] == 77.0  # from rekaman_baris jenis nilai_juri
    target = [df.value for df in at.dataframe if "Target" in df.value.columns]
    assert target and 6.0 in set(target[0]["Target"])  # KIM-A's own quarter target, from jenis target_kim
