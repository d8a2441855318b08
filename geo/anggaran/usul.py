"""The proposal generator: share the ceiling among KIM by a rule the README states.

Rule (all arithmetic in exact fractions, never floats):

1. Each KIM (one per kelurahan with potentials) gets a score
   ``s = (w_dasar/N + w_anggota·a/Σa + w_potensi·p/Σp + w_dorman·z/Σz) / Σw``,
   where ``a`` is its members, ``p`` its potentials and ``z`` its dormancy in
   months (:func:`bulan_dorman`). A component whose total is 0 is shared equally.
2. The ceiling is counted in rounding units ``U`` (``pembulatan_anggaran``):
   ``Q = pagu // U`` units. Each KIM gets ``floor(Q·s)`` units; the units left
   over go one each to the largest fractional parts (largest remainder /
   Hamilton method), ties to the larger quota, then to the lower ``kode_kelurahan``.
3. What the units cannot hold (``pagu − Q·U``, less than one unit) goes to the
   KIM with the largest share, ties to the lower ``kode_kelurahan``.

So the shares always add up to the ceiling exactly, to the rupiah.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from geo.anggaran.pengaturan import KOMPONEN_BOBOT, Pengaturan
from geo.anggaran.rencana import KOLOM_ANGGARAN
from geo.anggaran.usul_rincian import menu_usul, susun_rincian
from geo.galat import GalatData
from geo.masuk.dataset import Dataset
from geo.tampilan.waktu import bulan_penuh

JENIS_USUL = "Paket Kegiatan"


def bulan_dorman(potensi: pd.DataFrame, acuan: dt.date, maks_bulan: int) -> pd.Series:
    """Whole months since each KIM's latest ``kegiatan_terakhir`` (kode → months), capped at ``maks_bulan``.

    Months are :func:`geo.tampilan.waktu.bulan_penuh`, the time view's own; a KIM
    with no known date counts as dormant for ``maks_bulan``.
    """
    terakhir = pd.to_datetime(potensi["kegiatan_terakhir"]).groupby(potensi["kode_kelurahan"]).max()
    ada = terakhir.notna()
    bulan = pd.Series(maks_bulan, index=terakhir.index, dtype="int64")
    # The one definition of whole months (geo.tampilan.waktu.bulan_penuh), as the time view uses it.
    bulan[ada] = bulan_penuh(terakhir[ada], acuan).clip(lower=0, upper=maks_bulan).astype("int64")
    return bulan


def bagi_sisa_terbesar(skor: pd.Series, jumlah_unit: int) -> pd.Series:
    """Split ``jumlah_unit`` whole units in proportion to exact ``skor`` (index = kode), summing exactly.

    Ties for a leftover unit go to the larger quota, then to the lower index label.
    """
    total = sum(skor, Fraction(0))
    if total <= 0:
        raise GalatData("Tidak ada dasar pembagian: semua skor bernilai 0. Periksa bobot anggaran.")
    kuota = {k: Fraction(jumlah_unit) * Fraction(v) / total for k, v in skor.items()}
    dasar = {k: math.floor(q) for k, q in kuota.items()}
    sisa = jumlah_unit - sum(dasar.values())
    urutan = sorted(kuota, key=lambda k: (-(kuota[k] - dasar[k]), -kuota[k], str(k)))
    for k in urutan[:sisa]:
        dasar[k] += 1
    return pd.Series([dasar[k] for k in skor.index], index=skor.index, dtype="int64")


@dataclass(frozen=True)
class DasarUsul:
    """Per KIM: the inputs of the rule and the exact score (for the README example and tests)."""

    tabel: pd.DataFrame  # index kode_kelurahan: nama_kim, kelurahan, anggota, potensi, dorman_bulan, skor


def dasar_usul(dataset: Dataset, pengaturan: Pengaturan, acuan: dt.date) -> DasarUsul:
    """Members, potentials, dormancy and score of every KIM in the dataset."""
    potensi = dataset.potensi
    if not len(potensi):
        raise GalatData("Data KIM kosong atau tidak sah, jadi tidak ada KIM untuk diberi anggaran. Jalankan python -m geo validate.")
    kelompok = potensi.groupby("kode_kelurahan")
    tabel = pd.DataFrame({
        "nama_kim": dataset.nama_kim(),
        "kelurahan": kelompok["kelurahan"].first(),
        "anggota": kelompok["jumlah_anggota"].sum().fillna(0).astype("int64"),
        "potensi": kelompok.size().astype("int64"),
        "dorman_bulan": bulan_dorman(potensi, acuan, pengaturan.dorman_maks_bulan),
    }).sort_index()
    n = len(tabel)
    w = pengaturan.bobot
    skor = pd.Series(Fraction(0), index=tabel.index, dtype=object)
    for komponen, kolom in zip(KOMPONEN_BOBOT, (None, "anggota", "potensi", "dorman_bulan")):
        bobot = w.get(komponen, Fraction(0))
        if not bobot:
            continue
        total = int(tabel[kolom].sum()) if kolom else 0
        bagian = [Fraction(1, n)] * n if not kolom or total == 0 else [Fraction(int(v), total) for v in tabel[kolom]]
        skor = skor + pd.Series([bobot * b for b in bagian], index=tabel.index, dtype=object)
    tabel["skor"] = skor / sum(w.values(), Fraction(0))
    return DasarUsul(tabel)


def bagi_pagu(skor: pd.Series, pagu: int, unit: int) -> pd.Series:
    """Rupiah per KIM: largest remainder over units of ``unit``, the sub-unit rest to the largest share."""
    if pagu < 0 or unit < 1:
        raise GalatData("Pagu harus 0 atau lebih dan satuan pembulatan minimal Rp 1.")
    unit_penuh = pagu // unit
    hasil = bagi_sisa_terbesar(skor, unit_penuh) * unit
    sisa_kecil = pagu - unit_penuh * unit
    if sisa_kecil:
        terbesar = min(hasil.index, key=lambda k: (-int(hasil[k]), str(k)))
        hasil[terbesar] += sisa_kecil
    return hasil


def susun_usul(dataset: Dataset, pengaturan: Pengaturan, acuan: dt.date | None = None) -> pd.DataFrame:
    """A starting plan as text cells, totalling ``pagu`` exactly.

    One kelurahan-wide line per KIM, or, when ``wilayah.json`` has ``usul_rincian``,
    each KIM's share as the menu's coded lines plus a balancing line.
    """
    if pengaturan.pagu <= 0:
        raise GalatData("Pagu anggaran belum diatur. Isi pagu_anggaran (rupiah bulat, mis. 200000000) di wilayah.json.")
    acuan = acuan or dt.date.today()
    dasar = dasar_usul(dataset, pengaturan, acuan).tabel
    alokasi = bagi_pagu(dasar["skor"], pengaturan.pagu, pengaturan.pembulatan)
    menu = menu_usul(dataset.wilayah.extra or {})
    if menu is not None:  # the form's coded lines with standard prices (geo.anggaran.usul_rincian)
        return susun_rincian(alokasi, dasar["nama_kim"], menu, pengaturan)
    jenis = JENIS_USUL if JENIS_USUL in pengaturan.jenis_belanja else pengaturan.jenis_belanja[0]
    dorman = dasar["dorman_bulan"] >= pengaturan.ambang_dorman_bulan
    nomor = pd.Series(range(1, len(dasar) + 1), index=dasar.index).astype(str).str.zfill(3)
    uang = alokasi.astype(str)
    tabel = pd.DataFrame({
        "id_baris": "USUL-" + nomor,
        "id_potensi": "",
        "kode_kelurahan": dasar.index.astype(str),
        "kegiatan": "Pembinaan dan kegiatan " + dasar["nama_kim"].astype(str),
        "jenis_belanja": jenis,
        "volume": "1",
        "satuan": "paket",
        "harga_satuan": uang,
        "jumlah": uang,
        "target": dorman.map({True: "KIM aktif kembali: minimal 1 kegiatan per bulan",
                              False: "Minimal 1 kegiatan per bulan dan 1 konten informasi per minggu"}),
        "keterangan": ("Usulan otomatis: " + dasar["anggota"].astype(str) + " anggota, " + dasar["potensi"].astype(str)
                       + " potensi, " + dasar["dorman_bulan"].astype(str) + " bulan sejak kegiatan terakhir"),
    })
    return tabel[list(KOLOM_ANGGARAN)].reset_index(drop=True)
