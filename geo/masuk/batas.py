"""Load the kelurahan boundary polygons the map and the joins are drawn on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import Point, shape

from geo.galat import Laporan
from geo.masuk import tembolok
from geo.masuk.referensi import Referensi, normalisasi_kode_seri

KOLOM_BATAS = ("kode", "kelurahan", "kecamatan", "kode_kecamatan", "luas_km2", "sumber")
# Higher levels and desa/kelurahan kind, copied from the reference so views can aggregate by prefix.
KOLOM_TINGKAT = ("jenis_unit", "kode_kabkota", "kabkota", "kode_provinsi", "provinsi")
PENANDA_SKEMATIK = "skematik"
# attrs entry naming the disk-cache key a prepared table belongs to (see muat_batas).
ATTR_KUNCI = "kunci_tembolok"


def muat_batas(path: Path | str, referensi: Referensi, laporan: Laporan, *, kunci_tembolok: str | None = None,
               kunci_ulang: Callable[[], str | None] | None = None) -> gpd.GeoDataFrame | None:
    """Read boundaries as EPSG:4326 polygons keyed by ``kode``; None if unusable.

    Names and kecamatan are taken from the reference table so that every view
    spells a kelurahan the same way. With ``kunci_tembolok`` (from
    :func:`kunci_batas`, taken before either file was read) the prepared table
    and its report come from the disk cache when an entry exists, and are
    stored otherwise, but only if ``kunci_ulang()`` (the key taken again after
    reading) still matches: a file changed mid-load is never cached under the
    old contents. The key the table matches is left in ``attrs[ATTR_KUNCI]``.
    """
    path = Path(path)
    nama = path.name
    if kunci_tembolok:
        simpanan = tembolok.baca(f"batas-{kunci_tembolok}")
        if simpanan is not None:
            gdf, meta = simpanan
            for m in meta.get("laporan", []):
                laporan.tambah(**m)
            gdf.attrs[ATTR_KUNCI] = kunci_tembolok
            return gdf
    try:
        gdf = _baca_berkas(path)
    except Exception as exc:  # noqa: BLE001 - pyogrio/GDAL raise many unrelated types for bad files
        laporan.tambah(nama, f"Berkas batas wilayah tidak dapat dibaca ({exc}). Gunakan GeoJSON batas kelurahan, atau impor dengan 'python -m geo boundaries import'.")
        return None
    sendiri = Laporan()
    hasil = siapkan_batas(gdf, nama, referensi, sendiri)
    laporan.gabung(sendiri)
    if kunci_tembolok and hasil is not None and (kunci_ulang is None or kunci_ulang() == kunci_tembolok):
        tembolok.tulis(f"batas-{kunci_tembolok}", hasil, {"laporan": [m.as_dict() for m in sendiri.masalah]})
        hasil.attrs[ATTR_KUNCI] = kunci_tembolok
    return hasil


def kunci_batas(path: Path | str, path_referensi: Path, *nama_wilayah: str) -> str | None:
    """The cache key of prepared boundaries, or None when the cache is off or the file is small or unreadable.

    The boundary file's own name is part of it because the report names it.
    """
    path = Path(path)
    try:
        if tembolok.folder() is None or path.stat().st_size < tembolok.AMBANG_BYTE:
            return None
        return tembolok.kunci(path, Path(path_referensi), path.name, *nama_wilayah)
    except OSError:
        return None


# Columns read from a boundary file; names and parents come from the reference table.
KOLOM_DIBACA = ("kode", "luas_km2", "sumber")


def _baca_berkas(path: Path) -> gpd.GeoDataFrame:
    """Only the columns kept (names come from the reference), through pyogrio's Arrow path.

    A small plain GeoJSON (below the disk cache's threshold, so it is read on
    every start) is parsed by :func:`baca_geojson_kecil` instead: importing
    pyogrio costs more than reading such a file (issue #26).
    """
    kecil = baca_geojson_kecil(path)
    if kecil is not None:
        return kecil
    import pyogrio  # only when the prepared boundaries are not cached: 20-30 ms a process (issue #26)

    meta, tabel = pyogrio.read_arrow(path, columns=list(KOLOM_DIBACA))
    kolom_geom = meta.get("geometry_name") or "wkb_geometry"
    if kolom_geom not in tabel.column_names:
        raise ValueError("berkas tidak berisi geometri")
    geometri = shapely.from_wkb(tabel.column(kolom_geom).to_numpy(zero_copy_only=False))
    atribut = tabel.drop_columns([kolom_geom]).to_pandas()
    return gpd.GeoDataFrame(atribut, geometry=geometri, crs=meta["crs"])


def baca_geojson_kecil(path: Path) -> gpd.GeoDataFrame | None:
    """A small RFC 7946 GeoJSON FeatureCollection read with :mod:`json`, as pyogrio reads it; None → pyogrio.

    Only the plain case qualifies: a ``.geojson``/``.json`` file under
    :data:`geo.masuk.tembolok.AMBANG_BYTE`, valid JSON, a FeatureCollection
    without an old-style ``crs`` member other than CRS84 (so WGS84, as GDAL reads it). Anything else,
    including a file GDAL might read differently or reject with its own
    message, goes through pyogrio as before.
    """
    try:
        if path.suffix.lower() not in (".geojson", ".json") or path.stat().st_size >= tembolok.AMBANG_BYTE:
            return None
        isi = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    fitur = isi.get("features") if isinstance(isi, dict) and isi.get("type") == "FeatureCollection" else None
    if not isinstance(fitur, list) or not _wgs84(isi.get("crs")) or not all(isinstance(f, dict) for f in fitur):
        return None
    sifat = [f.get("properties") or {} for f in fitur]
    if not all(isinstance(p, dict) for p in sifat):
        return None
    try:
        geometri = [shape(f["geometry"]) if f.get("geometry") else None for f in fitur]
    except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.ShapelyError):
        return None
    kolom = {}
    for nama in KOLOM_DIBACA:
        if any(nama in p for p in sifat):
            nilai = [p.get(nama) for p in sifat]
            if any(isinstance(v, (dict, list, bool)) for v in nilai):
                return None  # a nested or true/false value: GDAL's own conversion decides
            if nama != "luas_km2" and any(isinstance(v, str) for v in nilai):
                # A text field, as GDAL types it: numbers among the texts are read as their text.
                nilai = [v if v is None or isinstance(v, str) else json.dumps(v) for v in nilai]
            kolom[nama] = pd.Series(nilai, dtype=_jenis(nilai))
    return gpd.GeoDataFrame(pd.DataFrame(kolom, index=pd.RangeIndex(len(fitur))), geometry=geometri, crs="EPSG:4326")


# The old ``crs`` member's names of WGS84 in longitude/latitude order (what GDAL itself writes).
_NAMA_CRS84 = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "OGC:CRS84"}


def _wgs84(crs: object) -> bool:
    """No ``crs`` member (RFC 7946: WGS84), or one naming CRS84; any other CRS is pyogrio's to read."""
    if crs is None:
        return True
    return isinstance(crs, dict) and isinstance(crs.get("properties"), dict) and crs["properties"].get("name") in _NAMA_CRS84


def _jenis(nilai: list) -> str:
    """The column type GDAL gives a GeoJSON property: float for numbers with a fraction or a gap, else as Python sees it."""
    ada = [v for v in nilai if v is not None]
    if ada and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in ada):
        return "float64" if len(ada) < len(nilai) or any(isinstance(v, float) for v in ada) else "int64"
    return "object"


