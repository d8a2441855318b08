"""Reference tables of the budget form, kept as data files beside ``wilayah.json``.

* ``akun_belanja.csv`` (``kode_rekening``, ``nama_akun``): the account chart, every level
  (``5``, ``5.1``, ``5.1.02`` … ``5.1.02.01.01.0024``), so subtotals have names.
* ``standar_harga.csv`` (``kode_standar``, ``uraian``, ``satuan``, ``harga_maks``,
  ``termasuk_pajak``, ``kode_rekening``, ``jenis``): SSH/SBU ceilings per unit.
* ``jenis_belanja_akun.csv`` (``jenis_belanja``, ``kode_rekening``): how a plan that
  only says ``jenis_belanja`` gets its account code; the office edits it.

The shipped files are *sample references* to be checked against the office's
SIPD; nothing about them is in code. A missing file means "no table": the
checks that need it are skipped, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo.anggaran.uang import urai_rupiah
from geo.galat import GalatData

BERKAS_AKUN = "akun_belanja.csv"
BERKAS_STANDAR = "standar_harga.csv"
BERKAS_JENIS = "jenis_belanja_akun.csv"
LEVEL_AKUN = 6
_YA = {"ya", "y", "true", "1", "yes"}


def tingkat_kode(kode: str) -> list[str]:
    """``'5.1.02.01.01.0024'`` → ``['5', '5.1', '5.1.02', '5.1.02.01', '5.1.02.01.01', '5.1.02.01.01.0024']``."""
    bagian = str(kode).split(".")
    return [".".join(bagian[: i + 1]) for i in range(len(bagian))]


@dataclass(frozen=True)
class StandarHarga:
    kode: str
    uraian: str
    satuan: str
    harga_maks: int
    termasuk_pajak: bool
    kode_rekening: str
    jenis: str


@dataclass(frozen=True)
class ReferensiAnggaran:
    """The three tables (each may be empty); ``sumber`` names the files read, for notes on prints."""

    akun: dict[str, str] = field(default_factory=dict)
    standar: dict[str, StandarHarga] = field(default_factory=dict)
    jenis_ke_akun: dict[str, str] = field(default_factory=dict)
    sumber: tuple[str, ...] = ()

    def nama_akun(self, kode: str) -> str:
        return self.akun.get(kode, "")


def _baca(path: Path, kolom: tuple[str, ...]) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    try:
        tabel = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", comment="#")
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise GalatData(f"{path.name}: tidak dapat dibaca sebagai CSV ({exc}). Periksa pemisah koma dan tanda kutipnya.") from None
    kurang = [k for k in kolom if k not in tabel.columns]
    if kurang:
        raise GalatData(f"{path.name}: kolom {', '.join(kurang)} tidak ada. Baris judulnya harus: {', '.join(kolom)}.")
    return tabel.apply(lambda s: s.str.strip())


def _standar(tabel: pd.DataFrame, nama: str) -> dict[str, StandarHarga]:
    hasil = {}
    for i, b in enumerate(tabel.itertuples(index=False), start=2):
        try:
            harga = urai_rupiah(b.harga_maks)
        except ValueError as exc:
            raise GalatData(f"{nama} baris {i}, kolom harga_maks: nilai {exc}") from None
        hasil[b.kode_standar] = StandarHarga(b.kode_standar, b.uraian, b.satuan, harga, b.termasuk_pajak.lower() in _YA,
                                             getattr(b, "kode_rekening", ""), getattr(b, "jenis", ""))
    return hasil


def muat_referensi_anggaran(folder: Path) -> ReferensiAnggaran:
    """The tables in ``folder`` (the folder of ``wilayah.json``); a bad file is a :class:`GalatData` naming it."""
    akun = _baca(folder / BERKAS_AKUN, ("kode_rekening", "nama_akun"))
    standar = _baca(folder / BERKAS_STANDAR, ("kode_standar", "uraian", "satuan", "harga_maks", "termasuk_pajak"))
    jenis = _baca(folder / BERKAS_JENIS, ("jenis_belanja", "kode_rekening"))
    return ReferensiAnggaran(
        akun=dict(zip(akun["kode_rekening"], akun["nama_akun"])) if akun is not None else {},
        standar=_standar(standar, BERKAS_STANDAR) if standar is not None else {},
        jenis_ke_akun=dict(zip(jenis["jenis_belanja"].str.lower(), jenis["kode_rekening"])) if jenis is not None else {},
        sumber=tuple(n for n, t in ((BERKAS_AKUN, akun), (BERKAS_STANDAR, standar), (BERKAS_JENIS, jenis)) if t is not None),
    )
