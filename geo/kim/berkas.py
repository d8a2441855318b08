"""The KIM files a view exports (#25): the KIM table and the pemetaan report, by format code.

:func:`berkas_tampilan` takes the View (#19): its filtered potentials, its
level's code prefix and its date pick the KIM; :func:`buat_berkas_kim` is
the same file from explicit inputs (the Profil KIM page's chosen KIM).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.masuk.dataset import Dataset
from geo.tampilan.susun import Tampilan

# code → (extension, what it is)
FORMAT_KIM: dict[str, tuple[str, str]] = {
    "profil-csv": ("csv", "tabel KIM (CSV)"),
    "profil-xlsx": ("xlsx", "tabel KIM (XLSX)"),
    "profil-geojson": ("geojson", "tabel KIM (GeoJSON titik)"),
    "pemetaan-pdf": ("pdf", "laporan pemetaan KIM (PDF)"),
    "pemetaan-xlsx": ("xlsx", "laporan pemetaan KIM (XLSX)"),
}


@dataclass(frozen=True)
class HasilKIM:
    nama: str
    data: bytes
    jumlah_kim: int


def id_kim_untuk(dataset: Dataset, potensi: pd.DataFrame | None, awalan: str = "") -> list[str]:
    """The KIM of a view: with a potential among ``potensi`` (when a filter is set) and inside the level's prefix.

    Without a filter every KIM counts, also a KIM formed without any potential yet.
    """
    tabel = dataset.profil.tabel  # type: ignore[attr-defined]
    pilih = tabel["kode_kelurahan"].astype(str).str.startswith(awalan) if awalan else pd.Series(True, index=tabel.index)
    if potensi is not None:
        ada = set(potensi["id_potensi"].astype(str).map(dataset.profil.tautan).dropna())  # type: ignore[attr-defined]
        pilih &= tabel["id_kim"].isin(ada)
    return tabel.loc[pilih, "id_kim"].tolist()


def id_kim_tampilan(tampilan: Tampilan) -> list[str]:
    """The KIM of a View: its filtered potentials (when a filter is set) inside its level's prefix."""
    tersaring = not tampilan.filter.kosong
    return id_kim_untuk(tampilan.dataset, tampilan.potensi if tersaring else None, tampilan.jenjang.wilayah)


def berkas_tampilan(kode: str, tampilan: Tampilan, pemisah: str = ",") -> HasilKIM:
    """The KIM file ``kode`` of one View: the KIM it shows, at the date its statuses stand at."""
    from geo.tampilan.waktu import hari_ini

    tanggal = tampilan.keadaan.pada or tampilan.pada or hari_ini()
    return buat_berkas_kim(kode, tampilan.dataset, id_kim_tampilan(tampilan), tanggal, pemisah)


def berkas_kim_dijaga(dataset: Dataset) -> tuple[Path, ...]:
    """The KIM table and the jury scores: no export may write over them (see :mod:`geo.simpan.lindung`)."""
    from geo.kim.juri import path_juri
    from geo.kim.profil import path_profil
    from geo.kim.target import path_target

    return (path_profil(dataset.path_kim), path_juri(dataset.path_kim), path_target(dataset.path_kim))


def buat_berkas_kim(kode: str, dataset: Dataset, id_kim: list[str], tanggal: dt.date, pemisah: str = ",") -> HasilKIM:
    from geo.galat import GalatData

    if dataset.profil is None:
        raise GalatData("Tabel KIM belum dapat dibuat: perbaiki dulu galat di tabel potensi (python -m geo validate).")
    ekstensi = FORMAT_KIM[kode][0]
    slug = dataset.wilayah.slug
    if kode.startswith("profil-"):
        from geo.kim import ekspor

        data = {"profil-csv": lambda: ekspor.profil_csv(dataset, id_kim, pemisah), "profil-xlsx": lambda: ekspor.profil_xlsx(dataset, id_kim),
                "profil-geojson": lambda: ekspor.profil_geojson(dataset, id_kim)}[kode]()
        return HasilKIM(f"profil-kim-{slug}.{ekstensi}", data, len(id_kim))
    if not id_kim:
        raise GalatData("Tidak ada KIM pada tampilan ini (periksa filter dan --wilayah); laporan pemetaan kosong tidak dibuat.")
    from geo.kim.pemetaan import pemetaan
    from geo.kim.target import target_tersimpan

    target, laporan = target_tersimpan(dataset)  # as the store loaded it (files or database)
    if not laporan.ok:
        raise GalatData(f"Target KIM tidak sah:\n{laporan.teks()}")
    m = pemetaan(dataset, tanggal, id_kim, target=target)
    judul = f"Pemetaan KIM {dataset.wilayah.nama} — {tanggal:%Y-%m-%d}"
    if kode == "pemetaan-pdf":
        from geo.ekspor.pemetaan_pdf import pemetaan_pdf

        data = pemetaan_pdf(dataset, m, judul)
    else:
        from geo.kim.pemetaan_xlsx import pemetaan_xlsx

        data = pemetaan_xlsx(m, judul)
    return HasilKIM(f"pemetaan-kim-{slug}-{tanggal:%Y-%m-%d}.{ekstensi}", data, len(id_kim))
