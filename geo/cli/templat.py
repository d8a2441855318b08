"""``python -m geo template``: a blank Excel workbook with the region's dropdowns."""

from __future__ import annotations

import argparse
from pathlib import Path

from geo.cli.utama import periksa_tujuan_xlsx
from geo.masuk.referensi import muat_referensi
from geo.masuk.wilayah import muat_wilayah
from geo.simpan.berkas import tulis_bytes_atomik


def _template(args: argparse.Namespace) -> int:
    tujuan = Path(args.output)
    periksa_tujuan_xlsx(tujuan, args.force, "Templat")
    from geo.ekspor.templat import buat_templat  # openpyxl only for this command

    tulis_bytes_atomik(tujuan, buat_templat(muat_wilayah(), muat_referensi()))
    print(f"Templat tersimpan: {tujuan}")
    return 0


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("template", help="buat templat Excel kosong (dengan daftar pilihan) untuk data KIM")
    p.add_argument("--output", default="templat_kim.xlsx", metavar="FILE", help="berkas .xlsx (bawaan: templat_kim.xlsx)")
    p.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    p.set_defaults(func=_template)
