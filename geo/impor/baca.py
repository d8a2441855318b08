"""Read an official boundary file and recognise which schema it follows.

Offices receive boundaries as BIG shapefiles (often zipped), GeoPackages,
GeoJSON or FlatGeobuf, in BIG, GADM, geoBoundaries or OpenStreetMap field
conventions. This module turns any of them into one GeoDataFrame and says
which columns hold the kelurahan name, code and kecamatan.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyogrio

from geo.format_id import angka
from geo.galat import GalatData
from geo.masuk.referensi import normalisasi_kode

UKURAN_BATCH = 5000
_EKSTENSI_DATA = (".shp", ".gpkg", ".geojson", ".json", ".fgb", ".gdb")
KODE_DESA = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")


@dataclass(frozen=True)
class Skema:
    """Which columns of a source hold the kelurahan name(s), code, kecamatan and level."""

    nama: str
    kolom_nama: tuple[str, ...] = ()
    kolom_kode: str | None = None
    kolom_kecamatan: str | None = None
    kolom_level: str | None = None

    def uraian(self) -> str:
        bagian = [f"nama={'/'.join(self.kolom_nama) or '-'}", f"kode={self.kolom_kode or '-'}"]
        if self.kolom_kecamatan:
            bagian.append(f"kecamatan={self.kolom_kecamatan}")
        if self.kolom_level:
            bagian.append(f"level={self.kolom_level}")
        return f"{self.nama} ({', '.join(bagian)})"


# name, marker columns (any), name columns (first non-empty wins), code, kecamatan, level
_SKEMA_DIKENAL: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None], ...] = (
    ("BIG Batas Desa/Kelurahan", ("KDEPUM", "WADMKD", "NAMOBJ"), ("NAMOBJ", "WADMKD"), ("KDEPUM",), ("WADMKC",), None),
    ("GADM level 4", ("GID_4", "NAME_4"), ("NAME_4",), ("CC_4",), ("NAME_3",), None),
    ("geoBoundaries", ("shapeName", "shapeID"), ("shapeName",), (), (), None),
    ("OpenStreetMap", ("admin_level",), ("name", "name:id"), ("ref",), (), "admin_level"),
)
_NAMA_UMUM = ("kelurahan", "desa", "nama_kel", "namobj", "nama", "name")
_KECAMATAN_UMUM = ("kecamatan", "nama_kec", "wadmkc")


def _cari(kolom: dict[str, str], calon: tuple[str, ...]) -> list[str]:
    return [kolom[c.lower()] for c in calon if c.lower() in kolom]


def kode_desa(nilai: pd.Series) -> pd.Series:
    """Values as Kemendagri codes; ``6474011001`` and ``6474011001.0`` become ``64.74.01.1001``."""
    teks = nilai.astype(object).where(nilai.notna(), "").astype(str).str.replace(r"\.0$", "", regex=True)
    return teks.map(normalisasi_kode)


def _kolom_kode_otomatis(contoh: pd.DataFrame) -> str | None:
    """The column whose values mostly look like Kemendagri village codes."""
    terbaik, skor = None, 0.8
    for nama in contoh.columns:
        isi = contoh[nama].dropna()
        if len(isi):
            cocok = kode_desa(isi).str.match(KODE_DESA).mean()
            if cocok >= skor:
                terbaik, skor = nama, cocok
    return terbaik


def kenali_skema(contoh: pd.DataFrame, kolom_nama: str | None = None, kolom_kode: str | None = None,
                 kolom_kecamatan: str | None = None) -> Skema:
    """Recognise the schema from a sample of rows; explicit options win.

    Raises :class:`GalatData` listing the available columns when neither a
    name nor a code column can be found.
    """
    kolom = {str(c).lower(): str(c) for c in contoh.columns if c != "geometry"}
    for pilihan, opsi in ((kolom_nama, "--name-field"), (kolom_kode, "--code-field"), (kolom_kecamatan, "--kecamatan-field")):
        if pilihan and pilihan.lower() not in kolom:
            raise GalatData(f"Kolom {pilihan!r} ({opsi}) tidak ada di berkas. Kolom yang ada: {', '.join(kolom.values())}.")
    nama_skema, nama, kode, kec, level = "tidak dikenal", [], [], [], None
    for calon_nama, penanda, c_nama, c_kode, c_kec, c_level in _SKEMA_DIKENAL:
        if _cari(kolom, penanda):
            nama_skema, nama, kode, kec = calon_nama, _cari(kolom, c_nama), _cari(kolom, c_kode), _cari(kolom, c_kec)
            level = kolom.get(c_level.lower()) if c_level else None
            break
    nama = nama or _cari(kolom, _NAMA_UMUM)[:1]
    kec = kec or _cari(kolom, _KECAMATAN_UMUM)[:1]
    kode_terpilih = kode[0] if kode else _kolom_kode_otomatis(contoh[list(kolom.values())])
    if kolom_nama or kolom_kode or kolom_kecamatan:
        nama_skema = f"{nama_skema}, kolom dipilih" if nama_skema != "tidak dikenal" else "kolom dipilih"
    hasil = Skema(
        nama=nama_skema,
        kolom_nama=(kolom[kolom_nama.lower()],) if kolom_nama else tuple(nama),
        kolom_kode=kolom[kolom_kode.lower()] if kolom_kode else kode_terpilih,
        kolom_kecamatan=kolom[kolom_kecamatan.lower()] if kolom_kecamatan else (kec[0] if kec else None),
        kolom_level=level,
    )
    if not hasil.kolom_nama and not hasil.kolom_kode:
        raise GalatData(
            "Kolom nama atau kode kelurahan tidak dikenali. Kolom yang ada: "
            f"{', '.join(kolom.values()) or '(tidak ada)'}. Pilih kolomnya dengan --name-field NAMA dan/atau --code-field KODE."
        )
    return hasil


def _jalur_vsi(src: Path, lapisan: str | None) -> str:
    """A GDAL path; a zip is opened in place through /vsizip/, picking the data file inside."""
    if src.suffix.lower() != ".zip":
        return str(src)
    try:
        with zipfile.ZipFile(src) as z:
            isi = [n.rstrip("/") for n in z.namelist()]
    except zipfile.BadZipFile as exc:
        raise GalatData(f"{src.name} bukan berkas zip yang utuh ({exc}). Unduh ulang berkasnya.") from exc
    calon = sorted({n.split(".gdb/")[0] + ".gdb" if ".gdb/" in n else n for n in isi if n.lower().endswith(_EKSTENSI_DATA) or ".gdb/" in n})
    if lapisan:
        sesuai = [n for n in calon if Path(n).stem.lower() == lapisan.lower()]
        calon = sesuai or calon
    if not calon:
        raise GalatData(f"Di dalam {src.name} tidak ada shapefile, GeoPackage, GeoJSON, FlatGeobuf atau .gdb.")
    if len(calon) > 1:
        raise GalatData(f"{src.name} berisi beberapa berkas data: {', '.join(calon)}. Pilih satu dengan --layer NAMA (tanpa ekstensi).")
    return f"/vsizip/{src.resolve().as_posix()}/{calon[0]}"


def _pilih_lapisan(jalur: str, nama_sumber: str, lapisan: str | None) -> str | None:
    try:
        daftar = pyogrio.list_layers(jalur)
    except Exception as exc:  # GDAL raises many unrelated types for unreadable files
        raise GalatData(f"{nama_sumber} tidak dapat dibaca sebagai data geospasial ({exc}). Gunakan GeoJSON, shapefile (.shp atau .zip), GeoPackage atau FlatGeobuf.") from exc
    if lapisan:
        nama = [str(n) for n, _ in daftar]
        cocok = [n for n in nama if n.lower() == lapisan.lower()]
        if not cocok:
            raise GalatData(f"Lapisan {lapisan!r} tidak ada di {nama_sumber}. Lapisan yang ada: {', '.join(nama)}.")
        return cocok[0] if len(daftar) > 1 else None
    poligon = [str(n) for n, jenis in daftar if jenis is None or "polygon" in str(jenis).lower()]
    if len(daftar) <= 1:
        return None
    if len(poligon) == 1:
        return poligon[0]
    raise GalatData(f"{nama_sumber} berisi beberapa lapisan: {', '.join(str(n) for n, _ in daftar)}. Pilih satu dengan --layer NAMA.")


def baca_sumber(
    src: Path | str,
    lapisan: str | None = None,
    kenali: Callable[[pd.DataFrame], Skema] = kenali_skema,
    saring: Callable[[gpd.GeoDataFrame, Skema], gpd.GeoDataFrame] | None = None,
    kabar: Callable[[str], None] = lambda _: None,
) -> tuple[gpd.GeoDataFrame, Skema, int]:
    """Read a boundary file in batches, filtering each batch as it arrives.

    Returns the kept features, the recognised schema and how many features
    the file had. ``kabar`` receives progress lines for large files.
    """
    src = Path(src)
    if not src.exists():
        raise GalatData(f"Berkas sumber {src} tidak ditemukan. Periksa nama dan lokasinya.")
    jalur = _jalur_vsi(src, lapisan)
    lapisan = _pilih_lapisan(jalur, src.name, None if src.suffix.lower() == ".zip" else lapisan)
    info = pyogrio.read_info(jalur, layer=lapisan)
    jenis = str(info.get("geometry_type") or "").lower()
    if not jenis or "point" in jenis or "line" in jenis:
        raise GalatData(f"{src.name} tidak berisi poligon batas ({info.get('geometry_type') or 'tanpa geometri'}). Gunakan berkas batas kelurahan: GeoJSON, shapefile, GeoPackage atau FlatGeobuf.")
    if info.get("features") == 0:
        raise GalatData(f"{src.name} tidak berisi fitur apa pun.")
    contoh = pyogrio.read_dataframe(jalur, layer=lapisan, read_geometry=False, max_features=500)
    skema = kenali(contoh)
    total = int(info.get("features") or -1)
    besar = total > UKURAN_BATCH
    kabar(f"Membaca {src.name} ({angka(total) if total >= 0 else '?'} fitur) ...")
    potongan, dibaca = [], 0
    with pyogrio.open_arrow(jalur, layer=lapisan, batch_size=UKURAN_BATCH, use_pyarrow=True) as (meta, reader):
        for batch in reader:
            gdf = gpd.GeoDataFrame.from_arrow(pa.Table.from_batches([batch]))
            if gdf.geometry.name != "geometry":
                gdf = gdf.rename_geometry("geometry")
            if gdf.crs is None and meta.get("crs"):
                gdf = gdf.set_crs(meta["crs"])
            dibaca += len(gdf)
            potongan.append(saring(gdf, skema) if saring else gdf)
            if besar:
                kabar(f"  {angka(dibaca)} / {angka(total)} fitur dibaca")
    if not potongan:
        raise GalatData(f"{src.name} tidak berisi fitur apa pun.")
    hasil = gpd.GeoDataFrame(pd.concat(potongan, ignore_index=True), geometry="geometry", crs=potongan[0].crs)
    return hasil, skema, dibaca
