"""The region's budget settings, read from ``wilayah.json`` (nothing regional in code).

Keys: ``pagu_anggaran`` (integer rupiah), ``tahun_anggaran``, ``kantor``,
``jenis_belanja`` (vocabulary), ``bobot_anggaran`` (weights of the proposal
rule), ``pembulatan_anggaran`` (rounding unit), ``ambang_dorman_bulan`` and
``dorman_maks_bulan``, ``standar_harga_tegas`` (a line over its standard price is
an error instead of a warning). Missing keys get the defaults below. The form's
reference tables (:mod:`geo.anggaran.referensi`) are read from the folder of
``wilayah.json``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

from geo import config
from geo.anggaran.referensi import ReferensiAnggaran, muat_referensi_anggaran
from geo.anggaran.uang import RUPIAH_MAKS
from geo.galat import GalatData
from geo.masuk.wilayah import Wilayah

JENIS_BELANJA: tuple[str, ...] = (
    "Honorarium", "Bahan dan ATK", "Makan dan Minum", "Cetak dan Publikasi",
    "Sewa Peralatan", "Transportasi", "Pelatihan", "Paket Kegiatan",
)
KOMPONEN_BOBOT: tuple[str, ...] = ("dasar", "anggota", "potensi", "dorman")
BOBOT_BAWAAN: dict[str, Fraction] = {"dasar": Fraction(40), "anggota": Fraction(20), "potensi": Fraction(15), "dorman": Fraction(25)}
PEMBULATAN_BAWAAN = 100_000
AMBANG_DORMAN_BAWAAN = 6
DORMAN_MAKS_BAWAAN = 36


@dataclass(frozen=True)
class Pengaturan:
    """Ceiling, year, office, vocabulary and the proposal rule's parameters."""

    pagu: int = 0
    tahun: int = field(default_factory=lambda: dt.date.today().year)
    kantor: str = ""
    jenis_belanja: tuple[str, ...] = JENIS_BELANJA
    bobot: dict[str, Fraction] = field(default_factory=lambda: dict(BOBOT_BAWAAN))
    pembulatan: int = PEMBULATAN_BAWAAN
    ambang_dorman_bulan: int = AMBANG_DORMAN_BAWAAN
    dorman_maks_bulan: int = DORMAN_MAKS_BAWAAN
    referensi: ReferensiAnggaran = field(default_factory=ReferensiAnggaran)
    standar_tegas: bool = False

    def dengan_bobot(self, **bobot: str | int | Fraction | None) -> Pengaturan:
        """A copy with some weights replaced (command-line flags); None keeps the file's value."""
        baru = dict(self.bobot)
        for nama, nilai in bobot.items():
            if nilai is not None:
                baru[nama] = bobot_sah(nilai, f"--bobot-{nama}")
        _cek_jumlah_bobot(baru)
        return replace(self, bobot=baru)


def bobot_sah(nilai: object, nama: str) -> Fraction:
    """A weight ≥ 0 as an exact fraction (``'12,5'`` allowed); never a float."""
    teks = str(nilai).strip().replace(",", ".")
    try:
        hasil = Fraction(teks)
    except (ValueError, ZeroDivisionError):
        raise GalatData(f"Bobot {nama} '{nilai}' bukan angka. Tulis angka 0 atau lebih, misalnya 25.") from None
    if hasil < 0:
        raise GalatData(f"Bobot {nama} tidak boleh negatif ('{nilai}'). Tulis angka 0 atau lebih.")
    return hasil


def _cek_jumlah_bobot(bobot: dict[str, Fraction]) -> None:
    if sum(bobot.values()) == 0:
        raise GalatData("Semua bobot anggaran bernilai 0. Beri paling sedikit satu bobot lebih dari 0, misalnya --bobot-dasar 1.")


def _bulat(raw: dict, kunci: str, bawaan: int, minimum: int) -> int:
    nilai = raw.get(kunci, bawaan)
    if isinstance(nilai, bool) or not isinstance(nilai, int) or nilai < minimum:
        raise GalatData(f"wilayah.json: '{kunci}' harus bilangan bulat ≥ {minimum} (rupiah/bulan tanpa titik atau koma), bukan {nilai!r}.")
    return nilai


def _pagu(raw: dict) -> int:
    nilai = _bulat(raw, "pagu_anggaran", 0, 0)
    if nilai > RUPIAH_MAKS:
        raise GalatData(f"wilayah.json: 'pagu_anggaran' {nilai} terlalu besar (lebih dari Rp 1.000 triliun). Periksa jumlah digitnya.")
    return nilai


def pengaturan_dari(wilayah: Wilayah, folder_referensi: Path | None = None) -> Pengaturan:
    """Budget settings of a region; a wrong key is a :class:`GalatData` naming it."""
    raw = wilayah.extra or {}
    jenis = raw.get("jenis_belanja") or JENIS_BELANJA
    if not isinstance(jenis, list | tuple) or not all(isinstance(j, str) and j.strip() for j in jenis):
        raise GalatData("wilayah.json: 'jenis_belanja' harus daftar teks, misalnya [\"Honorarium\", \"Pelatihan\"].")
    bobot_raw = raw.get("bobot_anggaran") or {}
    if not isinstance(bobot_raw, dict):
        raise GalatData("wilayah.json: 'bobot_anggaran' harus objek, misalnya {\"dasar\": 40, \"anggota\": 20, \"potensi\": 15, \"dorman\": 25}.")
    asing = sorted(set(bobot_raw) - set(KOMPONEN_BOBOT))
    if asing:
        raise GalatData(f"wilayah.json: bobot_anggaran '{asing[0]}' tidak dikenal. Kunci yang sah: {', '.join(KOMPONEN_BOBOT)}.")
    bobot = {k: bobot_sah(bobot_raw.get(k, BOBOT_BAWAAN[k]), k) for k in KOMPONEN_BOBOT}
    _cek_jumlah_bobot(bobot)
    return Pengaturan(
        pagu=_pagu(raw),
        tahun=_bulat(raw, "tahun_anggaran", dt.date.today().year, 1900),
        kantor=str(raw.get("kantor") or ""),
        jenis_belanja=tuple(j.strip() for j in jenis),
        bobot=bobot,
        pembulatan=_bulat(raw, "pembulatan_anggaran", PEMBULATAN_BAWAAN, 1),
        ambang_dorman_bulan=_bulat(raw, "ambang_dorman_bulan", AMBANG_DORMAN_BAWAAN, 1),
        dorman_maks_bulan=_bulat(raw, "dorman_maks_bulan", DORMAN_MAKS_BAWAAN, 1),
        referensi=muat_referensi_anggaran(folder_referensi or config.path_wilayah().parent),
        standar_tegas=raw.get("standar_harga_tegas") is True,
    )
