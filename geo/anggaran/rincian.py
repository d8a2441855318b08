"""Validation of the budget form's fields on a plan: koefisien pairs, PPN, kode rekening, standard prices.

Called by :func:`geo.anggaran.rencana.validasi_rencana` on the text table;
each problem names its Excel row and column. A plan of the historic shape
(one ``volume``/``satuan`` pair, a ``jenis_belanja`` word) passes unchanged:
its code comes from ``jenis_belanja_akun.csv`` when the office has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol

import pandas as pd

from geo.anggaran.koefisien import JUMLAH_PASANGAN, KOLOM_SATUAN, KOLOM_VOLUME, Hitungan, hitung_baris, teks_persen, urai_ppn
from geo.anggaran.koefisien import urai_volume as _urai_volume
from geo.anggaran.referensi import LEVEL_AKUN, ReferensiAnggaran
from geo.anggaran.uang import RUPIAH_MAKS, rupiah
from geo.galat import GALAT, PERINGATAN

# Columns of the SIPD form beyond the historic eleven; all optional in a file.
KOLOM_RINCIAN: tuple[str, ...] = (
    "kode_rekening", "komponen", "spesifikasi", *(k for n in range(2, JUMLAH_PASANGAN + 1) for k in (KOLOM_VOLUME[n - 1], KOLOM_SATUAN[n - 1])),
    "ppn_persen", "kode_standar", "sumber_dana", "kelompok",
)
# Accepted spellings of the first pair (the form numbers every pair).
ALIAS_KOLOM = {"volume_1": "volume", "satuan_1": "satuan"}


class Konteks(Protocol):
    frame: pd.DataFrame

    def masalah(self, idx: object, kolom: str, pesan: str, tingkat: str = GALAT) -> None: ...


@dataclass(frozen=True)
class HasilRincian:
    """Per row (same index as the frame): the pairs, the PPN text, the line's figures (None when invalid)."""

    volume: pd.DataFrame  # int64 columns volume … volume_4, 0 = pair not used
    ppn_persen: pd.Series  # canonical text ('' or '11', '11,5')
    ppn: pd.Series  # Fraction or None (unreadable)
    hitungan: pd.Series  # Hitungan or None
    kode_rekening: pd.Series


def _kolom(k: Konteks, nama: str) -> pd.Series:
    return k.frame[nama] if nama in k.frame else pd.Series("", index=k.frame.index)


def _pasangan(k: Konteks) -> tuple[pd.DataFrame, pd.Series]:
    """Each row's volumes (0 = unused pair) and whether all its pairs are readable."""
    volume = pd.DataFrame(0, index=k.frame.index, columns=list(KOLOM_VOLUME), dtype="int64")
    sah = pd.Series(True, index=k.frame.index)
    for n in range(1, JUMLAH_PASANGAN + 1):
        kv, ks = KOLOM_VOLUME[n - 1], KOLOM_SATUAN[n - 1]
        teks_v, teks_s = _kolom(k, kv), _kolom(k, ks)
        for idx, teks in teks_v.items():
            if teks == "":
                if n == 1 and kv in k.frame:
                    k.masalah(idx, kv, f"Kolom {kv} wajib diisi.")
                    sah[idx] = False
                elif n > 1 and teks_s[idx]:
                    k.masalah(idx, kv, f"{ks} diisi tetapi {kv} kosong. Isi volumenya atau kosongkan {ks}.")
                    sah[idx] = False
                continue
            if n > 1 and volume.at[idx, KOLOM_VOLUME[n - 2]] == 0 and sah[idx]:
                k.masalah(idx, kv, f"Pasangan {n} diisi sebelum pasangan {n - 1}. Isi koefisien berurutan dari volume.")
                sah[idx] = False
                continue
            try:
                volume.at[idx, kv] = _urai_volume(teks)
            except ValueError as exc:
                k.masalah(idx, kv, f"Nilai {exc}")
                sah[idx] = False
                continue
            if n > 1 and not teks_s[idx]:
                k.masalah(idx, ks, f"Kolom {ks} wajib diisi bila {kv} diisi (mis. Kali, Orang, Hari).")
                sah[idx] = False
    return volume, sah & (volume[KOLOM_VOLUME[0]] > 0)


def _ppn(k: Konteks) -> tuple[pd.Series, pd.Series]:
    teks = pd.Series("", index=k.frame.index, dtype=object)
    nilai = pd.Series([None] * len(k.frame), index=k.frame.index, dtype=object)
    for idx, isi in _kolom(k, "ppn_persen").items():
        try:
            nilai[idx] = urai_ppn(isi)
            teks[idx] = teks_persen(nilai[idx]) if nilai[idx] else ""
        except ValueError as exc:
            k.masalah(idx, "ppn_persen", f"Nilai {exc}")
    return nilai, teks


