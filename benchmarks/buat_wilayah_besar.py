"""Generate a synthetic province or country for benchmarks and drill-down tests.

``buat_wilayah_besar(n_unit, dir, seed)`` writes a reference table with every
level (``kelurahan.csv``), boundaries (GeoJSON, or FlatGeobuf for big
regions), ``wilayah.json`` and a KIM table, all made up and labelled as
such. The boundaries are a valid coverage: a grid whose shared edges wiggle
identically on both sides, so there are no gaps or overlaps, with a
realistic number of vertices per unit. Names repeat on purpose (across the
region and between kecamatan of one kab/kota), as Indonesia's do.

Never writes into ``data/``::

    python benchmarks/buat_wilayah_besar.py --unit 83000 --baris 400000 --dir /tmp/nasional
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

AKAR = Path(__file__).resolve().parent.parent
UKURAN_SEL = 0.02  # degrees, ~2.2 km: a middling desa
_AWAL = ["Suka", "Sumber", "Karang", "Tanjung", "Muara", "Sungai", "Batu", "Teluk", "Bukit", "Loa", "Long", "Sido",
         "Mekar", "Jaya", "Tani", "Marga", "Harapan", "Bina", "Rukun", "Sri"]
_AKHIR = ["maju", "jadi", "makmur", "rejo", "mulya", "sari", "baru", "indah", "harapan", "raya", "jaya", "agung",
          "asih", "tengah", "lestari", "damai"]
_KATEGORI = ["Kuliner", "Pariwisata", "Batik & Kerajinan", "Perikanan & Kelautan", "Pertanian & Perkebunan",
             "Seni & Budaya", "Ekonomi Kreatif & UMKM", "Lainnya"]
_STATUS = ["Aktif", "Kurang Aktif", "Tidak Aktif"]
# A national install raises the file limits (geo.masuk.batasan) that protect a city's server.
BATAS_NASIONAL = {"KIM_BATAS_UNGGAH_MB": "500", "KIM_BATAS_BARIS": "1000000"}


@dataclass(frozen=True)
class BerkasWilayah:
    """Paths of one generated region."""

    dir: Path
    kim: Path
    batas: Path
    referensi: Path
    wilayah: Path
    n_unit: int
    n_kabkota: int

    def env(self) -> dict[str, str]:
        return {"KIM_CSV": str(self.kim), "KIM_BOUNDARIES": str(self.batas),
                "KIM_REFERENSI": str(self.referensi), "KIM_WILAYAH": str(self.wilayah), **BATAS_NASIONAL}


def _morton(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Z-order key: cutting this order into runs gives compact blocks (kecamatan, kab/kota)."""
    kunci = np.zeros_like(x, dtype=np.int64)
    for b in range(16):
        kunci |= ((x >> b) & 1) << (2 * b) | ((y >> b) & 1) << (2 * b + 1)
    return kunci


def _potong(n: int, bagian: int) -> np.ndarray:
    """Index of the run (0..bagian-1) each of n ordered items falls in, runs of near-equal length."""
    return (np.arange(n) * bagian) // n


def _bersarang(induk: np.ndarray, per_induk: float) -> np.ndarray:
    """Global index of child runs cut inside each parent run (about ``per_induk`` children each)."""
    pos = _urutan_di(np.arange(len(induk)), induk)
    ukuran = np.bincount(induk)[induk]
    bagian = np.maximum(1, np.round(per_induk)).astype(int)
    lokal = pos * bagian // ukuran
    baru = np.r_[True, (induk[1:] != induk[:-1]) | (lokal[1:] != lokal[:-1])]
    return np.cumsum(baru) - 1


def _urutan_di(anak: np.ndarray, induk: np.ndarray) -> np.ndarray:
    """0-based number of each (non-decreasing) child value within its parent's run."""
    awal = np.r_[True, induk[1:] != induk[:-1]]
    return anak - np.maximum.accumulate(np.where(awal, anak, 0))


def _sisi(rng: np.random.Generator, n_sisi: int, titik: int, amplitudo: float) -> np.ndarray:
    """Perpendicular offsets for ``titik`` inner points of each edge, tapered to zero at the corners."""
    t = np.arange(1, titik + 1) / (titik + 1)
    return rng.uniform(-amplitudo, amplitudo, (n_sisi, titik)) * np.sin(np.pi * t) ** 2


