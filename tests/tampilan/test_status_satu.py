"""#20: one truth for status, and an exported CSV that loads back to exactly what was stored."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.ekspor.tabel import ke_csv, tabel_potensi
from geo.masuk.dataset import muat_dataset
from geo.masuk.periksa import baca_dan_validasi
from geo.masuk.skema import KOLOM_TURUNAN
from geo.simpan.kim import baca_untuk_sunting, simpan_kim
from geo.tampilan import waktu
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.susun import tampilkan

HARI_INI = dt.date(2025, 3, 31)
# last logged 1 May 2024 (10 whole months → Kurang Aktif); A-03: 3 Feb 2025 (Aktif).
# A-02 (recorded Kurang Aktif, 2023-01-15) and B-01 (Tidak Aktif, 2020-03-01) are not in the log.
LOG = "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK1,A-01,2024-05-01,rapat,6,\nK2,A-03,2025-02-03,produksi,,Panen\n"


@pytest.fixture
def wilayah_log(wilayah_uji, monkeypatch):
    (wilayah_uji.dir / "kegiatan.csv").write_text(LOG, encoding="utf-8")
    monkeypatch.setattr(waktu, "hari_ini", lambda: HARI_INI)
    return wilayah_uji


def _status(t) -> dict[str, str]:
    return dict(zip(t.potensi["id_potensi"], t.potensi["status_aktivitas"]))


def test_tanpa_kegiatan_di_log_status_tercatat_berlaku(wilayah_log):
    t = tampilkan(muat_dataset(), Keadaan(pada=HARI_INI))
    assert _status(t) == {"A-01": "Kurang Aktif", "A-02": "Kurang Aktif", "A-03": "Aktif", "B-01": "Tidak Aktif",
                          "B-02": "Tidak Aktif"}  # B-02: no log row and no recorded date, so no activity at all
    sumber = dict(zip(t.potensi["id_potensi"], t.potensi["sumber_status"]))
    assert sumber == {"A-01": "log", "A-02": "tercatat", "A-03": "log", "B-01": "tercatat", "B-02": "tanpa_kegiatan"}
    a02 = t.potensi.set_index("id_potensi").loc["A-02"]
    assert a02["kegiatan_terakhir"] == dt.datetime(2023, 1, 15) and a02["bulan_tidak_aktif"] == 26


def test_csv_ekspor_termuat_kembali_persis_seperti_tersimpan(wilayah_log):
    ds = muat_dataset()
    tabel = tabel_potensi(tampilkan(ds, Keadaan(pada=HARI_INI)))
    assert list(tabel.columns[-len(KOLOM_TURUNAN):]) == list(KOLOM_TURUNAN)
    a02 = tabel.set_index("id_potensi").loc["A-02"]
    assert (a02["status_aktivitas"], a02["kegiatan_terakhir"]) == ("Kurang Aktif", dt.date(2023, 1, 15))
    a01 = tabel.set_index("id_potensi").loc["A-01"]
    assert (a01["status_aktivitas"], a01["status_peta"], a01["kegiatan_terakhir_log"]) == ("Aktif", "Kurang Aktif", dt.date(2024, 5, 1))
    data = ke_csv(tabel)
    kembali, laporan = baca_dan_validasi(data, "ekspor.csv", ds.referensi, ds.wilayah, ds.batas)
    assert laporan.ok and not laporan.peringatan, laporan.teks()
    asli, _ = baca_untuk_sunting(ds)
    kolom = ["id_potensi", "status_aktivitas", "kegiatan_terakhir", "jumlah_anggota", "lintang", "bujur"]
    assert kembali[kolom].astype(str).values.tolist() == asli[kolom].astype(str).values.tolist()


def test_status_suntingan_tampil_di_peta_dan_pratinjau_jujur(wilayah_log):
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    tabel.loc[tabel["id_potensi"].isin(["A-01", "A-02"]), "status_aktivitas"] = "Aktif"
    pratinjau = waktu.status_menurut_aturan(tabel, ds.kegiatan, ds.wilayah).set_index(tabel["id_potensi"])
    # A-02 has no logged activity: the edit is what the map will show. A-01's log still decides.
    assert pratinjau.loc["A-02"].tolist() == ["Aktif", "tercatat"]
    assert pratinjau.loc["A-01"].tolist() == ["Kurang Aktif", "log"]
    assert simpan_kim(tabel, ds, "hp", sidik).disimpan
    assert _status(tampilkan(muat_dataset(), Keadaan(pada=HARI_INI)))["A-02"] == "Aktif"


def test_garis_waktu_hari_ini_sama_dengan_peta(wilayah_log):
    from geo.tampilan.banding import garis_waktu
    from geo.tampilan.saring import Filter

    ds = muat_dataset()
    garis = garis_waktu(ds, Filter(), HARI_INI)
    akhir = garis.iloc[-1]
    peta = tampilkan(ds, Keadaan(pada=HARI_INI)).potensi["status_aktivitas"].value_counts()
    assert akhir["bulan"].date() == HARI_INI
    assert [int(akhir[s]) for s in ("Aktif", "Kurang Aktif", "Tidak Aktif")] == [int(peta.get(s, 0)) for s in ("Aktif", "Kurang Aktif", "Tidak Aktif")]
