"""A small generated province with every kind of broken KIM row, for equivalence tests.

Three kab/kota, two kecamatan each, four units per kecamatan (24 squares of
0.01°), with names and kecamatan names that repeat, one unit missing from
the boundaries, and rows broken in every column validation checks. The
same file is read and validated by the fast column-wise paths; its report
is pinned in ``test_setara_skala.py`` as recorded from the row-by-row code.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box

from tests.conftest import HEADER

SISI = 0.01
X0, Y0 = 120.0, 0.0
KAB = ("Kabupaten Satu", "Kabupaten Dua", "Kota Tiga")
KEC = (("Barat", "Timur"), ("Timur", "Utara"), ("Pusat", "Pesisir"))
# Four units per kecamatan; "Sukamaju" repeats across kecamatan and kab/kota, "Sukajadi" across kab/kota.
NAMA = (
    ("Sukamaju", "Mekarsari", "Harapan Baru", "Loa Janan"),
    ("Sukamaju", "Sukajadi", "Tanjung Laut", "Api-Api"),
    ("Sukamaju", "Sukajadi", "Bukit Raya", "Sidorejo"),
    ("Telukdalam", "Muara Badak", "Long Ikis", "Batu Ampar"),
    ("Guntung", "Belimbing", "Satimpo", "Berebas Tengah"),
    ("Lok Tuan", "Gunung Elai", "Bontang Baru", "Tanjung Laut Indah"),
)
TANPA_BATAS = "98.03.02.1004"  # in the reference, but its polygon is missing


def unit() -> list[dict]:
    """Every unit: code, names, kab/kota and its square's lower-left corner."""
    hasil = []
    for k, kab in enumerate(KAB):
        for c, kec in enumerate(KEC[k]):
            for d, nama in enumerate(NAMA[2 * k + c]):
                i = len(hasil)
                kota = kab.startswith("Kota")
                kode = f"98.{k + 1:02d}.{c + 1:02d}.{(1001 if kota else 2001) + d}"
                hasil.append({"kode": kode, "kelurahan": nama, "kecamatan": kec, "kabkota": kab,
                              "x": X0 + (i % 6) * SISI, "y": Y0 + (i // 6) * SISI})
    return hasil


def _baris(u: dict, i: int, **ubah: str) -> dict:
    isi = {"id_potensi": f"R-{i:03d}", "nama_kim": f"KIM {u['kelurahan']}", "kode_kelurahan": u["kode"],
           "kelurahan": u["kelurahan"], "kecamatan": u["kecamatan"], "kategori_potensi": "Kuliner",
           "nama_potensi": f"Potensi {i}", "deskripsi": "", "status_aktivitas": "Aktif", "jumlah_anggota": str(3 + i % 20),
           "kegiatan_terakhir": f"2024-{i % 12 + 1:02d}-{i % 27 + 1:02d}", "lintang": f"{u['y'] + SISI * 0.4:.5f}",
           "bujur": f"{u['x'] + SISI * 0.6:.5f}", "kontak": "", "kabkota": u["kabkota"]}
    isi.update(ubah)
    return isi


def baris_rusak() -> list[dict]:
    """Clean rows for every unit, then rows broken in each way the checks know."""
    us = unit()
    by = {u["kode"]: u for u in us}
    u0, u1, u5 = us[0], us[1], us[5]
    rows = [_baris(u, i) for i, u in enumerate(us) if u["kode"] != TANPA_BATAS]
    rusak = [
        # Codes: unknown (with a known name, with an unknown name), malformed, undotted, blank with name.
        {"kode_kelurahan": "98.01.01.2999"}, {"kode_kelurahan": "98.09.09.9999", "kelurahan": "Tak Ada"},
        {"kode_kelurahan": "98-01-abc"}, {"kode_kelurahan": "9801012002", "kelurahan": "Mekarsari"},
        {"kode_kelurahan": " 98.01.01.2002 ", "kelurahan": "Mekarsari"},
        {"kode_kelurahan": "", "kelurahan": "Mekarsari"}, {"kode_kelurahan": "", "kelurahan": "Kel. Mekarsari"},
        # Names: mismatch with the code, homonyms (resolved by kecamatan, by kab/kota, still ambiguous), unknown.
        {"kelurahan": "Beta"}, {"kelurahan": "Sukajadi"},
        {"kode_kelurahan": "", "kelurahan": "Sukamaju", "kecamatan": "Barat"},
        {"kode_kelurahan": "", "kelurahan": "Sukamaju", "kecamatan": "Timur", "kabkota": "Kabupaten Dua"},
        {"kode_kelurahan": "", "kelurahan": "Sukamaju", "kecamatan": "Timur", "kabkota": ""},
        {"kode_kelurahan": "", "kelurahan": "Sukamaju", "kecamatan": "", "kabkota": ""},
        {"kode_kelurahan": "", "kelurahan": "Sukajadi", "kecamatan": "", "kabkota": ""},
        {"kode_kelurahan": "", "kelurahan": "Mekarsary"}, {"kode_kelurahan": "", "kelurahan": "Zzzqqq"},
        {"kode_kelurahan": "", "kelurahan": ""}, {"kecamatan": "Salah Kecamatan"}, {"kecamatan": "BARAT"},
        # A unit without a polygon, a point in a neighbouring unit.
        {"kode_kelurahan": TANPA_BATAS, "kelurahan": "Tanjung Laut Indah", "kecamatan": "Pesisir",
             "lintang": f"{by[TANPA_BATAS]['y'] + 0.004:.5f}", "bujur": f"{by[TANPA_BATAS]['x'] + 0.006:.5f}"},
        {"bujur": f"{u1['x'] + 0.005:.5f}"},
        # Coordinates: blank, not a number, decimal comma, swapped, out of range, far outside, just outside.
        {"lintang": ""}, {"bujur": ""}, {"lintang": "abc"}, {"bujur": "1o0.5"}, {"lintang": "0,00400", "bujur": "120,00600"},
        {"lintang": f"{u0['x'] + 0.006:.5f}", "bujur": f"{u0['y'] + 0.004:.5f}"}, {"lintang": "95", "bujur": "120.0"},
        {"lintang": "-95.5", "bujur": "500"}, {"lintang": "0.01", "bujur": "200"}, {"lintang": "-0.5", "bujur": "120.02"},
        {"lintang": "-0.001", "bujur": "120.005"}, {"lintang": "inf"}, {"lintang": "nan"}, {"lintang": "1e-3"},
        {"lintang": " 0.004 ", "bujur": "\u2212120.006"}, {"lintang": "0.004.5"},
        # Dates: other formats, impossible, unknown, future, with a time.
        {"kegiatan_terakhir": "13/07/2022"}, {"kegiatan_terakhir": "13-07-2022"}, {"kegiatan_terakhir": "13.07.2022"},
        {"kegiatan_terakhir": "2022/07/13"}, {"kegiatan_terakhir": "13/07/22"}, {"kegiatan_terakhir": "1/7/2022"},
        {"kegiatan_terakhir": "2022-02-30"}, {"kegiatan_terakhir": "31/02/2022"}, {"kegiatan_terakhir": "kemarin"},
        {"kegiatan_terakhir": "2099-01-01"}, {"kegiatan_terakhir": "2022-07-13 10:30"}, {"kegiatan_terakhir": "2022-13-01"},
        # Members: thousands, decimal zero, fraction, negative, exponent, text, blank.
        {"jumlah_anggota": "1.250"}, {"jumlah_anggota": "12,0"}, {"jumlah_anggota": "2,5"}, {"jumlah_anggota": "-4"},
        {"jumlah_anggota": "1e3"}, {"jumlah_anggota": "dua puluh"}, {"jumlah_anggota": ""}, {"jumlah_anggota": " 7 "},
        # Vocabularies: other spellings, near misses, unknown.
        {"kategori_potensi": "kuliner"}, {"kategori_potensi": "Batik dan Kerajinan"}, {"kategori_potensi": "Kulinerr"},
        {"kategori_potensi": "Otomotif"}, {"status_aktivitas": "aktif"}, {"status_aktivitas": "Aktip"},
        {"status_aktivitas": "Vakum"}, {"status_aktivitas": "KURANG AKTIF"},
        # Required cells, ids (duplicate, look-alike), formula protection.
        {"id_potensi": ""}, {"nama_kim": ""}, {"nama_potensi": ""}, {"kategori_potensi": ""}, {"status_aktivitas": ""},
        {"id_potensi": "R-001"}, {"id_potensi": "R-0\u200b02"}, {"id_potensi": "R\u2011003"},
        {"nama_potensi": "'=HYPERLINK(\"http://x\")"}, {"nama_potensi": "'-5"}, {"nama_potensi": "'Biasa"},
        {"deskripsi": "'+62 812"}, {"kontak": "  spasi  "},
    ]
    for j, ubah in enumerate(rusak):
        rows.append(_baris(u5 if j % 2 else u0, 100 + j, **ubah))
    return rows


def tulis(dir: Path) -> dict[str, Path]:
    """Write the reference, boundaries, wilayah.json and the broken kim.csv; returns their paths."""
    dir.mkdir(parents=True, exist_ok=True)
    us = unit()
    ref = dir / "kelurahan.csv"
    with ref.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kode", "kelurahan", "kecamatan", "kode_kecamatan", "kabkota", "kode_kabkota", "luas_km2", "alias"])
        for u in us:
            alias = "Kel. Api Api|Apiapi" if u["kelurahan"] == "Api-Api" else ""
            w.writerow([u["kode"], u["kelurahan"], u["kecamatan"], u["kode"][:8], u["kabkota"], u["kode"][:5], 1.23, alias])
    ada = [u for u in us if u["kode"] != TANPA_BATAS]
    batas = dir / "boundaries.geojson"
    gpd.GeoDataFrame({"kode": [u["kode"] for u in ada], "sumber": "uji skematik"},
                     geometry=[box(u["x"], u["y"], u["x"] + SISI, u["y"] + SISI) for u in ada],
                     crs="EPSG:4326").to_file(batas, driver="GeoJSON")
    wil = dir / "wilayah.json"
    wil.write_text(json.dumps({"nama": "Provinsi Uji", "kode": "98", "data_contoh": True}), encoding="utf-8")
    header = [*HEADER, "kabkota", "catatan"]
    kim = dir / "kim.csv"
    with kim.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for i, b in enumerate(baris_rusak()):
            if i == 30:
                w.writerow([h.upper() if j == 0 else h for j, h in enumerate(header)])  # a repeated header
            w.writerow([b.get(h, "") for h in header])
    return {"kim": kim, "batas": batas, "referensi": ref, "wilayah": wil}
