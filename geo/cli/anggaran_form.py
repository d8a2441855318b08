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

from geo.anggaran.rencana import Rencana, muat_rencana
from geo.anggaran.simpan import tulis_usul
from geo.anggaran.susunan import AKUN, susun_form
from geo.anggaran.tahap import path_penetapan
from geo.anggaran.uang import rupiah
from geo.cli.utama import KELUAR_DATA_TIDAK_SAH, cetak_laporan, muat_dari_args, tambah_opsi_data
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
    rencana = muat_rencana(dataset, args.anggaran)
    if not rencana.ok:
        cetak_laporan(rencana.laporan)
        raise GalatData(f"Rencana {rencana.path.name} tidak sah; perbaiki dulu (python -m geo anggaran periksa).")
    return dataset, rencana


def _tetapkan(args: argparse.Namespace) -> int:
    dataset, rencana = _wajib_sah(args)
    tujuan = path_penetapan(rencana.path)
    if tujuan.exists() and not args.force:
        raise GalatData(f"Penetapan {tujuan} sudah ada dan tidak ditimpa. Tambahkan --force untuk menetapkan ulang "
                        f"(versi lama disalin ke {tujuan.parent / 'cadangan'}).")
    hasil = tulis_usul(rencana.tabel, tujuan, dataset, rencana.pengaturan, paksa=True, aksi="tetapkan")
    if not hasil.disimpan:
        print(hasil.laporan.teks())
        return KELUAR_DATA_TIDAK_SAH
    print(f"Ditetapkan: {tujuan} ({len(rencana.tabel)} baris, total {rupiah(rencana.total)}). Perubahan berikutnya pada "
          f"{rencana.path.name} tampil sebagai Sebelum/Setelah di --tahap rkpa/dppa.")
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

    c = sub2.add_parser("sipd", help="tulis rincian belanja berbentuk SIPD (CSV, satu baris per rincian); dapat dimuat kembali")
    tambah_opsi_data(c)
    tambah_opsi_anggaran(c)
    c.add_argument("--output", "-o", metavar="FILE", help="berkas CSV ('-' untuk stdout; bawaan: rincian_sipd_<rencana>.csv)")
    c.set_defaults(func=_sipd)
