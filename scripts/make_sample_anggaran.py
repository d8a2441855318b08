"""Write the sample budget (data contoh) in the SIPD form, for the APBD Perubahan.

* ``data/anggaran_penetapan.csv``: the baseline (APBD murni, frozen as ``anggaran
  tetapkan`` would): a small plan of honoraria and meeting meals per KIM.
* ``data/anggaran.csv``: the Perubahan plan of exactly the ceiling (Rp 200 juta):
  each KIM's share follows the proposal rule (``python -m geo anggaran usul``),
  broken into coded lines at the standard prices of ``standar_harga.csv``
  (volumes below are invented), and one "pendampingan potensi" line per KIM,
  koefisien 1, takes what is left, so every KIM adds up to its share to the rupiah.

Every line says *data contoh*. Run from the project root: ``python scripts/make_sample_anggaran.py``.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from fractions import Fraction
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.anggaran.koefisien import KOLOM_SATUAN, KOLOM_VOLUME, hitung_baris
from geo.anggaran.pengaturan import pengaturan_dari
from geo.anggaran.rencana import KOLOM_SEMUA
from geo.anggaran.usul import bagi_pagu, dasar_usul
from geo.masuk.dataset import muat_dataset

ACUAN = dt.date(2026, 12, 1)
DATA = Path(__file__).resolve().parent.parent / "data"
# (komponen, kode_standar, pairs, ppn, kelompok): invented volumes; prices and codes come from the reference tables.
MENU_PERUBAHAN = [
    ("Honorarium narasumber pelatihan jurnalistik warga", "SBU-HON-001", [(2, "OJ"), (2, "Kali")], 0, "Pelatihan jurnalistik warga"),
    ("Paket alat tulis peserta pelatihan", "SSH-ATK-001", [(20, "Orang"), (1, "Kali")], 11, "Pelatihan jurnalistik warga"),
    ("Nasi kotak rapat pengurus KIM", "SSH-MMR-001", [(15, "Orang"), (2, "Kali")], 0, "Rapat pembinaan KIM"),
    ("Leaflet potensi kelurahan", "SSH-CTK-002", [(250, "Lembar")], 11, "Publikasi potensi"),
    ("Transport pendamping dinas", "SBU-PD-001", [(2, "Orang"), (3, "Hari")], 0, "Pendampingan potensi"),
]
MENU_MURNI = [
    ("Honorarium narasumber pelatihan jurnalistik warga", "SBU-HON-001", [(2, "OJ"), (1, "Kali")], 0, "Pelatihan jurnalistik warga"),
    ("Nasi kotak rapat pengurus KIM", "SSH-MMR-001", [(15, "Orang"), (1, "Kali")], 0, "Rapat pembinaan KIM"),
]
KODE_PENDAMPINGAN = "5.1.02.01.01.0026"


def _baris(kode_kel: str, nomor: int, i: int, komponen: str, standar, pairs, ppn: int, kelompok: str, nama: str) -> dict:
    harga = standar.harga_maks if not (standar.termasuk_pajak and ppn) else math.floor(Fraction(standar.harga_maks) / (1 + Fraction(ppn, 100)))
    sel = dict.fromkeys(KOLOM_SEMUA, "")
    sel |= {"id_baris": f"RKA-{nomor:03d}-{i:02d}", "kode_kelurahan": kode_kel, "kegiatan": f"{komponen} ({nama})", "komponen": komponen,
            "kode_rekening": standar.kode_rekening, "kode_standar": standar.kode, "harga_satuan": str(harga),
            "ppn_persen": str(ppn) if ppn else "", "sumber_dana": "DAU (contoh)", "kelompok": kelompok, "keterangan": "data contoh",
            "target": "KIM aktif kembali"}
    for (v, s), kv, ks in zip(pairs, KOLOM_VOLUME, KOLOM_SATUAN):
        sel[kv], sel[ks] = str(v), s
    sel["jumlah"] = str(hitung_baris(tuple(v for v, _ in pairs), harga, Fraction(ppn)).jumlah)
    return sel


def main() -> None:
    dataset = muat_dataset()
    pengaturan = pengaturan_dari(dataset.wilayah)
    standar = pengaturan.referensi.standar
    dasar = dasar_usul(dataset, pengaturan, ACUAN).tabel
    alokasi = bagi_pagu(dasar["skor"], pengaturan.pagu, pengaturan.pembulatan)
    pertama = dataset.potensi.sort_values("id_potensi").drop_duplicates("kode_kelurahan").set_index("kode_kelurahan")
    perubahan, murni = [], []
    for nomor, (kode, share) in enumerate(alokasi.items(), start=1):
        nama = str(dasar.at[kode, "nama_kim"])
        baris = [_baris(kode, nomor, i, k, standar[s], p, ppn, kel, nama) for i, (k, s, p, ppn, kel) in enumerate(MENU_PERUBAHAN, start=1)]
        sisa = int(share) - sum(int(b["jumlah"]) for b in baris)
        potensi = pertama.loc[kode]
        akhir = dict.fromkeys(KOLOM_SEMUA, "") | {
            "id_baris": f"RKA-{nomor:03d}-{len(baris) + 1:02d}", "id_potensi": potensi["id_potensi"],
            "kegiatan": f"Pendampingan potensi {potensi['nama_potensi']}", "komponen": f"Paket pendampingan potensi {potensi['nama_potensi']}",
            "spesifikasi": "bahan promosi dan pendampingan usaha", "kode_rekening": KODE_PENDAMPINGAN, "volume": "1", "satuan": "Paket",
            "harga_satuan": str(sisa), "jumlah": str(sisa), "sumber_dana": "DAU (contoh)", "kelompok": "Pendampingan potensi",
            "keterangan": "data contoh", "target": "KIM aktif kembali"}
        perubahan += [*baris, akhir]
        murni += [_baris(kode, nomor, i, k, standar[s], p, ppn, kel, nama) for i, (k, s, p, ppn, kel) in
                  ((1, MENU_MURNI[0]), (3, MENU_MURNI[1]))]
    tabel = pd.DataFrame(perubahan, columns=list(KOLOM_SEMUA))
    assert sum(int(j) for j in tabel["jumlah"]) == pengaturan.pagu
    tabel.to_csv(DATA / "anggaran.csv", index=False, lineterminator="\n")
    pd.DataFrame(murni, columns=list(KOLOM_SEMUA)).to_csv(DATA / "anggaran_penetapan.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
