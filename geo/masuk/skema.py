"""The KIM table's columns and vocabularies, defined once.

A region changes its vocabulary in ``data/wilayah.json`` (keys
``kategori_potensi`` and ``status_aktivitas``); these are the defaults.
"""

from __future__ import annotations

KOLOM_KIM: tuple[str, ...] = (
    "id_potensi",
    "nama_kim",
    "kode_kelurahan",
    "kelurahan",
    "kecamatan",
    "kategori_potensi",
    "nama_potensi",
    "deskripsi",
    "status_aktivitas",
    "jumlah_anggota",
    "kegiatan_terakhir",
    "lintang",
    "bujur",
    "kontak",
)

# Derived columns an export writes after the import columns (what the map shows and why).
# A file that carries them loads without a warning; their content is ignored, never stored.
KOLOM_TURUNAN: tuple[str, ...] = ("status_peta", "sumber_status", "kegiatan_terakhir_log", "bulan_tidak_aktif")

# Columns a file may omit entirely; everything else must be present.
KOLOM_OPSIONAL: frozenset[str] = frozenset({"kontak", "deskripsi"})

# Free-text columns: any text is accepted and escaped where it is shown.
KOLOM_TEKS_BEBAS: tuple[str, ...] = ("nama_kim", "nama_potensi", "deskripsi", "kontak")

KATEGORI_POTENSI: tuple[str, ...] = (
    "Kuliner",
    "Pariwisata",
    "Batik & Kerajinan",
    "Perikanan & Kelautan",
    "Pertanian & Perkebunan",
    "Seni & Budaya",
    "Ekonomi Kreatif & UMKM",
    "Lainnya",
)

STATUS_AKTIVITAS: tuple[str, ...] = ("Aktif", "Kurang Aktif", "Tidak Aktif")

# The default vocabularies (categories, statuses, activity types) as an English page reads them; a region's own
# words: ``label_en`` in wilayah.json.
LABEL_EN: dict[str, str] = {
    "Kuliner": "Culinary", "Pariwisata": "Tourism", "Batik & Kerajinan": "Batik & crafts",
    "Perikanan & Kelautan": "Fisheries & marine", "Pertanian & Perkebunan": "Farming & plantations",
    "Seni & Budaya": "Arts & culture", "Ekonomi Kreatif & UMKM": "Creative economy & small business", "Lainnya": "Other",
    "Aktif": "Active", "Kurang Aktif": "Less active", "Tidak Aktif": "Inactive",
    # the default activity types (geo.masuk.kegiatan.JENIS_KEGIATAN)
    "sosialisasi": "outreach", "pelatihan/bimtek": "training", "produksi": "production", "pameran/bazar": "exhibition/bazaar",
    "liputan/konten": "coverage/content", "rapat": "meeting",
}

# The first status is the "active" one (geo.masuk.wilayah.Wilayah.status_aktif); the order is the rule.

# Okabe-Ito: a qualitative palette that stays distinguishable for the common
# forms of colour blindness; categories take colours in vocabulary order.
PALET_KATEGORI: tuple[str, ...] = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#F0E442",
    "#7F7F7F",
)
