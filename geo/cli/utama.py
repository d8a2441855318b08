"""``python -m geo``: validate and summarise from scripts, with no traceback.

Subcommands live in small modules that each add themselves to the parser
through a ``daftar(subparsers)`` function listed in :data:`MODUL_PERINTAH`.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from geo import config
from geo.cli import waktu
from geo.cli.kemajuan import bilah_kemajuan
from geo.galat import GalatData, Laporan
from geo.i18n import t
from geo.masuk.tingkat import TINGKAT

if TYPE_CHECKING:  # the views are imported by the commands that build them, not by ``validate``
    import pandas as pd

    from geo.masuk.dataset import Dataset
    from geo.tampilan.keadaan import Keadaan
    from geo.tampilan.susun import Tampilan

# Modules that contribute subcommands; each has ``daftar(subparsers)``.
MODUL_PERINTAH: list[str] = ["geo.cli.utama", "geo.cli.ekspor", "geo.cli.batas", "geo.cli.data", "geo.cli.akun", "geo.cli.templat", "geo.cli.anggaran", "geo.cli.db", "geo.cli.formulir", "geo.cli.kim"]
# The module of each subcommand, so running one imports only its own module (help imports all).
# A command missing here still works: the parser is then built from every module.
MODUL_DARI_PERINTAH: dict[str, str] = {
    "validate": "geo.cli.utama", "summary": "geo.cli.utama", "export": "geo.cli.ekspor", "boundaries": "geo.cli.batas",
    "data": "geo.cli.data", "check-accounts": "geo.cli.akun", "hash-password": "geo.cli.akun", "akun": "geo.cli.akun", "template": "geo.cli.templat",
    "anggaran": "geo.cli.anggaran", "db": "geo.cli.db", "formulir": "geo.cli.formulir", "kim": "geo.cli.kim",
}

KELUAR_DATA_TIDAK_SAH = 1
KELUAR_TAK_TERDUGA = 3


def tambah_opsi_data(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kim", metavar="PATH", help=f"tabel KIM, CSV/XLSX (bawaan: ${config.ENV_KIM} atau data/kim.csv)")
    p.add_argument("--boundaries", metavar="PATH", help=f"batas kelurahan GeoJSON (bawaan: ${config.ENV_BATAS} atau data/boundaries.geojson)")


def periksa_tujuan_xlsx(tujuan: Path, timpa: bool, apa: str) -> None:
    """An Excel output path: ``.xlsx``, and never an existing file without ``--force``."""
    if tujuan.suffix.lower() != ".xlsx":
        raise GalatData(f"{apa} ditulis sebagai Excel: beri nama berkas berakhiran .xlsx, bukan '{tujuan.name}'.")
    if tujuan.exists() and not timpa:
        raise GalatData(f"{tujuan} sudah ada dan tidak ditimpa. Pilih nama lain atau tambahkan --force.")


def tambah_opsi_filter(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kategori", action="append", metavar="K", help="kategori potensi; boleh diulang atau dipisah koma")
    p.add_argument("--status", action="append", metavar="S", help="status aktivitas; boleh diulang atau dipisah koma")
    p.add_argument("--kecamatan", action="append", metavar="C", help="kecamatan; boleh diulang atau dipisah koma")
    p.add_argument("--cari", default="", metavar="TEKS", help="cari di nama KIM atau nama potensi")
    p.add_argument("--tingkat", metavar="T", help=f"tingkat ringkasan: {'|'.join(TINGKAT)} (bawaan: seperti halaman saat dibuka)")
    p.add_argument("--wilayah", metavar="KODE", help="awalan kode Kemendagri wilayah yang dilihat, mis. 64.74 atau 64.74.01")


def muat_dari_args(args: argparse.Namespace) -> Dataset:
    """Load the dataset named by the options; invalid data stops with the report."""
    from geo.simpan.gudang import pilih_gudang

    dataset = pilih_gudang(args.kim, args.boundaries).muat(kemajuan=bilah_kemajuan())
    if not dataset.ok:
        raise GalatData("Data tidak sah; perbaiki masalah berikut lalu coba lagi:\n" + dataset.laporan.teks())
    return dataset


def rencana_dari_args(args: argparse.Namespace, dataset: Dataset, pengaturan=None):
    """The budget plan: the file ``--anggaran`` names, else the configured store's (files or database)."""
    from geo.anggaran.rencana import muat_rencana
    from geo.simpan.gudang import pilih_gudang

    if getattr(args, "anggaran", None):
        return muat_rencana(dataset, args.anggaran, pengaturan)
    return pilih_gudang(getattr(args, "kim", None), getattr(args, "boundaries", None)).muat_rencana(dataset, pengaturan)