def _geometri(nx: int, ny: int, x: np.ndarray, y: np.ndarray, rng: np.random.Generator, titik: int,
              x0: float, y0: float) -> np.ndarray:
    """Polygons of cells (x, y): shared edges get the same wiggle from both sides."""
    a = 0.12  # in cell units: about 260 m of wiggle on a 2.2 km desa
    datar = _sisi(rng, (nx) * (ny + 1), titik, a).reshape(ny + 1, nx, titik)  # horizontal edge (row j, col i)
    tegak = _sisi(rng, (nx + 1) * ny, titik, a).reshape(ny, nx + 1, titik)  # vertical edge (row j, col i)
    t = np.arange(1, titik + 1) / (titik + 1)
    X, Y = x[:, None], y[:, None]
    bawah = np.stack([X + t, Y + datar[y, x]], axis=-1)
    kanan = np.stack([X + 1 + tegak[y, x + 1], Y + t], axis=-1)
    atas = np.stack([X + t, Y + 1 + datar[y + 1, x]], axis=-1)[:, ::-1]
    kiri = np.stack([X + tegak[y, x], Y + t], axis=-1)[:, ::-1]
    sudut = lambda dx, dy: np.stack([X + dx, Y + dy], axis=-1).astype(float)
    cincin = np.concatenate([sudut(0, 0), bawah, sudut(1, 0), kanan, sudut(1, 1), atas, sudut(0, 1), kiri, sudut(0, 0)], axis=1)
    cincin = cincin * UKURAN_SEL + np.array([x0, y0])
    return shapely.polygons(cincin)


def _nama(rng: np.random.Generator, n: int) -> np.ndarray:
    pool = np.array([a + b for a in _AWAL for b in _AKHIR])  # 320 names: they repeat, as in real data
    return pool[rng.integers(0, len(pool), n)]


