"""Choropleth metrics: a metric's name is its summary column, so URLs stay readable."""

from __future__ import annotations

from geo.masuk.wilayah import Wilayah
from geo.tampilan.agregat import kolom_kategori

METRIK_DASAR: dict[str, str] = {
    "jumlah_potensi": "Jumlah potensi",
    "jumlah_aktif": "Jumlah potensi aktif",
    "persen_aktif": "Persentase aktif (%)",
    "jumlah_anggota": "Jumlah anggota",
}
METRIK_BAWAAN = "jumlah_potensi"


def daftar_metrik(wilayah: Wilayah) -> dict[str, str]:
    """Every metric name → Indonesian label, the per-category counts last."""
    hasil = dict(METRIK_DASAR)
    for kategori in wilayah.kategori_potensi:
        hasil[kolom_kategori(kategori)] = f"Jumlah potensi {kategori}"
    return hasil