def keadaan_dari_args(args: argparse.Namespace, dataset: Dataset) -> Keadaan:
    """The view state from the flags, through the URL's own parser in strict mode.

    Same names, spellings and messages as the page's link; an unknown value
    raises :class:`geo.galat.GalatOpsi` (exit 2) instead of being dropped, because
    a scheduled report must not silently change.
    """
    from geo.tampilan.keadaan import dari_param

    nama = ("kategori", "status", "kecamatan", "cari", "tingkat", "wilayah", "pada", "banding", "metrik", "skema", "kelas",
            "bahasa", "peta")
    return dari_param({n: getattr(args, n) for n in nama if getattr(args, n, None) not in (None, "", [])}, dataset, ketat=True)


def cetak_laporan(laporan: Laporan) -> bool:
    """Print every problem, then the verdict when invalid; True when the checked data is valid.

    The one report printer of ``validate`` and ``anggaran periksa``.
    """
    if laporan.masalah:
        print(laporan.teks())
    if not laporan.ok:
        print(f"\nTIDAK SAH: {len(laporan.galat)} galat, {len(laporan.peringatan)} peringatan. Berkas tidak diubah.")
    return laporan.ok


def _validate(args: argparse.Namespace) -> int:
    from geo.simpan.gudang import pilih_gudang

    dataset = pilih_gudang(args.kim, args.boundaries).muat(kemajuan=bilah_kemajuan())
    laporan = dataset.laporan
    if not cetak_laporan(laporan):
        return KELUAR_DATA_TIDAK_SAH
    from geo.masuk.tingkat import jenis_batas

    print(
        f"SAH: {len(dataset.potensi)} potensi di {dataset.potensi['kode_kelurahan'].nunique()} {jenis_batas(dataset.batas)} "
        f"({dataset.path_kim}); {len(laporan.peringatan)} peringatan."
    )
    if dataset.kegiatan is not None:
        print(f"Log kegiatan: {len(dataset.kegiatan)} kegiatan ({dataset.path_kegiatan}).")
    if dataset.profil is not None:
        profil = dataset.profil
        asal = f"{len(profil.dibuat)} dibuat dari nama_kim" if profil.dibuat else str(profil.path)
        print(f"Tabel KIM: {len(profil.tabel)} KIM ({asal}).")
    return 0


def _tabel_summary(tampilan: Tampilan) -> pd.DataFrame:
    """The summary per unit of the view's level (per kelurahan for one kota), without geometry, dates as ISO text.

    Above the kelurahan level a ``tingkat`` column comes first and the unit's
    name and its parent's are ``nama`` and ``induk`` (``kode_induk``). With an
    activity log the time columns (dormancy, the comparison) follow.
    """
    import pandas as pd

    from geo.tampilan.agregat import kolom_ringkasan
    from geo.tampilan.banding import kolom_banding

    dataset, ringkasan = tampilan.dataset, tampilan.ringkasan
    tambahan = [k for k in ("bulan_tidak_aktif", *kolom_banding(dataset), "skor_kim") if k in ringkasan.columns]
    tabel = pd.DataFrame(ringkasan[kolom_ringkasan(dataset.wilayah) + tambahan])
    if tampilan.tingkat != "kelurahan":
        tabel = tabel.rename(columns={"kelurahan": "nama", "kecamatan": "induk", "kode_kecamatan": "kode_induk"})
        tabel.insert(0, "tingkat", tampilan.tingkat)
    tabel["kegiatan_terakhir"] = tabel["kegiatan_terakhir"].dt.strftime("%Y-%m-%d")
    return tabel


