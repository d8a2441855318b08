"""Administrative levels read from the Kemendagri code ``PP.KK.CC.DDDD``.

The code already nests province, kab/kota, kecamatan and desa/kelurahan, so
every level is a prefix of it: no extra table is needed to aggregate or to
drill down, and a region file only has to name the units.
"""

from __future__ import annotations

import re

import pandas as pd

# Coarsest first; the URL parameter ``tingkat`` takes these names.
TINGKAT: tuple[str, ...] = ("provinsi", "kabkota", "kecamatan", "kelurahan")
# Length of the code prefix that identifies a unit at each level.
PANJANG_KODE: dict[str, int] = {"provinsi": 2, "kabkota": 5, "kecamatan": 8, "kelurahan": 13}
# Columns of a reference table that name each level (the unit's own name is ``kelurahan``).
KOLOM_NAMA: dict[str, str] = {"provinsi": "provinsi", "kabkota": "kabkota", "kecamatan": "kecamatan", "kelurahan": "kelurahan"}
KOLOM_KODE: dict[str, str] = {"provinsi": "kode_provinsi", "kabkota": "kode_kabkota", "kecamatan": "kode_kecamatan", "kelurahan": "kode"}

JENIS_KELURAHAN, JENIS_DESA, JENIS_CAMPUR = "kelurahan", "desa", "desa/kelurahan"


def tingkat_kode(awalan: str) -> str | None:
    """The level a code prefix names (``64.74`` → ``kabkota``), or None."""
    for nama, n in PANJANG_KODE.items():
        if len(awalan) == n:
            return nama
    return None


def normalisasi_awalan(teks: str) -> str:
    """A code prefix as typed (``6474``, `` 64.74 ``, ``64740110 01``) → dotted ``64.74``."""
    bersih = re.sub(r"[\s.]+", "", str(teks or ""))
    if not bersih.isdigit() or len(bersih) not in (2, 4, 6, 10):
        return str(teks or "").strip()
    bagian = [bersih[0:2], bersih[2:4], bersih[4:6], bersih[6:10]]
    return ".".join(b for b in bagian if b)


def tingkat_sah(nilai: str | None) -> str | None:
    """A level name as typed (``kab/kota``, ``Kelurahan``, ``desa``) → its canonical name."""
    if not nilai:
        return None
    kunci = str(nilai).strip().lower().replace("/", "").replace(" ", "").replace("_", "")
    alias = {"prov": "provinsi", "kabupaten": "kabkota", "kota": "kabkota", "kab": "kabkota",
             "kec": "kecamatan", "desa": "kelurahan", "desakelurahan": "kelurahan", "kel": "kelurahan"}
    kunci = alias.get(kunci, kunci)
    return kunci if kunci in TINGKAT else None


def awalan_seri(kode: pd.Series, tingkat: str) -> pd.Series:
    """Each code cut to its unit at ``tingkat`` (vectorised string slice)."""
    return kode.astype(str).str.slice(0, PANJANG_KODE[tingkat])


def lebih_halus(tingkat: str) -> str | None:
    """The next level down (where a click drills to), or None at the bottom."""
    i = TINGKAT.index(tingkat)
    return TINGKAT[i + 1] if i + 1 < len(TINGKAT) else None


def jenis_seri(kode: pd.Series) -> pd.Series:
    """``desa`` or ``kelurahan`` per code: the fourth part starts with 2 for a desa."""
    digit = kode.astype(str).str.slice(9, 10)
    return pd.Series(JENIS_KELURAHAN, index=kode.index).mask(digit == "2", JENIS_DESA)


def kata_jenis(jenis: pd.Series | list[str]) -> str:
    """The word for a set of units: ``desa``, ``kelurahan`` or ``desa/kelurahan`` when mixed."""
    ada = set(pd.Series(jenis, dtype=object).dropna())
    if ada == {JENIS_DESA}:
        return JENIS_DESA
    if ada == {JENIS_KELURAHAN} or not ada:
        return JENIS_KELURAHAN
    return JENIS_CAMPUR


def jenis_batas(batas: pd.DataFrame) -> str:
    """:func:`kata_jenis` of a boundary table's units (``kelurahan`` for a table without ``jenis_unit``)."""
    if not len(batas) or "jenis_unit" not in batas:
        return JENIS_KELURAHAN
    return kata_jenis(batas["jenis_unit"].dropna().astype(str).unique().tolist())


def lengkapi_tingkat(tabel: pd.DataFrame, nama_kabkota: str = "", nama_provinsi: str = "") -> pd.DataFrame:
    """Add the level codes, names and ``jenis_unit`` a single-kota table leaves out.

    Codes come from the unit's own code; a missing kab/kota or province name
    falls back to the region's name (``wilayah.json``) and then to the code,
    so today's one-kota tables keep working unchanged.
    """
    hasil = tabel.copy()
    kode = hasil["kode"].astype(str)
    for tingkat in ("provinsi", "kabkota", "kecamatan"):
        kolom_kode, kolom_nama = KOLOM_KODE[tingkat], KOLOM_NAMA[tingkat]
        if kolom_kode not in hasil or hasil[kolom_kode].isna().all():
            hasil[kolom_kode] = awalan_seri(kode, tingkat)
        hasil[kolom_kode] = hasil[kolom_kode].fillna("").astype(str)
        cadangan = {"kabkota": nama_kabkota, "provinsi": nama_provinsi}.get(tingkat, "")
        if kolom_nama not in hasil:
            hasil[kolom_nama] = ""
        nama = hasil[kolom_nama].fillna("").astype(str).str.strip()
        if cadangan and hasil[kolom_kode].nunique() == 1:
            nama = nama.mask(nama == "", cadangan)
        hasil[kolom_nama] = nama.mask(nama == "", hasil[kolom_kode])
    hasil["jenis_unit"] = jenis_seri(kode)
    return hasil
