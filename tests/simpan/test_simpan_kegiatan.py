"""Saving the activity log: validation first, backup, atomic write, audit, conflicts; the template sheet."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from geo.ekspor.templat import buat_templat
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import daftar_cadangan
from geo.simpan.kegiatan import baca_log_untuk_sunting, periksa_unggahan_kegiatan, simpan_kegiatan
from geo.simpan.kim import MODE_GABUNG, MODE_GANTI, GalatKonflik, path_audit
from geo.tampilan import waktu

ISI = "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK1,A-01,2024-05-01,rapat,6,\nK2,A-03,2025-02-03,produksi,,Panen\n"


@pytest.fixture
def log_uji(wilayah_uji, monkeypatch):
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    path = wilayah_uji.dir / "kegiatan.csv"
    path.write_text(ISI, encoding="utf-8")
    return path


def _baris(*isi) -> pd.DataFrame:
    return pd.DataFrame(list(isi), columns=["id_kegiatan", "id_potensi", "tanggal", "jenis_kegiatan", "peserta", "keterangan"])


def test_simpan_mencadangkan_dan_mencatat_audit(log_uji):
    ds = muat_dataset()
    tabel, sidik = baca_log_untuk_sunting(ds)
    assert len(tabel) == 2 and tabel["tanggal"].tolist() == ["2024-05-01", "2025-02-03"]
    baru = pd.concat([tabel, _baris(["K3", "B-01", "15/03/2025", "Sosialisasi", "12", "Balai"])], ignore_index=True)
    hasil = simpan_kegiatan(baru, ds, "uji", sidik)
    assert hasil.disimpan, hasil.laporan.teks()
    assert hasil.perubahan.ditambah == ["K3"] and not hasil.perubahan.diubah
    teks = log_uji.read_text(encoding="utf-8").splitlines()
    assert len(teks) == 4 and teks[3] == "K3,B-01,2025-03-15,sosialisasi,12,Balai"
    assert len(daftar_cadangan(log_uji)) == 1
    audit = [json.loads(b) for b in path_audit(log_uji).read_text(encoding="utf-8").splitlines()]
    assert len(audit) == 1 and audit[0]["pengguna"] == "uji" and audit[0]["ditambah"] == ["K3"]
    assert len(muat_dataset().kegiatan) == 3


def test_simpan_tidak_sah_tidak_mengubah_berkas(log_uji):
    ds = muat_dataset()
    tabel, sidik = baca_log_untuk_sunting(ds)
    buruk = pd.concat([tabel, _baris(["K9", "Z-99", "2025-03-01", "rapat", "", ""])], ignore_index=True)
    hasil = simpan_kegiatan(buruk, ds, "uji", sidik)
    assert not hasil.disimpan
    assert [(m.baris, m.kolom) for m in hasil.laporan.galat] == [(4, "id_potensi")]
    assert log_uji.read_text(encoding="utf-8") == ISI and not daftar_cadangan(log_uji)


def test_konflik_bila_berkas_diubah_orang_lain(log_uji):
    ds = muat_dataset()
    tabel, sidik = baca_log_untuk_sunting(ds)
    # #20: conflicts are per row; the other editor changed K1 too (other rows would merge).
    log_uji.write_text(ISI.replace("rapat,6,", "rapat,7,") + "K5,A-01,2025-03-20,rapat,,\n", encoding="utf-8")
    tabel.loc[0, "peserta"] = "8"
    with pytest.raises(GalatKonflik, match="BELUM disimpan"):
        simpan_kegiatan(tabel, ds, "uji", sidik)
    assert "K5" in log_uji.read_text(encoding="utf-8") and "rapat,7," in log_uji.read_text(encoding="utf-8")


def test_unggah_gabung_dan_ganti(log_uji):
    ds = muat_dataset()
    lama, _ = baca_log_untuk_sunting(ds)
    data = b"id_kegiatan;id_potensi;tanggal;jenis_kegiatan;peserta;keterangan\r\nK2;A-03;03/02/2025;produksi;9;\r\nK7;A-02;2025-01-10;rapat;;\r\n"
    gabung = periksa_unggahan_kegiatan(data, "log.csv", ds, MODE_GABUNG, lama)
    assert gabung.laporan.ok and gabung.hasil is not None
    assert sorted(gabung.hasil["id_kegiatan"]) == ["K1", "K2", "K7"]
    assert (gabung.perubahan.ditambah, gabung.perubahan.diubah, gabung.perubahan.dihapus) == (["K7"], ["K2"], [])
    ganti = periksa_unggahan_kegiatan(data, "log.csv", ds, MODE_GANTI, lama)
    assert ganti.perubahan.dihapus == ["K1"]


def test_templat_punya_lembar_kegiatan_yang_bisa_diunggah(log_uji):
    ds = muat_dataset()
    wb = load_workbook(io.BytesIO(buat_templat(ds.wilayah, ds.referensi)))
    assert "Kegiatan" in wb.sheetnames
    ws = wb["Kegiatan"]
    assert [c.value for c in ws[1]][:6] == ["id_kegiatan", "id_potensi", "tanggal", "jenis_kegiatan", "peserta", "keterangan"]
    assert len(ws.data_validations.dataValidation) == 1
    ws.append(["K8", "A-01", dt.datetime(2025, 3, 1), "rapat", 4, "isi templat"])
    keluaran = io.BytesIO()
    wb.save(keluaran)
    lama, _ = baca_log_untuk_sunting(ds)
    cek = periksa_unggahan_kegiatan(keluaran.getvalue(), "templat.xlsx", ds, MODE_GABUNG, lama)
    assert cek.laporan.ok, cek.laporan.teks()
    assert cek.perubahan.ditambah == ["K8"]
    assert cek.hasil.set_index("id_kegiatan").loc["K8", "tanggal"] == "2025-03-01"
