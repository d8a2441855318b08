"""``python -m geo anggaran tetapkan|sesuaikan|sipd``: the budget form's stages and SIPD exchange from a terminal.

``tetapkan`` freezes the valid plan as the baseline the Perubahan forms
compare against; ``sesuaikan --pagu N`` fits every line to a new ceiling;
``sipd`` writes (or reads back) the SIPD-shaped CSV.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from geo.anggaran.rencana import Rencana
from geo.anggaran.simpan import tulis_usul
from geo.anggaran.susunan import AKUN, susun_form
from geo.anggaran.tahap import path_penetapan
from geo.anggaran.uang import rupiah
from geo.cli.utama import KELUAR_DATA_TIDAK_SAH, cetak_laporan, muat_dari_args, rencana_dari_args, tambah_opsi_data
from geo.galat import GalatData


def cetak_subtotal(rencana: Rencana) -> None:
    """Subtotal per level of the akun code, as the form prints them (only when lines have codes)."""
    if not (rencana.tabel["kode_rekening"] != "").any():
        return
    susunan = susun_form(rencana)
    print("Subtotal per kode rekening:")
    for b in susunan.baris:
        if b.jenis == AKUN:
            print(f"  {'  ' * b.kedalaman}{b.kode or '-':<20} {rupiah(b.setelah):>18}  {b.uraian}")
    if susunan.tanpa_kode:
        print(f"  {susunan.tanpa_kode} baris belum berkode rekening (isi kode_rekening, atau jenis_belanja_akun.csv).")


def _wajib_sah(args: argparse.Namespace):
    dataset = muat_dari_args(args)
    rencana = rencana_dari_args(args, dataset)
    if not rencana.ok:
        cetak_laporan(rencana.laporan)
        raise GalatData(f"Rencana {rencana.path.name} tidak sah; perbaiki dulu (python -m geo anggaran periksa).")
    return dataset, rencana


def _tetapkan(args: argparse.Namespace) -> int:
    from geo.simpan.gudang import pilih_gudang

    dataset, rencana = _wajib_sah(args)
    gudang = pilih_gudang(args.kim, args.boundaries)
    hasil = gudang.tetapkan_rencana(rencana, dataset, "baris-perintah", paksa=args.force)
    if not hasil.disimpan and not (hasil.laporan.ok and hasil.perubahan.kosong):
        print(hasil.laporan.teks())
        print(hasil.pesan)
        return KELUAR_DATA_TIDAK_SAH
    print(f"Ditetapkan: {gudang.nama_penetapan(rencana)} ({len(rencana.tabel)} baris, total {rupiah(rencana.total)}). Perubahan berikutnya pada "
          f"{rencana.path.name} tampil sebagai Sebelum/Setelah di --tahap rkpa/dppa.")
    return 0


def _sesuaikan(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from geo.anggaran.sesuaikan import sesuaikan_pagu

    dataset = muat_dari_args(args)
    rencana = rencana_dari_args(args, dataset)
    pengaturan = replace(rencana.pengaturan, pagu=args.pagu)
    # The plan answered the old ceiling; only the ceiling check is relaxed when reading it.
    lama = rencana_dari_args(args, dataset, replace(pengaturan, pagu=0))
    if not lama.ok:
        cetak_laporan(lama.laporan)
        raise GalatData(f"Rencana {lama.path.name} tidak sah; perbaiki dulu (python -m geo anggaran periksa).")
    hasil = sesuaikan_pagu(lama.tabel, args.pagu)
    tujuan = Path(args.output) if args.output else lama.path
    simpan = tulis_usul(hasil.tabel, tujuan, dataset, pengaturan, paksa=tujuan == lama.path or args.force, aksi="sesuaikan")
    if not simpan.disimpan:
        print(simpan.laporan.teks())
        print(simpan.pesan)
        return KELUAR_DATA_TIDAK_SAH
    for m in simpan.laporan.peringatan:
        print(f"Peringatan: {m}")
    print(f"Disesuaikan: {tujuan} ({len(hasil.tabel)} baris tetap; total {rupiah(hasil.total_lama)} → {rupiah(hasil.total_baru)}, "
          f"harga satuan × {float(hasil.faktor):.4f} lalu dibulatkan ke bawah, sisa rupiah dibagi menurut pecahan terbesar).")
    if rencana.pengaturan.pagu != args.pagu:
        print(f"Catatan: pagu_anggaran di wilayah.json masih {rupiah(rencana.pengaturan.pagu)}; ubah menjadi {args.pagu} "
              "agar 'anggaran periksa' dan halaman memakai pagu baru.")
    return 0


def _sipd(args: argparse.Namespace) -> int:
    from geo.anggaran.sipd import ke_csv_sipd
    from geo.simpan.berkas import tulis_bytes_atomik
    from geo.simpan.lindung import dijaga

    dataset, rencana = _wajib_sah(args)
    data = ke_csv_sipd(rencana)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        return 0
    tujuan = Path(args.output or f"rincian_sipd_{rencana.path.stem}.csv")
    if tujuan.resolve() in (rencana.path.resolve(), path_penetapan(rencana.path).resolve()) or dijaga(tujuan, dataset, (rencana.path,)):
        raise GalatData(f"'{tujuan}' adalah berkas data aplikasi; pilih nama berkas lain di luar folder data.")
    tulis_bytes_atomik(tujuan, data)
    print(f"Tersimpan: {tujuan} ({len(rencana.tabel)} baris rincian, total {rupiah(rencana.total)}). Muat kembali dengan "
          f"--anggaran {tujuan}.")
    return 0


def daftar_form(sub2: argparse._SubParsersAction, tambah_opsi_anggaran: Callable[[argparse.ArgumentParser], None]) -> None:
    t = sub2.add_parser("tetapkan", help="bekukan rencana sah sebagai penetapan (dasar kolom Sebelum pada RKPA/DPPA)")
    tambah_opsi_data(t)
    tambah_opsi_anggaran(t)
    t.add_argument("--force", action="store_true", help="timpa penetapan yang sudah ada (versi lama dicadangkan)")
    t.set_defaults(func=_tetapkan)

    s = sub2.add_parser("sesuaikan", help="sesuaikan rencana ke pagu baru, semua baris tetap (aturan di README)")
    tambah_opsi_data(s)
    tambah_opsi_anggaran(s)
    s.add_argument("--pagu", type=int, required=True, metavar="RP", help="pagu baru dalam rupiah bulat, mis. 180000000")
    s.add_argument("--output", "-o", metavar="FILE", help="tulis ke berkas lain (bawaan: menimpa rencana; versi lama dicadangkan)")
    s.add_argument("--force", action="store_true", help="timpa --output yang sudah ada")
    s.set_defaults(func=_sesuaikan)

    c = sub2.add_parser("sipd", help="tulis rincian belanja berbentuk SIPD (CSV, satu baris per rincian); dapat dimuat kembali")
    tambah_opsi_data(c)
    tambah_opsi_anggaran(c)
    c.add_argument("--output", "-o", metavar="FILE", help="berkas CSV ('-' untuk stdout; bawaan: rincian_sipd_<rencana>.csv)")
    c.set_defaults(func=_sipd)
