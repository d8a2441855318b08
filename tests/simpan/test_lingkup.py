"""Role and scope at the store: a crafted save outside an account's scope is refused and logged."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from geo.masuk.dataset import muat_dataset
from geo.simpan.foto import path_foto, simpan_foto
from geo.simpan.kegiatan import baca_log_untuk_sunting, simpan_kegiatan
from geo.simpan.kim import baca_untuk_sunting, path_audit, simpan_kim
from geo.simpan.lingkup import EDITOR, PELAPOR, PENINJAU, Akun, GalatLingkup, dalam_lingkup, normalisasi_lingkup
from geo.tampilan import waktu
from tests.conftest import KODE_A, jpeg_uji, tulis_log

PELAPOR_A = Akun("pelapor_a", PELAPOR, KODE_A)  # 99.01.01.1001: potentials A-01..A-03
EDITOR_SATU = Akun("editor_satu", EDITOR, "99.01.01")  # kecamatan Satu: Alfa Laut and Beta, not Gama Raya


@pytest.fixture
def log_uji(wilayah_uji, monkeypatch):
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    return tulis_log(wilayah_uji, "K1,A-01,2024-05-01,rapat,6,")


def _audit(path) -> list[dict]:
    p = path_audit(path)
    return [json.loads(b) for b in p.read_text(encoding="utf-8").splitlines()] if p.exists() else []


def _kegiatan(tabel: pd.DataFrame, id_kegiatan: str, id_potensi: str) -> pd.DataFrame:
    baris = pd.DataFrame([[id_kegiatan, id_potensi, "2025-03-01", "rapat", "5", ""]], columns=tabel.columns)
    return pd.concat([tabel, baris], ignore_index=True)


@pytest.mark.parametrize("kode,hasil", [("64", "64"), ("6474", "64.74"), ("647401", "64.74.01"), ("6474011001", "64.74.01.1001"),
                                        ("64.74.01.1001", "64.74.01.1001"), ("", "")])
def test_lingkup_diterima_dengan_atau_tanpa_titik(kode, hasil):
    assert normalisasi_lingkup(kode) == hasil


@pytest.mark.parametrize("kode", ["6", "64.7", "647", "64.74.01.1001.1", "ab"])
def test_lingkup_salah_ditolak(kode):
    with pytest.raises(ValueError, match="awalan kode Kemendagri"):
        normalisasi_lingkup(kode)


def test_awalan_tidak_menyeberang_batas_bagian():
    akun = Akun("x", EDITOR, "64.74.01")
    assert dalam_lingkup(akun, "64.74.01.1001") and dalam_lingkup(akun, "6474011001")
    assert not dalam_lingkup(akun, "64.74.02.1001") and not dalam_lingkup(Akun("y", EDITOR, "64.7"), "64.74.01.1001")


def test_pelapor_tidak_dapat_mencatat_kegiatan_kelurahan_lain(log_uji):
    ds = muat_dataset()
    tabel, sidik = baca_log_untuk_sunting(ds)
    sebelum = log_uji.read_bytes()
    with pytest.raises(GalatLingkup, match="B-01|K9"):
        simpan_kegiatan(_kegiatan(tabel, "K9", "B-01"), ds, PELAPOR_A, sidik)
    assert log_uji.read_bytes() == sebelum
    (entri,) = _audit(log_uji)
    assert entri["pengguna"] == "pelapor_a" and entri["aksi"] == "ditolak-kegiatan" and entri["diubah"] == ["K9"]
    # Its own kelurahan is fine, and the audit names the account.
    hasil = simpan_kegiatan(_kegiatan(tabel, "K8", "A-02"), ds, PELAPOR_A, sidik)
    assert hasil.disimpan and _audit(log_uji)[-1]["pengguna"] == "pelapor_a"


def test_pelapor_hanya_menambah_kegiatan(log_uji):
    ds = muat_dataset()
    tabel, sidik = baca_log_untuk_sunting(ds)
    with pytest.raises(GalatLingkup, match="hanya dapat menambah"):
        simpan_kegiatan(tabel.iloc[0:0], ds, PELAPOR_A, sidik)  # deleting K1 of its own kelurahan
    assert _audit(log_uji)[-1]["aksi"] == "ditolak-kegiatan"


def test_pelapor_tidak_dapat_mengubah_status_kelurahan_lain(wilayah_uji):
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    sebelum = wilayah_uji.kim.read_bytes()
    tabel.loc[tabel["id_potensi"] == "B-01", "status_aktivitas"] = "Aktif"
    with pytest.raises(GalatLingkup, match="B-01"):
        simpan_kim(tabel, ds, PELAPOR_A, sidik)
    assert wilayah_uji.kim.read_bytes() == sebelum
    entri = _audit(wilayah_uji.kim)[-1]
    assert entri["pengguna"] == "pelapor_a" and entri["aksi"] == "ditolak-kim" and entri["diubah"] == ["B-01"]


def test_pelapor_mengubah_status_sendiri_tetapi_bukan_kolom_lain(wilayah_uji):
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    ubah = tabel.copy()
    ubah.loc[ubah["id_potensi"] == "A-02", "nama_potensi"] = "Nama baru"
    with pytest.raises(GalatLingkup, match="nama_potensi"):
        simpan_kim(ubah, ds, PELAPOR_A, sidik)
    tabel.loc[tabel["id_potensi"] == "A-02", "status_aktivitas"] = "Aktif"
    hasil = simpan_kim(tabel, ds, PELAPOR_A, sidik, aksi="lapangan")
    assert hasil.disimpan and hasil.perubahan.diubah == ["A-02"]
    assert _audit(wilayah_uji.kim)[-1]["pengguna"] == "pelapor_a"


def test_pelapor_tidak_dapat_mengunggah_foto_kelurahan_lain(wilayah_uji):
    with pytest.raises(GalatLingkup, match="B-01"):
        simpan_foto(wilayah_uji.kim, "B-01", jpeg_uji(), PELAPOR_A)
    assert not path_foto(wilayah_uji.kim, "B-01").exists()
    entri = _audit(wilayah_uji.kim)[-1]
    assert entri["pengguna"] == "pelapor_a" and entri["aksi"] == "ditolak-foto" and entri["diubah"] == ["B-01"]
    assert simpan_foto(wilayah_uji.kim, "A-01", jpeg_uji(), PELAPOR_A).path.exists()


def test_editor_kecamatan_tidak_dapat_menyentuh_kecamatan_lain(wilayah_uji):
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    baru = tabel.copy()
    baru.loc[len(baru)] = ["C-01", "KIM Gama", "99.01.02.1001", "Gama Raya", "Dua", "Kuliner", "Soto", "", "Aktif", 4,
                           pd.Timestamp("2024-01-01"), 0.01, 110.07, ""]
    with pytest.raises(GalatLingkup, match="C-01"):
        simpan_kim(baru, ds, EDITOR_SATU, sidik)
    assert _audit(wilayah_uji.kim)[-1]["pengguna"] == "editor_satu"
    pindah = tabel.copy()  # giving a row away to the other kecamatan is touching it too
    pindah.loc[pindah["id_potensi"] == "B-02", ["kode_kelurahan", "kelurahan", "kecamatan", "lintang", "bujur"]] = \
        ["99.01.02.1001", "Gama Raya", "Dua", 0.01, 110.07]
    with pytest.raises(GalatLingkup, match="B-02"):
        simpan_kim(pindah, ds, EDITOR_SATU, sidik)
    # Inside its kecamatan an editor edits any column.
    tabel.loc[tabel["id_potensi"] == "B-02", "nama_potensi"] = "Kue basah"
    assert simpan_kim(tabel, ds, EDITOR_SATU, sidik).disimpan


def test_peninjau_tidak_menyimpan_apa_pun(wilayah_uji):
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    tabel.loc[tabel["id_potensi"] == "A-01", "status_aktivitas"] = "Tidak Aktif"
    with pytest.raises(GalatLingkup, match="peninjau"):
        simpan_kim(tabel, ds, Akun("lihat", PENINJAU, ""), sidik)


def test_nama_biasa_tetap_administrator_seperti_dulu(wilayah_uji):
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    tabel.loc[tabel["id_potensi"] == "B-01", "status_aktivitas"] = "Aktif"
    assert simpan_kim(tabel, ds, "admin", sidik).disimpan


def test_editor_64_74_01_tidak_dapat_menyentuh_64_74_02_pada_data_bawaan(tmp_path, monkeypatch):
    import shutil

    from geo.config import PROJECT_DIR

    shutil.copytree(PROJECT_DIR / "data", tmp_path / "data")
    for env, nama in (("KIM_CSV", "kim.csv"), ("KIM_BOUNDARIES", "boundaries.geojson"), ("KIM_REFERENSI", "kelurahan.csv"),
                      ("KIM_WILAYAH", "wilayah.json")):
        monkeypatch.setenv(env, str(tmp_path / "data" / nama))
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    editor = Akun("diskominfo_utara", EDITOR, "647401")  # 64.74.01, typed without dots
    selatan = tabel.index[tabel["kode_kelurahan"].str.startswith("64.74.02")][0]
    tabel.loc[selatan, "jumlah_anggota"] = 99
    with pytest.raises(GalatLingkup, match=str(tabel.at[selatan, "id_potensi"])):
        simpan_kim(tabel, ds, editor, sidik)
    assert _audit(tmp_path / "data" / "kim.csv")[-1]["pengguna"] == "diskominfo_utara"
    tabel, sidik = baca_untuk_sunting(ds)
    utara = tabel.index[tabel["kode_kelurahan"].str.startswith("64.74.01")][0]
    tabel.loc[utara, "jumlah_anggota"] = 99
    assert simpan_kim(tabel, ds, editor, sidik).disimpan  # its own kecamatan: saved


def test_rencana_hanya_editor_seluruh_wilayah(wilayah_uji, monkeypatch):
    """The budget plan's ceiling is shared: a scoped editor's save is refused at the store and audited, nothing written."""
    from geo import config
    from geo.simpan.gudang import GudangBerkas

    monkeypatch.setenv(config.ENV_ANGGARAN, str(wilayah_uji.kim.parent / "anggaran.csv"))
    ds = muat_dataset()
    with pytest.raises(GalatLingkup, match="seluruh wilayah"):
        GudangBerkas().simpan_rencana(pd.DataFrame(), ds, None, EDITOR_SATU, None)
    assert not config.path_anggaran().exists()
    assert [(e["pengguna"], e["aksi"]) for e in _audit(config.path_anggaran())] == [("editor_satu", "ditolak-anggaran")]
