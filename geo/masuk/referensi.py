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

import pandas as pd

from geo import config
from geo.galat import GalatData

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


@dataclass(frozen=True)
class Referensi:
    """Lookup of kelurahan by code or by any known spelling."""

    tabel: pd.DataFrame
    _per_nama: dict[str, str]

    @property
    def kode(self) -> list[str]:
        return list(self.tabel.index)

    def ada(self, kode: str) -> bool:
        return kode in self.tabel.index

    def baris(self, kode: str) -> pd.Series:
        return self.tabel.loc[kode]

    def cari_nama(self, nama: object) -> str | None:
        """The code for a spelling of a kelurahan name, or None."""
        return self._per_nama.get(normalisasi_nama(nama))

    def saran_nama(self, nama: object) -> str | None:
        """The closest canonical name, for 'did you mean' messages."""
        kunci = normalisasi_nama(nama)
        cocok = difflib.get_close_matches(kunci, list(self._per_nama), n=1, cutoff=0.6)
        return str(self.tabel.loc[self._per_nama[cocok[0]], "kelurahan"]) if cocok else None

    def kecamatan(self) -> list[str]:
        return list(dict.fromkeys(self.tabel["kecamatan"]))


def buat_referensi(tabel: pd.DataFrame) -> Referensi:
    """Index a reference table by code and by every normalised spelling."""
    tabel = tabel.copy()
    tabel["kode"] = tabel["kode"].map(normalisasi_kode)
    tabel = tabel.set_index("kode", drop=False)
    per_nama: dict[str, str] = {}
    alias = tabel["alias"] if "alias" in tabel else pd.Series("", index=tabel.index)
    for kode, nama, lain in zip(tabel.index, tabel["kelurahan"], alias.fillna("")):
        for ejaan in [nama, *str(lain).split("|")]:
            kunci = normalisasi_nama(ejaan)
            if kunci:
                per_nama.setdefault(kunci, kode)
    return Referensi(tabel=tabel, _per_nama=per_nama)


def muat_referensi(path: Path | None = None) -> Referensi:
    """Read ``data/kelurahan.csv``; aliases are ``|``-separated spellings."""
    path = Path(path) if path else config.path_referensi()
    try:
        tabel = pd.read_csv(path, dtype={"kode": str, "kode_kecamatan": str}, encoding="utf-8-sig")
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
    return buat_referensi(tabel)
