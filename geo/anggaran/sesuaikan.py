"""Fit an existing plan to a new ceiling, keeping every line: the rule ``anggaran sesuaikan`` and the page use.

Rule (exact integers and fractions, never floats):

1. ``f = pagu_baru / total_lama``. Volumes stay (the activities keep their
   scope); each line's ``harga_satuan`` becomes ``floor(harga × f)``.
2. The rupiah still missing, ``R = pagu_baru − Σ jumlah``, is added one rupiah
   of harga at a time: in passes over the lines, largest cut-off fraction first
   (ties: plan order), a line gets +1 on its harga when the step that adds to
   its jumlah (koefisien, plus its PPN change) still fits in ``R``.
3. When ``R`` is left but smaller than every line's step, lines move by one
   rupiah of harga up or down, each at most once, in the fewest moves whose
   steps add up to ``R`` exactly (a small subset-sum search; ties to plan order).
4. If no such moves exist (e.g. every step is a multiple of 3 and ``R`` = 1),
   the fit is refused with the rupiah left and how to fix it (a line of
   koefisien 1 without PPN takes any rupiah).

The result is text cells, validated like any edit before it is written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from geo.anggaran.koefisien import hitung_baris, urai_ppn
from geo.anggaran.rencana import KOLOM_SEMUA
from geo.anggaran.uang import rupiah
from geo.galat import GalatData


@dataclass(frozen=True)
class HasilSesuai:
    tabel: pd.DataFrame  # text cells, KOLOM_SEMUA
    total_lama: int
    total_baru: int
    faktor: Fraction


def _jumlah(koef: int, harga: int, ppn: Fraction) -> int:
    return hitung_baris((koef,), harga, ppn).jumlah


def _langkah_tepat(koef: list[int], harga: list[int], ppn: list[Fraction], jumlah: list[int], sisa: int) -> list[tuple[int, int]]:
    """The fewest ±1 moves on harga (each line once) whose jumlah changes add up to ``sisa``; [] when none."""
    terbesar = max((_jumlah(k, h + 1, p) - j for k, h, p, j in zip(koef, harga, ppn, jumlah)), default=0)
    batas = 2 * terbesar + sisa
    jalan: dict[int, list[tuple[int, int]]] = {0: []}
    for i, (k, h, p, j) in enumerate(zip(koef, harga, ppn, jumlah)):
        naik, turun = _jumlah(k, h + 1, p) - j, (j - _jumlah(k, h - 1, p)) if h > 0 else None
        baru = dict(jalan)
        for total, langkah in jalan.items():
            for d, beda in ((1, naik), (-1, None if turun is None else -turun)):
                if beda is None or abs(total + beda) > batas:
                    continue
                t = total + beda
                if t not in baru or len(baru[t]) > len(langkah) + 1:
                    baru[t] = [*langkah, (i, d)]
        jalan = baru
        if sisa in jalan:
            return jalan[sisa]
    return []


def sesuaikan_pagu(tabel: pd.DataFrame, pagu_baru: int) -> HasilSesuai:
    """``tabel`` is a valid typed plan; returns the same lines priced to total ``pagu_baru`` exactly."""
    if pagu_baru <= 0:
        raise GalatData("--pagu harus rupiah bulat lebih dari 0, misalnya 180000000.")
    total_lama = int(sum(int(v) for v in tabel["jumlah"]))
    if total_lama <= 0:
        raise GalatData("Rencana kosong atau berjumlah Rp 0, jadi tidak ada yang dapat disesuaikan.")
    f = Fraction(pagu_baru, total_lama)
    koef = [int(v) for v in tabel["koefisien"]]
    ppn = [urai_ppn(p) for p in tabel["ppn_persen"]]
    tepat = [Fraction(int(h)) * f for h in tabel["harga_satuan"]]
    harga = [math.floor(t) for t in tepat]
    jumlah = [_jumlah(k, h, p) for k, h, p in zip(koef, harga, ppn)]
    sisa = pagu_baru - sum(jumlah)
    urutan = sorted(range(len(harga)), key=lambda i: (-(tepat[i] - harga[i]), i))
    while sisa > 0:
        berubah = False
        for i in urutan:
            langkah = _jumlah(koef[i], harga[i] + 1, ppn[i]) - jumlah[i]
            if 0 < langkah <= sisa:
                harga[i] += 1
                jumlah[i] += langkah
                sisa -= langkah
                berubah = True
        if not berubah:
            break
    if sisa:
        langkah = _langkah_tepat(koef, harga, ppn, jumlah, sisa)
        for i, d in langkah:
            harga[i] += d
            baru = _jumlah(koef[i], harga[i], ppn[i])
            sisa -= baru - jumlah[i]
            jumlah[i] = baru
    if sisa:
        raise GalatData(f"Rencana tidak dapat tepat {rupiah(pagu_baru)}: tersisa {rupiah(sisa)}, lebih kecil dari kenaikan terkecil "
                        "satu baris. Tambahkan satu baris berkoefisien 1 tanpa PPN (mis. 1 Paket), atau pilih pagu lain.")
    teks = tabel.reindex(columns=list(KOLOM_SEMUA)).astype(object).copy()
    teks["harga_satuan"] = [str(h) for h in harga]
    teks["jumlah"] = [str(j) for j in jumlah]
    for kolom in ("volume_2", "volume_3", "volume_4"):
        teks[kolom] = teks[kolom].map(lambda v: "" if int(v) == 0 else str(int(v)))
    teks = teks.map(lambda v: "" if v is None else str(v))
    return HasilSesuai(teks.reset_index(drop=True), total_lama, sum(jumlah), f)
