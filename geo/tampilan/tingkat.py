"""Views at a level: provinsi, kab/kota, kecamatan or desa/kelurahan, inside a code prefix.

A province or the whole country cannot be drawn one desa at a time, so a
view aggregates onto the units of one level (geometries dissolved once per
data version and kept on the :class:`Dataset`), and drilling down narrows the
code prefix ``wilayah``. The browser never gets more than
:data:`BATAS_POLIGON` polygons.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.masuk import tembolok
from geo.masuk.dataset import Dataset
from geo.masuk.indeks_dataset import per_tingkat
from geo.masuk.tingkat import KOLOM_KODE, KOLOM_NAMA, PANJANG_KODE, TINGKAT, awalan_seri, lebih_halus, tingkat_kode
from geo.tampilan import indeks

# Polygons one map may carry; above it the view moves up a level (a few thousand stays fluid).
BATAS_POLIGON = 3000
LABEL_TINGKAT = {"provinsi": "Provinsi", "kabkota": "Kab/Kota", "kecamatan": "Kecamatan", "kelurahan": "Desa/Kelurahan"}
# Outline simplification per aggregate level, as a fraction of the level's median unit size
# (sqrt of its area): ~1 pixel where a level is usually seen, one parent unit filling the map.
# Kecamatan keep their exact outline: simplifying 7,000 of them costs ~6 s of CPU for a 13 %
# smaller outline; the live map generalises each view to its own extent (geo.peta.hidup).
TOLERANSI_TINGKAT: dict[str, float | None] = {"provinsi": 1 / 200, "kabkota": 1 / 200, "kecamatan": None}


def tingkat_awal(dataset: Dataset) -> str:
    """Where a region opens: the coarsest level that has more than one unit, except kecamatan.

    One kota (Bontang) opens on its kelurahan as always; a province with
    several kab/kota opens on them; the country opens on its provinces.
    Once per dataset: every rerun asks.
    """
    def buat() -> str:
        kode = dataset.batas["kode"].astype(str) if len(dataset.batas) else pd.Series([], dtype=str)
        for tingkat in ("provinsi", "kabkota"):
            if awalan_seri(kode, tingkat).nunique() > 1:
                return tingkat
        return "kelurahan"

    ix = dataset.indeks
    if ix.tingkat_awal is None:
        ix.tingkat_awal = buat()
    return ix.tingkat_awal


def unit_tingkat(dataset: Dataset, tingkat: str) -> gpd.GeoDataFrame:
    """The units of one level with dissolved geometry; computed once per dataset, then reused.

    Columns follow the boundary table so the map and exports draw any level:
    ``kelurahan`` holds the unit's name and ``kecamatan``/``kode_kecamatan``
    its parent's, so a tooltip reads "unit · parent" at every level. When the
    boundaries came through the disk cache the level does too (one entry per
    level, keyed by the boundaries' key and the tolerances).
    """
    if tingkat == "kelurahan":
        return dataset.batas
    return per_tingkat(dataset.indeks.unit, tingkat, lambda: _unit_tersimpan(dataset, tingkat))


def _unit_tersimpan(dataset: Dataset, tingkat: str) -> gpd.GeoDataFrame:
    kunci = dataset.indeks.kunci_tembolok
    nama = f"tingkat-{tembolok.kunci(str(kunci), tingkat, repr(sorted(TOLERANSI_TINGKAT.items())))}" if kunci else ""
    simpanan = tembolok.baca(nama) if kunci else None
    if simpanan is not None:
        return simpanan[0]
    # Each level from the one below it (kab/kota from kecamatan, not from every desa): fewer vertices.
    hasil = _larutkan(unit_tingkat(dataset, lebih_halus(tingkat) or "kelurahan"), tingkat)
    if kunci:
        tembolok.tulis(nama, hasil)
    return hasil


def siapkan_tingkat(dataset: Dataset) -> None:
    """Dissolve the levels a region's drill-down will visit, e.g. right after loading it."""
    if tingkat_awal(dataset) != "kelurahan":
        for tingkat in TINGKAT[TINGKAT.index(tingkat_awal(dataset)):]:
            unit_tingkat(dataset, tingkat)


def _larutkan(batas: gpd.GeoDataFrame, tingkat: str) -> gpd.GeoDataFrame:
    """One row per code prefix: the first row's names, summed area, the union of the outlines.

    Rows are sorted by prefix once and each group is a slice, so the unions are
    one shapely call per group without pandas' per-group Python machinery.
    """
    urut = np.argsort(awalan_seri(batas["kode"], tingkat).to_numpy(dtype=str), kind="stable")
    batas = batas.iloc[urut]
    kunci = awalan_seri(batas["kode"], tingkat).to_numpy(dtype=str)
    induk = TINGKAT[TINGKAT.index(tingkat) - 1] if tingkat != "provinsi" else None
    tabel = batas.drop(columns="geometry").assign(_kunci=kunci)
    pertama = tabel.groupby("_kunci", sort=True).first()
    hasil = pd.DataFrame({"kode": pertama.index.astype(str)}, index=pertama.index)
    hasil["kelurahan"] = pertama[KOLOM_NAMA[tingkat]].astype(str)
    hasil["kecamatan"] = pertama[KOLOM_NAMA[induk]].astype(str) if induk else ""
    hasil["kode_kecamatan"] = pertama[KOLOM_KODE[induk]].astype(str) if induk else ""
    hasil["luas_km2"] = tabel.groupby("_kunci")["luas_km2"].sum(min_count=1)
    hasil["sumber"] = pertama["sumber"]
    hasil["jenis_unit"] = tingkat
    for t in TINGKAT[: TINGKAT.index(tingkat)]:
        hasil[KOLOM_KODE[t]], hasil[KOLOM_NAMA[t]] = pertama[KOLOM_KODE[t]], pertama[KOLOM_NAMA[t]]
    awal = np.flatnonzero(np.r_[True, kunci[1:] != kunci[:-1]])
    geometri = _gabung_kelompok(batas.geometry.to_numpy(), awal)
    toleransi = TOLERANSI_TINGKAT[tingkat]
    if toleransi:
        ukuran = float(np.sqrt(np.median(shapely.area(geometri)))) if len(geometri) else 0.0
        geometri = _sederhanakan_tingkat(gpd.GeoSeries(geometri, crs=batas.crs), toleransi * ukuran).to_numpy()
    gdf = gpd.GeoDataFrame(hasil, geometry=geometri, crs=batas.crs)
    return gdf.reset_index(drop=True)


def _gabung_kelompok(geom: np.ndarray, awal: np.ndarray) -> np.ndarray:
    """The union of each slice ``geom[awal[i]:awal[i+1]]``; a lone unit is kept as it is."""
    ujung = np.r_[awal[1:], len(geom)]
    try:
        # Neighbouring desa share their edges exactly: a coverage union is linear, not quadratic.
        return np.array([geom[a] if b - a == 1 else shapely.coverage_union_all(geom[a:b]) for a, b in zip(awal, ujung)],
                        dtype=object)
    except Exception:  # noqa: BLE001 - not a clean coverage (overlaps/gaps): the general union
        return np.array([shapely.union_all(geom[a:b]) for a, b in zip(awal, ujung)], dtype=object)


def _sederhanakan_tingkat(geometri: gpd.GeoSeries, toleransi: float) -> gpd.GeoSeries:
    """Drawn at province or country zoom: a coarser outline, neighbours simplified together."""
    if toleransi <= 0:
        return geometri
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return geometri.simplify_coverage(toleransi)
    except Exception:  # noqa: BLE001 - not a clean coverage: keep the exact outline
        return geometri


@dataclass(frozen=True)
class Jenjang:
    """The level and prefix a view shows, after checking them against the data."""

    tingkat: str
    wilayah: str = ""
    catatan: tuple[str, ...] = ()


# Distinct (level, prefix) pairs remembered per dataset: a drill-down visits a few; a URL can hold anything.


def tentukan(dataset: Dataset, tingkat: str | None = None, wilayah: str = "") -> Jenjang:
    """A drawable (level, prefix): finer than the prefix, and within :data:`BATAS_POLIGON` polygons.

    Depends on the dataset and the two arguments only, so it is computed once
    per pair and dataset (the page asks several times per rerun).
    """
    return dataset.indeks.jenjang.ambil((tingkat, wilayah, BATAS_POLIGON), lambda: _tentukan(dataset, tingkat, wilayah))


def _tentukan(dataset: Dataset, tingkat: str | None, wilayah: str) -> Jenjang:
    catatan: list[str] = []
    wilayah = (wilayah or "").strip()
    if wilayah and not indeks.ada_awalan(dataset, wilayah):
        contoh = str(dataset.batas["kode"].iloc[0])[:5] if len(dataset.batas) else "64.74"
        catatan.append(f"Wilayah '{wilayah}' tidak ada di data; ditampilkan seluruh wilayah. Gunakan awalan kode Kemendagri, misalnya "
                       f"{contoh}.")
        wilayah = ""
    level_wilayah = tingkat_kode(wilayah) if wilayah else None
    if wilayah and level_wilayah is None:
        catatan.append(f"Wilayah '{wilayah}' bukan awalan kode yang utuh (PP, PP.KK, PP.KK.CC); ditampilkan seluruh wilayah.")
        wilayah, level_wilayah = "", None
    if level_wilayah == "kelurahan":
        wilayah, level_wilayah = wilayah[: PANJANG_KODE["kecamatan"]], "kecamatan"
    tingkat = tingkat or (lebih_halus(level_wilayah) if level_wilayah else tingkat_awal(dataset))
    if level_wilayah and TINGKAT.index(tingkat) <= TINGKAT.index(level_wilayah):
        tingkat = lebih_halus(level_wilayah)  # type: ignore[assignment]
    dalam = indeks.kode_batas(dataset)[indeks.baris_awalan(dataset, wilayah)]
    while tingkat != TINGKAT[0] and len(np.unique(dalam.astype(f"<U{PANJANG_KODE[tingkat]}"))) > BATAS_POLIGON:
        naik = TINGKAT[TINGKAT.index(tingkat) - 1]
        catatan.append(f"Terlalu banyak unit {LABEL_TINGKAT[tingkat]} untuk satu peta; ditampilkan per {LABEL_TINGKAT[naik]}. "
                       "Klik satu unit untuk masuk lebih dalam.")
        tingkat = naik
    return Jenjang(tingkat, wilayah, tuple(catatan))


def nama_unit(dataset: Dataset, kode: str) -> str:
    """A unit's display name at any level: ``Kecamatan Bontang Utara``, ``Kota Bontang``, a desa name."""
    tingkat = tingkat_kode(kode)
    if tingkat is None:
        return kode
    baris = indeks.baris_awalan(dataset, kode)
    if not len(baris):
        return kode
    nama = str(dataset.batas[KOLOM_NAMA[tingkat]].iloc[int(baris[0])])
    if tingkat == "kecamatan" and not nama.lower().startswith("kec"):
        return f"Kecamatan {nama}"
    return nama


def jejak(dataset: Dataset, jenjang: Jenjang) -> list[tuple[str, str, str]]:
    """The breadcrumb: (label, level, prefix) from the whole region down to the current prefix."""
    awal = tingkat_awal(dataset)
    hasil = [(dataset.wilayah.nama, awal, "")]
    if not jenjang.wilayah:
        return hasil
    for t in TINGKAT[TINGKAT.index(awal) if awal != "kelurahan" else 1:]:
        n = PANJANG_KODE[t]
        if n > len(jenjang.wilayah) or t == "kelurahan":
            break
        awalan = jenjang.wilayah[:n]
        if t == "kabkota" and awal == "kelurahan":
            continue  # one kota: its name is already the root
        hasil.append((nama_unit(dataset, awalan), lebih_halus(t) or t, awalan))
    return hasil


def turun(jenjang: Jenjang, kode_kelurahan: str) -> Jenjang | None:
    """The view one level down into the unit that contains ``kode_kelurahan``; None at the bottom."""
    if jenjang.tingkat == "kelurahan":
        return None
    awalan = kode_kelurahan[: PANJANG_KODE[jenjang.tingkat]]
    return Jenjang(lebih_halus(jenjang.tingkat) or "kelurahan", awalan)
