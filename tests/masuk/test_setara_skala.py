"""The column-wise read and validation report exactly what the row-by-row code did.

The broken province of :mod:`tests.masuk.wilayah_rusak` (every kind of
error, in every column) was read and validated by the code before the
national-scale rewrite; its report and typed table are pinned here as
known answers. Both read paths (pyarrow and the careful csv module) must
give them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.galat import Laporan
from geo.masuk import baca, baca_cepat
from geo.masuk.batas import muat_batas
from geo.masuk.dataset import muat_dataset
from geo.masuk.periksa import baca_dan_validasi
from geo.masuk.referensi import muat_referensi
from geo.masuk.wilayah import muat_wilayah
from tests.masuk import wilayah_rusak

TABEL = Path(__file__).with_name("setara_tabel.csv")

# (Excel row, column, value, level, message), in the order the report lists them.
LAPORAN = [
    (32, None, None, 'galat', 'Baris judul kolom muncul lagi di tengah tabel. Hapus baris ini.'),
    (1, 'catatan', None, 'peringatan', 'Kolom tidak dikenal; isinya diabaikan. Periksa ejaan judul kolom.'),
    (91, 'id_potensi', '', 'galat', 'Kolom id_potensi wajib diisi.'),
    (92, 'nama_kim', '', 'galat', 'Kolom nama_kim wajib diisi.'),
    (93, 'nama_potensi', '', 'galat', 'Kolom nama_potensi wajib diisi.'),
    (94, 'kategori_potensi', '', 'galat', 'Kolom kategori_potensi wajib diisi.'),
    (95, 'status_aktivitas', '', 'galat', 'Kolom status_aktivitas wajib diisi.'),
    (96, 'id_potensi', 'R-001', 'galat', 'id_potensi ganda: sudah dipakai di baris 3. Setiap potensi perlu id yang unik.'),
    (97, 'id_potensi', 'R-002', 'galat', 'id_potensi ganda: sudah dipakai di baris 4. Setiap potensi perlu id yang unik.'),
    (98, 'id_potensi', 'R-003', 'galat', 'id_potensi ganda: sudah dipakai di baris 5. Setiap potensi perlu id yang unik.'),
    (85, 'kategori_potensi', 'Kulinerr', 'galat', "Kategori potensi tidak dikenal. Mungkin maksud Anda 'Kuliner'? Pilihan yang sah: Kuliner, Pariwisata, Batik & Kerajinan, Perikanan & Kelautan, Pertanian & Perkebunan, Seni & Budaya, Ekonomi Kreatif & UMKM, Lainnya."),
    (86, 'kategori_potensi', 'Otomotif', 'galat', "Kategori potensi tidak dikenal. Mungkin maksud Anda 'Ekonomi Kreatif & UMKM'? Pilihan yang sah: Kuliner, Pariwisata, Batik & Kerajinan, Perikanan & Kelautan, Pertanian & Perkebunan, Seni & Budaya, Ekonomi Kreatif & UMKM, Lainnya."),
    (88, 'status_aktivitas', 'Aktip', 'galat', "Status aktivitas tidak dikenal. Mungkin maksud Anda 'Aktif'? Pilihan yang sah: Aktif, Kurang Aktif, Tidak Aktif."),
    (89, 'status_aktivitas', 'Vakum', 'galat', "Status aktivitas tidak dikenal. Mungkin maksud Anda 'Aktif'? Pilihan yang sah: Aktif, Kurang Aktif, Tidak Aktif."),
    (25, 'kode_kelurahan', '98.01.01.2999', 'galat', 'Kode kelurahan tidak dikenal di tabel referensi. Kode untuk Sukamaju adalah 98.01.01.2001. Gunakan kode Kemendagri, misalnya 98.01.01.2001.'),
    (26, 'kode_kelurahan', '98.09.09.9999', 'galat', 'Kode kelurahan tidak dikenal di tabel referensi. Gunakan kode Kemendagri, misalnya 98.01.01.2001.'),
    (27, 'kode_kelurahan', '98-01-abc', 'galat', 'Kode kelurahan tidak dikenal di tabel referensi. Kode untuk Sukamaju adalah 98.01.01.2001. Gunakan kode Kemendagri, misalnya 98.01.01.2001.'),
    (33, 'kelurahan', 'Beta', 'galat', "Nama desa 'Beta' tidak cocok dengan kode 98.01.02.2002, yang merupakan desa Sukajadi. Perbaiki kode atau namanya."),
    (34, 'kelurahan', 'Sukajadi', 'galat', "Nama desa 'Sukajadi' tidak cocok dengan kode 98.01.01.2001, yang merupakan desa Sukamaju. Perbaiki kode atau namanya."),
    (40, 'kelurahan', 'Mekarsary', 'galat', "Kelurahan tidak dikenal. Mungkin maksud Anda 'Mekarsari'? Isi kode_kelurahan atau gunakan nama dari tabel referensi."),
    (41, 'kelurahan', 'Zzzqqq', 'galat', 'Kelurahan tidak dikenal. Isi kode_kelurahan atau gunakan nama dari tabel referensi.'),
    (37, 'kelurahan', 'Sukamaju', 'galat', "Nama 'Sukamaju' dipakai 2 desa/kelurahan: 98.01.02.2001 (Kecamatan Timur, Kabupaten Satu); 98.02.01.2001 (Kecamatan Timur, Kabupaten Dua). Isi kode_kelurahan, atau kecamatan yang benar, agar jelas yang mana."),
    (38, 'kelurahan', 'Sukamaju', 'galat', "Nama 'Sukamaju' dipakai 3 desa/kelurahan: 98.01.01.2001 (Kecamatan Barat, Kabupaten Satu); 98.01.02.2001 (Kecamatan Timur, Kabupaten Satu); 98.02.01.2001 (Kecamatan Timur, Kabupaten Dua). Isi kode_kelurahan, atau kecamatan yang benar, agar jelas yang mana."),
    (39, 'kelurahan', 'Sukajadi', 'galat', "Nama 'Sukajadi' dipakai 2 desa/kelurahan: 98.01.02.2002 (Kecamatan Timur, Kabupaten Satu); 98.02.01.2002 (Kecamatan Timur, Kabupaten Dua). Isi kode_kelurahan, atau kecamatan yang benar, agar jelas yang mana."),
    (42, 'kode_kelurahan', '', 'galat', 'Isi kode_kelurahan (kode Kemendagri) atau nama kelurahan.'),
    (28, 'kecamatan', 'Timur', 'galat', 'Kecamatan tidak cocok: kelurahan ini berada di Kecamatan Barat.'),
    (30, 'kecamatan', 'Timur', 'galat', 'Kecamatan tidak cocok: kelurahan ini berada di Kecamatan Barat.'),
    (43, 'kecamatan', 'Salah Kecamatan', 'galat', 'Kecamatan tidak cocok: kelurahan ini berada di Kecamatan Timur.'),
    (45, 'kode_kelurahan', '98.03.02.1004', 'peringatan', 'Kelurahan ini tidak ada di berkas batas wilayah, jadi tidak tampil di peta. Impor batas yang lengkap.'),
    (77, 'jumlah_anggota', '2,5', 'galat', 'Nilai harus bilangan bulat (tanpa pecahan), misalnya 25.'),
    (79, 'jumlah_anggota', '1e3', 'galat', 'Nilai bukan bilangan bulat biasa. Tulis jumlah orang dengan angka, misalnya 25.'),
    (80, 'jumlah_anggota', 'dua puluh', 'galat', 'Nilai bukan bilangan bulat. Tulis jumlah orang, misalnya 25.'),
    (78, 'jumlah_anggota', '-4', 'galat', 'Jumlah anggota tidak boleh negatif. Isi 0 atau lebih.'),
    (81, 'jumlah_anggota', '', 'peringatan', 'Jumlah anggota kosong; dihitung sebagai tidak diketahui.'),
    (69, 'kegiatan_terakhir', '2022-02-30', 'galat', 'Nilai bukan tanggal yang mungkin (hari atau bulan di luar kalender). Gunakan format hh/bb/tttt, misalnya 13/07/2022.'),
    (70, 'kegiatan_terakhir', '31/02/2022', 'galat', 'Nilai bukan tanggal yang mungkin (hari atau bulan di luar kalender). Gunakan format hh/bb/tttt, misalnya 13/07/2022.'),
    (71, 'kegiatan_terakhir', 'kemarin', 'galat', 'Nilai format tanggal tidak dikenal. Gunakan hh/bb/tttt (13/07/2022) atau tttt-bb-hh (2022-07-13).'),
    (74, 'kegiatan_terakhir', '2022-13-01', 'galat', 'Nilai bukan tanggal yang mungkin (hari atau bulan di luar kalender). Gunakan format hh/bb/tttt, misalnya 13/07/2022.'),
    (72, 'kegiatan_terakhir', '2099-01-01', 'peringatan', 'Tanggal kegiatan terakhir ada di masa depan. Periksa tahun atau urutan hari/bulan.'),
    (47, 'lintang', '', 'galat', 'Kolom lintang wajib diisi.'),
    (49, 'lintang', 'abc', 'galat', 'Nilai bukan angka. Tulis angka desimal, misalnya 0,1331 atau 0.1331.'),
    (58, 'lintang', 'inf', 'galat', 'Nilai bukan angka yang terhingga. Tulis angka desimal, misalnya 0,1331.'),
    (59, 'lintang', 'nan', 'galat', 'Nilai bukan angka yang terhingga. Tulis angka desimal, misalnya 0,1331.'),
    (62, 'lintang', '0.004.5', 'galat', 'Nilai bukan angka. Tulis angka desimal, misalnya 0,1331 atau 0.1331.'),
    (48, 'bujur', '', 'galat', 'Kolom bujur wajib diisi.'),
    (50, 'bujur', '1o0.5', 'galat', 'Nilai bukan angka. Tulis angka desimal, misalnya 0,1331 atau 0.1331.'),
    (52, 'lintang', '120.00600', 'galat', 'Lintang dan bujur tampaknya tertukar (120.006, 0.004). Lintang (utara-selatan) untuk wilayah ini sekitar 0.00–0.04, bujur sekitar 120.00–120.06.'),
    (53, 'lintang', '95', 'galat', 'Lintang harus antara -90 dan 90.'),
    (54, 'lintang', '-95.5', 'galat', 'Lintang harus antara -90 dan 90.'),
    (55, 'bujur', '200', 'galat', 'Bujur harus antara -180 dan 180.'),
    (45, 'lintang', '0.03400', 'galat', 'Titik berada di luar wilayah, sekitar 0.4 km dari batas terdekat. Periksa koordinat (gunakan titik dari peta, derajat desimal WGS84).'),
    (56, 'lintang', '-0.5', 'galat', 'Titik berada di luar wilayah, sekitar 55.3 km dari batas terdekat. Periksa koordinat (gunakan titik dari peta, derajat desimal WGS84).'),
    (57, 'lintang', '-0.001', 'peringatan', 'Titik berada sedikit di luar batas wilayah (111 m), misalnya di atas air. Periksa bila tidak disengaja.'),
    (61, 'lintang', '0.004', 'galat', 'Titik berada di luar wilayah, sekitar 22120.0 km dari batas terdekat. Periksa koordinat (gunakan titik dari peta, derajat desimal WGS84).'),
    (28, 'lintang', '0.00400', 'peringatan', 'Titik berada di Kelurahan Sukajadi, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.'),
    (29, 'lintang', '0.00400', 'peringatan', 'Titik berada di Kelurahan Sukamaju, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.'),
    (30, 'lintang', '0.00400', 'peringatan', 'Titik berada di Kelurahan Sukajadi, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.'),
    (31, 'lintang', '0.00400', 'peringatan', 'Titik berada di Kelurahan Sukamaju, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.'),
    (35, 'lintang', '0.00400', 'peringatan', 'Titik berada di Kelurahan Sukajadi, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.'),
    (36, 'lintang', '0.00400', 'peringatan', 'Titik berada di Kelurahan Sukamaju, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.'),
    (46, 'lintang', '0.00400', 'peringatan', 'Titik berada di Kelurahan Mekarsari, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.'),
    (51, 'lintang', '0,00400', 'peringatan', 'Titik berada di Kelurahan Sukamaju, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.'),
]


@pytest.fixture(scope="module")
def berkas(tmp_path_factory):
    return wilayah_rusak.tulis(tmp_path_factory.mktemp("rusak"))


def _laporan(berkas) -> list[tuple]:
    d = muat_dataset(berkas["kim"], berkas["batas"], berkas["referensi"], berkas["wilayah"])
    assert {m.berkas for m in d.laporan.masalah} == {"kim.csv"}
    return [(m.baris, m.kolom, m.nilai, m.tingkat, m.pesan) for m in d.laporan.masalah]


def test_laporan_sama_dengan_kode_lama(berkas, monkeypatch):
    monkeypatch.setattr(baca, "BYTE_JALUR_CEPAT", 0)  # the fast path whatever the file's size
    assert _laporan(berkas) == LAPORAN


def test_jalur_hati_hati_memberi_laporan_yang_sama(berkas, monkeypatch):
    monkeypatch.setattr(baca_cepat, "baca_csv_cepat", lambda data: None)
    assert _laporan(berkas) == LAPORAN


@pytest.mark.parametrize("cepat", [True, False])
def test_tabel_bertipe_sama_dengan_kode_lama(berkas, monkeypatch, cepat):
    monkeypatch.setattr(baca, "BYTE_JALUR_CEPAT", 0)  # the fast path whatever the file's size
    if not cepat:
        monkeypatch.setattr(baca_cepat, "baca_csv_cepat", lambda data: None)
    wil = muat_wilayah(berkas["wilayah"])
    ref = muat_referensi(berkas["referensi"], wil.nama)
    batas = muat_batas(berkas["batas"], ref, Laporan())
    tabel, _ = baca_dan_validasi(berkas["kim"].read_bytes(), "kim.csv", ref, wil, batas)
    assert dict(tabel.dtypes.astype(str)) == {
        "id_potensi": "str", "nama_kim": "str", "kode_kelurahan": "str", "kelurahan": "str", "kecamatan": "str",
        "kategori_potensi": "str", "nama_potensi": "str", "deskripsi": "str", "status_aktivitas": "str",
        "jumlah_anggota": "Int64", "kegiatan_terakhir": "datetime64[us]", "lintang": "float64", "bujur": "float64",
        "kontak": "str", "_baris": "int64",
    }
    assert tabel.to_csv(index=False, lineterminator="\n").splitlines() == TABEL.read_text(encoding="utf-8").splitlines()
