"""One storage interface for the page, the CLI and the exports: files or PostgreSQL.

Callers ask :func:`pilih_gudang` for the store and never learn which one it
is. Without ``KIM_DATABASE_URL`` (or ``[database] url`` in
``.streamlit/secrets.toml``) it is the files under ``data/``, exactly as
before; with it, the shared PostgreSQL/PostGIS database of :mod:`geo.simpan.pg`.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import pandas as pd

from geo import config
from geo.galat import Laporan
from geo.masuk.baca import baca_tabel
from geo.masuk.dataset import Dataset, muat_dataset
from geo.simpan import berkas as _berkas
from geo.simpan import kim as _kim
from geo.simpan import pembatas_simpan as _pembatas_simpan
from geo.simpan.gabung import SidikTabel, astuple_sidik
from geo.simpan.gudang_antre import AntreanBerkasMixin, ProtokolAntrean
from geo.simpan.kim import HasilSimpan
from geo.simpan.lingkup import Pelaku, dicatat_di, nama_pelaku, periksa_rencana
from geo.simpan.pembatas_simpan import CatatanGagal

if TYPE_CHECKING:  # photos need Pillow: imported by the calls that store one, not by every load (issue #26)
    from geo.simpan import foto as _foto

_LOG = logging.getLogger("geo.login")
PEMBATAS_SQLITE = ".pembatas_login.sqlite3"  # beside kim.csv: the limiter's counts, shared by all processes
_PENYIMPAN_GAGAL: dict[str, _pembatas_simpan.GagalSqlite] = {}
_GAGAL_MEMORI = _pembatas_simpan.GagalMemori()

JENIS_BERKAS = "berkas"


class Cadangan(Protocol):
    """A stored earlier version of the KIM table: a backup file or an audit snapshot."""

    @property
    def nama(self) -> str: ...

    waktu: dt.datetime
    ukuran: int


@runtime_checkable
class Gudang(ProtokolAntrean, Protocol):  # + the report queue and the budget baseline (gudang_antre)
    """Where the region's data lives; both implementations keep the same promises.

    ``pengguna`` is the acting account (:class:`geo.simpan.lingkup.Akun`, or a plain
    name for the trusted bootstrap administrator): every write checks its role and
    scope and audits a refusal naming it (:class:`geo.simpan.lingkup.GalatLingkup`).
    ``sidik`` is whatever :meth:`baca_untuk_sunting` returned: the caller keeps
    it and hands it back to :meth:`simpan_kim`, which raises
    :class:`geo.simpan.kim.GalatKonflik` if someone else changed the data it saw.
    """

    jenis: str

    def keterangan(self, rekaman: str = "kim") -> str:
        """Where the data is (``rekaman``: kim, kegiatan, anggaran…), for messages (a database password is never shown)."""

    def versi(self) -> tuple:
        """Changes whenever any of the data changes: the cache key of :meth:`muat`."""

    def muat(self, kemajuan: Callable[[str, float], None] | None = None) -> Dataset:
        """The validated dataset; problems in ``laporan``, an unusable store as ``GalatData``.

        ``kemajuan(tahap, bagian)`` hears the stages of a long load (the CLI's progress bar).
        """

    def baca_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, Any]:
        """The KIM table as the editor starts from, and its fingerprint."""

    def simpan_kim(self, frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any, *, aksi: str = "sunting",
                   berkas: str = "tabel suntingan", catatan: str = "", periksa_konflik: bool = True,
                   berantai: bool = False) -> HasilSimpan:
        """Validate and save, with a backup and an audit entry, or refuse and say why.

        Removing a potential that activity rows or budget lines name is refused with their
        list, unless ``berantai``: the user's explicit, audited cascade removes them too.
        """

    def daftar_cadangan(self) -> list[Cadangan]:
        """Earlier versions, newest first."""

    def baca_cadangan(self, cadangan: Cadangan) -> pd.DataFrame | None:
        """An earlier version as text cells plus ``_baris`` (as read from a file), or None."""

    def pulihkan(self, cadangan: Cadangan, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any = None,
                 periksa_konflik: bool = False) -> HasilSimpan:
        """Make an earlier version current again; the version it replaces is kept too."""

    def baca_audit(self, rekaman: str = "kim") -> pd.DataFrame:
        """The audit log of one record (``kim``, ``kegiatan``, ``anggaran``), newest first
        (columns as :func:`geo.simpan.kim.baca_audit`)."""

    # --- the activity log and the budget plan (#20) ---------------------
    def baca_log_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, Any]:
        """The activity log as text cells (``KOLOM_KEGIATAN``) and its fingerprint."""

    def simpan_kegiatan(self, frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any, *,
                        aksi: str = "sunting-kegiatan", berkas: str = "tabel kegiatan", catatan: str = "",
                        periksa_konflik: bool = True) -> HasilSimpan:
        """Validate and save the log (the loader's rules on what is written), or refuse and say why."""

    def muat_rencana(self, dataset: Dataset, pengaturan: Any = None) -> Any:
        """The budget plan (:class:`geo.anggaran.rencana.Rencana`), validated against ``dataset``."""

    def sidik_rencana(self) -> Any:
        """The plan's fingerprint as the editor opens it (None when there is no plan yet)."""

    def baca_rencana_untuk_sunting(self) -> tuple[pd.DataFrame, Any]:
        """The plan as the text cells it holds (no ``_baris``), and its fingerprint."""

    def simpan_rencana(self, frame: pd.DataFrame, dataset: Dataset, pengaturan: Any, pengguna: Pelaku, sidik_awal: Any, *,
                       berkas: str = "tabel suntingan", aksi: str = "sunting", periksa_konflik: bool = True) -> HasilSimpan:
        """Validate and save the plan, or refuse and say why."""

    # --- #21: the login limiter's failure counts (geo.simpan.pembatas), shared by every process ---
    def pembatas_baca(self, kunci: list[str]) -> dict[str, CatatanGagal]:
        """The failure records of these keys (absent: none)."""

    def pembatas_gagal(self, kunci: list[str], sekarang: float, lupa_detik: float,
                       kunci_sampai: Callable[[int], float]) -> None:
        """Count one failure for each key, atomically; a record still locked is never evicted."""

    def pembatas_hapus(self, kunci: list[str]) -> None:
        """Forget these keys' failures (a successful login)."""

    # --- #21: photos (geo.simpan.foto), bytes with the same limits in both stores ---
    def simpan_foto(self, id_potensi: str, data: bytes, pengguna: Pelaku, nama: str = "foto",
                    id_sah: set[str] | None = None) -> _foto.Foto:
        """Validate, clean and store one potential's photo, audited; the old one is kept as a backup."""

    # --- #25: the KIM table (profil_kim) and its logos, editable in the account's scope ---
    def baca_profil_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, Any]:
        """The KIM table as text cells (``KOLOM_PROFIL``, migrated KIM included) and its fingerprint."""

    def simpan_profil(self, frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any, *,
                      aksi: str = "sunting-profil", berkas: str = "tabel KIM", catatan: str = "") -> HasilSimpan:
        """Validate and save the KIM table in the account's scope (refusal audited), or refuse and say why.

        Removing a KIM that kim.csv rows name by ``id_kim`` is refused with those rows.
        """

    def simpan_logo(self, dataset: Dataset, id_kim: str, data: bytes, pengguna: Pelaku, nama: str = "logo") -> str:
        """Check a KIM logo like a photo and store its clean image; the name for the KIM's ``logo`` cell."""

    def simpan_nilai_juri(self, dataset: Dataset, data: bytes, nama: str, pengguna: Pelaku) -> tuple[int, Laporan]:
        """A filled jury sheet into the stored scores (``kim juri-muat``'s code), in scope; (scores, report).

        Files: ``nilai_juri.csv`` (``KIM_NILAI_JURI``); PostgreSQL: ``rekaman_baris`` jenis ``nilai_juri``. Both
        audit it (``baca_audit("nilai_juri")``); the next :meth:`muat` carries the scores in ``profil.juri``.
        """

    def simpan_target(self, dataset: Dataset, data: bytes, nama: str, pengguna: Pelaku) -> tuple[int, Laporan]:
        """A CSV/XLSX of per-KIM targets replaces the stored ones (``kim target-muat``), in scope; (rows, report).

        Files: ``target_kim.csv`` (``KIM_TARGET``); PostgreSQL: jenis ``target_kim``; audited as ``target_kim``.
        """


class GudangBerkas(AntreanBerkasMixin):
    """Today's embedded store: CSV/XLSX + GeoJSON files, a lock file, backups in ``cadangan/``."""

    jenis = JENIS_BERKAS

    def __init__(self, kim: Path | str | None = None, batas: Path | str | None = None,
                 referensi: Path | str | None = None, wilayah: Path | str | None = None) -> None:
        self._kim, self._batas, self._referensi, self._wilayah = kim, batas, referensi, wilayah

    def _paths(self) -> tuple[Path, Path, Path, Path]:
        return (Path(self._kim) if self._kim else config.path_kim(), Path(self._batas) if self._batas else config.path_batas(),
                Path(self._referensi) if self._referensi else config.path_referensi(),
                Path(self._wilayah) if self._wilayah else config.path_wilayah())

    def keterangan(self, rekaman: str = "kim") -> str:
        return f"berkas {self._path_rekaman(rekaman)}"

    def _path_rekaman(self, rekaman: str) -> Path:
        """The file that holds ``rekaman`` (the KIM table for an unknown name)."""
        from geo.kim.juri import path_juri
        from geo.kim.profil import path_profil
        from geo.kim.target import path_target

        kim = self._paths()[0]
        return {"kegiatan": config.path_kegiatan(kim), "anggaran": config.path_anggaran(),
                "menunggu": self._antre().path, "penetapan": self._path_penetapan(), "profil_kim": path_profil(kim),
                "nilai_juri": path_juri(kim), "target_kim": path_target(kim)}.get(rekaman, kim)

    def versi(self) -> tuple:
        paths = self._paths()
        return (self.jenis, *_berkas.sidik_cepat(*paths, config.path_kegiatan(paths[0]), *_berkas_kim(paths[0])))

    def muat(self, kemajuan: Callable[[str, float], None] | None = None) -> Dataset:
        return muat_dataset(*self._paths(), kemajuan=kemajuan)

    def baca_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, _berkas.Sidik | None]:
        return _kim.baca_untuk_sunting(dataset)

    def simpan_kim(self, frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any, *, aksi: str = "sunting",
                   berkas: str = "tabel suntingan", catatan: str = "", periksa_konflik: bool = True,
                   berantai: bool = False) -> HasilSimpan:
        return _kim.simpan_kim(frame, dataset, pengguna, sidik_awal, aksi=aksi, berkas=berkas, catatan=catatan,
                               periksa_konflik=periksa_konflik, berantai=berantai)

    def daftar_cadangan(self) -> list[Cadangan]:
        return list(_berkas.daftar_cadangan(self._paths()[0]))

    def baca_cadangan(self, cadangan: Cadangan) -> pd.DataFrame | None:
        return baca_tabel(cadangan.path, Laporan())  # type: ignore[attr-defined]

    def pulihkan(self, cadangan: Cadangan, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any = None,
                 periksa_konflik: bool = False) -> HasilSimpan:
        return _kim.pulihkan(cadangan.path, dataset, pengguna, sidik_awal, periksa_konflik)  # type: ignore[attr-defined]

    def baca_audit(self, rekaman: str = "kim") -> pd.DataFrame:
        from geo.simpan import foto as _foto

        path = self._path_rekaman(rekaman)
        _foto.selesaikan_jurnal_foto_terkunci(self._paths()[0])  # #21: a killed photo save's entry too
        return _kim.baca_audit(path)

    def baca_log_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, Any]:
        from geo.simpan.kegiatan import baca_log_untuk_sunting

        return baca_log_untuk_sunting(dataset)

    def simpan_kegiatan(self, frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any, *,
                        aksi: str = "sunting-kegiatan", berkas: str = "tabel kegiatan", catatan: str = "",
                        periksa_konflik: bool = True) -> HasilSimpan:
        from geo.simpan.kegiatan import simpan_kegiatan

        return simpan_kegiatan(frame, dataset, pengguna, sidik_awal, aksi=aksi, berkas=berkas, catatan=catatan,
                               periksa_konflik=periksa_konflik)

    def muat_rencana(self, dataset: Dataset, pengaturan: Any = None) -> Any:
        from geo.anggaran.rencana import muat_rencana

        return muat_rencana(dataset, config.path_anggaran(), pengaturan)

    def sidik_rencana(self) -> Any:
        return _berkas.Sidik.dari(config.path_anggaran())

    def baca_rencana_untuk_sunting(self) -> tuple[pd.DataFrame, Any]:
        from geo.anggaran.rencana import KOLOM_SEMUA
        from geo.anggaran.simpan import sebagai_teks
        from geo.masuk.baca import KOLOM_BARIS

        path = config.path_anggaran()
        sidik = _berkas.Sidik.dari(path)
        mentah = baca_tabel(path, Laporan(), kolom_dikenal=KOLOM_SEMUA) if sidik else None
        if mentah is None:
            return pd.DataFrame(columns=list(KOLOM_SEMUA)), sidik
        teks = sebagai_teks(mentah)
        # The fingerprint carries the plan as loaded, so a later save merges line by line.
        return teks.drop(columns=KOLOM_BARIS).reset_index(drop=True), SidikTabel(*astuple_sidik(sidik), tabel=teks)

    def simpan_rencana(self, frame: pd.DataFrame, dataset: Dataset, pengaturan: Any, pengguna: Pelaku, sidik_awal: Any, *,
                       berkas: str = "tabel suntingan", aksi: str = "sunting", periksa_konflik: bool = True) -> HasilSimpan:
        from geo.anggaran.simpan import simpan_rencana

        with dicatat_di(config.path_anggaran()):  # #24: only an unscoped editor changes the shared plan
            periksa_rencana(pengguna)
        return simpan_rencana(frame, config.path_anggaran(), dataset, pengaturan, nama_pelaku(pengguna), sidik_awal,
                              berkas=berkas, aksi=aksi)

    def baca_profil_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, Any]:
        from geo.kim import simpan_profil

        return simpan_profil.baca_profil_untuk_sunting(dataset)

    def simpan_profil(self, frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any, *,
                      aksi: str = "sunting-profil", berkas: str = "tabel KIM", catatan: str = "") -> HasilSimpan:
        from geo.kim import simpan_profil

        return simpan_profil.simpan_profil(frame, dataset, pengguna, sidik_awal, aksi=aksi, berkas=berkas, catatan=catatan)

    def simpan_logo(self, dataset: Dataset, id_kim: str, data: bytes, pengguna: Pelaku, nama: str = "logo") -> str:
        from geo.kim import simpan_profil

        return simpan_profil.simpan_logo(dataset, id_kim, data, pengguna, nama)

    def simpan_nilai_juri(self, dataset: Dataset, data: bytes, nama: str, pengguna: Pelaku) -> tuple[int, Laporan]:
        from geo.kim.simpan_profil import muat_lembar_juri

        return muat_lembar_juri(dataset, data, nama, pengguna)

    def simpan_target(self, dataset: Dataset, data: bytes, nama: str, pengguna: Pelaku) -> tuple[int, Laporan]:
        from geo.kim.simpan_target import simpan_target_berkas

        return simpan_target_berkas(dataset, data, nama, pengguna)

    # --- #21: the login limiter's counts, in SQLite beside the data (process memory if read-only) ---
    def _gagal(self) -> _pembatas_simpan.PenyimpanGagal:
        path = self._paths()[0].parent / PEMBATAS_SQLITE
        return _PENYIMPAN_GAGAL.setdefault(str(path), _pembatas_simpan.GagalSqlite(path))

    def _gagal_aman(self, kerja: Callable[[_pembatas_simpan.PenyimpanGagal], Any]) -> Any:
        try:
            return kerja(self._gagal())
        except (sqlite3.Error, OSError) as exc:  # a read-only data folder: this process still limits
            _LOG.warning("Hitungan login gagal tidak dapat disimpan di %s (%s); dipakai memori proses ini.",
                         self._paths()[0].parent / PEMBATAS_SQLITE, exc)
            return kerja(_GAGAL_MEMORI)

    def pembatas_baca(self, kunci: list[str]) -> dict[str, _pembatas_simpan.CatatanGagal]:
        return self._gagal_aman(lambda p: p.pembatas_baca(kunci))

    def pembatas_gagal(self, kunci: list[str], sekarang: float, lupa_detik: float,
                       kunci_sampai: Callable[[int], float]) -> None:
        self._gagal_aman(lambda p: p.pembatas_gagal(kunci, sekarang, lupa_detik, kunci_sampai))

    def pembatas_hapus(self, kunci: list[str]) -> None:
        self._gagal_aman(lambda p: p.pembatas_hapus(kunci))

    # --- #21: photos in data/foto/ beside kim.csv ---
    def simpan_foto(self, id_potensi: str, data: bytes, pengguna: Pelaku, nama: str = "foto",
                    id_sah: set[str] | None = None) -> _foto.Foto:
        from geo.simpan import foto as _foto

        return _foto.simpan_foto(self._paths()[0], id_potensi, data, pengguna, nama, id_sah)


def _berkas_kim(kim: Path) -> tuple[Path, ...]:
    """The KIM table, its jury scores, targets and logos (#25): the Dataset carries them, so a change is a new version."""
    from geo.kim.juri import path_juri
    from geo.kim.logo import folder_logo
    from geo.kim.profil import path_profil
    from geo.kim.target import path_target

    return (path_profil(kim), path_juri(kim), path_target(kim), folder_logo(path_profil(kim)))


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
