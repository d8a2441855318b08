"""Generate the sample data ``data/kim.csv`` ("data contoh", not real data) for Kota Bontang.

The content (KIM names, potentials, status, dates) is written by hand here so it
is plausible for each kelurahan; the coordinates are placed deterministically
inside the kelurahan polygons of ``data/boundaries.geojson``, at least
``JARAK_TEPI_M`` from their edges and apart from each other, and close to
the kelurahan's interior point in ``data/kelurahan.csv`` (``lintang_titik_dalam``,
``bujur_titik_dalam``, taken from the official boundary data): within
``RADIUS_RELATIF`` × √area and at most ``RADIUS_MAKS_M``, so that the points
stay inside the *official* kelurahan too, not just the schematic ones.
Re-run after the boundaries are regenerated and commit the resulting CSV.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geo.masuk.skema import KATEGORI_POTENSI, KOLOM_KIM, STATUS_AKTIVITAS

KOLOM = list(KOLOM_KIM)  # the core schema, so sample data can never drift from it
KATEGORI = set(KATEGORI_POTENSI)
STATUS = set(STATUS_AKTIVITAS)
# Plausible range of the last activity date for each status (post-pandemic).
RENTANG_TANGGAL = {
    "Aktif": ("2025-01-01", "2026-10-31"),
    "Kurang Aktif": ("2022-01-01", "2024-12-31"),
    "Tidak Aktif": ("2019-01-01", "2021-12-31"),
}

JARAK_TEPI_M = 150.0  # points at least this far from the kelurahan edge (required: 100 m)
KANDIDAT = 12  # candidates per point for best-candidate placement
SEBARAN_RELATIF = 0.12  # spread (std dev) of points, relative to sqrt(kelurahan area)
# Hard limit from the official interior point: schematic and official outlines
# differ most near the edges, so "well inside" means close to that point.
RADIUS_RELATIF = 0.25
RADIUS_MAKS_M = 450.0
BENIH = 20240817  # fixed seed so the coordinates are reproducible


@dataclass(frozen=True)
class Potensi:
    """One potential: category, name, one-sentence description, members, last activity."""

    kategori: str
    nama: str
    deskripsi: str
    anggota: int
    terakhir: str


@dataclass(frozen=True)
class Kim:
    """One KIM; its status applies to its potentials unless STATUS_BERBEDA says otherwise."""

    kode: str
    singkatan: str
    nama: str
    status: str
    potensi: tuple[Potensi, ...]


P = Potensi
DATA: tuple[Kim, ...] = (
    Kim(
        "64.74.01.1001",
        "KUA",
        "KIM Bontang Kuala Bahari",
        "Aktif",
        (
            P(
                "Pariwisata",
                "Wisata Kampung Atas Laut",
                "Pemanduan wisata menyusuri titian kayu kampung di atas laut, lengkap dengan cerita sejarah kampung nelayan.",
                32,
                "2026-09-20",
            ),
            P(
                "Kuliner",
                "Kuliner Hasil Laut Bontang Kuala",
                "Warung di atas titian menyajikan ikan bakar, kepiting, dan gami bawis dari tangkapan nelayan setempat.",
                24,
                "2026-10-04",
            ),
            P(
                "Perikanan & Kelautan",
                "Budidaya Kerapu Keramba Apung",
                "Kelompok nelayan membudidayakan kerapu dan kakap di keramba apung di perairan depan kampung.",
                18,
                "2026-08-15",
            ),
            P(
                "Seni & Budaya",
                "Sanggar Tari Pesisir",
                "Latihan rutin tari pesisir dan musik tingkilan untuk mengisi acara budaya tahunan kampung.",
                20,
                "2026-07-27",
            ),
            P(
                "Batik & Kerajinan",
                "Suvenir Kerang dan Cangkang",
                "Perajin rumahan mengolah kerang dan cangkang laut menjadi gantungan kunci, hiasan dinding, dan suvenir wisata.",
                9,
                "2026-05-30",
            ),
        ),
    ),
    Kim(
        "64.74.01.1002",
        "BBR",
        "KIM Bontang Baru Mandiri",
        "Tidak Aktif",
        (
            P(
                "Ekonomi Kreatif & UMKM",
                "Pasar Kreatif Akhir Pekan",
                "Bazar produk UMKM warga yang dahulu digelar tiap akhir pekan dan terhenti sejak pembatasan kegiatan masa pandemi.",
                14,
                "2020-02-23",
            ),
            P(
                "Kuliner",
                "Kue Tradisional Banjar dan Kutai",
                "Kelompok ibu rumah tangga membuat kue basah tradisional untuk pesanan hajatan, tetapi belum kembali berproduksi bersama.",
                8,
                "2020-11-08",
            ),
            P(
                "Lainnya",
                "Pojok Literasi Warga",
                "Taman baca kecil di balai RT yang menyediakan buku dan pendampingan belajar anak.",
                6,
                "2021-03-14",
            ),
        ),
    ),
    Kim(
        "64.74.01.1003",
        "LTN",
        "KIM Lok Tuan Berseri",
        "Kurang Aktif",
        (
            P(
                "Perikanan & Kelautan",
                "Pengolahan Ikan Asap",
                "Nelayan dan keluarganya mengasapi ikan hasil tangkapan untuk dijual di pasar kelurahan.",
                15,
                "2024-03-10",
            ),
            P(
                "Kuliner",
                "Kuliner Sekitar Pelabuhan",
                "Penjual makanan di sekitar pelabuhan menawarkan nasi kuning dan soto bagi penumpang dan pekerja.",
                12,
                "2023-11-19",
            ),
            P(
                "Batik & Kerajinan",
                "Anyaman Daun Nipah",
                "Perajin menganyam daun nipah menjadi tikar, topi, dan wadah serbaguna.",
                9,
                "2023-06-02",
            ),
            P(
                "Seni & Budaya",
                "Grup Hadrah Remaja",
                "Kelompok hadrah remaja masjid yang tampil pada peringatan hari besar Islam dan acara warga.",
                16,
                "2024-07-21",
            ),
        ),
    ),
    Kim(
        "64.74.01.1004",
        "GTG",
        "KIM Guntung Sejahtera",
        "Tidak Aktif",
        (
            P(
                "Pertanian & Perkebunan",
                "Kebun Sayur Pekarangan",
                "Warga menanam cabai, terong, dan sayuran daun di pekarangan serta lahan tidur sekitar permukiman.",
                11,
                "2021-05-16",
            ),
            P(
                "Perikanan & Kelautan",
                "Budidaya Lele Kolam Terpal",
                "Budidaya lele di kolam terpal yang sempat berjalan dua musim panen sebelum kegiatan kelompok terhenti.",
                7,
                "2020-09-06",
            ),
            P(
                "Ekonomi Kreatif & UMKM",
                "Bank Sampah dan Daur Ulang",
                "Bank sampah warga yang mengolah plastik bekas menjadi tas belanja dan pot bunga.",
                10,
                "2019-12-01",
            ),
        ),
    ),
    Kim(
        "64.74.01.1005",
        "GEL",
        "KIM Gunung Elai Harmoni",
        "Tidak Aktif",
        (
            P(
                "Batik & Kerajinan",
                "Batik Tulis Motif Bontang",
                "Pelatihan batik tulis bermotif mangrove dan biota laut yang sempat menghasilkan kain untuk pameran kota.",
                12,
                "2021-08-12",
            ),
            P(
                "Kuliner",
                "Keripik Singkong dan Pisang",
                "Produksi rumahan keripik singkong dan pisang yang dahulu dipasarkan ke warung sekitar.",
                6,
                "2020-06-21",
            ),
            P(
                "Seni & Budaya",
                "Sanggar Musik Tradisional",
                "Latihan musik gambus dan tingkilan bagi anak muda di balai pertemuan kelurahan.",
                9,
                "2019-10-27",
            ),
        ),
    ),
    Kim(
        "64.74.01.1006",
        "API",
        "KIM Api-api Bersinar",
        "Kurang Aktif",
        (
            P(
                "Kuliner",
                "Kuliner Malam Api-api",
                "Pedagang kaki lima menjajakan sate, martabak, dan minuman hangat di kawasan ramai pada malam hari.",
                19,
                "2024-05-18",
            ),
            P(
                "Ekonomi Kreatif & UMKM",
                "Konveksi dan Sablon Rumahan",
                "Usaha rumahan menerima pesanan kaos, seragam, dan sablon untuk sekolah serta komunitas.",
                8,
                "2023-09-09",
            ),
            P(
                "Lainnya",
                "Pelatihan Jurnalistik Warga",
                "Pelatihan menulis berita dan memotret kegiatan kelurahan untuk kanal informasi KIM.",
                13,
                "2024-02-25",
            ),
        ),
    ),
    Kim(
        "64.74.02.1001",
        "TJL",
        "KIM Tanjung Laut Bersatu",
        "Tidak Aktif",
        (
            P(
                "Perikanan & Kelautan",
                "Kelompok Nelayan Jaring",
                "Kelompok nelayan jaring yang dahulu rutin berbagi informasi cuaca dan harga ikan melalui KIM.",
                15,
                "2021-01-17",
            ),
            P(
                "Kuliner",
                "Amplang Ikan Tenggiri",
                "Produksi amplang ikan tenggiri secara rumahan yang pemasarannya terhenti saat pandemi.",
                7,
                "2020-04-05",
            ),
            P(
                "Pariwisata",
                "Rintisan Wisata Dermaga",
                "Rencana penataan dermaga kecil dan perahu wisata yang belum berlanjut.",
                5,
                "2019-08-18",
            ),
        ),
    ),
    Kim(
        "64.74.02.1002",
        "BBT",
        "KIM Berbas Tengah Maju",
        "Tidak Aktif",
        (
            P(
                "Ekonomi Kreatif & UMKM",
                "Olahan Rumput Laut",
                "Pengolahan rumput laut menjadi dodol dan minuman yang sempat dijual di toko oleh-oleh.",
                9,
                "2020-07-12",
            ),
            P(
                "Seni & Budaya",
                "Kelas Tari Jepen Anak",
                "Kelas tari jepen untuk anak-anak yang berhenti karena belum ada lagi tempat latihan.",
                10,
                "2021-02-28",
            ),
        ),
    ),
    Kim(
        "64.74.02.1003",
        "BBP",
        "KIM Berbas Pantai Samudra",
        "Kurang Aktif",
        (
            P(
                "Perikanan & Kelautan",
                "Ikan Asin dan Ikan Kering",
                "Penjemuran dan pengasinan ikan hasil tangkapan nelayan untuk dijual ke pasar dan pengepul.",
                22,
                "2024-04-14",
            ),
            P(
                "Kuliner",
                "Terasi Udang Rebon",
                "Produksi terasi udang rebon secara tradisional yang dikemas untuk oleh-oleh.",
                11,
                "2023-12-03",
            ),
            P(
                "Kuliner",
                "Amplang dan Kerupuk Ikan",
                "Kelompok pengolah membuat amplang dan kerupuk ikan dengan pesanan yang naik turun sejak pandemi.",
                14,
                "2024-08-11",
            ),
            P(
                "Pariwisata",
                "Perahu Wisata Nelayan",
                "Nelayan menyewakan perahu untuk wisata memancing dan penyeberangan ke pulau-pulau sekitar.",
                8,
                "2022-10-23",
            ),
        ),
    ),
    Kim(
        "64.74.02.1004",
        "STP",
        "KIM Satimpo Cemerlang",
        "Kurang Aktif",
        (
            P(
                "Pertanian & Perkebunan",
                "Madu Kelulut",
                "Budidaya lebah kelulut di pekarangan dan kebun untuk menghasilkan madu khas hutan Kalimantan.",
                12,
                "2024-06-09",
            ),
            P(
                "Pertanian & Perkebunan",
                "Kebun Buah Naga",
                "Petani mengelola kebun buah naga dan menjual hasil panen langsung kepada pembeli.",
                10,
                "2023-03-26",
            ),
            P(
                "Ekonomi Kreatif & UMKM",
                "Kompos Rumah Tangga",
                "Pengolahan sampah organik rumah tangga menjadi kompos kemasan untuk kebun warga.",
                8,
                "2022-11-13",
            ),
        ),
    ),
    Kim(
        "64.74.02.1005",
        "BLS",
        "KIM Bontang Lestari Hijau",
        "Aktif",
        (
            P(
                "Pariwisata",
                "Ekowisata Hutan Mangrove",
                "Jalur titian di hutan mangrove pesisir dengan pemandu warga untuk wisata edukasi dan pengamatan burung.",
                27,
                "2026-10-11",
            ),
            P(
                "Pertanian & Perkebunan",
                "Sayur Hidroponik",
                "Kelompok tani mengelola instalasi hidroponik sayuran daun yang dipasok ke pasar dan rumah makan.",
                16,
                "2026-09-05",
            ),
            P(
                "Perikanan & Kelautan",
                "Tambak Udang dan Bandeng",
                "Pembudidaya mengelola tambak tradisional udang windu dan bandeng di kawasan pesisir.",
                21,
                "2026-08-22",
            ),
            P(
                "Kuliner",
                "Olahan Buah Mangrove",
                "Pengolahan buah mangrove menjadi sirup, dodol, dan keripik sebagai oleh-oleh khas pesisir.",
                14,
                "2026-06-14",
            ),
        ),
    ),
    Kim(
        "64.74.02.1006",
        "TLI",
        "KIM Tanjung Laut Indah Pesisir",
        "Aktif",
        (
            P(
                "Kuliner",
                "Kuliner Hasil Laut Tepi Pantai",
                "Rumah makan warga di tepi laut menyajikan ikan bakar, cumi, dan kerang dengan sambal khas Bontang.",
                26,
                "2026-10-18",
            ),
            P(
                "Perikanan & Kelautan",
                "Pengolahan Ikan Kering",
                "Kelompok pengolah menjemur ikan teri dan ikan layang untuk dijual di pasar kota.",
                19,
                "2026-09-13",
            ),
            P(
                "Kuliner",
                "Amplang dan Terasi Kemasan",
                "Produksi amplang dan terasi dengan kemasan berlabel untuk toko oleh-oleh.",
                13,
                "2026-07-05",
            ),
            P(
                "Pariwisata",
                "Penyeberangan Wisata Pulau",
                "Pemandu dan perahu warga melayani wisatawan menuju pulau-pulau kecil di perairan Bontang.",
                17,
                "2026-08-30",
            ),
        ),
    ),
    Kim(
        "64.74.03.1001",
        "BLB",
        "KIM Belimbing Kreatif",
        "Aktif",
        (
            P(
                "Batik & Kerajinan",
                "Batik Khas Bontang",
                "Kelompok pembatik memproduksi batik cap dan tulis bermotif mangrove, ikan, dan rumput laut.",
                18,
                "2026-09-27",
            ),
            P(
                "Ekonomi Kreatif & UMKM",
                "Galeri Produk UMKM",
                "Etalase bersama untuk memasarkan produk UMKM warga secara langsung dan daring.",
                30,
                "2026-10-09",
            ),
            P(
                "Pertanian & Perkebunan",
                "Kebun Durian dan Rambutan",
                "Petani pekarangan merawat pohon durian dan rambutan yang hasilnya dijual saat musim buah.",
                11,
                "2026-02-15",
            ),
            P(
                "Kuliner",
                "Kue Kering dan Kue Basah",
                "Produksi kue untuk pesanan hari raya dan acara keluarga dengan label produk rumahan.",
                15,
                "2026-04-05",
            ),
        ),
    ),
    Kim(
        "64.74.03.1002",
        "GTL",
        "KIM Gunung Telihan Berkarya",
        "Aktif",
        (
            P(
                "Seni & Budaya",
                "Sanggar Seni Tari dan Musik",
                "Sanggar melatih tari daerah Kalimantan Timur dan musik tradisional untuk pentas di acara kota.",
                28,
                "2026-10-02",
            ),
            P(
                "Batik & Kerajinan",
                "Kerajinan Manik-manik",
                "Perajin membuat kalung, gelang, dan hiasan bermotif khas Kalimantan dari manik-manik.",
                12,
                "2026-08-08",
            ),
            P(
                "Ekonomi Kreatif & UMKM",
                "Konten Kreatif Warga",
                "Pelatihan video dan foto produk untuk membantu UMKM memasarkan dagangan secara daring.",
                20,
                "2026-09-19",
            ),
        ),
    ),
    Kim(
        "64.74.03.1003",
        "KNN",
        "KIM Kanaan Asri",
        "Kurang Aktif",
        (
            P(
                "Pertanian & Perkebunan",
                "Kebun Palawija dan Sayur",
                "Petani menanam jagung, kacang tanah, dan sayuran di lahan kebun sekitar permukiman.",
                14,
                "2023-07-16",
            ),
            P(
                "Pariwisata",
                "Rintisan Wisata Alam Perbukitan",
                "Jalur jalan kaki dan titik pandang di perbukitan yang mulai dirintis warga untuk wisata alam.",
                9,
                "2022-09-04",
            ),
        ),
    ),
)


# Revival is uneven inside a KIM: some groups restarted, others faded. These
# potentials differ from their KIM's status (id_potensi -> status, last activity).
STATUS_BERBEDA: dict[str, tuple[str, str]] = {
    "BTG-KUA-05": ("Kurang Aktif", "2024-06-15"),
    "BTG-LTN-02": ("Aktif", "2026-09-28"),
    "BTG-LTN-03": ("Tidak Aktif", "2021-04-11"),
    "BTG-GEL-01": ("Kurang Aktif", "2023-05-20"),
    "BTG-API-01": ("Aktif", "2026-10-12"),
    "BTG-TJL-02": ("Kurang Aktif", "2023-08-13"),
    "BTG-BBP-03": ("Aktif", "2026-10-20"),
    "BTG-BBP-04": ("Tidak Aktif", "2020-12-06"),
    "BTG-STP-01": ("Aktif", "2026-08-01"),
    "BTG-BLS-02": ("Kurang Aktif", "2024-09-22"),
    "BTG-BLB-03": ("Kurang Aktif", "2024-11-10"),
    "BTG-KNN-01": ("Aktif", "2026-07-19"),
}


def periksa_isi(data: tuple[Kim, ...], referensi: pd.DataFrame) -> None:
    """Catch slips in the hand-written content before any CSV is written."""
    kode_ref = set(referensi.index)
    kode_kim = [k.kode for k in data]
    if sorted(kode_kim) != sorted(kode_ref):
        raise SystemExit("Harus tepat satu KIM untuk setiap kelurahan di tabel referensi.")
    if len({k.singkatan for k in data}) != len(data):
        raise SystemExit("Singkatan kelurahan untuk id_potensi harus unik.")
    for k in data:
        if k.status not in STATUS:
            raise SystemExit(f"Status tidak dikenal: {k.status}")
        if not 2 <= len(k.potensi) <= 5:
            raise SystemExit(f"{k.nama}: jumlah potensi harus 2-5.")
        awal, akhir = RENTANG_TANGGAL[k.status]
        for p in k.potensi:
            if p.kategori not in KATEGORI:
                raise SystemExit(f"Kategori tidak dikenal: {p.kategori}")
            if not 5 <= p.anggota <= 60:
                raise SystemExit(f"{p.nama}: jumlah anggota di luar 5-60.")
            if not awal <= p.terakhir <= akhir:
                raise SystemExit(f"{p.nama}: tanggal {p.terakhir} tidak cocok dengan status {k.status}.")
    for id_potensi, (status, terakhir) in STATUS_BERBEDA.items():
        awal, akhir = RENTANG_TANGGAL[status]
        if not awal <= terakhir <= akhir:
            raise SystemExit(f"{id_potensi}: tanggal {terakhir} tidak cocok dengan status {status}.")


def radius_maks_m(luas_km2: float) -> float:
    """How far from the interior point a sample point may lie, for a kelurahan of this area."""
    return min(RADIUS_MAKS_M, RADIUS_RELATIF * math.sqrt(luas_km2 * 1e6))


def sebar_titik(poligon: BaseGeometry, pusat: Point, sebaran_m: float, jumlah: int, benih: int) -> list[Point]:
    """Random but spread-out points in the polygon, gathered around the settlement.

    Candidates come from a normal spread around the kelurahan's reference point
    (community activities sit near where people live, not in the far corners); the
    one farthest from the points so far wins (Mitchell's best candidate), so points
    do not stack.
    """
    rng = np.random.default_rng(benih)
    titik: list[Point] = []
    for _ in range(jumlah):
        kandidat: list[Point] = []
        while len(kandidat) < KANDIDAT:
            dx, dy = rng.normal(0.0, sebaran_m, size=2)
            p = Point(pusat.x + dx, pusat.y + dy)
            if poligon.contains(p):
                kandidat.append(p)
        if not titik:
            titik.append(kandidat[0])
            continue
        jarak = [min(c.distance(t) for t in titik) for c in kandidat]
        titik.append(kandidat[int(np.argmax(jarak))])
    return titik


def bangun_baris(data: tuple[Kim, ...], referensi: pd.DataFrame, batas: gpd.GeoDataFrame) -> list[list[str]]:
    """Combine the hand-written content with canonical names and placed coordinates."""
    crs_m = batas.estimate_utm_crs()
    batas_m = batas.to_crs(crs_m).set_index("kode")
    baris: list[list[str]] = []
    for kim in sorted(data, key=lambda k: k.kode):
        poligon = batas_m.geometry[kim.kode]
        dalam = poligon.buffer(-JARAK_TEPI_M)
        if dalam.is_empty:
            raise SystemExit(f"Kelurahan {kim.kode} terlalu sempit untuk titik contoh.")
        benih = BENIH ^ zlib.crc32(kim.kode.encode("utf-8"))
        ref = referensi.loc[kim.kode]
        pusat = gpd.GeoSeries(
            gpd.points_from_xy([float(ref["bujur_titik_dalam"])], [float(ref["lintang_titik_dalam"])]), crs="EPSG:4326"
        ).to_crs(crs_m)[0]
        radius = radius_maks_m(float(ref["luas_km2"]))
        sebaran = min(SEBARAN_RELATIF * math.sqrt(poligon.area), radius / 2)
        titik_m = sebar_titik(dalam.intersection(pusat.buffer(radius)), pusat, sebaran, len(kim.potensi), benih)
        titik = gpd.GeoSeries(titik_m, crs=crs_m).to_crs("EPSG:4326")
        for nomor, (p, pt) in enumerate(zip(kim.potensi, titik), start=1):
            id_potensi = f"BTG-{kim.singkatan}-{nomor:02d}"
            status, terakhir = STATUS_BERBEDA.get(id_potensi, (kim.status, p.terakhir))
            kontak = f"Sekretariat {kim.nama} (contoh)" if status != "Tidak Aktif" else ""
            baris.append(
                [
                    id_potensi,
                    kim.nama,
                    kim.kode,
                    str(ref["kelurahan"]),
                    str(ref["kecamatan"]),
                    p.kategori,
                    p.nama,
                    p.deskripsi,
                    status,
                    str(p.anggota),
                    terakhir,
                    f"{pt.y:.6f}",
                    f"{pt.x:.6f}",
                    kontak,
                ]
            )
    return baris


def periksa_titik(baris: list[list[str]], batas: gpd.GeoDataFrame) -> None:
    """Check the rounded coordinates: still inside their kelurahan and away from its edge."""
    crs_m = batas.estimate_utm_crs()
    batas_m = batas.to_crs(crs_m).set_index("kode")
    lintang = [float(b[11]) for b in baris]
    bujur = [float(b[12]) for b in baris]
    titik = gpd.GeoSeries(gpd.points_from_xy(bujur, lintang), crs="EPSG:4326").to_crs(crs_m)
    for b, pt in zip(baris, titik):
        poligon: BaseGeometry = batas_m.geometry[b[2]]
        if not poligon.contains(pt) or poligon.boundary.distance(pt) < 100.0:
            raise SystemExit(f"{b[0]}: titik terlalu dekat tepi atau di luar kelurahannya.")


def tulis_csv(path: Path, baris: list[list[str]]) -> None:
    """UTF-8 without BOM, commas, LF line ends; quoting as the csv module does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        penulis = csv.writer(f, lineterminator="\n")
        penulis.writerow(KOLOM)
        penulis.writerows(baris)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; prints the status mix so it is easy to check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--referensi", type=Path, default=Path("data/kelurahan.csv"))
    parser.add_argument("--batas", type=Path, default=Path("data/boundaries.geojson"))
    parser.add_argument("--out", type=Path, default=Path("data/kim.csv"))
    args = parser.parse_args(argv)

    referensi = pd.read_csv(args.referensi, dtype=str).set_index("kode")
    batas = gpd.read_file(args.batas)
    periksa_isi(DATA, referensi)
    baris = bangun_baris(DATA, referensi, batas)
    periksa_titik(baris, batas)
    tulis_csv(args.out, baris)

    status = Counter(b[8] for b in baris)
    print(f"{len(baris)} potensi dari {len(DATA)} KIM ditulis ke {args.out}")
    for nama in ("Aktif", "Kurang Aktif", "Tidak Aktif"):
        print(f"  {nama:<13} {status[nama]:>3} ({100 * status[nama] / len(baris):.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
