"""Write data files so that a crash or a second editor can never lose data.

The KIM table, imported boundaries and the Excel template are written
through :func:`tulis_atomik`: the new content goes to a temporary file beside
the target, is flushed to disk, and only then moved over the old file with
:func:`os.replace` (atomic on POSIX and Windows). Callers that replace data
copy the previous version to ``cadangan/`` first with :func:`cadangkan`, so
the change can be undone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from geo.galat import GalatData

if TYPE_CHECKING:
    import pandas as pd

FOLDER_CADANGAN = "cadangan"
TUNGGU_KUNCI_DETIK = 10.0
_FORMAT_WAKTU = "%Y%m%d-%H%M%S"


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; Windows cannot open a folder, and
    # NTFS journals renames anyway.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_berkas(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _salin_mode(path: Path, temp: Path) -> None:
    # A replaced file keeps its permissions; a new one gets what a plain open() would give.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask)


def tulis_atomik(path: Path | str, tulis: Callable[[Path], None]) -> None:
    """Call ``tulis(temp)`` then move ``temp`` over ``path``; old file intact on any failure.

    The temporary file keeps the target's suffix so that writers which pick
    a format from the name (GDAL, openpyxl) still work.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.stem}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}{path.suffix}")
    try:
        tulis(temp)
        _fsync_berkas(temp)
        _salin_mode(path, temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)



def tulis_csv_atomik(path: Path | str, tabel: pd.DataFrame) -> None:
    """A text table as the CSV every record file is (UTF-8, ``\\n``, no index), replaced atomically."""
    tulis_atomik(path, lambda temp: tabel.to_csv(temp, index=False, encoding="utf-8", lineterminator="\n"))


def tulis_bytes_atomik(path: Path | str, data: bytes) -> None:
    """Atomically replace ``path`` with ``data``."""
    tulis_atomik(path, lambda temp: temp.write_bytes(data))


def folder_cadangan(path: Path | str) -> Path:
    """Backups of ``data/kim.csv`` live in ``data/cadangan/`` (gitignored)."""
    return Path(path).parent / FOLDER_CADANGAN


@dataclass(frozen=True)
class Cadangan:
    """One backup file and the moment its version was replaced."""

    path: Path
    waktu: dt.datetime
    ukuran: int

    @property
    def nama(self) -> str:
        return self.path.name


def _pola_cadangan(path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(path.stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(path.suffix)}$")


def cadangkan(path: Path | str, sekarang: dt.datetime | None = None) -> Path | None:
    """Copy ``path`` to ``cadangan/<stem>-YYYYMMDD-HHMMSS<suffix>``; None if there is nothing to keep."""
    path = Path(path)
    if not path.exists():
        return None
    folder = folder_cadangan(path)
    folder.mkdir(parents=True, exist_ok=True)
    cap = (sekarang or dt.datetime.now()).strftime(_FORMAT_WAKTU)
    tujuan = folder / f"{path.stem}-{cap}{path.suffix}"
    nomor = 1
    while tujuan.exists():  # two saves in one second must not overwrite each other's backup
        nomor += 1
        tujuan = folder / f"{path.stem}-{cap}-{nomor}{path.suffix}"
    tulis_atomik(tujuan, lambda temp: shutil.copyfile(path, temp))
    return tujuan


def daftar_cadangan(path: Path | str) -> list[Cadangan]:
    """Backups of ``path``, newest first."""
    path = Path(path)
    folder = folder_cadangan(path)
    if not folder.is_dir():
        return []
    pola = _pola_cadangan(path)
    hasil = []
    for berkas in folder.iterdir():
        m = pola.match(berkas.name)
        if m and berkas.is_file():
            waktu = dt.datetime.strptime(m.group(1), _FORMAT_WAKTU)
            hasil.append((waktu, int(m.group(2) or 1), Cadangan(berkas, waktu, berkas.stat().st_size)))
    hasil.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [c for _, _, c in hasil]


@dataclass(frozen=True)
class Sidik:
    """A file's fingerprint when an editor loaded it (mtime, size, SHA-256)."""

    mtime_ns: int
    ukuran: int
    sha256: str

    @classmethod
    def dari(cls, path: Path | str) -> Sidik | None:
        """The fingerprint of ``path``, or None if it does not exist."""
        path = Path(path)
        try:
            data = path.read_bytes()
            stat = path.stat()
        except FileNotFoundError:
            return None
        return cls.dari_bytes(data, stat.st_mtime_ns)

    @classmethod
    def dari_bytes(cls, data: bytes, mtime_ns: int) -> Sidik:
        """The fingerprint of bytes already read, so that check and content cannot differ."""
        return cls(mtime_ns, len(data), hashlib.sha256(data).hexdigest())

    def sama_isi(self, lain: Sidik | None) -> bool:
        """Same content; a mere touch (new mtime, same bytes) is not a conflict."""
        return lain is not None and self.ukuran == lain.ukuran and self.sha256 == lain.sha256


def berubah(awal: Sidik | None, kini: Sidik | None) -> bool:
    """True if the file's content differs from when it was loaded (or appeared/vanished)."""
    if awal is None or kini is None:
        return awal is not kini
    return not awal.sama_isi(kini)


def sidik_cepat(*paths: Path | str) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime, size) of each file: a cheap cache key that changes when a file does.

    Used by every cache of derived data (loaded dataset, exports); the
    SHA-256 :class:`Sidik` is for conflict checks, where a touch must not count.
    """
    hasil = []
    for path in paths:
        try:
            s = os.stat(path)  # not Path(path).stat(): called for a handful of files on every click
            hasil.append((str(path), s.st_mtime_ns, s.st_size))
        except OSError:
            hasil.append((str(path), -1, -1))
    return tuple(hasil)


@contextlib.contextmanager
def kunci(path: Path | str, tunggu: float = TUNGGU_KUNCI_DETIK) -> Iterator[None]:
    """Hold ``<path>.lock`` so that check-then-write of two saves cannot interleave.

    An OS lock (``filelock``: flock on POSIX, msvcrt on Windows) is released
    by the kernel when its holder dies, so a killed save never blocks the
    next one, and a slow save keeps its lock however long it takes.
    """
    import filelock  # only for writers: a read-only command (summary) does not pay its import

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    berkas_kunci = path.with_name(path.name + ".lock")
    try:
        with filelock.FileLock(berkas_kunci, timeout=tunggu):
            yield
    except filelock.Timeout:
        raise GalatData(
            f"{path.name} sedang disimpan oleh proses lain (kunci {berkas_kunci.name} dipegang). "
            "Tunggu sebentar lalu coba lagi."
        ) from None
