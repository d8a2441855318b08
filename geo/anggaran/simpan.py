"""Write the budget plan with the KIM table's guarantees: validate, lock, backup, atomic, audit.

Reuses :mod:`geo.simpan.berkas` (atomic writer, lock, backups, fingerprints)
and the audit log and conflict error of :mod:`geo.simpan.kim`; only the
comparison key (``id_baris``) and the validation differ.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from geo.anggaran.koefisien import KOLOM_VOLUME
from geo.anggaran.pengaturan import Pengaturan
from geo.anggaran.rencana import KOLOM_SEMUA, validasi_rencana
from geo.anggaran.rincian import ALIAS_KOLOM
from geo.galat import GalatData, Laporan
from geo.masuk.baca import KOLOM_BARIS, baca_tabel
from geo.masuk.dataset import Dataset
from geo.simpan import utuh
from geo.simpan.berkas import Sidik, kunci
from geo.simpan.gabung import GalatKonflikBerkas, gabung_bila_berubah
from geo.simpan.kim import (
    GalatKonflik,
    HasilSimpan,
    Perubahan,
    ganti_teraudit,
    ke_teks,
    perubahan_menurut,
    sesi_simpan,
)


def sebagai_teks(frame: pd.DataFrame) -> pd.DataFrame:
    """Any plan table (typed from the editor, or text) → the text cells a file holds, plus ``_baris``.

    A typed plan marks an unused koefisien pair with volume 0; the file leaves it blank.
    """
    frame = frame.rename(columns={a: b for a, b in ALIAS_KOLOM.items() if a in frame and b not in frame})
    teks = ke_teks(frame.reindex(columns=[*KOLOM_SEMUA, *([KOLOM_BARIS] if KOLOM_BARIS in frame else [])]))
    for kolom in KOLOM_VOLUME[1:]:
        teks[kolom] = teks[kolom].where(teks[kolom] != "0", "")
    return teks


def _penulis(teks: pd.DataFrame):
    isi = teks[list(KOLOM_SEMUA)]
    return lambda temp: isi.to_csv(temp, index=False, encoding="utf-8-sig", lineterminator="\n")


def _isi_termuat(teks: pd.DataFrame, path: Path, berkas: str, dataset: Dataset,
                 pengaturan: Pengaturan) -> tuple[bytes, Laporan]:
    """The bytes a save writes, and the loader's verdict on them: whatever is saved must load."""
    buf = io.BytesIO()
    _penulis(teks)(buf)
    data = buf.getvalue()
    laporan = utuh.periksa_sel(teks, berkas)
    if laporan.ok:  # against the KIM file as it is now (under its lock), not as this editor loaded it
        laporan = utuh.periksa_id_kini(teks, berkas, dataset.path_kim)
    if laporan.ok:
        laporan = utuh.laporan_muat_ulang(data, path.name, tuple(KOLOM_SEMUA),
                                          lambda m: validasi_rencana(m, path.name, dataset, pengaturan)[1])
    return data, laporan


def bandingkan_baris(lama: pd.DataFrame, baru: pd.DataFrame) -> Perubahan:
    """Line items added, changed and removed, matched by ``id_baris`` on their text cells."""
    return perubahan_menurut(sebagai_teks(lama), sebagai_teks(baru), "id_baris")


def _baca_lama(path: Path, dataset: Dataset, pengaturan: Pengaturan) -> pd.DataFrame:
    """The current plan, typed when valid, so a save compares values rather than spellings."""
    mentah = baca_tabel(path, Laporan(), kolom_dikenal=KOLOM_SEMUA) if path.exists() else None
    if mentah is None:
        return pd.DataFrame(columns=list(KOLOM_SEMUA))
    typed, laporan = validasi_rencana(mentah, path.name, dataset, pengaturan)
    return typed if laporan.ok else mentah


def _baca_teks(path: Path) -> pd.DataFrame:
    mentah = baca_tabel(path, Laporan(), kolom_dikenal=KOLOM_SEMUA) if path.exists() else None
    return mentah if mentah is not None else pd.DataFrame(columns=list(KOLOM_SEMUA))


def _setara(teks: pd.DataFrame, berkas: str, dataset: Dataset, pengaturan: Pengaturan) -> pd.DataFrame:
    """A plan's cells with money as plain integers where they parse, for comparing two versions."""
    typed, laporan = validasi_rencana(teks, berkas, dataset, pengaturan)
    return _kanonik(teks, typed) if laporan.ok else teks


