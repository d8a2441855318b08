"""Match boundary features to the kelurahan reference: by code, then by name.

Official files spell names their own way ("API-API", "Kel. Loktuan") and
province files repeat names across kota, so a name only counts when its
kecamatan (if the file has one) agrees too.
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.impor.baca import KODE_DESA, Skema, kode_desa
from geo.masuk.nama import kode_untuk_nama
from geo.masuk.referensi import Referensi, normalisasi_nama


def _teks(df: pd.DataFrame, kolom: tuple[str, ...] | str | None) -> pd.Series:
    """First non-empty value among ``kolom`` per row, as stripped text."""
    hasil = pd.Series("", index=df.index, dtype=object)
    for nama in (kolom,) if isinstance(kolom, str) else (kolom or ()):
        nilai = df[nama].astype(object).where(df[nama].notna(), "").astype(str).str.strip()
        hasil = hasil.where(hasil != "", nilai)
    return hasil


def cocokkan(gdf: pd.DataFrame, skema: Skema, ref: Referensi) -> pd.DataFrame:
    """Per feature: the reference code and how it matched (code, name, spelling variant), or why not."""
    kode_sumber = kode_desa(gdf[skema.kolom_kode]) if skema.kolom_kode else pd.Series("", index=gdf.index)
    nama = _teks(gdf, skema.kolom_nama)
    kec = _teks(gdf, skema.kolom_kecamatan)
    per_kode = kode_sumber.where(kode_sumber.isin(ref.tabel.index), "")
    # A full code from another kota is a different kelurahan, whatever its name.
    kota_ref = set(ref.tabel.index.str[:5])
    kode_lain = kode_sumber.str.match(KODE_DESA) & ~kode_sumber.str[:5].isin(kota_ref)
    per_nama = kode_untuk_nama(ref, nama, kecamatan=kec).where(~kode_lain, "")  # homonyms narrowed by kecamatan
    kanonik = per_nama.map(ref.tabel["kelurahan"].map(normalisasi_nama)).fillna("")
    kec_ref = per_nama.map(ref.tabel["kecamatan"].map(normalisasi_nama)).fillna("")
    kec_beda = (kec != "") & (per_nama != "") & (kec.map(normalisasi_nama) != kec_ref)
    per_nama = per_nama.where(~kec_beda, "")
    kode = per_kode.where(per_kode != "", per_nama)
    cara = np.select(
        [per_kode != "", (per_nama != "") & (nama.map(normalisasi_nama) == kanonik), per_nama != ""],
        ["kode", "nama", "ejaan lain"],
        "",
    )
    alasan = np.select(
        [kec_beda, (kode_sumber != "") & (nama != ""), kode_sumber != "", nama != ""],
        ["nama cocok, tetapi kecamatannya berbeda", "kode dan nama tidak ada di tabel referensi",
         "kode tidak ada di tabel referensi", "nama tidak ada di tabel referensi"],
        "tanpa nama dan kode",
    )
    return pd.DataFrame({
        "kode": kode, "cara": cara, "nama_sumber": nama, "kode_sumber": kode_sumber, "kecamatan_sumber": kec,
        "alasan": np.where(kode != "", "", alasan),
    }, index=gdf.index)


def pilih_level(gdf: gpd.GeoDataFrame, cocok: pd.DataFrame, skema: Skema, kabar: Callable[[str], None]) -> pd.Series:
    """OSM extracts mix admin levels; keep the level where most names match kelurahan."""
    semua = pd.Series(True, index=gdf.index)
    if not skema.kolom_level or gdf[skema.kolom_level].nunique() < 2:
        return semua
    level = gdf[skema.kolom_level].astype(str)
    skor = (cocok["kode"] != "").groupby(level).sum()
    terbaik = str(skor.idxmax())
    kabar(f"Tingkat wilayah dipakai: {skema.kolom_level}={terbaik} ({int(skor.max())} fitur cocok).")
    return level == terbaik
