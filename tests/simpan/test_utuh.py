"""#20: whatever is saved loads again, and no save leaves a row pointing at a missing potential."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from geo.anggaran.rencana import KOLOM_ANGGARAN, muat_rencana
from geo.anggaran.simpan import simpan_rencana
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import Sidik, daftar_cadangan
from geo.simpan.kegiatan import baca_log_untuk_sunting, simpan_kegiatan
from geo.simpan.kim import MODE_GANTI, baca_untuk_sunting, path_audit, periksa_unggahan, simpan_kim
from geo.tampilan import waktu
from tests.anggaran.test_anggaran import BARIS, _atur, _tulis
from tests.conftest import BARIS_BAIK

LOG = "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK1,A-01,2024-05-01,rapat,6,\nK2,A-03,2025-02-03,produksi,,Panen\n"


@pytest.fixture
def semua(wilayah_uji, monkeypatch):
    """The fixture region with an activity log and a budget plan beside kim.csv."""
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    (wilayah_uji.dir / "kegiatan.csv").write_text(LOG, encoding="utf-8")
    _atur(wilayah_uji)
    rencana = _tulis(wilayah_uji, BARIS)
    monkeypatch.setenv("KIM_ANGGARAN", str(rencana))
    return wilayah_uji


def _bytes(w) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(w.dir.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


@pytest.mark.parametrize("isi", ["rapat\x00pagi", "x" * 30_000])
def test_log_dengan_sel_yang_tidak_termuat_ditolak(semua, isi):
    awal = _bytes(semua)
    ds = muat_dataset()
    tabel, sidik = baca_log_untuk_sunting(ds)
    tabel.loc[1, "keterangan"] = isi
    hasil = simpan_kegiatan(tabel, ds, "uji", sidik)
    assert not hasil.disimpan
    assert [(m.baris, m.kolom) for m in hasil.laporan.galat] == [(3, "keterangan")]
    assert _bytes(semua) == awal
    assert muat_dataset().ok


@pytest.mark.parametrize("isi", ["Rapat\x00", "y" * 30_000])
def test_rencana_dengan_sel_yang_tidak_termuat_ditolak(semua, isi):
    awal = _bytes(semua)
    ds = muat_dataset()
    rencana = muat_rencana(ds)
    frame = rencana.tabel[[*KOLOM_ANGGARAN, "_baris"]].copy()  # the editor keeps the file's row numbers
    frame.loc[1, "kegiatan"] = isi
    path = semua.dir / "anggaran.csv"
    hasil = simpan_rencana(frame, path, ds, rencana.pengaturan, "uji", Sidik.dari(path))
    assert not hasil.disimpan
    assert [(m.baris, m.kolom) for m in hasil.laporan.galat] == [(3, "kegiatan")]
    assert _bytes(semua) == awal
    assert muat_rencana(ds).ok


def test_hapus_potensi_yang_punya_kegiatan_ditolak_dengan_daftar(semua):
    awal = _bytes(semua)
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    tanpa = tabel[tabel["id_potensi"] != "A-01"]
    hasil = simpan_kim(tanpa, ds, "uji", sidik)
    assert not hasil.disimpan
    teks = hasil.laporan.teks()
    assert "kegiatan.csv baris 2 (K1)" in teks and "anggaran.csv baris 2 (R-01)" in teks
    assert "hapus berantai" in teks and "2 baris" in hasil.pesan
    assert _bytes(semua) == awal
    assert muat_dataset().ok


def test_hapus_berantai_menghapus_rujukan_dengan_audit(semua):
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    hasil = simpan_kim(tabel[tabel["id_potensi"] != "A-01"], ds, "ani", sidik, berantai=True)
    assert hasil.disimpan and "Ikut dihapus: 2 baris" in hasil.pesan
    baru = muat_dataset()
    assert baru.ok and baru.kegiatan["id_kegiatan"].tolist() == ["K2"]
    assert muat_rencana(baru).tabel["id_baris"].tolist() == ["R-02", "R-03"]
    for nama, kunci in (("kegiatan.csv", "K1"), ("anggaran.csv", "R-01")):
        (entri,) = [json.loads(b) for b in path_audit(semua.dir / nama).read_text(encoding="utf-8").splitlines()]
        assert entri["aksi"] == "hapus-berantai" and entri["dihapus"] == [kunci] and entri["pengguna"] == "ani"
        assert len(daftar_cadangan(semua.dir / nama)) == 1


def test_ganti_tabel_lewat_unggahan_diperiksa_sama(semua):
    awal = _bytes(semua)
    ds = muat_dataset()
    lama, sidik = baca_untuk_sunting(ds)
    unggah = semua.kim.read_text(encoding="utf-8").splitlines()
    data = "\n".join(b for b in unggah if not b.startswith("A-03")).encode("utf-8")
    cek = periksa_unggahan(data, "baru.csv", ds, MODE_GANTI, lama)
    assert cek.laporan.ok and cek.perubahan.dihapus == ["A-03"]
    hasil = simpan_kim(cek.hasil, ds, "uji", sidik, aksi="unggah", berkas="baru.csv")
    assert not hasil.disimpan and "kegiatan.csv baris 3 (K2)" in hasil.laporan.teks()
    assert _bytes(semua) == awal


def test_hapus_potensi_tanpa_rujukan_tetap_boleh(semua):
    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    hasil = simpan_kim(tabel[tabel["id_potensi"] != "B-02"], ds, "uji", sidik)
    assert hasil.disimpan and hasil.perubahan.dihapus == ["B-02"]
    assert isinstance(muat_dataset().kegiatan, pd.DataFrame)


def _hapus_dan_tambah_serentak() -> dict:
    """B-02 removed by one thread while another adds an activity for it; both start together."""
    import threading

    from geo.simpan.kim import GalatKonflik

    ds = muat_dataset()
    tabel, sidik = baca_untuk_sunting(ds)
    log, sidik_log = baca_log_untuk_sunting(ds)
    baru = pd.concat([log, pd.DataFrame([["K9", "B-02", "2025-03-01", "rapat", "", ""]], columns=log.columns)],
                     ignore_index=True)
    mulai = threading.Barrier(2)
    hasil: dict = {}

    def hapus():
        mulai.wait()
        hasil["kim"] = simpan_kim(tabel[tabel["id_potensi"] != "B-02"], ds, "a", sidik)

    def tambah():
        mulai.wait()
        try:
            hasil["log"] = simpan_kegiatan(baru, ds, "b", sidik_log)
        except GalatKonflik as exc:
            hasil["log"] = exc

    utas = [threading.Thread(target=hapus), threading.Thread(target=tambah)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    return hasil


def test_hapus_dan_kegiatan_serentak_tidak_pernah_menggantung(semua):
    """Whatever order the two saves run in (real file locks), nothing ever points at a missing potential."""
    for _ in range(5):
        hasil = _hapus_dan_tambah_serentak()
        akhir = muat_dataset()
        assert akhir.ok, akhir.laporan.teks()
        assert not (hasil["kim"].disimpan and getattr(hasil["log"], "disimpan", False))  # never both
        semua.tulis_kim(BARIS_BAIK)  # the region as it was, for the next round
        (semua.dir / "kegiatan.csv").write_text(LOG, encoding="utf-8")
