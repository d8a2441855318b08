"""The shared PostgreSQL/PostGIS store against a real server (tests/pg_uji.py): no mock database.

Covers the schema, figures equal to the file store (shipped data and a
generated 1,000-unit region), 2 and 8 concurrent editors on different rows and
on one row, SIGKILL of a saving process, a database restart mid-session, and
messages that never show the password.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import psycopg
import pytest

from geo import config
from geo.cli.utama import main
from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.simpan.gudang import GudangBerkas, pilih_gudang
from geo.simpan.kim import GalatKonflik
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from geo.simpan.pg.koneksi import samarkan
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.pg_uji import SANDI
from tests.wilayah_besar import buat_wilayah_besar

pytestmark = pytest.mark.lambat
PROYEK = Path(__file__).resolve().parents[2]


def _impor(url: str, w=None) -> GudangPG:
    g = GudangPG(url)
    args = (w.kim, w.batas, w.referensi, w.wilayah) if w else (None, None, None, None)
    hasil = pindah.impor(g, "uji", *args)
    assert hasil.hasil is not None, hasil.laporan.teks()
    return g


def _sama(berkas, db) -> None:
    """Every frame the views are computed from, and the views themselves, are equal."""
    assert berkas.ok and db.ok, (berkas.laporan.teks(), db.laporan.teks())
    assert len(db.potensi) == len(berkas.potensi) > 0
    pd.testing.assert_frame_equal(pd.DataFrame(db.potensi), pd.DataFrame(berkas.potensi))
    pd.testing.assert_frame_equal(pd.DataFrame(db.batas), pd.DataFrame(berkas.batas))
    pd.testing.assert_frame_equal(db.referensi.tabel, berkas.referensi.tabel)
    assert db.wilayah == berkas.wilayah
    kategori = berkas.wilayah.kategori_potensi[0]
    for f in (Filter(), Filter(kategori=(kategori,)), Filter(status=("Aktif",))):
        a, b = tampilkan(berkas, f), tampilkan(db, f)
        pd.testing.assert_frame_equal(pd.DataFrame(b.ringkasan), pd.DataFrame(a.ringkasan))
        assert len(b.potensi) == len(a.potensi)


def test_schema_versions_gist_and_idempotent_upgrade(url_pg, monkeypatch, capsys):
    monkeypatch.delenv(config.ENV_DATABASE, raising=False)
    assert main(["db", "upgrade"]) == 1 and "KIM_DATABASE_URL" in capsys.readouterr().err  # no database set: said so
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    assert main(["db", "upgrade"]) == 0 and "sudah terbaru" in capsys.readouterr().out
    assert main(["db", "status"]) == 1  # migrated but empty: status says so, exit 1
    g = GudangPG(url_pg)
    from geo.simpan.pg.migrasi import tingkatkan

    assert tingkatkan(g.kolam) == []  # the template is migrated already: nothing applied twice
    with psycopg.connect(url_pg) as conn:
        tabel = ["wilayah_meta", "referensi_kelurahan", "batas_kelurahan", "kim_potensi", "audit"]
        kolom = {t: {r[0] for r in conn.execute("SELECT column_name FROM information_schema.columns WHERE table_name=%s", (t,))} for t in tabel}
        assert len(kolom) == 5 and all("versi" in k for k in kolom.values()), kolom
        srid = conn.execute("SELECT srid FROM geometry_columns WHERE f_table_name='batas_kelurahan'").fetchone()[0]
        assert srid == 4326
        indeks = conn.execute("SELECT indexdef FROM pg_indexes WHERE tablename='batas_kelurahan'").fetchall()
        assert any("gist" in r[0] for r in indeks), indeks
        # every shipped migration applied once, in order (0001 first; later ones come with later issues)
        from geo.simpan.pg.migrasi import daftar_migrasi

        diterapkan = conn.execute("SELECT versi FROM schema_migrations ORDER BY versi").fetchall()
        assert diterapkan == [(m.versi,) for m in daftar_migrasi()]  # each exactly once (0001, 0002_rekaman, 0003_foto_pembatas, 0004_profil_kim, 0005_akun, …)
        assert diterapkan[0] == ("0001",) and len(daftar_migrasi()) >= 5
    g.kolam.tutup()


def test_shipped_data_gives_the_same_figures(url_pg, monkeypatch, capsys, tmp_path):
    for env in (config.ENV_KIM, config.ENV_BATAS, config.ENV_REFERENSI, config.ENV_WILAYAH):
        monkeypatch.delenv(env, raising=False)
    # The database holds the KIM table, boundaries, reference and region; the optional activity
    # log stays a file, so both sides are compared without it.
    monkeypatch.setenv(config.ENV_KEGIATAN, str(tmp_path / "tanpa-log.csv"))
    g = _impor(url_pg)
    _sama(muat_dataset(), g.muat())
    assert main(["summary", "--format", "json"]) == 0
    dari_berkas = json.loads(capsys.readouterr().out)
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    assert main(["summary", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == dari_berkas and len(dari_berkas) > 0
    g.kolam.tutup()


def test_generated_1000_unit_region_gives_the_same_figures(url_pg, tmp_path):
    w = buat_wilayah_besar(tmp_path / "besar", unit=1000, per_unit=2)
    g = _impor(url_pg, w)
    berkas = muat_dataset(w.kim, w.batas, w.referensi, w.wilayah)
    assert len(berkas.batas) == 1000 and len(berkas.potensi) == 2000
    _sama(berkas, g.muat())
    g.kolam.tutup()


def test_export_writes_files_that_load_identically(url_pg, wilayah_uji, tmp_path):
    g = _impor(url_pg, wilayah_uji)
    assert main(["db", "export", "--output", str(tmp_path / "keluar")]) == 1  # no database configured: refused
    keluar = pindah.ekspor(g, tmp_path / "keluar")
    # The four region files, then every other record the database holds: here the KIM table made from nama_kim (#25).
    assert [p.name for p in keluar] == ["kim.csv", "boundaries.geojson", "kelurahan.csv", "wilayah.json", "profil_kim.csv"]
    _sama(muat_dataset(*keluar[:4]), g.muat())  # kim.csv, boundaries, reference, wilayah; the rest sits beside kim.csv
    g.kolam.tutup()


def test_import_refuses_invalid_files_and_changes_nothing(url_pg, wilayah_uji, capsys, monkeypatch):
    g = _impor(url_pg, wilayah_uji)
    sebelum = g.versi()
    wilayah_uji.tulis_kim([["A-01", "KIM", "", "Tidak Ada", "", "Kuliner", "x", "", "Aktif", "-3", "", "0.01", "110.01", ""]])
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    assert main(["db", "import"]) == 1
    keluar = capsys.readouterr().out
    assert "TIDAK DIIMPOR" in keluar and "kim.csv" in keluar and "baris 2" in keluar
    assert g.versi() == sebelum
    g.kolam.tutup()


def _editor(url: str, ubah, hasil: list, rintangan: threading.Barrier) -> None:
    """One editor on its own 'server' (own store, own pool): load, wait for the others, edit, save."""
    g = GudangPG(url)
    try:
        ds = g.muat()
        tabel, sidik = g.baca_untuk_sunting(ds)
        rintangan.wait(timeout=60)
        try:
            hasil.append(g.simpan_kim(ubah(tabel.copy()), ds, "uji", sidik))
        except GalatKonflik as exc:
            hasil.append(exc)
    finally:
        g.kolam.tutup()


def _serentak(url: str, pengubah: list) -> list:
    hasil: list = []
    rintangan = threading.Barrier(len(pengubah))
    utas = [threading.Thread(target=_editor, args=(url, u, hasil, rintangan)) for u in pengubah]
    for t in utas:
        t.start()
    for t in utas:
        t.join(timeout=120)
    assert len(hasil) == len(pengubah)
    return hasil


def _ganti(i: int, nilai: str):
    def ubah(t: pd.DataFrame) -> pd.DataFrame:
        t.loc[i, "nama_potensi"] = nilai
        return t
    return ubah


@pytest.mark.parametrize("jumlah", [2, 8])
def test_concurrent_editors_on_different_rows_all_succeed(url_pg, tmp_path, jumlah):
    w = buat_wilayah_besar(tmp_path / "w", unit=10, per_unit=2)
    g = _impor(url_pg, w)
    hasil = _serentak(url_pg, [_ganti(i * 2, f"suntingan {i}") for i in range(jumlah)])
    assert all(getattr(h, "disimpan", False) for h in hasil), hasil
    tabel, _ = g.baca_untuk_sunting(g.muat())
    assert [tabel.loc[i * 2, "nama_potensi"] for i in range(jumlah)] == [f"suntingan {i}" for i in range(jumlah)]
    log = g.baca_audit()
    assert (log["aksi"] == "sunting").sum() == jumlah
    assert sorted(i for ids in log.loc[log["aksi"] == "sunting", "diubah"] for i in ids) == sorted(tabel.loc[[i * 2 for i in range(jumlah)], "id_potensi"])
    g.kolam.tutup()


@pytest.mark.parametrize("jumlah", [2, 8])
def test_concurrent_editors_on_the_same_row_one_wins_others_told(url_pg, tmp_path, jumlah):
    w = buat_wilayah_besar(tmp_path / "w", unit=10, per_unit=2)
    g = _impor(url_pg, w)
    hasil = _serentak(url_pg, [_ganti(3, f"versi {i}") for i in range(jumlah)])
    menang = [h for h in hasil if not isinstance(h, GalatKonflik)]
    kalah = [h for h in hasil if isinstance(h, GalatKonflik)]
    assert len(menang) == 1 and menang[0].disimpan and len(kalah) == jumlah - 1
    assert all("BELUM disimpan" in str(k) and "U0002-02" in str(k) for k in kalah)
    tabel, _ = g.baca_untuk_sunting(g.muat())
    assert tabel.loc[3, "nama_potensi"] in {f"versi {i}" for i in range(jumlah)}
    assert (g.baca_audit()["aksi"] == "sunting").sum() == 1
    g.kolam.tutup()


_PENYIMPAN = """
import sys
from geo.simpan.pg.gudang_pg import GudangPG
g = GudangPG(sys.argv[1])
ds = g.muat()
tabel, sidik = g.baca_untuk_sunting(ds)
for i in range(100000):
    tabel.loc[0, "nama_potensi"] = f"v{i}"
    hasil = g.simpan_kim(tabel, ds, "pembunuh", sidik)
    sidik = hasil.sidik
    print(i, flush=True)
