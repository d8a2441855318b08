"""``python -m geo formulir``: an XLSForm to report activities offline with ODK Collect or KoboToolbox."""

from __future__ import annotations

import argparse
from pathlib import Path

from geo.cli.utama import periksa_tujuan_xlsx, tambah_opsi_data
from geo.galat import GalatData


def _formulir(args: argparse.Namespace) -> int:
    tujuan = Path(args.output)
    periksa_tujuan_xlsx(tujuan, args.force, "XLSForm")
    from geo.ekspor.formulir import lembar_formulir, tulis_formulir
    from geo.simpan.gudang import pilih_gudang

    dataset = pilih_gudang(args.kim, args.boundaries).muat()
    if not dataset.ok:
        raise GalatData(f"Data KIM tidak sah ({len(dataset.laporan.galat)} galat); periksa dengan 'python -m geo validate' dulu.")
    try:
        lembar = lembar_formulir(dataset, args.wilayah or "")
    except ValueError as exc:
        raise GalatData(f"--wilayah: {exc}") from None
    jumlah = int((lembar["choices"]["list_name"] == "potensi").sum())
    if not jumlah:
        raise GalatData(f"Tidak ada potensi di wilayah '{args.wilayah}'. Periksa awalan kodenya (mis. 64.74.01).")
    tulis_formulir(lembar, tujuan)
    print(f"XLSForm tersimpan: {tujuan} ({jumlah} potensi). Unggah ke ODK Central atau KoboToolbox; "
          "impor kirimannya dengan 'python -m geo data import-formulir'.")
    return 0


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("formulir", help="buat XLSForm (ODK Collect/KoboToolbox) untuk melaporkan kegiatan KIM tanpa sinyal")
    p.add_argument("--output", default="laporan_kegiatan.xlsx", metavar="FILE", help="berkas .xlsx (bawaan: laporan_kegiatan.xlsx)")
    p.add_argument("--wilayah", metavar="KODE", help="hanya potensi di bawah awalan kode ini, mis. 64.74.01 (boleh tanpa titik)")
    p.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    tambah_opsi_data(p)
    p.set_defaults(func=_formulir)
