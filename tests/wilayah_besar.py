"""A generated region of any size (e.g. 1,000 kelurahan) for tests and benchmarks."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box

from tests.conftest import HEADER, Wilayah

_KATEGORI = ["Kuliner", "Pariwisata", "Batik & Kerajinan", "Perikanan & Kelautan", "Seni & Budaya", "Lainnya"]
_STATUS = ["Aktif", "Kurang Aktif", "Tidak Aktif"]
SISI = 0.01  # degrees


def buat_wilayah_besar(dir: Path, unit: int = 1000, per_unit: int = 2, per_kecamatan: int = 50) -> Wilayah:
    """``unit`` square kelurahan in a grid, ``per_unit`` potentials in each (all valid)."""
    dir.mkdir(parents=True, exist_ok=True)
    lebar = max(1, int(unit ** 0.5))
    ref, kotak, baris = [], [], []
    for i in range(unit):
        kec = i // per_kecamatan + 1
        kode = f"98.01.{kec:02d}.{i + 1:04d}"
        nama = f"Unit {i + 1:04d}"
        x0, y0 = 100.0 + (i % lebar) * SISI, (i // lebar) * SISI
        ref.append((kode, nama, f"Kecamatan {kec:02d}", f"98.01.{kec:02d}", round(SISI * SISI * 12321, 2), ""))
        kotak.append(box(x0, y0, x0 + SISI, y0 + SISI))
        for j in range(per_unit):
            n = i * per_unit + j
            baris.append([
                f"U{i + 1:04d}-{j + 1:02d}", f"KIM {nama}", kode, nama, f"Kecamatan {kec:02d}", _KATEGORI[n % len(_KATEGORI)],
                f"Potensi {n}", "", _STATUS[n % len(_STATUS)], str(n % 40), f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                f"{y0 + SISI * (0.3 + 0.2 * j):.6f}", f"{x0 + SISI * (0.4 + 0.1 * j):.6f}", "",
            ])
    referensi = dir / "kelurahan.csv"
    with referensi.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kode", "kelurahan", "kecamatan", "kode_kecamatan", "luas_km2", "alias"])
        w.writerows(ref)
    wilayah = dir / "wilayah.json"
    wilayah.write_text(json.dumps({"nama": "Provinsi Uji", "slug": "provinsi-uji", "data_contoh": True}), encoding="utf-8")
    batas = dir / "boundaries.geojson"
    gpd.GeoDataFrame({"kode": [r[0] for r in ref], "sumber": ["Batas skematik uji"] * unit}, geometry=kotak,
                     crs="EPSG:4326").to_file(batas, driver="GeoJSON")
    w = Wilayah(dir, dir / "kim.csv", batas, referensi, wilayah)
    w.tulis_kim(baris, HEADER)
    return w
