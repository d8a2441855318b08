"""One upload of a whole table (KIM, activity log, budget plan) through exactly the page's path.

Used by ``python -m geo data import``: the same check as the page's upload
(every problem with its Excel row), then the store's save (validation,
integrity across records, lock, backup, audit). Nothing changes unless it all passes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo.galat import Laporan
from geo.masuk.baca import KOLOM_BARIS, baca_bytes
from geo.simpan.kim import MODE_GABUNG, HasilSimpan, PeriksaUnggahan

JENIS_IMPOR = ("kim", "kegiatan", "anggaran")


@dataclass(frozen=True)
class HasilImporData:
    """The upload's check, and the save when the check passed (None otherwise)."""

    cek: PeriksaUnggahan
    hasil: HasilSimpan | None

    @property
    def ditolak(self) -> bool:
        return self.hasil is None or (not self.hasil.disimpan and not self.hasil.laporan.ok)


def periksa_unggahan_rencana(data: bytes, nama: str, dataset, pengaturan, mode: str, lama: pd.DataFrame) -> PeriksaUnggahan:
    """Validate an uploaded budget plan and build the plan it would become (merge by id_baris, or replace)."""
    from geo.anggaran.rencana import KOLOM_SEMUA, validasi_rencana
    from geo.anggaran.simpan import bandingkan_baris, sebagai_teks

    laporan = Laporan()
    mentah = baca_bytes(data, nama, laporan, kolom_dikenal=KOLOM_SEMUA)
    if mentah is None:
        return PeriksaUnggahan(pd.DataFrame(columns=list(KOLOM_SEMUA)), laporan, None, None)
    tabel, laporan_rencana = validasi_rencana(mentah, nama, dataset, pengaturan)
    laporan.gabung(laporan_rencana)
    if not laporan.ok:
        return PeriksaUnggahan(tabel, laporan, None, None)
    baru = sebagai_teks(mentah).drop(columns=KOLOM_BARIS)
    if mode == MODE_GABUNG:
        hasil = pd.concat([baru, sebagai_teks(lama).drop(columns=KOLOM_BARIS)], ignore_index=True)
        hasil = hasil.drop_duplicates("id_baris", keep="first").reset_index(drop=True)
    else:
        hasil = baru
    return PeriksaUnggahan(tabel, laporan, hasil, bandingkan_baris(lama, hasil))


def impor_berkas(gudang, data: bytes, nama: str, jenis: str, mode: str, pengguna: str, *,
                 berantai: bool = False) -> HasilImporData:
    """Check ``data`` as the page's upload does, then save it through ``gudang`` (or refuse, changing nothing)."""
    from geo.simpan.kegiatan import periksa_unggahan_kegiatan
    from geo.simpan.kim import periksa_unggahan

    dataset = gudang.muat()
    aksi, catatan = f"impor-{mode}", f"python -m geo data import {nama}"
    if jenis == "kim":
        lama, sidik = gudang.baca_untuk_sunting(dataset)
        cek = periksa_unggahan(data, nama, dataset, mode, lama)
        simpan = lambda: gudang.simpan_kim(cek.hasil, dataset, pengguna, sidik, aksi=aksi, berkas=nama,
                                           catatan=catatan, berantai=berantai)
    elif jenis == "kegiatan":
        lama, sidik = gudang.baca_log_untuk_sunting(dataset)
        cek = periksa_unggahan_kegiatan(data, nama, dataset, mode, lama)
        simpan = lambda: gudang.simpan_kegiatan(cek.hasil, dataset, pengguna, sidik, aksi=f"{aksi}-kegiatan",
                                                berkas=nama, catatan=catatan)
    else:
        from geo.anggaran.pengaturan import pengaturan_dari

        pengaturan = pengaturan_dari(dataset.wilayah)
        lama, sidik = gudang.baca_rencana_untuk_sunting()
        cek = periksa_unggahan_rencana(data, nama, dataset, pengaturan, mode, lama)
        simpan = lambda: gudang.simpan_rencana(cek.hasil, dataset, pengaturan, pengguna, sidik, berkas=nama, aksi=aksi)
    if cek.hasil is None:
        return HasilImporData(cek, None)
    return HasilImporData(cek, simpan())
