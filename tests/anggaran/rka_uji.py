"""A hand-computed plan in the SIPD form, shared by the RKA tests.

Lines (koefisien × harga + PPN 11 %, PPN rounded half up to the rupiah):

* R-01 honor  5.1.02.02.01.0003: 2 OJ × 3 Kali × 900.000                = 5.400.000
* R-02 cetak  5.1.02.01.01.0026: 15 KIM × 2 Kali × 10 Lembar × 2.300 = 690.000 + 75.900 = 765.900
* R-03 mamin  5.1.02.01.01.0052: 15 KIM × 20 Kotak × 33.333 = 9.999.900 + 1.099.989 = 11.099.889
* R-04 ATK    5.1.02.01.01.0024: 7 Paket × 3 Kali × 45.455 = 954.555 + 105.001 (105.001,05) = 1.059.556
* R-05 transport 5.1.02.04.01.0003: 3 Orang × 5 Hari × 150.000       = 2.250.000

Subtotals: 5.1.02.01.01 (and 5.1.02.01) 12.925.345; 5.1.02.02(.01) 5.400.000;
5.1.02.04(.01) 2.250.000; 5, 5.1, 5.1.02 and the total 20.575.345 = the ceiling.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.conftest import KODE_A, KODE_B

PAGU_RKA = 20_575_345
JUMLAH = {"R-01": 5_400_000, "R-02": 765_900, "R-03": 11_099_889, "R-04": 1_059_556, "R-05": 2_250_000}
SUBTOTAL = {
    "5": PAGU_RKA, "5.1": PAGU_RKA, "5.1.02": PAGU_RKA, "5.1.02.01": 12_925_345, "5.1.02.01.01": 12_925_345,
    "5.1.02.02": 5_400_000, "5.1.02.02.01": 5_400_000, "5.1.02.04": 2_250_000, "5.1.02.04.01": 2_250_000,
}
AKUN = [
    ("5", "BELANJA DAERAH"), ("5.1", "BELANJA OPERASI"), ("5.1.02", "Belanja Barang dan Jasa"), ("5.1.02.01", "Belanja Barang"),
    ("5.1.02.01.01", "Belanja Barang Pakai Habis"), ("5.1.02.01.01.0024", "Alat Tulis Kantor"), ("5.1.02.01.01.0026", "Bahan Cetak"),
    ("5.1.02.01.01.0052", "Makanan dan Minuman Rapat"), ("5.1.02.02", "Belanja Jasa"), ("5.1.02.02.01", "Belanja Jasa Kantor"),
    ("5.1.02.02.01.0003", "Honorarium Narasumber"), ("5.1.02.04", "Belanja Perjalanan Dinas"),
    ("5.1.02.04.01", "Belanja Perjalanan Dinas Dalam Negeri"), ("5.1.02.04.01.0003", "Perjalanan Dinas Dalam Kota"),
]
STANDAR = [
    ("SSH-1", "Leaflet", "Lembar", "2600", "ya", "5.1.02.01.01.0026", "SSH"),
    ("SSH-2", "Nasi kotak", "Kotak", "37000", "ya", "5.1.02.01.01.0052", "SSH"),
    ("SBU-1", "Honor narasumber", "OJ", "900000", "ya", "5.1.02.02.01.0003", "SBU"),
]
KOLOM = ["id_baris", "id_potensi", "kode_kelurahan", "kegiatan", "jenis_belanja", "kode_rekening", "komponen", "spesifikasi",
         "volume", "satuan", "volume_2", "satuan_2", "volume_3", "satuan_3", "harga_satuan", "ppn_persen", "jumlah", "kode_standar",
         "sumber_dana", "kelompok", "target", "keterangan"]
BARIS = [
    ["R-01", "", KODE_A, "Narasumber pelatihan", "", "5.1.02.02.01.0003", "Honorarium narasumber", "Non ASN", "2", "OJ", "3", "Kali",
     "", "", "900000", "", "5400000", "SBU-1", "DAU", "[#] Pelatihan jurnalistik", "", "[-] Narasumber"],
    ["R-02", "", KODE_B, "Leaflet potensi", "", "5.1.02.01.01.0026", "Leaflet", "A4 dua sisi", "15", "KIM", "2", "Kali", "10",
     "Lembar", "2300", "11", "765900", "SSH-1", "DAU", "[#] Publikasi", "", ""],
    ["R-03", "", KODE_A, "Rapat pembinaan", "", "5.1.02.01.01.0052", "Nasi kotak", "", "15", "KIM", "20", "Kotak", "", "", "33333",
     "11", "11099889", "SSH-2", "DAU", "[#] Rapat", "", ""],
    ["R-04", "", KODE_B, "ATK peserta", "", "5.1.02.01.01.0024", "Paket ATK", "", "7", "Paket", "3", "Kali", "", "", "45455", "11",
     "1059556", "", "DAU", "[#] Pelatihan jurnalistik", "", ""],
    ["R-05", "", KODE_A, "Transport pendamping", "", "5.1.02.04.01.0003", "Transport", "", "3", "Orang", "5", "Hari", "", "",
     "150000", "", "2250000", "", "DAU", "", "", ""],
]


def tulis_referensi(folder: Path) -> None:
    """The reference tables the plan needs, beside the fixture's wilayah.json."""
    with (folder / "akun_belanja.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kode_rekening", "nama_akun"])
        w.writerows(AKUN)
    with (folder / "standar_harga.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kode_standar", "uraian", "satuan", "harga_maks", "termasuk_pajak", "kode_rekening", "jenis"])
        w.writerows(STANDAR)


SUB_KEGIATAN = {
    "urusan": {"kode": "2.16", "nama": "URUSAN KOMUNIKASI UJI"},
    "program": {"kode": "2.16.02", "nama": "PROGRAM INFORMASI UJI"},
    "kegiatan": {"kode": "2.16.02.2.01", "nama": "Kegiatan Uji"},
    "sub_kegiatan": {"kode": "2.16.02.2.01.0015", "nama": "Kemitraan Komunikasi dengan Komunitas Informasi Masyarakat"},
    "organisasi": {"kode": "2.16.0.00.0.00.01.0000", "nama": "Dinas Uji"},
    "sumber_dana": "DAU", "lokasi": "Kota Uji", "waktu_pelaksanaan": "Oktober s.d. Desember 2027",
    "indikator": [{"jenis": "Keluaran", "tolok_ukur": "KIM dibina", "dari_data": "kim_dibina", "satuan": "KIM"},
                  {"jenis": "Hasil", "tolok_ukur": "KIM aktif", "dari_data": "kim_aktif", "target": 2, "satuan": "KIM"}],
    "tempat": "Kota Uji",
    "penandatangan": [{"jabatan": "Pejabat Pelaksana Teknis Kegiatan", "nama": "Ani Uji", "nip": "198001012005012001"},
                      {"jabatan": "Kepala Dinas Uji", "nama": "Budi Uji", "nip": "197001012000011001"}],
}


def atur_wilayah(path: Path, **kunci) -> None:
    isi = json.loads(path.read_text(encoding="utf-8"))
    isi.update({"pagu_anggaran": PAGU_RKA, "tahun_anggaran": 2027, "kantor": "Dinas Uji", "sub_kegiatan": SUB_KEGIATAN}, **kunci)
    path.write_text(json.dumps(isi), encoding="utf-8")


def tulis_rka(path: Path, baris: list[list[str]] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(KOLOM)
        w.writerows(BARIS if baris is None else baris)
    return path
