"""The activity log is read and checked like kim.csv: every problem at once, with row and column."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from geo.cli.utama import main
from geo.masuk.dataset import muat_dataset
from geo.tampilan import waktu

KEPALA = "id_kegiatan;id_potensi;tanggal;jenis_kegiatan;peserta;keterangan"


def _tulis(wilayah_uji, isi: str, encoding: str = "utf-8", nama: str = "kegiatan.csv"):
    path = wilayah_uji.dir / nama
    path.write_bytes(isi.replace("\n", "\r\n").encode(encoding))
    return path


@pytest.fixture(autouse=True)
def _hari_ini(monkeypatch):
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))


def test_varian_excel_id_diterima(wilayah_uji):
    # Semicolons, CRLF, Windows-1252, day-first dates, a title row above the header, Excel-typed headers.
    _tulis(wilayah_uji, "Log kegiatan KIM (contoh)\nID Kegiatan;ID Potensi;Tanggal;Jenis Kegiatan;Peserta;Keterangan\n"
                        "K1;A-01;01/05/2024;Rapat;6;Rapat pengurus di balai\n"
                        "K2;A-03;2025-02-03;liputan / konten;1.250;Liputan café\n", encoding="cp1252")
    ds = muat_dataset()
    assert ds.ok, ds.laporan.teks()
    log = ds.kegiatan
    assert len(log) == 2
    assert log["tanggal"].tolist() == [pd.Timestamp("2024-05-01"), pd.Timestamp("2025-02-03")]
    assert log["jenis_kegiatan"].tolist() == ["rapat", "liputan/konten"]
    assert log["peserta"].tolist() == [6, 1250]
    assert log["keterangan"].iloc[1] == "Liputan café"
    assert log["_baris"].tolist() == [3, 4]


def test_semua_masalah_sekaligus_dengan_baris_dan_kolom(wilayah_uji):
    _tulis(wilayah_uji, KEPALA + "\n"
           "K1;A-01;2024-05-01;rapat;6;\n"
           "K1;A-02;2024-06-01;rapat;;\n"  # duplicate id
           "K3;Z-99;2024-07-01;rapat;;\n"  # unknown potential
           "K4;A-01;31/02/2024;rapat;;\n"  # impossible date
           "K5;A-01;2024-08-01;arisan;;\n"  # unknown kind
           "K6;A-01;2024-09-01;produksi;-3;\n"  # negative
           "K7;A-01;2030-01-01;produksi;;\n"  # future
           "K8;;;produksi;;\n")  # blanks
    ds = muat_dataset()
    assert not ds.ok
    galat = {(m.baris, m.kolom) for m in ds.laporan.galat if m.berkas == "kegiatan.csv"}
    assert galat == {(3, "id_kegiatan"), (4, "id_potensi"), (5, "tanggal"), (6, "jenis_kegiatan"), (7, "peserta"),
                     (8, "tanggal"), (9, "id_potensi"), (9, "tanggal")}
    teks = ds.laporan.teks()
    assert "'Z-99' tidak ada di tabel KIM" in teks
    assert "baris 2" in teks  # the duplicate names the first use
    assert "Pilihan yang sah: sosialisasi, pelatihan/bimtek" in teks


def test_kolom_wajib_hilang(wilayah_uji):
    _tulis(wilayah_uji, "id_kegiatan;id_potensi;jenis_kegiatan\nK1;A-01;rapat\n")
    ds = muat_dataset()
    assert [(m.kolom, m.baris) for m in ds.laporan.galat] == [("tanggal", 1)]


def test_kosakata_jenis_dari_wilayah(wilayah_uji):
    import json

    data = json.loads(wilayah_uji.wilayah.read_text())
    data["jenis_kegiatan"] = ["arisan", "rapat"]
    wilayah_uji.wilayah.write_text(json.dumps(data))
    _tulis(wilayah_uji, KEPALA + "\nK1;A-01;2024-05-01;Arisan;;\nK2;A-01;2024-05-02;produksi;;\n")
    ds = muat_dataset()
    assert [(m.baris, m.kolom) for m in ds.laporan.galat] == [(3, "jenis_kegiatan")]


def test_xlsx_diterima(wilayah_uji, monkeypatch):
    path = wilayah_uji.dir / "log.xlsx"
    pd.DataFrame({"id_kegiatan": ["K1"], "id_potensi": ["A-01"], "tanggal": [pd.Timestamp("2024-05-01")],
                  "jenis_kegiatan": ["rapat"], "peserta": [4], "keterangan": [""]}).to_excel(path, index=False)
    monkeypatch.setenv("KIM_KEGIATAN", str(path))
    ds = muat_dataset()
    assert ds.ok, ds.laporan.teks()
    assert ds.kegiatan["tanggal"].tolist() == [pd.Timestamp("2024-05-01")]


def test_validate_memperingatkan_status_yang_tidak_cocok(wilayah_uji, capsys):
    # A-01 is hand-set Aktif but its last logged activity (1 May 2024) is 10 whole months before 31 Mar 2025.
    _tulis(wilayah_uji, KEPALA + "\nK1;A-01;2024-05-01;rapat;;\nK2;A-03;2025-02-03;rapat;;\n")
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "kim.csv, baris 2, kolom status_aktivitas: nilai 'Aktif'" in out
    assert "menurut log 'Kurang Aktif' pada 2025-03-31" in out
    assert "baris 4, kolom status_aktivitas" not in out  # A-03 agrees
    assert "Log kegiatan: 2 kegiatan" in out


def test_validate_log_rusak_keluar_1(wilayah_uji, capsys):
    _tulis(wilayah_uji, KEPALA + "\nK1;Z-99;2024-05-01;rapat;;\n")
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "kegiatan.csv, baris 2, kolom id_potensi" in out


def test_log_dari_variabel_lingkungan_tidak_mengganggu_tanpa_berkas(wilayah_uji, monkeypatch):
    monkeypatch.setenv("KIM_KEGIATAN", str(wilayah_uji.dir / "tidak-ada.csv"))
    ds = muat_dataset()
    assert ds.ok and ds.kegiatan is None


# Recorded from the row-by-row log validation before the per-distinct-value rewrite.
_LOG_RUSAK = [("K1", "A-01", "2024-01-05", "pelatihan/bimtek", "12", ""), ("K2", "A-01", "31/02/2024", "rapat", "x", ""),
              ("K2", "B-01", "", "Rapat", "-3", "k"), ("K4", "Z-9", "2099-01-01", "lomba", "", ""),
              ("K5", "A-02", "13/07/22", "PRODUKSI", "1.250", ""), ("", "A-03", "kemarin", "", "2,5", "")]
_LAPORAN_LOG = [
    '[GALAT] kegiatan.csv, baris 7, kolom id_kegiatan: Kolom id_kegiatan wajib diisi.',
    '[GALAT] kegiatan.csv, baris 7, kolom jenis_kegiatan: Kolom jenis_kegiatan wajib diisi.',
    "[GALAT] kegiatan.csv, baris 4, kolom id_kegiatan: nilai 'K2': id_kegiatan ganda: sudah dipakai di baris 3. Setiap kegiatan perlu id yang unik.",
    "[GALAT] kegiatan.csv, baris 5, kolom id_potensi: nilai 'Z-9': id_potensi 'Z-9' tidak ada di tabel KIM. Gunakan id_potensi dari kim.csv, atau tambahkan potensinya dulu.",
    "[GALAT] kegiatan.csv, baris 5, kolom jenis_kegiatan: nilai 'lomba': Jenis kegiatan tidak dikenal. Pilihan yang sah: sosialisasi, pelatihan/bimtek, produksi, pameran/bazar, liputan/konten, rapat.",
    '[GALAT] kegiatan.csv, baris 4, kolom tanggal: Kolom tanggal wajib diisi.',
    "[GALAT] kegiatan.csv, baris 3, kolom tanggal: nilai '31/02/2024': Nilai bukan tanggal yang mungkin (hari atau bulan di luar kalender). Gunakan format hh/bb/tttt, misalnya 13/07/2022.",
    "[GALAT] kegiatan.csv, baris 7, kolom tanggal: nilai 'kemarin': Nilai format tanggal tidak dikenal. Gunakan hh/bb/tttt (13/07/2022) atau tttt-bb-hh (2022-07-13).",
    "[GALAT] kegiatan.csv, baris 5, kolom tanggal: nilai '2099-01-01': Tanggal kegiatan ada di masa depan. Periksa tahun atau urutan hari/bulan.",
    "[GALAT] kegiatan.csv, baris 3, kolom peserta: nilai 'x': Nilai bukan bilangan bulat. Tulis jumlah orang, misalnya 25.",
    "[GALAT] kegiatan.csv, baris 7, kolom peserta: nilai '2,5': Nilai harus bilangan bulat (tanpa pecahan), misalnya 25.",
    "[GALAT] kegiatan.csv, baris 4, kolom peserta: nilai '-3': Jumlah peserta tidak boleh negatif. Isi 0 atau lebih, atau kosongkan.",
]
_TABEL_LOG = [
    'id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan,_baris',
    'K1,A-01,2024-01-05,pelatihan/bimtek,12,,2',
    'K2,A-01,,rapat,,,3',
    'K2,B-01,,rapat,,k,4',
    'K4,Z-9,2099-01-01,lomba,,,5',
    'K5,A-02,2022-07-13,produksi,1250,,6',
    ',A-03,,,,,7',
]


def test_log_rusak_dilaporkan_dan_bertipe_seperti_sebelumnya():
    import datetime as dt

    import pandas as pd

    from geo.masuk.baca import KOLOM_BARIS
    from geo.masuk.kegiatan import validasi_kegiatan
    from geo.masuk.wilayah import muat_wilayah

    frame = pd.DataFrame(_LOG_RUSAK, columns=["id_kegiatan", "id_potensi", "tanggal", "jenis_kegiatan", "peserta", "keterangan"])
    frame[KOLOM_BARIS] = range(2, 2 + len(frame))
    tabel, laporan = validasi_kegiatan(frame, "kegiatan.csv", muat_wilayah(None), pd.Series(["A-01", "A-02", "A-03", "B-01"]),
                                       hari_ini=dt.date(2025, 1, 1))
    assert [str(m) for m in laporan.masalah] == _LAPORAN_LOG
    assert tabel.to_csv(index=False).splitlines() == _TABEL_LOG
    assert str(tabel["peserta"].dtype) == "Int64" and str(tabel["tanggal"].dtype).startswith("datetime64")
