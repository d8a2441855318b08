"""The proposal in the form's terms: each KIM's share (the rule of :mod:`geo.anggaran.usul`) as coded lines.

The menu is data (``usul_rincian`` in ``wilayah.json``): lines with a
``kode_standar`` (their price is the standard price, less PPN when the
standard includes tax), their koefisien pairs and PPN, and one balancing line
(``penyeimbang``: koefisien 1, no PPN) that takes the rest of the KIM's share,
so every KIM's lines, and the plan, add up exactly.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pandas as pd

from geo.anggaran.koefisien import KOLOM_SATUAN, KOLOM_VOLUME, hitung_baris, teks_persen, urai_ppn
from geo.anggaran.pengaturan import Pengaturan
from geo.anggaran.rencana import KOLOM_SEMUA
from geo.anggaran.uang import rupiah
from geo.galat import GalatData


def _harga_standar(butir: dict, pengaturan: Pengaturan, ppn: Fraction, i: int) -> tuple[int, str]:
    kode = str(butir.get("kode_standar", ""))
    standar = pengaturan.referensi.standar.get(kode)
    if standar is None:
        raise GalatData(f"wilayah.json: usul_rincian.rincian[{i}].kode_standar '{kode}' tidak ada di standar_harga.csv.")
    harga = standar.harga_maks
    if standar.termasuk_pajak and ppn:
        harga = math.floor(Fraction(harga) / (1 + ppn / 100))  # price + PPN stays within the standard
    return harga, standar.kode_rekening


def _pasangan(butir: dict, i: int) -> list[tuple[int, str]]:
    pasangan = butir.get("volume") or []
    if not isinstance(pasangan, list) or not 1 <= len(pasangan) <= len(KOLOM_VOLUME) or not all(
            isinstance(p, list) and len(p) == 2 and isinstance(p[0], int) and p[0] >= 1 for p in pasangan):
        raise GalatData(f"wilayah.json: usul_rincian.rincian[{i}].volume harus 1–4 pasangan [volume, satuan], mis. [[2, \"OJ\"], [1, \"Kali\"]].")
    return [(int(v), str(s)) for v, s in pasangan]


def menu_usul(wilayah_extra: dict) -> dict | None:
    menu = wilayah_extra.get("usul_rincian")
    if menu is None:
        return None
    if not isinstance(menu, dict) or not isinstance(menu.get("rincian"), list) or not isinstance(menu.get("penyeimbang"), dict):
        raise GalatData("wilayah.json: usul_rincian perlu 'rincian' (daftar) dan 'penyeimbang' (objek); lihat README.")
    return menu


def susun_rincian(alokasi: pd.Series, nama_kim: pd.Series, menu: dict, pengaturan: Pengaturan) -> pd.DataFrame:
    """Text cells of the plan: the menu for every KIM (kode → share), the balancing line last."""
    butir = []
    for i, b in enumerate(menu["rincian"]):
        ppn = urai_ppn(str(b.get("ppn_persen", "")))
        harga, kode = _harga_standar(b, pengaturan, ppn, i)
        pasangan = _pasangan(b, i)
        h = hitung_baris(tuple(v for v, _ in pasangan), harga, ppn)
        butir.append((b, pasangan, harga, kode, teks_persen(ppn) if ppn else "", h.jumlah))
    biaya = sum(j for *_x, j in butir)
    seimbang = menu["penyeimbang"]
    baris = []
    for nomor, (kode_kel, bagian) in enumerate(alokasi.items(), start=1):
        if int(bagian) < biaya:
            raise GalatData(f"Bagian {nama_kim.get(kode_kel, kode_kel)} {rupiah(int(bagian))} lebih kecil dari menu usul_rincian "
                            f"{rupiah(biaya)}. Kurangi volume menu di wilayah.json atau naikkan pagu.")
        isi = [(b, p, harga, kode, ppn, j) for b, p, harga, kode, ppn, j in butir]
        isi.append((seimbang, [(1, str(seimbang.get("satuan", "Paket")))], int(bagian) - biaya, str(seimbang.get("kode_rekening", "")),
                    "", int(bagian) - biaya))
        for j, (b, pasangan, harga, kode, ppn, jumlah) in enumerate(isi, start=1):
            sel = dict.fromkeys(KOLOM_SEMUA, "")
            sel |= {"id_baris": f"USUL-{nomor:03d}-{j:02d}", "kode_kelurahan": str(kode_kel), "kode_rekening": kode,
                    "kegiatan": f"{b.get('komponen', '')} ({nama_kim.get(kode_kel, kode_kel)})", "komponen": str(b.get("komponen", "")),
                    "spesifikasi": str(b.get("spesifikasi", "")), "harga_satuan": str(harga), "ppn_persen": ppn, "jumlah": str(jumlah),
                    "kode_standar": str(b.get("kode_standar", "")), "sumber_dana": str(menu.get("sumber_dana", "")),
                    "kelompok": str(b.get("kelompok", "")), "keterangan": str(nama_kim.get(kode_kel, ""))}
            for (v, s), kv, ks in zip(pasangan, KOLOM_VOLUME, KOLOM_SATUAN):
                sel[kv], sel[ks] = str(v), s
            baris.append(sel)
    return pd.DataFrame(baris, columns=list(KOLOM_SEMUA))