"""


def test_sigkill_while_saving_leaves_old_or_new_state_with_matching_audit(url_pg, tmp_path):
    w = buat_wilayah_besar(tmp_path / "w", unit=200, per_unit=3)
    g = _impor(url_pg, w)
    for putaran in range(3):
        proses = subprocess.Popen([sys.executable, "-c", _PENYIMPAN, url_pg], cwd=PROYEK, stdout=subprocess.PIPE, text=True)
        for _ in range(2 + putaran):
            assert proses.stdout.readline(), "the saving process died early"
        time.sleep(0.05 * putaran)
        os.kill(proses.pid, signal.SIGKILL)
        proses.wait(timeout=30)
        with psycopg.connect(url_pg) as conn:
            nilai = conn.execute("SELECT nama_potensi FROM kim_potensi WHERE id_potensi='U0001-01'").fetchone()[0]
            terakhir = conn.execute("SELECT diubah, sebelum FROM audit WHERE aksi='sunting' ORDER BY id DESC LIMIT 1").fetchone()
            jumlah = conn.execute("SELECT count(*) FROM kim_potensi").fetchone()[0]
        assert jumlah == 600 and nilai.startswith("v")
        assert terakhir[0] == ["U0001-01"]
        sebelum = {r["id_potensi"]: r["nama_potensi"] for r in terakhir[1]}
        assert sebelum["U0001-01"] != nilai  # the last audit entry is the save that produced this state
    ds = g.muat()
    tabel, sidik = g.baca_untuk_sunting(ds)
    tabel.loc[1, "nama_potensi"] = "setelah kill"
    assert g.simpan_kim(tabel, ds, "uji", sidik).disimpan  # no lock left behind
    g.kolam.tutup()


def test_database_restart_during_a_session(url_pg, server_pg, wilayah_uji):
    g = _impor(url_pg, wilayah_uji)
    ds = g.muat()
    tabel, sidik = g.baca_untuk_sunting(ds)
    server_pg.berhenti()
    try:
        with pytest.raises(GalatData) as info:
            g.versi()
        pesan = info.value.rincian  # the administrator's detail (#21: a page shows only "try again later")
        assert "tidak dapat dihubungi" in pesan and SANDI not in pesan and "127.0.0.1" in pesan
        assert SANDI not in str(info.value) and "127.0.0.1" not in str(info.value)
        tabel.loc[0, "nama_potensi"] = "setelah restart"
        with pytest.raises(GalatData):
            g.simpan_kim(tabel, ds, "uji", sidik)
    finally:
        server_pg.mulai()
    assert g.muat().ok  # the same store (same pool object) works again
    assert g.simpan_kim(tabel, ds, "uji", sidik).disimpan  # the editor's session survives the restart
    g.kolam.tutup()


def test_bad_or_unreachable_url_is_a_message_never_a_fallback(monkeypatch, wilayah_uji):
    assert samarkan("postgresql://kim:rahasia@db:5432/kim") == "postgresql://kim:***@db:5432/kim"
    with pytest.raises(GalatData) as info:
        pilih_gudang(url="mysql://kim:rahasia@db/kim")
    assert "postgresql://" in info.value.rincian  # the administrator's detail; a page says "try again later" (#21)
    assert isinstance(pilih_gudang(url=""), GudangBerkas)
    env = {**os.environ, config.ENV_DATABASE: "postgresql://kim:Geheim-77@127.0.0.1:9/kim"}
    r = subprocess.run([sys.executable, "-m", "geo", "summary"], check=False, cwd=PROYEK, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 1, r.stderr
    assert "tidak dapat dihubungi" in r.stderr and "Traceback" not in r.stderr and "Geheim-77" not in r.stderr + r.stdout
    assert r.stdout == ""  # nothing read from the files instead


def test_restore_and_history_from_the_database_via_cli(url_pg, wilayah_uji, monkeypatch, capsys):
    g = _impor(url_pg, wilayah_uji)
    ds = g.muat()
    tabel, sidik = g.baca_untuk_sunting(ds)
    asli = tabel.loc[0, "nama_potensi"]
    tabel.loc[0, "nama_potensi"] = "salah ketik"
    assert g.simpan_kim(tabel, ds, "uji", sidik).disimpan
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    assert main(["data", "restore", "--list"]) == 0
    daftar = capsys.readouterr().out
    assert "audit-2" in daftar and "  1." in daftar
    assert main(["data", "restore", "1", "--user", "petugas"]) == 0
    assert "Dipulihkan dari audit-2" in capsys.readouterr().out
    tabel, _ = g.baca_untuk_sunting(g.muat())
    assert tabel.loc[0, "nama_potensi"] == asli
    assert main(["data", "history"]) == 0
    riwayat = capsys.readouterr().out.splitlines()
    assert len(riwayat) == 3 and "pulihkan" in riwayat[0] and "petugas" in riwayat[0] and "impor-db" in riwayat[2]
    assert not (wilayah_uji.dir / "cadangan").exists()  # nothing went to the files
    g.kolam.tutup()
