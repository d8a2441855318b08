"""Saving KIM data: crash safety, backups, audit, conflicts, merge/replace, restore."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from geo.cli.utama import main
from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.simpan import berkas
from geo.simpan import kim as simpan
from geo.simpan.berkas import Sidik, daftar_cadangan, kunci
from geo.simpan.kim import (
    MODE_GABUNG,
    MODE_GANTI,
    GalatKonflik,
    baca_audit,
    baca_untuk_sunting,
    bandingkan,
    gabung_menurut_id,
    path_audit,
    periksa_unggahan,
    pulihkan,
    simpan_kim,
)
from tests.conftest import BARIS_BAIK, HEADER, KODE_C


@pytest.fixture
def sunting(wilayah_uji):
    """The loaded dataset, its table and fingerprint, as the editor would hold them."""
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    return dataset, tabel, sidik


def _ubah_anggota(tabel: pd.DataFrame, id_: str, n: int) -> pd.DataFrame:
    tabel = tabel.copy()
    tabel.loc[tabel["id_potensi"] == id_, "jumlah_anggota"] = n
    return tabel


def test_saved_table_reads_back_identically(sunting):
    dataset, tabel, sidik = sunting
    baru = _ubah_anggota(tabel, "A-01", 42)
    hasil = simpan_kim(baru, dataset, "budi", sidik)
    assert hasil.disimpan
    ulang, _ = baca_untuk_sunting(muat_dataset())
    pd.testing.assert_frame_equal(ulang, baru[ulang.columns].reset_index(drop=True), check_dtype=False)
    assert bandingkan(baru, ulang).kosong
    assert muat_dataset().ok


def test_save_makes_backup_and_audit_entry(sunting, wilayah_uji):
    dataset, tabel, sidik = sunting
    lama = wilayah_uji.kim.read_bytes()
    baru = _ubah_anggota(tabel, "A-01", 11)
    baru = pd.concat([baru[baru["id_potensi"] != "B-02"], baru[baru["id_potensi"] == "A-02"].assign(id_potensi="C-01")])
    hasil = simpan_kim(baru, dataset, "budi", sidik)
    assert hasil.perubahan.ditambah == ["C-01"] and hasil.perubahan.diubah == ["A-01"] and hasil.perubahan.dihapus == ["B-02"]
    assert hasil.cadangan is not None and hasil.cadangan.read_bytes() == lama
    assert hasil.cadangan.parent == wilayah_uji.kim.parent / "cadangan"
    entri = [json.loads(b) for b in path_audit(wilayah_uji.kim).read_text(encoding="utf-8").splitlines()]
    assert len(entri) == 1
    assert entri[0]["pengguna"] == "budi" and entri[0]["aksi"] == "sunting"
    assert (entri[0]["ditambah"], entri[0]["diubah"], entri[0]["dihapus"]) == (["C-01"], ["A-01"], ["B-02"])
    assert entri[0]["cadangan"] == hasil.cadangan.name
    assert baca_audit(wilayah_uji.kim)["pengguna"].tolist() == ["budi"]


def test_invalid_data_is_never_saved(sunting, wilayah_uji):
    dataset, tabel, sidik = sunting
    lama = wilayah_uji.kim.read_bytes()
    buruk = tabel.copy()
    buruk.loc[0, "kategori_potensi"] = "Kulinerr"
    buruk.loc[1, "id_potensi"] = buruk.loc[2, "id_potensi"]
    hasil = simpan_kim(buruk, dataset, "budi", sidik)
    assert not hasil.disimpan
    kolom = {m.kolom for m in hasil.laporan.galat}
    assert {"kategori_potensi", "id_potensi"} <= kolom
    assert any("Kuliner" in m.pesan for m in hasil.laporan.galat)  # says how to fix
    assert wilayah_uji.kim.read_bytes() == lama
    assert daftar_cadangan(wilayah_uji.kim) == [] and not path_audit(wilayah_uji.kim).exists()


def test_interrupted_save_leaves_old_file_intact(sunting, wilayah_uji, monkeypatch):
    dataset, tabel, sidik = sunting
    lama = wilayah_uji.kim.read_bytes()

    def putus(*args, **kwargs):
        raise OSError("listrik padam")

    monkeypatch.setattr(berkas.os, "replace", putus)
    with pytest.raises(OSError):
        simpan_kim(_ubah_anggota(tabel, "A-01", 99), dataset, "budi", sidik)
    assert wilayah_uji.kim.read_bytes() == lama
    sisa = [p.name for p in wilayah_uji.kim.parent.iterdir() if ".tmp-" in p.name or ".tertunda" in p.name]
    assert sisa == []
    assert not path_audit(wilayah_uji.kim).exists()


def test_writer_crashing_mid_write_leaves_old_file_intact(sunting, wilayah_uji, monkeypatch):
    dataset, tabel, sidik = sunting
    lama = wilayah_uji.kim.read_bytes()
    asli = pd.DataFrame.to_csv

    def setengah(self, path, *args, **kwargs):
        asli(self.head(1), path, *args, **kwargs)  # half the table reaches the disk ...
        raise MemoryError("proses dihentikan")  # ... then the process dies

    monkeypatch.setattr(pd.DataFrame, "to_csv", setengah)
    with pytest.raises(MemoryError):
        simpan_kim(_ubah_anggota(tabel, "A-01", 99), dataset, "budi", sidik)
    assert wilayah_uji.kim.read_bytes() == lama


def test_conflicting_change_is_detected(sunting, wilayah_uji):
    dataset, tabel, sidik = sunting
    # another editor saves first
    simpan_kim(_ubah_anggota(tabel, "B-01", 1), dataset, "ani", sidik)
    setelah_ani = wilayah_uji.kim.read_bytes()
    # #20: conflicts are per row; budi changes the same row (a different row would merge).
    with pytest.raises(GalatKonflik, match="BELUM disimpan"):
        simpan_kim(_ubah_anggota(tabel, "B-01", 2), dataset, "budi", sidik)
    assert wilayah_uji.kim.read_bytes() == setelah_ani


def test_touch_without_change_is_not_a_conflict(sunting, wilayah_uji):
    dataset, tabel, sidik = sunting
    st = wilayah_uji.kim.stat()
    os.utime(wilayah_uji.kim, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert simpan_kim(_ubah_anggota(tabel, "A-01", 3), dataset, "budi", sidik).disimpan


def test_nothing_changed_writes_nothing(sunting, wilayah_uji):
    dataset, tabel, sidik = sunting
    hasil = simpan_kim(tabel, dataset, "budi", sidik)
    assert not hasil.disimpan and hasil.laporan.ok and "Tidak ada perubahan" in hasil.pesan
    assert daftar_cadangan(wilayah_uji.kim) == []


def test_lock_held_by_another_save_is_reported(wilayah_uji):
    pertama = kunci(wilayah_uji.kim)
    pertama.__enter__()
    try:
        with pytest.raises(GalatData, match="sedang disimpan"), kunci(wilayah_uji.kim, tunggu=0.2):
            pass
    finally:
        pertama.__exit__(None, None, None)
    with kunci(wilayah_uji.kim, tunggu=0):  # released at once: no staleness rule to wait out
        pass


def _unggahan(rows: list[list[str]]) -> bytes:
    return ("\n".join(";".join(r) for r in [HEADER, *rows]) + "\n").encode("utf-8")


def test_upload_merge_by_id(sunting, wilayah_uji):
    dataset, tabel, sidik = sunting
    ubah = list(BARIS_BAIK[0])
    ubah[9] = "77"
    baru = ["C-01", "KIM Gama", KODE_C, "Gama Raya", "Dua", "Seni & Budaya", "Tari", "", "Aktif", "9", "13/07/2022", "0,01", "110,07", ""]
    cek = periksa_unggahan(_unggahan([ubah, baru]), "unggah.csv", dataset, MODE_GABUNG, tabel)
    assert cek.laporan.ok and cek.hasil is not None
    assert cek.perubahan.ditambah == ["C-01"] and cek.perubahan.diubah == ["A-01"] and cek.perubahan.dihapus == []
    assert cek.hasil["id_potensi"].tolist() == ["A-01", "A-02", "A-03", "B-01", "B-02", "C-01"]
    hasil = simpan_kim(cek.hasil, dataset, "budi", sidik, aksi="unggah-gabung")
    assert hasil.disimpan
    akhir, _ = baca_untuk_sunting(muat_dataset())
    assert akhir.set_index("id_potensi").loc["A-01", "jumlah_anggota"] == 77
    assert str(akhir.set_index("id_potensi").loc["C-01", "kegiatan_terakhir"].date()) == "2022-07-13"


def test_upload_replace_removes_missing_rows(sunting):
    dataset, tabel, _ = sunting
    cek = periksa_unggahan(_unggahan([BARIS_BAIK[0]]), "ganti.csv", dataset, MODE_GANTI, tabel)
    assert cek.hasil["id_potensi"].tolist() == ["A-01"]
    assert sorted(cek.perubahan.dihapus) == ["A-02", "A-03", "B-01", "B-02"]


def test_invalid_upload_reports_file_rows_and_builds_nothing(sunting):
    dataset, tabel, _ = sunting
    buruk = list(BARIS_BAIK[0])
    buruk[8] = "Hidup"
    cek = periksa_unggahan(_unggahan([BARIS_BAIK[1], buruk]), "unggah.csv", dataset, MODE_GABUNG, tabel)
    assert not cek.laporan.ok and cek.hasil is None
    galat = cek.laporan.galat[0]
    assert (galat.berkas, galat.baris, galat.kolom) == ("unggah.csv", 3, "status_aktivitas")


def test_merge_keeps_order_and_replaces_in_place():
    lama = pd.DataFrame({"id_potensi": ["a", "b", "c"], "nama_kim": ["1", "2", "3"]})
    baru = pd.DataFrame({"id_potensi": ["d", "b"], "nama_kim": ["4", "20"]})
    hasil = gabung_menurut_id(lama, baru)
    assert hasil["id_potensi"].tolist() == ["a", "b", "c", "d"]
    assert hasil["nama_kim"].tolist() == ["1", "20", "3", "4"]


def test_restore_brings_back_a_backup_and_is_itself_undoable(sunting, wilayah_uji):
    dataset, tabel, sidik = sunting
    asli = baca_untuk_sunting(dataset)[0]
    simpan_kim(_ubah_anggota(tabel, "A-01", 50), dataset, "budi", sidik)
    cadangan = daftar_cadangan(wilayah_uji.kim)
    assert len(cadangan) == 1
    hasil = pulihkan(cadangan[0].path, muat_dataset(), "ani")
    assert hasil.disimpan and hasil.perubahan.diubah == ["A-01"]
    assert bandingkan(asli, baca_untuk_sunting(muat_dataset())[0]).kosong
    assert len(daftar_cadangan(wilayah_uji.kim)) == 2  # the version restored over is kept too
    assert baca_audit(wilayah_uji.kim)["aksi"].tolist() == ["pulihkan", "sunting"]


def test_cli_restore_list_and_latest(sunting, wilayah_uji, capsys):
    dataset, tabel, sidik = sunting
    assert main(["data", "restore", "--list"]) == 0
    assert "Belum ada cadangan" in capsys.readouterr().out
    assert main(["data", "restore"]) == 1
    assert "Belum ada cadangan" in capsys.readouterr().err
    simpan_kim(_ubah_anggota(tabel, "A-01", 60), dataset, "budi", sidik)
    assert main(["data", "restore", "--list"]) == 0
    assert "  1. kim-" in capsys.readouterr().out
    assert main(["data", "restore", "1", "--user", "operator"]) == 0
    assert "1 diubah" in capsys.readouterr().out
    assert baca_untuk_sunting(muat_dataset())[0].set_index("id_potensi").loc["A-01", "jumlah_anggota"] == 10
    assert main(["data", "history"]) == 0
    riwayat = capsys.readouterr().out
    assert "operator" in riwayat and "~ A-01" in riwayat


def test_fingerprint_sees_content_not_touch(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("a")
    a = Sidik.dari(p)
    p.write_text("b")
    assert berkas.berubah(a, Sidik.dari(p))
    assert not berkas.berubah(a, Sidik.dari_bytes(b"a", 0))
    assert berkas.berubah(a, None) and berkas.berubah(None, a) and not berkas.berubah(None, None)


def test_semicolon_bom_file_keeps_its_dialect(wilayah_uji):
    wilayah_uji.tulis_kim(BARIS_BAIK, delimiter=";", encoding="utf-8-sig")
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    assert simpan.simpan_kim(_ubah_anggota(tabel, "A-01", 5), dataset, "budi", sidik).disimpan
    data = wilayah_uji.kim.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.splitlines()[0].count(b";") == len(HEADER) - 1