def siapkan_batas(gdf: gpd.GeoDataFrame, nama: str, referensi: Referensi, laporan: Laporan) -> gpd.GeoDataFrame | None:
    """Check and canonicalise read boundary features, whether from a file or the database."""
    if "kode" not in gdf.columns:
        laporan.tambah(nama, "Berkas batas tidak memiliki properti 'kode' (kode Kemendagri kelurahan). Impor berkas resmi dengan 'python -m geo boundaries import SUMBER'.")
        return None
    if gdf.crs is None:
        gdf = gdf.set_crs("EPSG:4326")
    gdf = gdf.to_crs("EPSG:4326")
    gdf["kode"] = normalisasi_kode_seri(gdf["kode"])
    ganda = gdf["kode"].duplicated()
    for i, kode in gdf["kode"][ganda].items():
        laporan.tambah(nama, "Kode kelurahan muncul di lebih dari satu fitur. Gabungkan bagian-bagiannya menjadi satu fitur.", baris=int(i) + 1, kolom="kode", nilai=kode)
    tak_dikenal = ~gdf["kode"].isin(referensi.tabel.index)
    for i, kode in gdf.loc[tak_dikenal, "kode"].items():
        laporan.tambah(nama, "Kode kelurahan tidak ada di tabel referensi; fitur ini diabaikan.", baris=int(i) + 1, kolom="kode", nilai=kode, tingkat="peringatan")
    gdf = gdf.loc[~tak_dikenal & ~ganda].copy()
    # The one full validity check (~20 µs a polygon, GEOS has nothing cheaper that still finds
    # self-intersections); the disk cache (geo.masuk.tembolok) pays it once per file.
    invalid = ~shapely.is_valid(gdf.geometry.to_numpy())
    if invalid.any():
        gdf.loc[invalid, "geometry"] = gdf.loc[invalid, "geometry"].make_valid()
    ref = referensi.tabel.loc[gdf["kode"]]
    for kolom in ("kelurahan", "kecamatan", "kode_kecamatan", *KOLOM_TINGKAT):
        gdf[kolom] = ref[kolom].astype(str).to_numpy()
    if "luas_km2" not in gdf.columns:
        gdf["luas_km2"] = ref["luas_km2"].to_numpy()
    gdf["luas_km2"] = pd.to_numeric(gdf["luas_km2"], errors="coerce")
    if "sumber" not in gdf.columns:
        gdf["sumber"] = ""
    gdf["sumber"] = gdf["sumber"].fillna("").astype(str)
    gdf = gdf[[*KOLOM_BATAS, *KOLOM_TINGKAT, "geometry"]].sort_values("kode").reset_index(drop=True)
    return gdf


def kelurahan_di_titik(batas: gpd.GeoDataFrame, lintang: float, bujur: float, toleransi: float = 0.0) -> str | None:
    """The kode of the unit at one point, or the nearest within ``toleransi`` degrees; else None.

    The one point-in-unit lookup: map clicks (with a tolerance of ~200 m so a
    marker on an edge still finds its unit) and the location editor (none).
    """
    if not len(batas):
        return None
    titik = Point(float(bujur), float(lintang))
    berisi = batas.sindex.query(titik, predicate="within")
    if len(berisi):
        return str(batas["kode"].iloc[int(min(berisi))])
    if toleransi <= 0:
        return None
    # Plain degrees on purpose: a tolerance of a couple of hundred metres needs no projection.
    i, jarak = batas.sindex.nearest(titik, return_distance=True, return_all=False)
    return str(batas["kode"].iloc[int(i[1][0])]) if float(jarak[0]) <= toleransi else None


def batas_skematik(batas: gpd.GeoDataFrame) -> bool:
    """True while the boundaries are generated, not official: maps must say so."""
    return bool(batas["sumber"].str.lower().str.contains(PENANDA_SKEMATIK).any())