def _summary(args: argparse.Namespace) -> int:
    from geo.tampilan.angka import teks_cakupan
    from geo.tampilan.susun import tampilkan

    dataset = muat_dari_args(args)
    tampilan = tampilkan(dataset, keadaan_dari_args(args, dataset))
    pada, banding = tampilan.keadaan.pada, tampilan.banding
    tabel = _tabel_summary(tampilan)
    if args.alokasi and tampilan.tingkat == "kelurahan":
        # Only on request: reading and checking the budget plan costs more than the summary itself (issue #26).
        from geo.anggaran.ringkas import tambah_alokasi  # the budget plan's allocation, when there is a valid plan

        tabel, catatan = tambah_alokasi(tabel, tampilan)
        if catatan:
            print(catatan, file=sys.stderr)
    if (pada is not None or banding is not None) and args.format == "table":
        print(waktu.judul_tabel(pada or tampilan.pada, banding))
        nama = ("nama", "induk") if "nama" in tabel else ("kelurahan", "kecamatan")
        print(waktu.baris_total(tabel, waktu.kolom_tabel(dataset, banding is not None, nama)).fillna("-").to_string(index=False))
        return 0
    if args.format == "json":
        records = json.loads(tabel.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif args.format == "csv":  # redirected to a file and opened in Excel: formulas stay text
        from geo.ekspor.formula import netralkan_tabel

        netralkan_tabel(tabel).to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        kolom = ["nama", "induk"] if "nama" in tabel else ["kelurahan", "kecamatan"]
        kolom += ["jumlah_potensi", "jumlah_aktif", "persen_aktif", "jumlah_anggota", "kategori_dominan", "kegiatan_terakhir"]
        kolom += ["alokasi_anggaran"] if "alokasi_anggaran" in tabel else []
        # A share without potentials is "no data" (never 0); other gaps are a dash.
        teks = tabel[kolom].astype(object)
        teks["persen_aktif"] = teks["persen_aktif"].where(teks["persen_aktif"].notna(), t("tanpa_data"))
        print(teks.fillna("-").to_string(index=False))
    a = tampilan.angka
    # Totals on stderr, so json/csv on stdout stay machine-readable; the same figures as the page's cards.
    total = (f"Jumlah: {a.kim} KIM, {a.potensi} potensi ({a.aktif} aktif), {a.anggota} anggota, "
             f"{teks_cakupan(tampilan)}")
    if a.tanpa_batas:
        total += f"; {a.tanpa_batas} potensi di kelurahan yang tidak ada di berkas batas (tidak termasuk tabel di atas)"
    print(total + ".", file=sys.stderr)
    if dataset.profil is not None:  # the KIM assessment (#25): prioritas pembinaan among the view's KIM
        from geo.kim.penilaian import penilaian_tampilan, teks_prioritas

        print("\n".join(teks_prioritas(penilaian_tampilan(tampilan))), file=sys.stderr)
    return 0


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="periksa data KIM dan batas; keluar 1 bila tidak sah")
    tambah_opsi_data(p)
    p.set_defaults(func=_validate)
    p = sub.add_parser("summary", help="ringkasan per kelurahan (atau per kecamatan, kab/kota, provinsi dengan --tingkat)")
    tambah_opsi_data(p)
    tambah_opsi_filter(p)
    waktu.tambah_opsi_waktu(p)
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("--alokasi", action="store_true",
                   help="tambahkan kolom alokasi_anggaran dari rencana anggaran (per kelurahan; membaca dan memeriksa rencana)")
    p.set_defaults(func=_summary)


def buat_parser(perintah: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand, or only of ``perintah``'s module when it is known.

    One command's module is all a run needs: ``validate`` does not import the
    views, exports and database code the other commands use.
    """
    # The installed ``kim`` command is the same program; its help names it as typed.
    prog = "kim" if Path(sys.argv[0]).stem == "kim" else "python -m geo"
    parser = argparse.ArgumentParser(prog=prog, description="Peta Potensi KIM: perintah data.")
    sub = parser.add_subparsers(dest="perintah", required=True, metavar="PERINTAH")
    modul = [MODUL_DARI_PERINTAH[perintah]] if perintah in MODUL_DARI_PERINTAH else MODUL_PERINTAH
    for nama in modul:
        importlib.import_module(nama).daftar(sub)
    return parser


def _perintah(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line (the first word that is not an option)."""
    return next((a for a in argv if not a.startswith("-")), None) if argv and not argv[0].startswith("-") else None


def _stdout_ke_devnull() -> None:
    """Point stdout at devnull so flushing it at exit does not raise the same broken pipe again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; data problems exit 1 with a message, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.getLogger("geo.basisdata").addHandler(logging.NullHandler())  # printed below instead, once
    args = buat_parser(_perintah(argv)).parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GalatData as exc:
        # An administrator runs the CLI: a database problem's details (host, database; never the password)
        print(getattr(exc, "rincian", None) or str(exc), file=sys.stderr)
        return getattr(exc, "kode_keluar", KELUAR_DATA_TIDAK_SAH)  # GalatOpsi: a refused view setting, 2 like argparse
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader left early (``summary | head``): what it read is all it wanted
        _stdout_ke_devnull()
        return 1
    except Exception as exc:  # the last line of defence: a message, not a traceback
        if os.environ.get("KIM_DEBUG"):
            raise
        print(f"Terjadi kesalahan tak terduga: {exc.__class__.__name__}: {exc}. Jalankan ulang dengan KIM_DEBUG=1 untuk rincian.", file=sys.stderr)
        return KELUAR_TAK_TERDUGA
