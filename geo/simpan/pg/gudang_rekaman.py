"""The activity log and the budget plan through :class:`geo.simpan.pg.gudang_pg.GudangPG`.

The same methods as :class:`geo.simpan.gudang.GudangBerkas` offers for its files,
so the page and the CLI never learn where a record lives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from geo.galat import Laporan
from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import KOLOM_KEGIATAN, log_kosong, periksa_selaras, validasi_kegiatan
from geo.masuk.wilayah import Wilayah
from geo.simpan.kim import HasilSimpan
from geo.simpan.pg import rekaman_pg
from geo.simpan.pg.rekaman_pg import JENIS_ANGGARAN, JENIS_KEGIATAN, label


def log_dari_teks(teks: pd.DataFrame | None, wil: Wilayah, potensi: pd.DataFrame, kim_sah: bool,
                  laporan: Laporan) -> pd.DataFrame | None:
    """The typed log from its stored cells, checked as :func:`geo.masuk.dataset.muat_dataset` checks the file."""
    from geo.tampilan.waktu import indeks_log

    if teks is None:
        return None
    log, laporan_log = validasi_kegiatan(teks, label(JENIS_KEGIATAN), wil, potensi["id_potensi"] if kim_sah else None)
    laporan.gabung(laporan_log)
    if not laporan_log.ok:
        return log_kosong()
    if laporan.ok:
        periksa_selaras(potensi, log, wil, "kim_potensi", laporan)
        log = indeks_log(potensi, log)
    return log


class RekamanPG:
    """Mixed into ``GudangPG``: needs ``self.kolam`` and the save lock ``KUNCI_SIMPAN``."""

    kolam: Any

    def _kunci_simpan(self) -> int:
        from geo.simpan.pg.gudang_pg import KUNCI_SIMPAN

        return KUNCI_SIMPAN

    def _baca(self, jenis: str) -> tuple[pd.DataFrame | None, Any]:
        from geo.simpan.pg.gudang_pg import SidikBaris

        with self.kolam.koneksi() as conn:
            teks, versi = rekaman_pg.baca(conn, jenis)
        return teks, SidikBaris(versi, teks.copy() if teks is not None else pd.DataFrame())

    # --- activity log --------------------------------------------------
    def baca_log_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, Any]:
        teks, sidik = self._baca(JENIS_KEGIATAN)
        if teks is None:
            return pd.DataFrame({k: pd.Series(dtype=object) for k in KOLOM_KEGIATAN}), None
        return teks.reindex(columns=list(KOLOM_KEGIATAN)).fillna(""), sidik

    def simpan_kegiatan(self, frame: pd.DataFrame, dataset: Dataset, pengguna: str, sidik_awal: Any, *,
                        aksi: str = "sunting-kegiatan", berkas: str = "tabel kegiatan", catatan: str = "",
                        periksa_konflik: bool = True) -> HasilSimpan:
        from geo.simpan.kegiatan import ke_teks

        with self.kolam.koneksi() as conn, conn.transaction():
            ids = pd.Series([r[0] for r in conn.execute("SELECT id_potensi FROM kim_potensi")], dtype=object)
            hasil, _ = rekaman_pg.simpan(
                conn, JENIS_KEGIATAN, ke_teks(frame), lambda t: validasi_kegiatan(t, berkas, dataset.wilayah, ids),
                lambda teks, typed: ke_teks(typed), pengguna, sidik_awal, aksi=aksi, berkas=berkas, catatan=catatan,
                periksa_konflik=periksa_konflik, kunci_simpan=self._kunci_simpan())
        if hasil.disimpan:
            hasil = HasilSimpan(True, hasil.laporan, hasil.perubahan, None, hasil.sidik,
                                f"Log kegiatan tersimpan: {hasil.perubahan.ringkas()}.")
        return hasil

    # --- budget plan ---------------------------------------------------
    def muat_rencana(self, dataset: Dataset, pengaturan=None):
        from geo.anggaran.pengaturan import pengaturan_dari
        from geo.anggaran.rencana import Rencana, tabel_kosong, validasi_rencana

        pengaturan = pengaturan or pengaturan_dari(dataset.wilayah)
        teks, _ = self._baca(JENIS_ANGGARAN)
        nama = label(JENIS_ANGGARAN)
        laporan = Laporan()
        if teks is None:
            laporan.tambah(nama, "Rencana anggaran belum ada. Buat usulan awal dengan: python -m geo anggaran usul")
            return Rencana(tabel_kosong(), laporan, pengaturan, Path(nama))
        tabel, hasil = validasi_rencana(teks, nama, dataset, pengaturan)
        laporan.gabung(hasil)
        return Rencana(tabel, laporan, pengaturan, Path(nama))

    def sidik_rencana(self) -> Any:
        teks, sidik = self._baca(JENIS_ANGGARAN)
        return sidik if teks is not None else None

    def baca_rencana_untuk_sunting(self) -> tuple[pd.DataFrame, Any]:
        from geo.anggaran.rencana import KOLOM_SEMUA
        from geo.anggaran.simpan import sebagai_teks
        from geo.masuk.baca import KOLOM_BARIS

        teks, sidik = self._baca(JENIS_ANGGARAN)
        if teks is None:
            return pd.DataFrame(columns=list(KOLOM_SEMUA)), None
        return sebagai_teks(teks).drop(columns=KOLOM_BARIS).reset_index(drop=True), sidik

    def simpan_rencana(self, frame: pd.DataFrame, dataset: Dataset, pengaturan, pengguna: str, sidik_awal: Any, *,
                       berkas: str = "tabel suntingan", aksi: str = "sunting", periksa_konflik: bool = True) -> HasilSimpan:
        from geo.anggaran.rencana import validasi_rencana
        from geo.anggaran.simpan import _kanonik, sebagai_teks

        with self.kolam.koneksi() as conn, conn.transaction():
            return rekaman_pg.simpan(
                conn, JENIS_ANGGARAN, sebagai_teks(frame), lambda t: validasi_rencana(t, berkas, dataset, pengaturan),
                _kanonik, pengguna, sidik_awal, aksi=aksi, berkas=berkas, catatan="", periksa_konflik=periksa_konflik,
                kunci_simpan=self._kunci_simpan())[0]
