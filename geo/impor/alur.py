"""``python -m geo boundaries import``: official boundaries in, schematic ones out.

One command takes a BIG, GADM, geoBoundaries or OpenStreetMap file (whole
province or one kota), keeps the region's kelurahan, matches each to the
reference table, cleans and optionally simplifies the polygons without
opening gaps between neighbours, and writes ``data/boundaries.geojson``
atomically with a backup of the old file. It refuses to drop a kelurahan
that the KIM data uses unless told ``--force``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pyproj
import shapely

from geo import config
from geo.format_id import angka, tanggal
from geo.galat import GalatData
from geo.impor.baca import Skema, baca_sumber, kenali_skema, kode_desa
from geo.impor.cocok import cocokkan, pilih_level
from geo.impor.geometri import Penyederhanaan, bersihkan, sederhanakan_tanpa_celah
from geo.impor.tinjau import kode_dipakai_kim, titik_kim, titik_pindah
from geo.masuk import batasan
from geo.masuk.batas import KOLOM_BATAS, PENANDA_SKEMATIK
from geo.masuk.referensi import Referensi, muat_referensi
from geo.masuk.wilayah import muat_wilayah
from geo.simpan.berkas import cadangkan, tulis_atomik

PRESISI_DERAJAT = 1e-7  # about 1 cm: finer than any survey, coarse enough to keep files small
# Shared area above this between two kelurahan is reported (slivers from digitising are not).
AMBANG_TUMPANG_KM2 = 0.01


@dataclass
class HasilImpor:
    """What an import found and (unless refused or a dry run) wrote."""

    batas: gpd.GeoDataFrame
    cocok: pd.DataFrame
    tak_dikenal: pd.DataFrame
    hilang: list[str]
    dibaca: int
    skema: Skema
    diperbaiki: int = 0
    penyederhanaan: Penyederhanaan | None = None
    cadangan: Path | None = None
    titik_luar: pd.DataFrame = field(default_factory=pd.DataFrame)
    ditulis: bool = False
    tumpang_tindih: list[tuple[str, str, float]] = field(default_factory=list)


def awalan_wilayah(teks: str) -> str:
    """``6474`` or ``64.74`` → ``64.74``; a province ``64`` stays ``64``."""
    digit = "".join(ch for ch in teks if ch.isdigit())
    bagian, i = [], 0
    for lebar in (2, 2, 2, 4):
        if i < len(digit):
            bagian.append(digit[i:i + lebar])
        i += lebar
    return ".".join(bagian)


def saring_wilayah(awalan: str | None) -> Callable[[gpd.GeoDataFrame, Skema], gpd.GeoDataFrame]:
    """A batch filter keeping features whose Kemendagri code starts with ``awalan``."""
    def saring(gdf: gpd.GeoDataFrame, skema: Skema) -> gpd.GeoDataFrame:
        if not awalan or not skema.kolom_kode:
            return gdf
        kode = kode_desa(gdf[skema.kolom_kode])
        return gdf[(kode == awalan) | kode.str.startswith(awalan + ".")]
    return saring


def _saran_utm(bbox: tuple[float, float, float, float] | None) -> str:
    """The UTM zone of the region's bounding box, e.g. ``EPSG:32650`` for Bontang."""
    if not bbox:
        return "EPSG:32650"
    lon, lat = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    return f"EPSG:{(32600 if lat >= 0 else 32700) + int((lon + 180) // 6) + 1}"


def _derajat(gdf: gpd.GeoDataFrame) -> bool:
    minx, miny, maxx, maxy = gdf.total_bounds
    return bool(-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90)


