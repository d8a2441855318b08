"""Two records of the one store (#20): the field-report queue (#24) and the budget baseline (#23).

:class:`AntreanGudang` gives both stores the same high-level methods (the rules
are in :mod:`geo.simpan.menunggu` and :mod:`geo.anggaran.tahap`, once);
:class:`AntreanBerkasMixin` is the file store's half: ``laporan_menunggu.csv``
beside the KIM file and ``<plan>_penetapan.csv`` beside the plan, as before.
The PostgreSQL half is :mod:`geo.simpan.pg.menunggu_pg`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Protocol

import pandas as pd

from geo.masuk.dataset import Dataset
from geo.simpan.kim import HasilSimpan
from geo.simpan.lingkup import Pelaku


class ProtokolAntrean(Protocol):
    """The part of :class:`geo.simpan.gudang.Gudang` for these two records."""

    def baca_menunggu(self) -> pd.DataFrame:
        """The reports waiting for verification, text cells (``KOLOM_MENUNGGU``)."""

    def foto_menunggu(self, id_kegiatan: str) -> bytes | None:
        """A waiting report's cleaned photo, or None."""

    def antre_tambah(self, teks: pd.DataFrame, foto: dict[str, bytes], pengguna: str) -> None:
        """Queue checked reports with their photos, all or nothing, audited; an id already queued is refused."""

    def antre_buang(self, ids: list[str], pengguna: str, aksi: str) -> None:
        """Take reports off the queue (accepted or rejected) with their photos, audited."""

    def penolakan_menunggu(self) -> AbstractContextManager[None]:
        """A scope refusal raised inside is audited in the queue's record, then re-raised."""

    def ajukan_laporan(self, dataset: Dataset, pelaku: Pelaku, daftar: list) -> None:
        """Submit reports for verification (:func:`geo.simpan.menunggu.ajukan`)."""

    def terima_laporan(self, dataset: Dataset, pelaku: Pelaku, ids: list[str]) -> HasilSimpan:
        """Accept: into the activity log first, then off the queue (:func:`geo.simpan.menunggu.terima`)."""

    def tolak_laporan(self, dataset: Dataset, pelaku: Pelaku, ids: list[str]) -> None:
        """Reject: off the queue, nothing counted, audited."""

    def nama_penetapan(self, rencana: Any) -> str:
        """Where the plan's baseline lives, for messages."""

    def ada_penetapan(self, rencana: Any) -> bool:
        """Whether the plan has a frozen baseline."""

    def muat_penetapan(self, dataset: Dataset, rencana: Any) -> Any:
        """The baseline (:class:`geo.anggaran.rencana.Rencana`, ceiling unchecked), None when none; invalid: ``GalatData``."""

    def tetapkan_rencana(self, rencana: Any, dataset: Dataset, pengguna: Pelaku, paksa: bool = False) -> HasilSimpan:
        """Freeze the valid plan as the baseline; an existing one is replaced only with ``paksa`` (kept as a backup)."""


class AntreanGudang:
    """Submit, accept and reject field reports through whichever store this is."""

    def ajukan_laporan(self, dataset: Dataset, pelaku: Pelaku, daftar: list) -> None:
        from geo.simpan.menunggu import ajukan

        ajukan(dataset, pelaku, daftar, self)  # type: ignore[arg-type]

    def terima_laporan(self, dataset: Dataset, pelaku: Pelaku, ids: list[str]) -> HasilSimpan:
        from geo.simpan.menunggu import terima

        return terima(dataset, pelaku, ids, self)  # type: ignore[arg-type]

    def tolak_laporan(self, dataset: Dataset, pelaku: Pelaku, ids: list[str]) -> None:
        from geo.simpan.menunggu import tolak_laporan

        tolak_laporan(dataset, pelaku, ids, self)  # type: ignore[arg-type]


class AntreanBerkasMixin(AntreanGudang):
    """The queue and the baseline as files; needs ``self._paths()`` (GudangBerkas)."""

    def _antre(self):
        from geo.simpan.menunggu import NAMA_BERKAS, AntreBerkas

        return AntreBerkas(self._paths()[0].parent / NAMA_BERKAS)  # type: ignore[attr-defined]

    def baca_menunggu(self) -> pd.DataFrame:
        return self._antre().baca()

    def foto_menunggu(self, id_kegiatan: str) -> bytes | None:
        return self._antre().foto(id_kegiatan)

    def antre_tambah(self, teks: pd.DataFrame, foto: dict[str, bytes], pengguna: str) -> None:
        self._antre().tambah(teks, foto, pengguna)

    def antre_buang(self, ids: list[str], pengguna: str, aksi: str) -> None:
        self._antre().buang(ids, pengguna, aksi)

    def penolakan_menunggu(self) -> AbstractContextManager[None]:
        return self._antre().penolakan()

    # --- the budget baseline, beside the plan it froze ---
    def _path_penetapan(self):
        from geo import config
        from geo.anggaran.tahap import path_penetapan

        return path_penetapan(config.path_anggaran())

    def nama_penetapan(self, rencana: Any) -> str:
        from geo.anggaran.tahap import path_penetapan

        return path_penetapan(rencana.path).name

    def ada_penetapan(self, rencana: Any) -> bool:
        from geo.anggaran.tahap import path_penetapan

        return path_penetapan(rencana.path).exists()

    def muat_penetapan(self, dataset: Dataset, rencana: Any) -> Any:
        from geo.anggaran.tahap import muat_penetapan_berkas

        return muat_penetapan_berkas(dataset, rencana)

    def tetapkan_rencana(self, rencana: Any, dataset: Dataset, pengguna: Pelaku, paksa: bool = False) -> HasilSimpan:
        from geo.anggaran.tahap import tetapkan_berkas

        return tetapkan_berkas(rencana, dataset, pengguna, paksa)

