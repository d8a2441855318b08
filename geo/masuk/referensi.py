"""The region's kelurahan reference: canonical codes, names and aliases.

Real files spell the same kelurahan many ways ("Api-api", "API-API",
"Kel. Loktuan", "Berebas Tengah"); every loader matches them through this one
table, preferring the Kemendagri code.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geo import config
from geo.galat import GalatData
from geo.masuk.baca import BYTE_JALUR_CEPAT
from geo.masuk.tingkat import lengkapi_tingkat

KOLOM_REFERENSI = ("kode", "kelurahan", "kecamatan", "kode_kecamatan", "luas_km2")

_AWALAN = re.compile(r"^\s*(kelurahan|kel|desa|ds)\b[\s.\-:_]*", re.IGNORECASE)
_KODE = re.compile(r"^(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})$")


def normalisasi_nama(nama: object) -> str:
    """A spelling-insensitive key: no prefix, case, spaces or punctuation."""
    if nama is None or (isinstance(nama, float) and pd.isna(nama)):
        return ""
    teks = _AWALAN.sub("", str(nama).strip())
    return re.sub(r"[^0-9a-z]+", "", teks.lower())


def normalisasi_kode(kode: object) -> str:
    """Kemendagri code as ``64.74.01.1001``; accepts ``6474011001`` too."""
    if kode is None or (isinstance(kode, float) and pd.isna(kode)):
        return ""
    teks = re.sub(r"\s+", "", str(kode))
    m = _KODE.match(teks)
    return ".".join(m.groups()) if m else teks


def normalisasi_kode_seri(kode: pd.Series) -> pd.Series:
    """:func:`normalisasi_kode` for a whole column at once (a national table has 83,000 codes)."""
    teks = kode.astype("string").fillna("").str.replace(r"\s+", "", regex=True)
    return teks.str.replace(_KODE.pattern, r"\1.\2.\3.\4", regex=True).astype(object)


def kode_ascii(kode: pd.Series) -> pd.Series:
    """:func:`normalisasi_kode` for printable-ASCII text, where a space is the only whitespace.

    Written without ``\\s`` so pandas keeps it in Arrow (``\\s`` sends it to
    Python's ``re``, one call per value).
    """
    teks = kode.astype("string")
    # Codes already written PP.KK.CC.DDDD (nearly all) are their own normal form.
    perlu = ~teks.str.fullmatch(r"\d{2}\.\d{2}\.\d{2}\.\d{4}").fillna(False)
    if perlu.any():
        bersih = teks[perlu].str.replace(" ", "", regex=False).str.replace(_KODE.pattern, r"\1.\2.\3.\4", regex=True)
        teks = teks.mask(perlu, bersih)
    return teks.astype(object)


def nama_ascii(nama: pd.Series) -> pd.Series:
    """:func:`normalisasi_nama` for printable-ASCII text, in Arrow (see :func:`kode_ascii`)."""
    teks = nama.astype("string").str.strip().str.replace(r"(?i)^(kelurahan|kel|desa|ds)\b[ .\-:_]*", "", regex=True)
    return teks.str.lower().str.replace(r"[^0-9a-z]+", "", regex=True).astype(object)


@dataclass(frozen=True)
class Referensi:
    """Lookup of desa/kelurahan by code or by any known spelling.

    ``nama`` holds one row per (spelling key, code): names repeat across
    Indonesia, so a spelling may belong to several codes, resolved further
    through the kecamatan and kab/kota (:func:`geo.masuk.nama.selesaikan_nama`).
    """

    tabel: pd.DataFrame
    nama: pd.DataFrame  # columns kunci, kode

    @property
    def kode(self) -> list[str]:
        return list(self.tabel.index)

    def ada(self, kode: str) -> bool:
        return kode in self.tabel.index

    def baris(self, kode: str) -> pd.Series:
        return self.tabel.loc[kode]

    def calon_nama(self, nama: object) -> list[str]:
        """Every code whose name or alias is spelled like ``nama``."""
        kunci = normalisasi_nama(nama)
        return list(self.nama.loc[self.nama["kunci"] == kunci, "kode"]) if kunci else []

    def cari_nama(self, nama: object) -> str | None:
        """The code for a spelling of a name, or None when unknown or shared by several units."""
        calon = self.calon_nama(nama)
        return calon[0] if len(calon) == 1 else None

    def saran_nama(self, nama: object) -> str | None:
        """The closest canonical name, for 'did you mean' messages."""
        kunci = normalisasi_nama(nama)
        semua = self.nama.drop_duplicates("kunci")
        cocok = difflib.get_close_matches(kunci, list(semua["kunci"]), n=1, cutoff=0.6)
        if not cocok:
            return None
        kode = semua.loc[semua["kunci"] == cocok[0], "kode"].iloc[0]
        return str(self.tabel.at[kode, "kelurahan"])

    def kecamatan(self) -> list[str]:
        return list(dict.fromkeys(self.tabel["kecamatan"]))


def buat_referensi(tabel: pd.DataFrame, nama_kabkota: str = "", nama_provinsi: str = "") -> Referensi:
    """Index a reference table by code and by every normalised spelling (all codes kept)."""
    from geo.masuk.teks import per_nilai  # geo.masuk.teks is light, but keep this module's imports minimal

    tabel = tabel.copy()
    tabel["kode"] = per_nilai(tabel["kode"], normalisasi_kode, kode_ascii).astype(object)
    tabel = lengkapi_tingkat(tabel, nama_kabkota, nama_provinsi).set_index("kode", drop=False)
    alias = tabel["alias"].fillna("").astype(str) if "alias" in tabel else pd.Series("", index=tabel.index)
    ejaan = _ejaan(tabel["kelurahan"].astype(str), alias)
    kunci = per_nilai(ejaan.str.strip(), normalisasi_nama, nama_ascii)
    nama = pd.DataFrame({"kunci": kunci.to_numpy(dtype=object), "kode": kunci.index.to_numpy()})
    nama = nama[nama["kunci"] != ""].drop_duplicates().reset_index(drop=True)
    return Referensi(tabel=tabel, nama=nama)


def _ejaan(nama: pd.Series, alias: pd.Series) -> pd.Series:
    """Every spelling of each unit, name first, then its ``|``-separated aliases, indexed by code.

    Only rows with aliases (or a ``|`` in the name) are split: a national
    table has 83,000 names and few aliases. (Splitting the others would only
    add empty spellings, which are dropped anyway.)
    """
    pisah = (alias != "").to_numpy() | nama.str.contains("|", regex=False).to_numpy()
    if not pisah.any():
        return nama
    pos = np.arange(len(nama))
    bagian = (nama[pisah] + "|" + alias[pisah]).str.split("|")
    urut = np.concatenate([pos[~pisah], np.repeat(pos[pisah], bagian.str.len().to_numpy())])
    semua = pd.concat([nama[~pisah].astype(object), bagian.explode()])
    return semua.iloc[np.argsort(urut, kind="stable")]


def muat_referensi(path: Path | None = None, nama_kabkota: str = "", nama_provinsi: str = "") -> Referensi:
    """Read ``data/kelurahan.csv``; aliases are ``|``-separated spellings.

    Optional columns ``kode_kabkota``, ``kabkota``, ``kode_provinsi`` and
    ``provinsi`` name the higher levels of a province or national table.
    """
    path = Path(path) if path else config.path_referensi()
    try:
        # pyarrow for a national table; pandas' own parser for a kota's (pyarrow's first read costs ~15 ms, #26).
        mesin = "pyarrow" if path.stat().st_size >= BYTE_JALUR_CEPAT else "c"
        tabel = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False, engine=mesin)
    except (OSError, ValueError) as exc:
        raise GalatData(
            f"Tabel referensi kelurahan {path} tidak dapat dibaca ({exc}). "
            "Pastikan berkas CSV itu ada, atau atur KIM_REFERENSI."
        ) from exc
    kurang = [k for k in KOLOM_REFERENSI if k not in tabel.columns]
    if kurang:
        raise GalatData(
            f"Tabel referensi kelurahan {path} tidak memiliki kolom {', '.join(kurang)}. "
            f"Kolom yang diperlukan: {', '.join(KOLOM_REFERENSI)}."
        )
    tabel["luas_km2"] = pd.to_numeric(tabel["luas_km2"], errors="coerce")
    return buat_referensi(tabel, nama_kabkota, nama_provinsi)