def _crs_sumber(gdf: gpd.GeoDataFrame, nama: str, kabar: Callable[[str], None], crs: str | None = None,
                bbox: tuple[float, float, float, float] | None = None) -> gpd.GeoDataFrame:
    if crs:
        try:
            return gdf.set_crs(pyproj.CRS.from_user_input(crs), allow_override=True)
        except pyproj.exceptions.CRSError:
            raise GalatData(f"--crs {crs!r} bukan sistem koordinat yang dikenal. Contoh: --crs {_saran_utm(bbox)} (UTM) atau --crs EPSG:4326.") from None
    # GeoJSON without a "crs" member is read as EPSG:4326 by definition, so a
    # UTM file saved as GeoJSON arrives labelled as degrees: check the numbers too.
    if gdf.crs is not None and not (gdf.crs.is_geographic and not _derajat(gdf)):
        return gdf
    if _derajat(gdf):
        kabar(f"PERINGATAN: {nama} tidak mencantumkan sistem koordinat; dianggap WGS84 (EPSG:4326) karena angkanya berupa derajat.")
        return gdf.set_crs("EPSG:4326", allow_override=True)
    minx, miny, maxx, maxy = (round(float(v)) for v in gdf.total_bounds)
    raise GalatData(
        f"{nama} tidak mencantumkan sistem koordinat yang benar: koordinatnya ({minx}, {miny} … {maxx}, {maxy}) "
        "adalah meter, bukan derajat, jadi kemungkinan besar UTM. Sebutkan sistem koordinatnya dengan --crs, "
        f"misalnya --crs {_saran_utm(bbox)} (UTM zona wilayah ini), atau sertakan berkas .prj dari sumber aslinya."
    )


def _periksa_ukuran(gdf: gpd.GeoDataFrame, nama: str) -> None:
    """Features and vertices within KIM_BATAS_UNSUR / KIM_BATAS_TITIK_SUDUT, before any heavy geometry work."""
    if len(gdf) > batasan.UNSUR.nilai():
        raise GalatData(f"{nama}: " + batasan.UNSUR.pesan(angka(len(gdf))))
    titik = int(shapely.get_num_coordinates(gdf.geometry.to_numpy()).sum())
    if titik > batasan.TITIK_SUDUT.nilai():
        raise GalatData(f"{nama}: " + batasan.TITIK_SUDUT.pesan(angka(titik)) + " Atau sederhanakan dulu di QGIS.")


def _periksa_letak(batas: gpd.GeoDataFrame, nama: str, bbox: tuple[float, float, float, float] | None,
                   path_kim: Path, ref: Referensi, wil, out: Path) -> None:
    """Refuse a result that lies elsewhere on Earth (a wrong CRS label) or that no KIM point falls in."""
    if bbox and not batas.intersects(shapely.box(*bbox)).any():
        minx, miny, maxx, maxy = batas.total_bounds
        raise GalatData(
            f"Impor dibatalkan: hasil impor {nama} (bujur {minx:.2f}…{maxx:.2f}, lintang {miny:.2f}…{maxy:.2f}) tidak "
            f"bertumpang dengan wilayah {wil.nama} (batas_bbox {bbox[0]:.2f}…{bbox[2]:.2f}, {bbox[1]:.2f}…{bbox[3]:.2f} di "
            f"wilayah.json). Sistem koordinat berkas kemungkinan salah label: ulangi dengan --crs, mis. --crs {_saran_utm(bbox)}. "
            f"{out.name} tidak diubah. Gunakan --force hanya bila memang disengaja."
        )
    titik = titik_kim(path_kim, ref, wil)
    if len(titik) and not titik.within(batas.union_all()).any():
        raise GalatData(
            f"Impor dibatalkan: tidak satu pun dari {angka(len(titik))} titik KIM berada di dalam batas hasil impor {nama}. "
            f"Periksa sistem koordinat (--crs) dan --wilayah. {out.name} tidak diubah. Gunakan --force hanya bila memang disengaja."
        )


