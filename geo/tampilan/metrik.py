"""Choropleth metrics: a metric's name is its summary column, so URLs stay readable."""

from __future__ import annotations

from geo.masuk.wilayah import Wilayah
from geo.tampilan.agregat import kolom_kategori

METRIK_DASAR: dict[str, str] = {
    "jumlah_potensi": "Jumlah potensi",
    "jumlah_aktif": "Jumlah potensi aktif",
    "persen_aktif": "Persentase aktif (%)",
    "jumlah_anggota": "Jumlah anggota",
    "bulan_tidak_aktif": "Bulan tidak aktif (median per kelurahan)",  # needs the activity log
    "perubahan_aktif": "Perubahan potensi aktif",  # needs the log and a comparison date
    "skor_kim": "Skor KIM (rata-rata KIM per kelurahan)",  # #25: geo.kim's assessment; computed only when shown
}
# The KIM score (geo.kim.nilai): a unit without an assessed KIM has no value (no data, never 0).
METRIK_SKOR_KIM = "skor_kim"
# Metrics that exist only with an activity log (and, for the change, a comparison date).
METRIK_WAKTU: dict[str, str] = {"bulan_tidak_aktif": "pada", "perubahan_aktif": "banding"}
METRIK_BAWAAN = "jumlah_potensi"


def daftar_metrik(wilayah: Wilayah) -> dict[str, str]:
    """Every metric name → Indonesian label, the per-category counts last."""
    hasil = dict(METRIK_DASAR)
    for kategori in wilayah.kategori_potensi:
        hasil[kolom_kategori(kategori)] = f"Jumlah potensi {kategori}"
    return hasil


def metrik_tersedia(metrik: str, ada_log: bool, ada_banding: bool) -> bool:
    """Whether a view can colour by ``metrik``: time metrics need their dates."""
    perlu = METRIK_WAKTU.get(metrik)
    return perlu is None or (ada_log and (perlu == "pada" or ada_banding))
