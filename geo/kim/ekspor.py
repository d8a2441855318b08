"""The KIM table as files: CSV and XLSX an office edits and loads back, GeoJSON for GIS.

The CSV/XLSX carry exactly the columns of ``profil_kim.csv`` (list columns in
their cell format), so an export saved over the KIM table loads unchanged.
"""

from __future__ import annotations

import io
import json

import geopandas as gpd
import pandas as pd
from openpyxl import Workbook

from geo.ekspor.formula import netralkan_tabel
from geo.ekspor.tabel import _tulis_lembar, ke_csv
from geo.kim.profil import ProfilKIM
from geo.kim.tautan import profil_dengan_daftar
from geo.masuk.dataset import Dataset


def _profil(dataset: Dataset) -> ProfilKIM:
    from geo.galat import GalatData

    if dataset.profil is None:
        raise GalatData("Tabel KIM belum dapat dibuat: perbaiki dulu galat di tabel potensi (python -m geo validate).")
    return dataset.profil  # type: ignore[return-value]


def tabel_profil(dataset: Dataset, id_kim: list[str] | None = None) -> pd.DataFrame:
    """The KIM table as text cells, optionally only the given KIM (a filtered view's)."""
    tabel = profil_dengan_daftar(_profil(dataset))
    return tabel[tabel["id_kim"].isin(id_kim)].reset_index(drop=True) if id_kim is not None else tabel


def profil_csv(dataset: Dataset, id_kim: list[str] | None = None, pemisah: str = ",") -> bytes:
    return ke_csv(tabel_profil(dataset, id_kim), pemisah)


def profil_xlsx(dataset: Dataset, id_kim: list[str] | None = None) -> bytes:
    tabel = tabel_profil(dataset, id_kim)
    wb = Workbook()
    ws = wb.active
    ws.title = "profil_kim"
    _tulis_lembar(ws, tabel, list(tabel.columns))
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def titik_kim(dataset: Dataset, tabel: pd.DataFrame) -> gpd.GeoSeries:
    """Where a KIM is drawn: the middle of its potentials, else a point inside its kelurahan."""
    profil = _profil(dataset)
    p = dataset.potensi
    rata = (pd.DataFrame({"id_kim": p["id_potensi"].astype(str).map(profil.tautan), "x": p.geometry.x, "y": p.geometry.y})
            .groupby("id_kim")[["x", "y"]].mean())
    batas = dataset.batas.set_index("kode") if len(dataset.batas) else None
    titik = []
    for id_kim, kode in zip(tabel["id_kim"], tabel["kode_kelurahan"]):
        if id_kim in rata.index:
            titik.append(gpd.points_from_xy([rata.at[id_kim, "x"]], [rata.at[id_kim, "y"]])[0])
        elif batas is not None and kode in batas.index:
            titik.append(batas.geometry.loc[kode].representative_point())
        else:
            titik.append(None)
    return gpd.GeoSeries(titik, index=tabel.index, crs="EPSG:4326")


def profil_geojson(dataset: Dataset, id_kim: list[str] | None = None) -> bytes:
    tabel = netralkan_tabel(tabel_profil(dataset, id_kim))
    gdf = gpd.GeoDataFrame(tabel, geometry=titik_kim(dataset, tabel), crs="EPSG:4326")
    data = json.loads(gdf.to_json(drop_id=True))
    data["name"] = f"profil_kim_{dataset.wilayah.slug}"
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