def susun_batas(gdf: gpd.GeoDataFrame, cocok: pd.DataFrame, ref: Referensi, sumber: str,
                toleransi_m: float | None) -> tuple[gpd.GeoDataFrame, int, Penyederhanaan | None, pd.Series]:
    """Matched features → one clean 2D EPSG:4326 polygon per kelurahan with properties."""
    dipakai = cocok["kode"] != ""
    metrik = gdf.loc[dipakai].to_crs(gdf.loc[dipakai].to_crs("EPSG:4326").estimate_utm_crs())
    geom, diperbaiki = bersihkan(metrik.geometry.to_numpy())
    bagian = gpd.GeoDataFrame({"kode": cocok.loc[dipakai, "kode"].to_numpy()}, geometry=geom, crs=metrik.crs)
    bagian = bagian[~bagian.geometry.is_empty]
    jumlah_bagian = bagian.explode(index_parts=False).groupby("kode").size()
    satu = bagian.dissolve(by="kode").sort_index()
    hasil_sederhana = None
    if toleransi_m:
        nama = pd.Index(ref.tabel.loc[satu.index, "kelurahan"].astype(str))
        satu["geometry"], hasil_sederhana = sederhanakan_tanpa_celah(satu.geometry, toleransi_m, nama)
    luas = (satu.area / 1e6).round(3)
    wgs = satu.to_crs("EPSG:4326").geometry
    wgs = gpd.GeoSeries(shapely.set_precision(wgs.to_numpy(), PRESISI_DERAJAT), index=wgs.index, crs="EPSG:4326")
    wgs = gpd.GeoSeries(bersihkan(wgs.to_numpy())[0], index=wgs.index, crs="EPSG:4326")
    baris = ref.tabel.loc[satu.index]
    keluaran = gpd.GeoDataFrame({
        "kode": satu.index.to_numpy(),
        "kelurahan": baris["kelurahan"].astype(str).to_numpy(),
        "kecamatan": baris["kecamatan"].astype(str).to_numpy(),
        "kode_kecamatan": baris["kode_kecamatan"].astype(str).to_numpy(),
        "luas_km2": luas.to_numpy(),
        "sumber": sumber,
    }, geometry=wgs.to_numpy(), crs="EPSG:4326")
    return keluaran[[*KOLOM_BATAS, "geometry"]], diperbaiki, hasil_sederhana, jumlah_bagian


def tumpang_tindih(batas: gpd.GeoDataFrame, ambang_km2: float = AMBANG_TUMPANG_KM2) -> list[tuple[str, str, float]]:
    """Neighbours sharing area (kode, kode, km²): a repaired or badly digitised polygon.

    Repair makes every polygon valid on its own, but cannot know where a
    twisted outline was meant to go; an officer should look at these.
    """
    metrik = batas.to_crs(batas.estimate_utm_crs()).reset_index(drop=True)
    pasangan = gpd.sjoin(metrik, metrik[["kode", "geometry"]], predicate="intersects")
    pasangan = pasangan[pasangan["kode_left"] < pasangan["kode_right"]]
    if pasangan.empty:
        return []
    kanan = metrik.geometry.to_numpy()[pasangan["index_right"].to_numpy()]
    luas = shapely.area(shapely.intersection(pasangan.geometry.to_numpy(), kanan)) / 1e6
    return [(a, b, round(float(km2), 3)) for a, b, km2 in zip(pasangan["kode_left"], pasangan["kode_right"], luas) if km2 > ambang_km2]


def tulis_batas(batas: gpd.GeoDataFrame, out: Path) -> Path | None:
    """Back up the current file, then replace it atomically; returns the backup path."""
    cadangan = cadangkan(out)
    opsi = {"COORDINATE_PRECISION": 7, "RFC7946": "YES"}
    tulis_atomik(out, lambda temp: pyogrio.write_dataframe(batas, temp, layer=out.stem, driver="GeoJSON", layer_options=opsi))
    return cadangan