def cek_hitungan(k: Konteks, harga: pd.Series) -> HasilRincian:
    """Pairs, PPN and each line's figures; an absurd line is an error, never an overflow."""
    volume, pasangan_sah = _pasangan(k)
    ppn, ppn_teks = _ppn(k)
    hitungan = pd.Series([None] * len(k.frame), index=k.frame.index, dtype=object)
    for idx in k.frame.index[pasangan_sah & harga.notna() & ppn.notna()]:
        vol = tuple(int(v) for v in volume.loc[idx] if v)
        try:
            hitungan[idx] = hitung_baris(vol, int(harga[idx]), ppn[idx])
        except ValueError as exc:
            k.masalah(idx, "harga_satuan", f"Baris ini tidak masuk akal: {exc}")
    return HasilRincian(volume, ppn_teks, ppn, hitungan, _kolom(k, "kode_rekening").copy())


def rumus_teks(h: Hitungan, volume: tuple[int, ...], harga: int, ppn_teks: str) -> str:
    """``'1 × Rp 400.000'`` or ``'15 × 2 × Rp 10.000 + PPN 11% Rp 33.000'`` for messages."""
    nama = "volume" if len(volume) == 1 else "koefisien"
    kiri = " × ".join(str(v) for v in volume)
    ppn = f" + PPN {ppn_teks}% {rupiah(h.ppn)}" if ppn_teks else ""
    return f"{nama} × harga_satuan{' + PPN' if ppn_teks else ''} = {kiri} × {rupiah(harga)}{ppn}"


def cek_akun(k: Konteks, hasil: HasilRincian, referensi: ReferensiAnggaran) -> pd.Series:
    """Each row's account code: its own (checked against ``akun_belanja.csv``), else from ``jenis_belanja``."""
    kode = hasil.kode_rekening.copy()
    jenis = _kolom(k, "jenis_belanja")
    for idx, isi in kode.items():
        if isi == "":
            kode[idx] = referensi.jenis_ke_akun.get(str(jenis[idx]).lower(), "")
            continue
        if len(isi.split(".")) != LEVEL_AKUN or not all(b.isdigit() for b in isi.split(".")):
            k.masalah(idx, "kode_rekening", f"Kode rekening harus enam tingkat angka bertitik, misalnya 5.1.02.01.01.0024 (bukan {isi!r}).")
        elif referensi.akun and isi not in referensi.akun:
            k.masalah(idx, "kode_rekening", "Kode rekening tidak ada di akun_belanja.csv. Periksa kodenya di SIPD, "
                      "atau tambahkan akun itu ke akun_belanja.csv.")
    return kode


def cek_standar(k: Konteks, hasil: HasilRincian, harga: pd.Series, referensi: ReferensiAnggaran, tegas: bool) -> None:
    """A line over its standard price: a warning, or an error where ``standar_harga_tegas`` is set."""
    for idx, isi in _kolom(k, "kode_standar").items():
        if not isi or not referensi.standar:
            continue
        standar = referensi.standar.get(isi)
        if standar is None:
            k.masalah(idx, "kode_standar", "Kode standar harga tidak ada di standar_harga.csv. Periksa kodenya atau kosongkan kolom ini.")
            continue
        if harga[idx] is None:
            continue
        persen = hasil.ppn[idx] or Fraction(0)
        per_unit = Fraction(int(harga[idx])) * (1 + persen / 100) if standar.termasuk_pajak else Fraction(int(harga[idx]))
        if per_unit > standar.harga_maks:
            pajak = " termasuk PPN" if standar.termasuk_pajak and persen else ""
            k.masalah(idx, "harga_satuan", f"Harga satuan{pajak} {rupiah(int(per_unit))} melampaui standar {standar.kode} "
                      f"({standar.uraian}) {rupiah(standar.harga_maks)} per {standar.satuan}. Turunkan harga_satuan atau "
                      "lampirkan justifikasi sesuai aturan kantor.", GALAT if tegas else PERINGATAN)


def cek_total_wajar(k: Konteks, jumlah: pd.Series) -> bool:
    """False (and an error on the crossing row) when the plan's total is beyond any real budget."""
    total = 0
    for idx, nilai in jumlah.items():
        total += 0 if nilai is None else int(nilai)
        if total > RUPIAH_MAKS:
            k.masalah(idx, "jumlah", f"Total rencana sampai baris ini melebihi {rupiah(RUPIAH_MAKS)}; tidak masuk akal untuk satu "
                      "sub kegiatan. Periksa digit volume dan harga_satuan.")
            return False
    return True
