"""The KIM's side records (jury scores, targets) as the store loaded them into the Dataset.

Both stores load them with the profile (``ProfilKIM.juri`` and
``.target``), so the assessment, the map's ``skor_kim``, the pemetaan report and
the monthly digest read one data version and never learn where the rows live.
A bad row never takes the map down: it is left out and its problem kept here,
for the page's warning and the CLI's refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from geo.galat import Laporan


@dataclass(frozen=True)
class Tersimpan:
    """One side record: its typed rows (None: never stored) and the problems found loading it."""

    tabel: pd.DataFrame | None = None
    laporan: Laporan = field(default_factory=Laporan)

    def salin_laporan(self) -> Laporan:
        """A copy of the report, so a caller adding to it never changes the shared Dataset."""
        hasil = Laporan()
        hasil.gabung(self.laporan)
        return hasil


def dari_teks(juri: pd.DataFrame | None, target: pd.DataFrame | None, nama_juri: str,
              nama_target: str) -> tuple[Tersimpan, Tersimpan]:
    """Both records from their stored text cells (with ``_baris``), checked as their files are."""
    from geo.kim.juri import nilai_juri_dari_teks
    from geo.kim.target import target_dari_teks

    lj, lt = Laporan(), Laporan()
    tabel_juri = nilai_juri_dari_teks(juri, nama_juri, lj)
    tabel_target = target_dari_teks(target, nama_target, lt) if target is not None else None
    return Tersimpan(tabel_juri, lj), Tersimpan(tabel_target, lt)


def dari_berkas(path_kim: Path) -> tuple[Tersimpan, Tersimpan]:
    """The file store: ``nilai_juri.csv`` / ``target_kim.csv`` (or ``KIM_NILAI_JURI`` / ``KIM_TARGET``)."""
    from geo.kim.daftar import baca_opsional
    from geo.kim.juri import nilai_juri_dari_teks, path_juri
    from geo.kim.nilai import KOLOM_JURI
    from geo.kim.target import KOLOM_TARGET, path_target
    from geo.masuk import tembolok_tabel

    pj, pt = path_juri(path_kim), path_target(path_kim)
    lj, lt = Laporan(), Laporan()

    def baca_juri(laporan: Laporan) -> pd.DataFrame | None:
        return nilai_juri_dari_teks(baca_opsional(pj, laporan, KOLOM_JURI), pj.name, laporan)

    # The jury scores from the disk cache while the file is unchanged (#26); an absent file is None, never stored.
    tabel_juri = tembolok_tabel.tersimpan("juri", (pj,), (), baca_juri, lj) if pj.exists() else None
    target = baca_opsional(pt, lt, KOLOM_TARGET)
    hasil_target = dari_teks(None, target, pj.name, pt.name)[1]
    lt.gabung(hasil_target.laporan)
    return Tersimpan(tabel_juri, lj), Tersimpan(hasil_target.tabel, lt)


def dengan_tersimpan(profil, juri: Tersimpan, target: Tersimpan):
    """The profile carrying both records (a copy: the profile is frozen)."""
    return replace(profil, juri=juri, target=target) if profil is not None else None