def impor_batas(
    src: Path | str,
    out: Path | str | None = None,
    wilayah: str | None = None,
    kolom_nama: str | None = None,
    kolom_kode: str | None = None,
    kolom_kecamatan: str | None = None,
    lapisan: str | None = None,
    toleransi_m: float | None = None,
    paksa: bool = False,
    uji: bool = False,
    kim: Path | str | None = None,
    kabar: Callable[[str], None] = lambda _: None,
    crs: str | None = None,
    sumber_teks: str | None = None,
) -> HasilImpor:
    """Import ``src`` into ``out`` (default: the configured boundaries file).

    Raises :class:`GalatData` when nothing matches, or when a kelurahan used
    by the KIM data would be lost and ``paksa`` is False; the old file is
    then untouched.
    """
    src = Path(src)
    out = Path(out) if out else config.path_batas()
    ref = muat_referensi()
    wil = muat_wilayah()
    awalan = awalan_wilayah(wilayah or wil.kode) or None

    def kenali(contoh: pd.DataFrame) -> Skema:
        return kenali_skema(contoh, kolom_nama, kolom_kode, kolom_kecamatan)

    gdf, skema, dibaca = baca_sumber(src, lapisan, kenali, saring_wilayah(awalan), kabar)
    kabar(f"Skema dikenali: {skema.uraian()}.")
    if wilayah and not skema.kolom_kode:
        raise GalatData(
            f"--wilayah {wilayah} memerlukan kolom kode Kemendagri, tetapi {src.name} tidak memilikinya. "
            "Pilih kolom kode dengan --code-field, atau hilangkan --wilayah (fitur lalu dicocokkan menurut nama dan kecamatan)."
        )
    if awalan and skema.kolom_kode:
        kabar(f"Wilayah {awalan}: {len(gdf)} dari {dibaca} fitur.")
    gdf = _crs_sumber(gdf, src.name, kabar, crs, wil.batas_bbox)
    gdf = gdf[gdf.geometry.notna()]
    _periksa_ukuran(gdf, src.name)
    cocok = cocokkan(gdf, skema, ref)
    level = pilih_level(gdf, cocok, skema, kabar)
    gdf, cocok = gdf[level], cocok[level]
    if not (cocok["kode"] != "").any():
        raise GalatData(
            f"Tidak ada fitur di {src.name} yang cocok dengan tabel referensi kelurahan ({len(gdf)} fitur diperiksa, skema {skema.uraian()}). "
            "Periksa --wilayah, atau pilih kolom nama/kode dengan --name-field/--code-field."
        )
    if PENANDA_SKEMATIK in src.name.lower():
        kabar(f"PERINGATAN: nama berkas sumber memuat kata '{PENANDA_SKEMATIK}', jadi peta tetap menandainya sebagai batas skematik.")
    # Prints cite the human source ("BIG, Batas Desa/Kelurahan 1:10.000, 2022"); the file name is the fallback.
    sumber = (sumber_teks or "").strip() or f"{src.name}, diimpor {tanggal(dt.date.today())}"
    titik = int(shapely.get_num_coordinates(gdf.geometry.to_numpy()).sum())
    kabar(f"Memproses {angka(int((cocok['kode'] != '').sum()))} fitur ({angka(titik)} titik): proyeksi, perbaikan, penggabungan"
          + (f", penyederhanaan {angka(toleransi_m)} m" if toleransi_m else "") + " ...")
    batas, diperbaiki, penyederhanaan, jumlah_bagian = susun_batas(gdf, cocok, ref, sumber, toleransi_m)
    if batas.empty:
        raise GalatData(f"Fitur yang cocok di {src.name} tidak memiliki poligon yang sah (kosong setelah diperbaiki). Periksa geometrinya di QGIS.")
    cocok = cocok.assign(bagian=cocok["kode"].map(jumlah_bagian).fillna(0).astype(int))
    hasil = HasilImpor(
        batas=batas, cocok=cocok[cocok["kode"] != ""], tak_dikenal=cocok[cocok["kode"] == ""],
        hilang=[k for k in ref.kode if k not in set(batas["kode"])], dibaca=dibaca, skema=skema,
        diperbaiki=diperbaiki, penyederhanaan=penyederhanaan, tumpang_tindih=tumpang_tindih(batas),
    )
    path_kim = Path(kim) if kim else config.path_kim()
    dipakai = kode_dipakai_kim(path_kim, ref)
    hilang_kim = sorted(set(hasil.hilang) & dipakai)
    if not paksa:
        _periksa_letak(batas, src.name, wil.batas_bbox, path_kim, ref, wil, out)
    if hilang_kim and not paksa:
        nama = ", ".join(f"{ref.tabel.at[k, 'kelurahan']} ({k})" for k in hilang_kim)
        raise GalatData(
            f"Impor dibatalkan: kelurahan {nama} dipakai oleh data KIM ({path_kim.name}) tetapi tidak ada di {src.name}. "
            f"{out.name} tidak diubah. Periksa --wilayah/kolom, atau ulangi dengan --force bila memang disengaja."
        )
    if not uji:
        hasil.cadangan = tulis_batas(batas, out)
        hasil.ditulis = True
    hasil.titik_luar = titik_pindah(path_kim, ref, wil, batas)
    return hasil


