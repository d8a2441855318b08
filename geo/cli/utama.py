"""``python -m geo``: validate and summarise from scripts, with no traceback.

Subcommands live in small modules that each add themselves to the parser
through a ``daftar(subparsers)`` function listed in :data:`MODUL_PERINTAH`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import sys
from collections.abc import Sequence

import pandas as pd

from geo import config
from geo.cli import waktu
from geo.galat import GalatData
from geo.masuk.dataset import Dataset, muat_dataset
from geo.tampilan.agregat import kolom_ringkasan
from geo.tampilan.banding import kolom_banding
from geo.tampilan.saring import Filter, kanonik, pecah_nilai
from geo.tampilan.susun import tampilkan

# Modules that contribute subcommands; each has ``daftar(subparsers)``.
MODUL_PERINTAH: list[str] = ["geo.cli.utama", "geo.cli.ekspor", "geo.cli.batas", "geo.cli.data", "geo.cli.akun", "geo.cli.templat"]

KELUAR_DATA_TIDAK_SAH = 1
KELUAR_TAK_TERDUGA = 3


def tambah_opsi_data(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kim", metavar="PATH", help=f"tabel KIM, CSV/XLSX (bawaan: ${config.ENV_KIM} atau data/kim.csv)")
    p.add_argument("--boundaries", metavar="PATH", help=f"batas kelurahan GeoJSON (bawaan: ${config.ENV_BATAS} atau data/boundaries.geojson)")


def tambah_opsi_filter(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kategori", action="append", metavar="K", help="kategori potensi; boleh diulang atau dipisah koma")
    p.add_argument("--status", action="append", metavar="S", help="status aktivitas; boleh diulang atau dipisah koma")
    p.add_argument("--kecamatan", action="append", metavar="C", help="kecamatan; boleh diulang atau dipisah koma")
    p.add_argument("--cari", default="", metavar="TEKS", help="cari di nama KIM atau nama potensi")


def muat_dari_args(args: argparse.Namespace) -> Dataset:
    """Load the dataset named by the options; invalid data stops with the report."""
    dataset = muat_dataset(args.kim, args.boundaries)
    if not dataset.ok:
        raise GalatData("Data tidak sah; perbaiki masalah berikut lalu coba lagi:\n" + dataset.laporan.teks())
    return dataset


def filter_dari_args(args: argparse.Namespace, dataset: Dataset) -> Filter:
    """Filter options, spelled however the user likes, checked against the vocabulary."""
    wil = dataset.wilayah
    return Filter(
        kategori=kanonik(pecah_nilai(args.kategori), wil.kategori_potensi, "Kategori"),
        status=kanonik(pecah_nilai(args.status), wil.status_aktivitas, "Status"),
        kecamatan=kanonik(pecah_nilai(args.kecamatan), dataset.kecamatan(), "Kecamatan"),
        cari=args.cari or "",
    )


def _validate(args: argparse.Namespace) -> int:
    dataset = muat_dataset(args.kim, args.boundaries)
    laporan = dataset.laporan
    if laporan.masalah:
        print(laporan.teks())
    if not laporan.ok:
        print(f"\nTIDAK SAH: {len(laporan.galat)} galat, {len(laporan.peringatan)} peringatan. Berkas tidak diubah.")
        return KELUAR_DATA_TIDAK_SAH
    print(
        f"SAH: {len(dataset.potensi)} potensi di {dataset.potensi['kode_kelurahan'].nunique()} kelurahan "
        f"({dataset.path_kim}); {len(laporan.peringatan)} peringatan."
    )
    if dataset.kegiatan is not None:
        print(f"Log kegiatan: {len(dataset.kegiatan)} kegiatan ({dataset.path_kegiatan}).")
    return 0


def tabel_ringkasan(dataset: Dataset, f: Filter, pada: dt.date | None = None, banding: dt.date | None = None) -> pd.DataFrame:
    """The per-kelurahan summary without geometry, dates as ISO text (plus the time columns)."""
    ringkasan = tampilkan(dataset, f, pada=pada, banding=banding).ringkasan
    tambahan = [k for k in ("bulan_tidak_aktif", *kolom_banding(dataset)) if k in ringkasan.columns]
    tabel = pd.DataFrame(ringkasan[kolom_ringkasan(dataset.wilayah) + tambahan])
    tabel["kegiatan_terakhir"] = tabel["kegiatan_terakhir"].dt.strftime("%Y-%m-%d")
    return tabel


def _summary(args: argparse.Namespace) -> int:
    dataset = muat_dari_args(args)
    pada, banding = waktu.tanggal_dari_args(args)
    tabel = tabel_ringkasan(dataset, filter_dari_args(args, dataset), pada, banding)
    if pada is not None or banding is not None:
        pada = pada or tampilkan(dataset).pada
        judul = waktu.judul_tabel(pada, banding)
        if args.format == "table":
            print(judul)
            print(waktu.baris_total(tabel, waktu.kolom_tabel(dataset, banding is not None)).fillna("-").to_string(index=False))
            return 0
    if args.format == "json":
        records = json.loads(tabel.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        tabel.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        kolom = ["kelurahan", "kecamatan", "jumlah_potensi", "jumlah_aktif", "persen_aktif", "jumlah_anggota", "kategori_dominan", "kegiatan_terakhir"]
        print(tabel[kolom].fillna("-").to_string(index=False))
    return 0


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="periksa data KIM dan batas; keluar 1 bila tidak sah")
    tambah_opsi_data(p)
    p.set_defaults(func=_validate)
    p = sub.add_parser("summary", help="ringkasan per kelurahan")
    tambah_opsi_data(p)
    tambah_opsi_filter(p)
    waktu.tambah_opsi_waktu(p)
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=_summary)


def buat_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Peta Potensi KIM: perintah data.")
    sub = parser.add_subparsers(dest="perintah", required=True, metavar="PERINTAH")
    for nama in MODUL_PERINTAH:
        importlib.import_module(nama).daftar(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; data problems exit 1 with a message, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = buat_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GalatData as exc:
        print(str(exc), file=sys.stderr)
        return KELUAR_DATA_TIDAK_SAH
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: a message, not a traceback
        if os.environ.get("KIM_DEBUG"):
            raise
        print(f"Terjadi kesalahan tak terduga: {exc.__class__.__name__}: {exc}. Jalankan ulang dengan KIM_DEBUG=1 untuk rincian.", file=sys.stderr)
        return KELUAR_TAK_TERDUGA
