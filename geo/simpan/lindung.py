"""Files and folders the app reads or keeps, which no export may ever write into.

An export's ``--output`` is checked against this list: the data files (KIM table,
boundaries, reference, region, activity log, budget plan, wherever their environment
variables point), their audit logs and journals, and every backup folder; and
(:func:`folder_aplikasi`, #21) every folder of the app: its code and configuration,
the data folders, photos, the cache and backups. A new file there could be read as
code (``pages/``), served (``static/``) or taken for data.
"""

from __future__ import annotations

import os
from pathlib import Path

from geo import config
from geo.masuk import tembolok
from geo.masuk.dataset import Dataset
from geo.simpan.berkas import folder_cadangan
from geo.simpan.foto import folder_foto
from geo.simpan.kim import path_audit, path_jurnal

# The checkout's own folders: code, configuration, served files, tests and docs.
FOLDER_KODE = ("geo", "ui", "pages", "static", ".streamlit", "deploy", "scripts", "benchmarks", "tests", "docs", ".git", ".ci")


def _berkas_anggaran() -> list[Path]:
    """The budget's baseline and its reference tables beside ``wilayah.json``."""
    from geo.anggaran.referensi import BERKAS_AKUN, BERKAS_JENIS, BERKAS_STANDAR
    from geo.anggaran.tahap import path_penetapan

    folder = config.path_wilayah().parent
    return [path_penetapan(config.path_anggaran()), *(folder / n for n in (BERKAS_AKUN, BERKAS_STANDAR, BERKAS_JENIS))]


def berkas_dijaga(dataset: Dataset | None = None, tambahan: tuple[Path, ...] = ()) -> tuple[list[Path], list[Path]]:
    """(files, folders) that belong to the installation's data; ``tambahan``: other inputs of this export."""
    kim = [config.path_kim(), *([dataset.path_kim] if dataset else []), config.path_anggaran(), config.path_kegiatan(),
           *([dataset.path_kegiatan] if dataset and dataset.path_kegiatan else []), *tambahan]
    batas = [config.path_batas(), *([dataset.path_batas] if dataset else [])]
    berkas = [*kim, *batas, config.path_referensi(), config.path_wilayah(), *_berkas_anggaran()]
    for p in kim:
        berkas += [path_audit(p), path_jurnal(p), p.with_name(p.name + ".lock")]
    folder = [folder_cadangan(p) for p in [*kim, *batas]]
    return berkas, folder


def _sama(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)  # also catches hard links and symlinks
    except OSError:
        pass
    return a.resolve() == b.resolve()


def dijaga(tujuan: Path | str, dataset: Dataset | None = None, tambahan: tuple[Path, ...] = ()) -> bool:
    """True if writing ``tujuan`` would replace a data file, the audit log or a backup."""
    tujuan = Path(tujuan)
    berkas, folder = berkas_dijaga(dataset, tambahan)
    if any(_sama(tujuan, p) for p in berkas):
        return True
    asli = tujuan.resolve()
    return any(asli.is_relative_to(f.resolve()) for f in folder)


def folder_aplikasi(dataset: Dataset | None = None) -> list[tuple[str, Path]]:
    """(what, folder) for every folder of the app; an export's ``--output`` may lie in none of them."""
    data = [config.path_kim(), config.path_batas(), config.path_referensi(), config.path_wilayah(),
            config.path_anggaran(), config.path_kegiatan()]
    if dataset is not None:  # a database's "paths" are table names: only real files count
        data += [p for p in (dataset.path_kim, dataset.path_batas, dataset.path_kegiatan) if p and Path(p).is_file()]
    hasil = [("kode aplikasi", config.PROJECT_DIR / nama) for nama in FOLDER_KODE]
    hasil += [("folder data", Path(p).parent) for p in data]
    hasil += [("foto", folder_foto(p)) for p in data[:1]]
    hasil += [("cadangan", folder_cadangan(p)) for p in data]
    cache = tembolok.folder()
    if cache is not None:
        hasil.append(("tembolok (cache)", cache))
    return hasil


def di_folder_aplikasi(tujuan: Path | str, dataset: Dataset | None = None) -> tuple[str, Path] | None:
    """The app folder ``tujuan`` lies in (after resolving ``..`` and links), or None.

    Files directly in the checkout's root (``dashboard.py``, ``requirements.txt``) count as code.
    """
    asli = Path(tujuan).resolve()
    for apa, folder in folder_aplikasi(dataset):
        if asli.is_relative_to(folder.resolve()):
            return apa, folder
    akar = config.PROJECT_DIR.resolve()
    if asli.parent == akar and asli.exists():
        return "kode aplikasi", akar
    return None
