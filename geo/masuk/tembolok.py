"""A content-keyed disk cache of prepared boundaries and their dissolved levels.

Preparing a country's 83,000 desa (validity check, dissolving kecamatan,
kab/kota and provinces, simplifying them) costs seconds of CPU on every
process start: another app server, the CLI, a restart. The result depends
only on the boundary file, the reference file and this code, so it is kept
on disk under a key made of their contents (:func:`kunci`), never their
names or times: a changed file is a new key, and stale geometry cannot be
read back.

Entries are Arrow IPC files written atomically (temp file + rename), so
several processes may read and write at once; the last writer of an
identical entry wins. Geometry is stored as coordinate arrays with offsets
(the GeoArrow layout), which reads back five times faster than WKB. Anything
wrong with the cache (unwritable, corrupt, deleted mid-read) only means a
miss: a load never fails because of it.

``KIM_CACHE`` names the folder; ``0``/``off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyarrow as pa
import shapely

from geo.simpan.berkas import tulis_atomik

ENV_TEMBOLOK = "KIM_CACHE"
# Bump when the prepared boundaries or the levels change shape or meaning: old entries become misses.
VERSI = 1
# Smaller boundary files are prepared about as fast as an entry is hashed and read, so they never
# touch the disk (Bontang's 12 kB). Measured (CPU, boundaries + levels): 1,000 desa in a 5.7 MB
# GeoJSON 0.30 s cold, 0.02 s warm; 83,000 in a 182 MB FlatGeobuf 8.4 s cold, 0.6 s warm.
AMBANG_BYTE = 1_000_000
# Entries kept (a country's boundaries and levels take ~270 MB); older ones, by last use, are
# removed after each write. A region's checked tables and logo verdicts add a dozen small entries
# (geo.masuk.tembolok_tabel), and each saved version of a file makes new ones: room for several.
MAKS_ENTRI = 256
MAKS_BYTE = 2_000_000_000
_MATI = {"0", "off", "false", "no", "tidak"}


def folder() -> Path | None:
    """The cache folder, or None when ``KIM_CACHE`` turns it off."""
    nilai = os.environ.get(ENV_TEMBOLOK, "").strip()
    if nilai.lower() in _MATI:
        return None
    return Path(nilai).expanduser() if nilai else folder_bawaan(os.name, sys.platform)


def folder_bawaan(nama_os: str, platform: str) -> Path:
    """The user's own cache folder on each system (what platformdirs would say)."""
    if nama_os == "nt":
        dasar = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(dasar) / "peta-kim" / "cache"
    if platform == "darwin":
        return Path.home() / "Library" / "Caches" / "peta-kim"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "peta-kim"


def kunci(*bagian: Path | str) -> str:
    """A key from the contents of files (``Path``) and plain strings, plus :data:`VERSI`."""
    h = hashlib.sha256(f"peta-kim-tembolok-{VERSI}".encode())
    # One reused buffer: a fresh 16 MB block per read costs a third of hashing a 180 MB file.
    buf = bytearray(1 << 20)
    isi = memoryview(buf)
    for b in bagian:
        if isinstance(b, Path):
            with b.open("rb", buffering=0) as f:
                while n := f.readinto(buf):
                    h.update(isi[:n])
        else:
            h.update(str(b).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:40]


def identitas(path: Path) -> list | None:
    """A file's identity without reading it (path, device, inode, size, modification time); None if absent.

    The store replaces files atomically (a saved file is a new inode); see :func:`tenang` for a file
    rewritten in place within the file system's timestamp granularity.
    """
    try:
        s = path.stat()
    except OSError:
        return None
    return [str(path.resolve()), s.st_dev, s.st_ino, s.st_size, s.st_mtime_ns]


# Seconds a file must have been unmodified before an entry keyed by its identity is stored (see tenang).
DETIK_TENANG = 2.0


def tenang(path: Path) -> bool:
    """Modified long enough ago that a rewrite now would show a later time (git's racy-clean rule).

    A file rewritten in place within the timestamp granularity with the same size keeps its
    identity; an entry keyed by identity is therefore only stored once the file has been still.
    """
    try:
        return time.time() - path.stat().st_mtime > DETIK_TENANG
    except OSError:
        return False


# -- geometry as offsets + coordinates ---------------------------------------------------------