def laporan_impor(h: HasilImpor, ref: Referensi, out: Path) -> str:
    """The import report an officer reads in the terminal."""
    baris = [f"Cocok: {h.batas.shape[0]} kelurahan dari {len(h.cocok)} fitur ({h.dibaca} fitur dibaca)."]
    for kode, grup in h.cocok.groupby("kode"):
        cara = ", ".join(dict.fromkeys(f"{c} '{n}'" if c == "ejaan lain" else c for c, n in zip(grup["cara"], grup["nama_sumber"])))
        luas = h.batas.loc[h.batas["kode"] == kode, "luas_km2"]
        baris.append(f"  {kode}  {ref.tabel.at[kode, 'kelurahan']:<22} lewat {cara}; {int(grup['bagian'].iloc[0])} bagian; "
                     f"{angka(float(luas.iloc[0]), 2) if len(luas) else '-'} km²")
    if len(h.tak_dikenal):
        baris.append(f"Tidak dikenal ({len(h.tak_dikenal)} fitur, diabaikan):")
        for _, r in h.tak_dikenal.head(20).iterrows():
            baris.append(f"  fitur {int(r.name) + 1}: nama {r['nama_sumber'] or '-'!r}, kode {r['kode_sumber'] or '-'!r}: {r['alasan']}")
        if len(h.tak_dikenal) > 20:
            baris.append(f"  ... dan {len(h.tak_dikenal) - 20} fitur lainnya")
    if h.hilang:
        baris.append("Kelurahan referensi yang tidak ada di sumber: " + ", ".join(f"{ref.tabel.at[k, 'kelurahan']} ({k})" for k in h.hilang))
    if h.diperbaiki:
        baris.append(f"Geometri tidak sah diperbaiki: {h.diperbaiki} fitur.")
    for a, b, km2 in h.tumpang_tindih:
        baris.append(f"PERINGATAN: {ref.tabel.at[a, 'kelurahan']} dan {ref.tabel.at[b, 'kelurahan']} bertumpang tindih "
                     f"{angka(km2, 3)} km². Periksa poligonnya di QGIS (sering karena garis batas yang terpuntir).")
    if h.penyederhanaan:
        baris.append(h.penyederhanaan.uraian())
    if h.ditulis:
        cad = f"; versi lama disimpan di {h.cadangan}" if h.cadangan else ""
        baris.append(f"Ditulis: {out}{cad}.")
    else:
        baris.append(f"Uji coba (--dry-run): {out} tidak diubah.")
    if len(h.titik_luar):
        baris.append(f"Titik KIM yang kini berada di luar kelurahannya ({len(h.titik_luar)}):")
        baris.extend(f"  {r.id_potensi} ({r.nama_kim}, {r.kelurahan}): {r.keterangan}" for r in h.titik_luar.itertuples())
    else:
        baris.append("Semua titik KIM berada di dalam kelurahannya.")
    return "\n".join(baris)
