"""Write ``data/anggaran.csv``: an invented sample plan (data contoh) totalling the ceiling exactly.

Each KIM's share follows the proposal rule (``python -m geo anggaran usul``),
then is broken into plausible line items; the last item of each KIM takes
what is left, so every KIM's items add up to its share to the rupiah.
Run from the project root: ``python scripts/make_sample_anggaran.py``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.anggaran.pengaturan import pengaturan_dari
from geo.anggaran.usul import bagi_pagu, dasar_usul
from geo.masuk.dataset import muat_dataset

ACUAN = dt.date(2026, 12, 1)
# (kegiatan, jenis_belanja, volume, satuan, harga_satuan): the same menu for every KIM, invented.
MENU = [
    ("Honor narasumber pelatihan jurnalistik warga", "Honorarium", 2, "OJ", 900_000),
    ("Makan dan minum rapat pengurus KIM", "Makan dan Minum", 40, "kotak", 35_000),
    ("Cetak spanduk dan leaflet potensi kelurahan", "Cetak dan Publikasi", 1, "paket", 1_250_000),
]


def main() -> None:
    dataset = muat_dataset()
    pengaturan = pengaturan_dari(dataset.wilayah)
    dasar = dasar_usul(dataset, pengaturan, ACUAN).tabel
    alokasi = bagi_pagu(dasar["skor"], pengaturan.pagu, pengaturan.pembulatan)
    pertama = dataset.potensi.sort_values("id_potensi").drop_duplicates("kode_kelurahan").set_index("kode_kelurahan")
    rows = []
    for kode, share in alokasi.items():
        nama = dasar.at[kode, "nama_kim"]
        items = list(MENU)
        sisa = int(share) - sum(volume * harga for _k, _j, volume, _s, harga in items)
        potensi = pertama.loc[kode]
        items.append((f"Pendampingan potensi {potensi['nama_potensi']}", "Pelatihan", 1, "paket", sisa))
        for i, (kegiatan, jenis, volume, satuan, harga) in enumerate(items, start=1):
            per_potensi = i == len(items)
            rows.append({
                "id_baris": f"RAB-{kode[-7:].replace('.', '')}-{i:02d}",
                "id_potensi": potensi["id_potensi"] if per_potensi else "",
                "kode_kelurahan": "" if per_potensi else kode,
                "kegiatan": kegiatan if per_potensi else f"{kegiatan} ({nama})",
                "jenis_belanja": jenis, "volume": volume, "satuan": satuan,
                "harga_satuan": harga, "jumlah": volume * harga,
                "target": "KIM aktif kembali" if dasar.at[kode, "dorman_bulan"] >= pengaturan.ambang_dorman_bulan else "Kegiatan rutin tiap bulan",
                "keterangan": "data contoh",
            })
    tabel = pd.DataFrame(rows)
    assert int(tabel["jumlah"].sum()) == pengaturan.pagu
    tabel.to_csv(Path(__file__).resolve().parent.parent / "data" / "anggaran.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
