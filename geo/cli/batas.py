"""``python -m geo boundaries import``: official boundaries in, with a report in words."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo import config
from geo.galat import GalatData
from geo.impor.alur import impor_batas, laporan_impor
from geo.masuk.referensi import muat_referensi


def _jalankan(args: argparse.Namespace) -> int:
    def kabar(teks: str) -> None:
        print(teks, file=sys.stderr, flush=True)

    if args.simplify_m is not None and args.simplify_m <= 0:
        raise GalatData("--simplify-m harus lebih dari 0 (meter), misalnya --simplify-m 5.")
    out = Path(args.out) if args.out else config.path_batas()
    hasil = impor_batas(
        args.src, out, args.wilayah, args.name_field, args.code_field, args.kecamatan_field, args.layer,
        args.simplify_m, args.force, args.dry_run, args.kim, kabar, crs=args.crs, sumber_teks=args.sumber,
    )
    print(laporan_impor(hasil, muat_referensi(), out))
    return 0


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("boundaries", help="kelola batas kelurahan (impor batas resmi)")
    aksi = p.add_subparsers(dest="aksi_batas", required=True, metavar="AKSI")
    imp = aksi.add_parser("import", help="impor batas resmi (BIG, GADM, geoBoundaries, OSM) menjadi data/boundaries.geojson")
    imp.add_argument("src", metavar="SUMBER", help="GeoJSON, shapefile (.shp atau .zip), GeoPackage, FlatGeobuf atau .gdb")
    imp.add_argument("--out", metavar="PATH", help=f"berkas keluaran (bawaan: ${config.ENV_BATAS} atau data/boundaries.geojson)")
    imp.add_argument("--wilayah", metavar="KODE", help="hanya fitur berkode di bawah awalan ini, mis. 64.74 (bawaan: kode di wilayah.json)")
    imp.add_argument("--name-field", metavar="KOLOM", help="kolom nama kelurahan bila tidak dikenali otomatis")
    imp.add_argument("--code-field", metavar="KOLOM", help="kolom kode Kemendagri bila tidak dikenali otomatis")
    imp.add_argument("--kecamatan-field", metavar="KOLOM", help="kolom nama kecamatan (pembeda nama kelurahan kembar)")
    imp.add_argument("--layer", metavar="NAMA", help="lapisan/berkas di dalam GeoPackage, .gdb atau zip")
    imp.add_argument("--simplify-m", type=float, metavar="M", help="sederhanakan garis dengan toleransi M meter, tanpa celah antartetangga")
    imp.add_argument("--force", action="store_true",
                     help="tetap tulis walau kelurahan yang dipakai data KIM hilang, hasil di luar batas_bbox wilayah, atau semua titik KIM di luar")
    imp.add_argument("--crs", metavar="CRS", help="sistem koordinat berkas sumber bila tidak tercantum atau salah, mis. EPSG:32650 (UTM 50N)")
    imp.add_argument("--dry-run", action="store_true", help="periksa dan laporkan saja, jangan tulis")
    imp.add_argument("--kim", metavar="PATH", help=f"tabel KIM untuk pemeriksaan (bawaan: ${config.ENV_KIM} atau data/kim.csv)")
    imp.add_argument("--sumber", metavar="TEKS",
                     help='sumber yang dicetak di peta, mis. "BIG, Batas Desa/Kelurahan 1:10.000, 2022" (bawaan: nama berkas)')
    imp.set_defaults(func=_jalankan)