def _kanonik(teks: pd.DataFrame, typed: pd.DataFrame) -> pd.DataFrame:
    """What the file will hold: the user's cells, money as plain integers (``Rp 1.500.000`` → ``1500000``)."""
    uang = {k: typed[k].astype(str).to_numpy() for k in ("volume", "harga_satuan", "jumlah")}
    # The resolved account code and PPN text are written, so the file says what the form prints.
    return teks.assign(**uang, kode_rekening=typed["kode_rekening"].to_numpy(), ppn_persen=typed["ppn_persen"].to_numpy())


def tulis_usul(tabel: pd.DataFrame, path: Path, dataset: Dataset, pengaturan: Pengaturan, paksa: bool = False,
               pengguna: str = "baris-perintah", aksi: str = "usul") -> HasilSimpan:
    """Write a generated plan (or a baseline, ``aksi='tetapkan'``); an existing file needs ``paksa`` and is backed up first."""
    with kunci(dataset.path_kim), sesi_simpan(path, periksa_konflik=False):  # KIM first, as every save
        if path.exists() and not paksa:
            raise GalatData(f"Rencana {path} sudah ada dan tidak ditimpa. Tambahkan --force untuk menggantinya "
                            f"(versi lama disalin ke {path.parent / 'cadangan'}), atau pakai --output untuk berkas lain.")
        teks = sebagai_teks(tabel)
        typed, laporan = validasi_rencana(teks, path.name, dataset, pengaturan)
        if not laporan.ok:
            return HasilSimpan(False, laporan, pesan="Usulan tidak sah, tidak disimpan.")
        perubahan = bandingkan_baris(_baca_lama(path, dataset, pengaturan), typed)
        data, laporan_muat = _isi_termuat(_kanonik(teks, typed), path, path.name, dataset, pengaturan)
        if not laporan_muat.ok:
            return HasilSimpan(False, laporan_muat, pesan="Usulan tidak dapat dimuat lagi, tidak disimpan.")
        cadangan = ganti_teraudit(path, data, pengguna, aksi, perubahan, len(typed))
        return HasilSimpan(True, laporan, perubahan, cadangan, Sidik.dari(path), f"Tersimpan: {perubahan.ringkas()}.")


def simpan_rencana(frame: pd.DataFrame, path: Path, dataset: Dataset, pengaturan: Pengaturan, pengguna: str,
                   sidik_awal: Sidik | None, *, berkas: str = "tabel suntingan", aksi: str = "sunting") -> HasilSimpan:
    """Validate ``frame`` and make it the plan, or refuse and say why (the file is then untouched).

    Raises :class:`geo.simpan.kim.GalatKonflik` if the file changed since ``sidik_awal``.
    """
    # The KIM table's lock first (always KIM, log, plan): no potential is removed while this plan is checked against it.
    with kunci(dataset.path_kim), sesi_simpan(path, sidik_awal, periksa_konflik=False) as kini:
        teks = sebagai_teks(frame)
        try:  # someone saved since: only this editor's lines are applied to the current plan (row-level)
            gabungan = gabung_bila_berubah(sidik_awal, kini, teks, lambda: sebagai_teks(_baca_teks(path)), "id_baris",
                                           lambda t: _setara(t, berkas, dataset, pengaturan))
        except GalatKonflikBerkas as exc:
            raise GalatKonflik(path, exc.kini) from None
        teks = teks if gabungan is None else sebagai_teks(gabungan)
        typed, laporan = validasi_rencana(teks, berkas, dataset, pengaturan)
        if not laporan.ok:
            return HasilSimpan(False, laporan, pesan=f"Tidak disimpan: {len(laporan.galat)} galat harus diperbaiki dulu.")
        if typed.empty:
            return HasilSimpan(False, laporan, pesan="Tidak disimpan: rencana kosong. Isi minimal satu baris anggaran.")
        # Blank jumlah cells were filled by validation; the file keeps the computed figure.
        teks = _kanonik(teks, typed)
        perubahan = bandingkan_baris(_baca_lama(path, dataset, pengaturan), typed)
        if perubahan.kosong and kini is not None:
            return HasilSimpan(False, laporan, perubahan, sidik=kini, pesan="Tidak ada perubahan; berkas tidak diubah.")
        data, laporan_muat = _isi_termuat(teks, path, berkas, dataset, pengaturan)
        if not laporan_muat.ok:
            return HasilSimpan(False, laporan_muat, pesan=f"Tidak disimpan: {len(laporan_muat.galat)} galat harus diperbaiki dulu.")
        cadangan = ganti_teraudit(path, data, pengguna, aksi, perubahan, len(typed))
        return HasilSimpan(True, laporan, perubahan, cadangan, Sidik.dari(path), f"Tersimpan: {perubahan.ringkas()}.")
