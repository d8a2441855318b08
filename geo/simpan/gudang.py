"""One storage interface for the page, the CLI and the exports: files or PostgreSQL.

Callers ask :func:`pilih_gudang` for the store and never learn which one it
is. Without ``KIM_DATABASE_URL`` (or ``[database] url`` in
``.streamlit/secrets.toml``) it is the files under ``data/``, exactly as
before; with it, the shared PostgreSQL/PostGIS database of :mod:`geo.simpan.pg`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pandas as pd

from geo import config
from geo.galat import Laporan
from geo.masuk.baca import baca_tabel
from geo.masuk.dataset import Dataset, muat_dataset
from geo.simpan import berkas as _berkas
from geo.simpan import kim as _kim
from geo.simpan.kim import HasilSimpan

JENIS_BERKAS = "berkas"
JENIS_POSTGRESQL = "postgresql"


class Cadangan(Protocol):
    """A stored earlier version of the KIM table: a backup file or an audit snapshot."""

    @property
    def nama(self) -> str: ...

    waktu: dt.datetime
    ukuran: int


@runtime_checkable
class Gudang(Protocol):
    """Where the region's data lives; both implementations keep the same promises.

    ``sidik`` is whatever :meth:`baca_untuk_sunting` returned: the caller keeps
    it and hands it back to :meth:`simpan_kim`, which raises
    :class:`geo.simpan.kim.GalatKonflik` if someone else changed the data it saw.
    """

    jenis: str

    def keterangan(self) -> str:
        """Where the data is, for messages (a database password is never shown)."""

    def versi(self) -> tuple:
        """Changes whenever any of the data changes: the cache key of :meth:`muat`."""

    def muat(self, kemajuan: Callable[[str, float], None] | None = None) -> Dataset:
        """The validated dataset; problems in ``laporan``, an unusable store as ``GalatData``.

        ``kemajuan(tahap, bagian)`` hears the stages of a long load (the CLI's progress bar).
        """

    def baca_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, Any]:
        """The KIM table as the editor starts from, and its fingerprint."""

    def simpan_kim(self, frame: pd.DataFrame, dataset: Dataset, pengguna: str, sidik_awal: Any, *, aksi: str = "sunting",
                   berkas: str = "tabel suntingan", catatan: str = "", periksa_konflik: bool = True) -> HasilSimpan:
        """Validate and save, with a backup and an audit entry, or refuse and say why."""

    def daftar_cadangan(self) -> list[Cadangan]:
        """Earlier versions, newest first."""

    def baca_cadangan(self, cadangan: Cadangan) -> pd.DataFrame | None:
        """An earlier version as text cells plus ``_baris`` (as read from a file), or None."""

    def pulihkan(self, cadangan: Cadangan, dataset: Dataset, pengguna: str, sidik_awal: Any = None,
                 periksa_konflik: bool = False) -> HasilSimpan:
        """Make an earlier version current again; the version it replaces is kept too."""

    def baca_audit(self) -> pd.DataFrame:
        """The audit log, newest first (columns as :func:`geo.simpan.kim.baca_audit`)."""


class GudangBerkas:
    """Today's embedded store: CSV/XLSX + GeoJSON files, a lock file, backups in ``cadangan/``."""

    jenis = JENIS_BERKAS

    def __init__(self, kim: Path | str | None = None, batas: Path | str | None = None,
                 referensi: Path | str | None = None, wilayah: Path | str | None = None) -> None:
        self._kim, self._batas, self._referensi, self._wilayah = kim, batas, referensi, wilayah

    def _paths(self) -> tuple[Path, Path, Path, Path]:
        return (Path(self._kim) if self._kim else config.path_kim(), Path(self._batas) if self._batas else config.path_batas(),
                Path(self._referensi) if self._referensi else config.path_referensi(),
                Path(self._wilayah) if self._wilayah else config.path_wilayah())

    def keterangan(self) -> str:
        return f"berkas {self._paths()[0]}"

    def versi(self) -> tuple:
        paths = self._paths()
        return (self.jenis, *_berkas.sidik_cepat(*paths, config.path_kegiatan(paths[0]), *_berkas_kim(paths[0])))

    def muat(self, kemajuan: Callable[[str, float], None] | None = None) -> Dataset:
        return muat_dataset(*self._paths(), kemajuan=kemajuan)

    def baca_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, _berkas.Sidik | None]:
        return _kim.baca_untuk_sunting(dataset)

    def simpan_kim(self, frame: pd.DataFrame, dataset: Dataset, pengguna: str, sidik_awal: Any, *, aksi: str = "sunting",
                   berkas: str = "tabel suntingan", catatan: str = "", periksa_konflik: bool = True) -> HasilSimpan:
        return _kim.simpan_kim(frame, dataset, pengguna, sidik_awal, aksi=aksi, berkas=berkas, catatan=catatan,
                               periksa_konflik=periksa_konflik)

    def daftar_cadangan(self) -> list[Cadangan]:
        return list(_berkas.daftar_cadangan(self._paths()[0]))

    def baca_cadangan(self, cadangan: Cadangan) -> pd.DataFrame | None:
        return baca_tabel(cadangan.path, Laporan())  # type: ignore[attr-defined]

    def pulihkan(self, cadangan: Cadangan, dataset: Dataset, pengguna: str, sidik_awal: Any = None,
                 periksa_konflik: bool = False) -> HasilSimpan:
        return _kim.pulihkan(cadangan.path, dataset, pengguna, sidik_awal, periksa_konflik)  # type: ignore[attr-defined]

    def baca_audit(self) -> pd.DataFrame:
        return _kim.baca_audit(self._paths()[0])


def _berkas_kim(kim: Path) -> tuple[Path, ...]:
    """The KIM table, its jury scores and logos (#25): a change to them is a new data version too."""
    from geo.kim.juri import path_juri
    from geo.kim.logo import folder_logo
    from geo.kim.profil import path_profil

    return (path_profil(kim), path_juri(kim), folder_logo(path_profil(kim)))


def pilih_gudang(kim: Path | str | None = None, batas: Path | str | None = None, url: str | None = None) -> Gudang:
    """The configured store. Files named explicitly (``--kim``) are always files.

    A configured but unusable database raises ``GalatData`` on first use;
    there is never a silent fall-back to the files.
    """
    if kim or batas:
        return GudangBerkas(kim, batas)
    url = config.url_database() if url is None else url
    if url:
        from geo.simpan.pg.gudang_pg import GudangPG

        return GudangPG(url)
    return GudangBerkas()