def _ragged(geom: np.ndarray) -> tuple[str, np.ndarray, list[np.ndarray]] | None:
    """Polygons/MultiPolygons as (kind, xy, offsets); None for anything else (then WKB)."""
    if not len(geom) or shapely.is_missing(geom).any() or shapely.is_empty(geom).any() or shapely.has_z(geom).any():
        return None
    jenis = shapely.get_type_id(geom)
    if not np.isin(jenis, (3, 6)).all():
        return None
    poligon = geom if (jenis == 3).all() else shapely.get_parts(geom)
    n_cincin = shapely.get_num_interior_rings(poligon) + 1
    if (n_cincin == 1).all():
        n_titik = shapely.get_num_coordinates(poligon)
    else:
        n_titik = shapely.get_num_coordinates(shapely.get_rings(poligon))
    xy = shapely.get_coordinates(poligon)
    offset = [np.concatenate([[0], np.cumsum(n_titik)]), np.concatenate([[0], np.cumsum(n_cincin)])]
    if (jenis == 3).all():
        return "polygon", xy, offset
    return "multipolygon", xy, [*offset, np.concatenate([[0], np.cumsum(shapely.get_num_geometries(geom))])]


def _kolom_geometri(geom: np.ndarray) -> tuple[pa.Array, str]:
    bentuk = _ragged(geom)
    if bentuk is None:
        return pa.array(shapely.to_wkb(geom), type=pa.binary()), "wkb"
    jenis, xy, offset = bentuk
    arr: pa.Array = pa.FixedSizeListArray.from_arrays(pa.array(xy.ravel()), 2)
    for o in offset:
        arr = pa.LargeListArray.from_arrays(pa.array(o, type=pa.int64()), arr)
    return arr, jenis


def _baca_geometri(arr: pa.Array, jenis: str, tunggal: np.ndarray | None) -> np.ndarray:
    if jenis == "wkb":
        return shapely.from_wkb(arr.to_numpy(zero_copy_only=False))
    offset = []
    while not isinstance(arr, pa.FixedSizeListArray):
        offset.append(arr.offsets.to_numpy())
        arr = arr.values
    xy = arr.values.to_numpy().reshape(-1, 2)
    if jenis == "polygon":
        return shapely.from_ragged_array(shapely.GeometryType.POLYGON, xy, tuple(reversed(offset)))
    geom = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, xy, tuple(reversed(offset)))
    if tunggal is not None and tunggal.any():  # keep Polygons Polygons, as they were before the cache
        geom[tunggal] = shapely.get_geometry(geom[tunggal], 0)
    return geom


# -- entries -----------------------------------------------------------------------------------


def path_entri(nama: str) -> Path | None:
    """Where entry ``nama`` is stored; None when the cache is off."""
    dasar = folder()
    return None if dasar is None else dasar / f"{nama}.arrow"


def tulis(nama: str, gdf: gpd.GeoDataFrame, meta: dict | None = None) -> bool:
    """Store ``gdf`` (and JSON-able ``meta``) as entry ``nama``; False (never an error) if it cannot."""
    path = path_entri(nama)
    if path is None:
        return False
    try:
        geom = np.asarray(gdf.geometry.array)
        arr, jenis = _kolom_geometri(geom)
        atribut = gdf.drop(columns=gdf.geometry.name)
        tabel = pa.table({"__geometri": arr})
        if len(atribut.columns):
            tabel = pa.Table.from_pandas(atribut, preserve_index=False).append_column("__geometri", arr)
        if jenis == "multipolygon":
            tabel = tabel.append_column("__tunggal", pa.array(shapely.get_type_id(geom) == 3))
        isi = {"versi": VERSI, "nama": nama, "jenis": jenis, "crs": gdf.crs.to_string() if gdf.crs else None,
               "kolom_geometri": gdf.geometry.name, "baris": len(gdf), "meta": meta or {},
               # Arrow strings come back as pandas' str dtype; columns that were object stay object.
               "objek": [k for k in gdf.columns if k != gdf.geometry.name and gdf[k].dtype == object]}
    except Exception:  # noqa: BLE001 - a geometry we cannot encode is only a missed chance
        return False
    return simpan_tabel(path, tabel, isi)


def simpan_tabel(path: Path, tabel: pa.Table, isi: dict) -> bool:
    """Write one entry atomically with its description ``isi`` in the schema; False (never an error) if it cannot."""
    try:
        tabel = tabel.replace_schema_metadata({**(tabel.schema.metadata or {}), b"peta-kim": json.dumps(isi).encode()})

        def tulis_ke(temp: Path) -> None:
            with pa.OSFile(str(temp), "wb") as f, pa.ipc.new_file(f, tabel.schema) as w:
                w.write_table(tabel)

        tulis_atomik(path, tulis_ke)
    except Exception:  # noqa: BLE001 - an unwritable or full cache is only a missed chance
        return False
    _rapikan(path.parent)
    return True