def buat_wilayah_besar(n_unit: int, dir: Path | str, seed: int = 0, n_kabkota: int | None = None,
                       n_baris: int | None = None, titik_per_sisi: int = 30, format_batas: str | None = None) -> BerkasWilayah:
    """Write a made-up region of ``n_unit`` desa/kelurahan into ``dir``; returns the paths.

    Levels scale like Indonesia's: ~11 desa per kecamatan, ~160 per kab/kota
    (10 kab/kota for a 1,000-unit province), ~2,200 per province.
    """
    dir = Path(dir).resolve()
    if dir == (AKAR / "data") or AKAR / "data" in dir.parents:
        raise ValueError("Generator tidak boleh menulis ke data/.")
    dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    n_prov = max(1, round(n_unit / 2200))
    n_kab = n_kabkota or max(n_prov, round(n_unit / 160) if n_unit > 2000 else 10)
    n_kec = max(n_kab, round(n_unit / 11))
    nx = math.ceil(math.sqrt(n_unit))
    ny = math.ceil(n_unit / nx)
    gx, gy = np.meshgrid(np.arange(nx), np.arange(ny))
    x, y = gx.ravel(), gy.ravel()
    urut = np.argsort(_morton(x, y), kind="stable")[:n_unit]
    x, y = x[urut], y[urut]
    prov = _potong(n_unit, n_prov)
    kab = _bersarang(prov, n_kab / n_prov)  # runs nest: a kab/kota never straddles two provinces
    kec = _bersarang(kab, n_kec / n_kab)
    n_kab, n_kec = int(kab[-1]) + 1, int(kec[-1]) + 1

    kab_di_prov, kec_di_kab = _urutan_di(kab, prov), _urutan_di(kec, kab)
    ds_di_kec = _urutan_di(np.arange(n_unit), kec)
    kota = (kab_di_prov % 5) == 4  # every fifth kab/kota of a province is a kota (codes from 71), kelurahan only
    kode_prov = np.char.zfill((11 + prov).astype(str), 2)
    kode_kab_lokal = np.where(kota, 71 + kab_di_prov // 5, 1 + kab_di_prov - (kab_di_prov + 1) // 5)
    kode_kab = np.char.add(np.char.add(kode_prov, "."), np.char.zfill(kode_kab_lokal.astype(str), 2))
    kode_kec = np.char.add(np.char.add(kode_kab, "."), np.char.zfill((1 + kec_di_kab).astype(str), 2))
    kelurahan = kota | (rng.random(n_unit) < 0.15)
    kode = np.char.add(np.char.add(kode_kec, "."), (np.where(kelurahan, 1001, 2001) + ds_di_kec).astype(str))

    nama = _nama(rng, n_unit)
    # Names stay unique inside one kecamatan (as Kemendagri's do), so the kecamatan resolves any homonym.
    ganda = pd.DataFrame({"kec": kec, "nama": nama}).duplicated(["kec", "nama"]).to_numpy()
    nama = np.where(ganda, np.char.add(nama, np.char.add(" ", (1 + ds_di_kec).astype(str))), nama)
    # Kecamatan names repeat across kab/kota but not inside one, as in Kemendagri's table.
    nama_kec_unik = _nama(np.random.default_rng(seed + 1), n_kec)
    kab_kec = kab[np.searchsorted(kec, np.arange(n_kec))]
    ulang = pd.DataFrame({"kab": kab_kec, "nama": nama_kec_unik}).duplicated().to_numpy()
    nama_kec_unik = np.where(ulang, np.char.add(nama_kec_unik, np.char.add(" ", np.arange(n_kec).astype(str))), nama_kec_unik)
    nama_kec = nama_kec_unik[kec]
    nama_kab = np.where(kota, np.char.add("Kota Sintetis ", (1 + kab).astype(str)), np.char.add("Kabupaten Sintetis ", (1 + kab).astype(str)))
    nama_prov = np.char.add("Provinsi Sintetis ", (1 + prov).astype(str))

    x0, y0 = 100.0, -3.0
    geometri = _geometri(nx, ny, x, y, rng, titik_per_sisi, x0, y0)
    luas = np.full(n_unit, round((UKURAN_SEL * 111.32) ** 2, 2))
    ref = pd.DataFrame({"kode": kode, "kelurahan": nama, "kecamatan": nama_kec, "kode_kecamatan": kode_kec,
                        "kabkota": nama_kab, "kode_kabkota": kode_kab, "provinsi": nama_prov, "kode_provinsi": kode_prov,
                        "luas_km2": luas, "alias": ""})
    if ref["kode"].duplicated().any():  # a generator bug, not a data problem: fail loudly
        raise AssertionError("kode ganda dalam wilayah sintetis")
    path_ref = dir / "kelurahan.csv"
    ref.to_csv(path_ref, index=False)
    gdf = gpd.GeoDataFrame({"kode": kode, "kelurahan": nama, "kecamatan": nama_kec, "luas_km2": luas,
                            "sumber": "sintetis (skematik, data contoh)"}, geometry=geometri, crs="EPSG:4326")
    format_batas = format_batas or ("geojson" if n_unit <= 5000 else "fgb")
    path_batas = dir / f"boundaries.{format_batas}"
    gdf.to_file(path_batas, driver="GeoJSON" if format_batas == "geojson" else "FlatGeobuf", engine="pyogrio")

    n_baris = n_baris if n_baris is not None else 5 * n_unit
    unit = rng.integers(0, n_unit, n_baris)
    cx = x0 + (x[unit] + 0.5 + rng.uniform(-0.3, 0.3, n_baris)) * UKURAN_SEL
    cy = y0 + (y[unit] + 0.5 + rng.uniform(-0.3, 0.3, n_baris)) * UKURAN_SEL
    hari = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 1800, n_baris), unit="D")
    iso = rng.random(n_baris) < 0.7
    tanggal = np.where(iso, hari.strftime("%Y-%m-%d"), hari.strftime("%d/%m/%Y"))
    tanpa_kode = rng.random(n_baris) < 0.02  # named only: resolved through the name and the kecamatan
    kim = pd.DataFrame({
        "id_potensi": np.char.add("SIN-", np.arange(1, n_baris + 1).astype(str)),
        "nama_kim": np.char.add("KIM ", nama[unit]),
        "kode_kelurahan": np.where(tanpa_kode, "", kode[unit]),
        "kelurahan": nama[unit], "kecamatan": nama_kec[unit],
        "kategori_potensi": np.array(_KATEGORI)[rng.integers(0, len(_KATEGORI), n_baris)],
        "nama_potensi": np.char.add("Potensi ", np.arange(1, n_baris + 1).astype(str)),
        "deskripsi": "Data contoh sintetis.",
        "status_aktivitas": np.array(_STATUS)[rng.choice(3, n_baris, p=[0.55, 0.3, 0.15])],
        "jumlah_anggota": rng.integers(3, 60, n_baris),
        "kegiatan_terakhir": tanggal,
        "lintang": np.round(cy, 6), "bujur": np.round(cx, 6),
        "kontak": "",
        # Kecamatan names repeat across kab/kota too: the kab/kota settles rows that carry a name only.
        "kabkota": nama_kab[unit],
    })
    path_kim = dir / "kim.csv"
    kim.to_csv(path_kim, index=False, quoting=csv.QUOTE_MINIMAL)
    bbox = [round(float(v), 4) for v in gdf.total_bounds]
    nama_wil = str(nama_prov[0]) if n_prov == 1 else "Indonesia (sintetis)"
    path_wil = dir / "wilayah.json"
    path_wil.write_text(json.dumps({"nama": nama_wil, "slug": "sintetis", "kode": str(kode_prov[0]) if n_prov == 1 else "",
                                    "batas_bbox": bbox, "data_contoh": True}, ensure_ascii=False, indent=2), encoding="utf-8")
    return BerkasWilayah(dir, path_kim, path_batas, path_ref, path_wil, n_unit, n_kab)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--unit", type=int, default=1000)
    p.add_argument("--baris", type=int, default=None, help="baris KIM (bawaan: 5 per unit)")
    p.add_argument("--dir", type=Path, required=True)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    b = buat_wilayah_besar(a.unit, a.dir, a.seed, n_baris=a.baris)
    print(json.dumps(b.env(), indent=2))


if __name__ == "__main__":
    main()
