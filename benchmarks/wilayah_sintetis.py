"""Made-up regions for benchmarks: N kelurahan with realistic boundaries, written to a temp dir.

``buat_wilayah(n_unit, dir, seed)`` writes a valid coverage (Voronoi cells,
densified and gently wobbled so shared edges stay shared, a few hundred
vertices per unit like an official 1:10,000 file after a 5 m simplification),
codes ``PP.KK.CC.DDDD``, the reference table, ``wilayah.json`` and three KIM
rows per unit. ``batas_gaya_resmi(dir)`` turns the shipped boundaries into an
official-style (BIG) file and imports it with ``--simplify-m 5``. Nothing is
ever written into ``data/``.

    python benchmarks/wilayah_sintetis.py 1000 /tmp/wilayah1000
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

PROYEK = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROYEK))

UTM_50N = "EPSG:32650"
_KATEGORI = ["Kuliner", "Pariwisata", "Batik & Kerajinan", "Perikanan & Kelautan", "Pertanian & Perkebunan",
             "Seni & Budaya", "Ekonomi Kreatif & UMKM", "Lainnya"]
_STATUS = ["Aktif", "Kurang Aktif", "Tidak Aktif"]
_HEADER = ["id_potensi", "nama_kim", "kode_kelurahan", "kelurahan", "kecamatan", "kategori_potensi", "nama_potensi",
           "deskripsi", "status_aktivitas", "jumlah_anggota", "kegiatan_terakhir", "lintang", "bujur", "kontak"]
UNIT_PER_KECAMATAN = 20


@dataclass(frozen=True)
class PathWilayah:
    """The four files of a region; ``env()`` gives the KIM_* variables pointing at them."""

    kim: Path
    batas: Path
    referensi: Path
    wilayah: Path

    def env(self) -> dict[str, str]:
        return {"KIM_CSV": str(self.kim), "KIM_BOUNDARIES": str(self.batas),
                "KIM_REFERENSI": str(self.referensi), "KIM_WILAYAH": str(self.wilayah)}


def _goyang(xy: np.ndarray) -> np.ndarray:
    """A deterministic wobble per coordinate (metres), so neighbours keep identical edges."""
    return np.column_stack([xy[:, 0] + 6.0 * np.sin(xy[:, 1] / 37.0), xy[:, 1] + 6.0 * np.cos(xy[:, 0] / 41.0)])


def _goyang_halus(xy: np.ndarray) -> np.ndarray:
    return np.column_stack([xy[:, 0] + 1.5 * np.sin(xy[:, 1] / 9.0), xy[:, 1] + 1.5 * np.cos(xy[:, 0] / 11.0)])


def _sel(n_unit: int, rng: np.random.Generator) -> np.ndarray:
    """Voronoi cells of jittered grid points over a square of ~3 km² per unit (UTM metres)."""
    sisi = int(np.ceil(np.sqrt(n_unit)))
    jarak = 1800.0
    gx, gy = np.meshgrid(np.arange(sisi), np.arange(sisi))
    titik = np.column_stack([gx.ravel(), gy.ravel()])[:n_unit].astype(float) * jarak
    titik += rng.uniform(-0.3, 0.3, titik.shape) * jarak
    x0, y0 = 500_000.0, 10_000.0
    titik += [x0, y0]
    kotak = shapely.box(*(titik.min(axis=0) - jarak / 2), *(titik.max(axis=0) + jarak / 2))
    sel = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(titik), extend_to=kotak))
    sel = shapely.intersection(sel, kotak)
    # Voronoi output order is not the input order: match each cell to the point it contains.
    pohon = shapely.STRtree(sel)
    urut = pohon.query(shapely.points(titik), predicate="within")
    hasil = np.empty(n_unit, dtype=object)
    hasil[urut[0]] = sel[urut[1]]
    return hasil


def buat_wilayah(n_unit: int, dir: Path | str, seed: int = 0) -> PathWilayah:
    """Write a region of ``n_unit`` kelurahan into ``dir`` and return its paths."""
    rng = np.random.default_rng(seed)
    dir = Path(dir)
    dir.mkdir(parents=True, exist_ok=True)
    sel = _sel(n_unit, rng)
    # ~10 m segments then a 5 m simplification: a few hundred vertices per unit, as after an import.
    # Snapped to 1 cm: an edge segmentized from either side gets bit-identical vertices (a valid coverage).
    padat = shapely.set_precision(shapely.transform(shapely.segmentize(sel, 10.0), _goyang), 0.01)
    geom = gpd.GeoSeries(padat, crs=UTM_50N).simplify_coverage(5.0)
    luas = (geom.area / 1e6).round(2).to_numpy()
    geom = geom.to_crs("EPSG:4326")

    i = np.arange(n_unit)
    kec = i // UNIT_PER_KECAMATAN
    kk = 1 + kec // 99
    cc = 1 + kec % 99
    kode_kec = [f"64.{a:02d}.{b:02d}" for a, b in zip(kk, cc)]
    kode = [f"{k}.{1001 + j % UNIT_PER_KECAMATAN}" for k, j in zip(kode_kec, i)]
    nama = [f"Kelurahan Sintetis {j + 1}" for j in i]
    nama_kec = [f"Kecamatan Sintetis {k + 1}" for k in kec]
    batas = gpd.GeoDataFrame({"kode": kode, "kelurahan": nama, "kecamatan": nama_kec, "kode_kecamatan": kode_kec,
                              "luas_km2": luas, "sumber": "Batas sintetis untuk benchmark (bukan batas resmi)"},
                             geometry=geom.to_numpy(), crs="EPSG:4326")
    path = PathWilayah(dir / "kim.csv", dir / "boundaries.geojson", dir / "kelurahan.csv", dir / "wilayah.json")
    batas.to_file(path.batas, driver="GeoJSON")
    dalam = shapely.point_on_surface(geom.to_numpy())
    with path.referensi.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kode", "kelurahan", "kecamatan", "kode_kecamatan", "luas_km2", "lintang_titik_dalam", "bujur_titik_dalam", "alias"])
        for j in i:
            w.writerow([kode[j], nama[j], nama_kec[j], kode_kec[j], luas[j], round(dalam[j].y, 6), round(dalam[j].x, 6), ""])
    minx, miny, maxx, maxy = (float(v) for v in batas.total_bounds)
    path.wilayah.write_text(json.dumps({"nama": f"Wilayah Sintetis {n_unit}", "slug": f"sintetis-{n_unit}", "kode": "64",
                                        "batas_bbox": [round(minx, 4), round(miny, 4), round(maxx, 4), round(maxy, 4)],
                                        "data_contoh": True}), encoding="utf-8")
    # Three potentials per unit, near the point inside it (a few metres away, still inside).
    with path.kim.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(_HEADER)
        for j in i:
            for r in range(3):
                x, y = dalam[j].x + (r - 1) * 2e-5, dalam[j].y + (r - 1) * 2e-5
                w.writerow([f"SIN-{j:05d}-{r}", f"KIM Sintetis {j + 1}", kode[j], nama[j], nama_kec[j],
                            _KATEGORI[int(rng.integers(len(_KATEGORI)))], f"Potensi {r + 1} kelurahan {j + 1}", "",
                            _STATUS[int(rng.integers(len(_STATUS)))], int(rng.integers(3, 40)),
                            f"2025-{1 + int(rng.integers(12)):02d}-{1 + int(rng.integers(28)):02d}", f"{y:.6f}", f"{x:.6f}", ""])
    return path


def batas_gaya_resmi(dir: Path | str) -> PathWilayah:
    """The shipped data with its boundaries re-made as a BIG file and imported with ``--simplify-m 5``."""
    from geo.impor.alur import impor_batas

    dir = Path(dir)
    dir.mkdir(parents=True, exist_ok=True)
    for nama in ("kim.csv", "kelurahan.csv", "wilayah.json", "boundaries.geojson"):
        shutil.copy(PROYEK / "data" / nama, dir / nama)
    asli = gpd.read_file(PROYEK / "data" / "boundaries.geojson").to_crs(UTM_50N)
    # Dense (2 m) and wobbly like a 1:10,000 survey, in UTM 50N with Z, as BIG ships it.
    geom = shapely.set_precision(shapely.transform(shapely.segmentize(asli.geometry.to_numpy(), 2.0), _goyang_halus), 0.001)
    big = gpd.GeoDataFrame({"KDEPUM": asli["kode"], "NAMOBJ": asli["kelurahan"], "WADMKD": asli["kelurahan"],
                            "WADMKC": asli["kecamatan"], "KDCPUM": asli["kode_kecamatan"]},
                           geometry=shapely.force_3d(geom, 0.0), crs=UTM_50N)
    src = dir / "BATAS_DESA_KELURAHAN_BIG.geojson"
    big.to_file(src, driver="GeoJSON")
    path = PathWilayah(dir / "kim.csv", dir / "boundaries.geojson", dir / "kelurahan.csv", dir / "wilayah.json")
    lama = {k: os.environ.get(k) for k in path.env()}
    os.environ.update(path.env())  # the importer reads the reference, region and KIM files from KIM_*
    try:
        impor_batas(src, out=path.batas, toleransi_m=5)
    finally:
        for k, v in lama.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return path


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    tujuan = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp") / f"wilayah_sintetis_{n}"
    p = buat_wilayah(n, tujuan)
    sys.stdout.write(json.dumps(p.env(), indent=1) + "\n")