def baca(nama: str) -> tuple[gpd.GeoDataFrame, dict] | None:
    """Entry ``nama`` as (GeoDataFrame, meta), or None if absent, off, or unreadable in any way."""
    path = path_entri(nama)
    if path is None or not path.is_file():
        return None
    try:
        # Mapped, not read (reading copies 185 MB for nothing); geometry and columns are copied out below.
        tabel = pa.ipc.open_file(pa.memory_map(str(path))).read_all()
        isi = json.loads(tabel.schema.metadata[b"peta-kim"])
        if isi.get("versi") != VERSI or isi.get("nama") != nama or tabel.num_rows != isi["baris"]:
            return None
        tunggal = tabel.column("__tunggal").to_numpy() if "__tunggal" in tabel.column_names else None
        kolom = tabel.column("__geometri")
        geom = _baca_geometri(kolom.chunk(0) if kolom.num_chunks == 1 else kolom.combine_chunks(), isi["jenis"], tunggal)
        atribut = tabel.drop_columns([k for k in ("__geometri", "__tunggal") if k in tabel.column_names])
        # Copied out of the mapping, so it is released: no file stays mapped (and resident) behind a dataset.
        df = atribut.take(np.arange(atribut.num_rows)).to_pandas()
        for k in isi["objek"]:
            df[k] = df[k].astype(object)
        gdf = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geom, crs=isi["crs"]).array, crs=isi["crs"])
        gdf = gdf.rename_geometry(isi["kolom_geometri"]) if isi["kolom_geometri"] != "geometry" else gdf
        os.utime(path)  # last use, for _rapikan
    except Exception:  # noqa: BLE001 - truncated, foreign or half-deleted: recompute instead
        return None
    return gdf, isi["meta"]


def tulis_larik(nama: str, kolom: dict[str, np.ndarray], meta: dict | None = None) -> bool:
    """Store equal-length 1-D arrays (and JSON-able ``meta``) as entry ``nama``; False (never an error) if it cannot."""
    path = path_entri(nama)
    if path is None:
        return False
    try:
        tabel = pa.table({k: pa.array(v) for k, v in kolom.items()})
    except Exception:  # noqa: BLE001 - arrays Arrow cannot hold are only a missed chance
        return False
    return simpan_tabel(path, tabel, {"versi": VERSI, "nama": nama, "baris": tabel.num_rows, "meta": meta or {}})


def baca_entri(nama: str) -> tuple[pa.Table, dict] | None:
    """Entry ``nama`` read into memory with its description (see :func:`simpan_tabel`); None if absent or not ours."""
    path = path_entri(nama)
    if path is None or not path.is_file():
        return None
    try:
        with pa.OSFile(str(path), "rb") as f:  # read, not mapped: what is built from it outlives the file
            tabel = pa.ipc.open_file(f).read_all()
        isi = json.loads(tabel.schema.metadata[b"peta-kim"])
        if isi.get("versi") != VERSI or isi.get("nama") != nama or tabel.num_rows != isi["baris"]:
            return None
        os.utime(path)  # last use, for _rapikan
    except Exception:  # noqa: BLE001 - truncated, foreign or half-deleted: recompute instead
        return None
    return tabel, isi


def baca_larik(nama: str, jenis: dict[str, np.dtype]) -> dict[str, np.ndarray] | None:
    """Entry ``nama`` as arrays of exactly the columns and dtypes ``jenis``; None if absent or unreadable."""
    hasil = baca_larik_meta(nama, jenis)
    return None if hasil is None else hasil[0]


def baca_larik_meta(nama: str, jenis: dict[str, np.dtype]) -> tuple[dict[str, np.ndarray], dict] | None:
    """:func:`baca_larik` with the entry's ``meta``; None if absent or unreadable."""
    entri = baca_entri(nama)
    if entri is None:
        return None
    tabel, isi = entri
    try:
        hasil = {k: tabel.column(k).to_numpy() for k in jenis}
    except Exception:  # noqa: BLE001 - a column missing or unreadable: recompute instead
        return None
    if any(hasil[k].dtype != d or hasil[k].ndim != 1 for k, d in jenis.items()):
        return None
    return hasil, isi.get("meta") or {}


def _rapikan(dasar: Path) -> None:
    """Keep the most recently used entries within :data:`MAKS_ENTRI` and :data:`MAKS_BYTE`.

    A racing process may delete the same file: every error here is ignored.
    """
    try:
        entri = sorted(((p, p.stat()) for p in dasar.glob("*.arrow")), key=lambda e: e[1].st_mtime, reverse=True)
        total = 0
        for i, (p, st) in enumerate(entri):
            total += st.st_size
            if i >= MAKS_ENTRI or (i and total > MAKS_BYTE):
                p.unlink(missing_ok=True)
    except OSError:
        pass
