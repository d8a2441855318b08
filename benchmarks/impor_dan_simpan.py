"""How long a boundary import and a KIM save take on realistic sizes.

Run: ``python benchmarks/impor_dan_simpan.py``. Works on temporary copies;
the repository's data/ is never written. Prints seconds per step.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))


def _provinsi(tujuan: Path, jumlah_kota: int = 10) -> Path:
    """A BIG-style province file: the Bontang kelurahan densified to 2 m, copied for other kota codes."""
    asli = gpd.read_file(PROJECT / "data" / "boundaries.geojson").to_crs("EPSG:32650")
    geom = shapely.segmentize(asli.geometry.to_numpy(), 2.0)
    bagian = []
    for i in range(jumlah_kota):
        kode_kota = f"64.{71 + i:02d}"
        geser = shapely.transform(geom, lambda xy, dx=i * 30_000.0: xy + np.array([dx, 0.0]))
        bagian.append(gpd.GeoDataFrame({
            "KDEPUM": asli["kode"].str.replace("64.74", kode_kota, regex=False), "NAMOBJ": asli["kelurahan"],
            "WADMKD": asli["kelurahan"], "WADMKC": asli["kecamatan"],
        }, geometry=shapely.force_3d(geser, 0.0), crs="EPSG:32650"))
    gdf = pd.concat(bagian, ignore_index=True)
    path = tujuan / "provinsi.gpkg"
    gdf.to_file(path, driver="GPKG")
    print(f"sumber: {len(gdf)} fitur, {int(shapely.get_num_coordinates(gdf.geometry.to_numpy()).sum()):,} titik, "
          f"{path.stat().st_size / 1e6:.1f} MB")
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for nama in ("kim.csv", "kelurahan.csv", "wilayah.json", "boundaries.geojson"):
            shutil.copy(PROJECT / "data" / nama, tmp / nama)
        os.environ.update(KIM_CSV=str(tmp / "kim.csv"), KIM_REFERENSI=str(tmp / "kelurahan.csv"),
                          KIM_WILAYAH=str(tmp / "wilayah.json"), KIM_BOUNDARIES=str(tmp / "boundaries.geojson"))
        from geo.impor.alur import impor_batas
        from geo.masuk.dataset import muat_dataset
        from geo.simpan.kim import baca_untuk_sunting, simpan_kim

        src = _provinsi(tmp)
        t = time.perf_counter()
        hasil = impor_batas(src, toleransi_m=5)
        print(f"impor provinsi + --simplify-m 5: {time.perf_counter() - t:.2f} s; {len(hasil.batas)} kelurahan; "
              f"{hasil.penyederhanaan.uraian()}")

        dataset = muat_dataset()
        tabel, sidik = baca_untuk_sunting(dataset)
        besar = pd.concat([tabel.assign(id_potensi=tabel["id_potensi"] + f"-{i}") for i in range(40)], ignore_index=True)
        t = time.perf_counter()
        hasil = simpan_kim(besar, dataset, "benchmark", sidik)
        print(f"simpan {len(besar)} baris (validasi + cadangan + tulis atomik + audit): {time.perf_counter() - t:.2f} s")
        dataset = muat_dataset()
        tabel, sidik = baca_untuk_sunting(dataset)
        tabel.loc[0, "jumlah_anggota"] = 1
        t = time.perf_counter()
        simpan_kim(tabel, dataset, "benchmark", sidik)
        print(f"simpan 1 perubahan pada {len(tabel)} baris: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
