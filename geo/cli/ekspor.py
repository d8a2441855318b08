"""``python -m geo export``: the same files as the page's download buttons, for scripts.

A monthly report is one line in a scheduled task::

    python -m geo export --format pdf --status Aktif --output laporan/peta-aktif.pdf
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo import format_id
from geo.cli import waktu
from geo.cli.utama import (
    keadaan_dari_args,
    muat_dari_args,
    rencana_dari_args,
    tambah_opsi_data,
    tambah_opsi_filter,
)
from geo.ekspor import FORMAT, buat, format_ekspor
from geo.ekspor.merek import merek
from geo.ekspor.opsi import DPI_BAWAAN, UKURAN_BAWAAN, UKURAN_KERTAS_MM, OpsiEkspor
from geo.galat import GalatData
from geo.masuk.dataset import Dataset
from geo.simpan.berkas import tulis_bytes_atomik
from geo.simpan.lindung import di_folder_aplikasi, dijaga
from geo.tampilan.keadaan import BASEMAP_BAWAAN, PETA_DASAR
from geo.tampilan.kelas import JUMLAH_KELAS_BAWAAN, SKEMA_BAWAAN, SKEMA_KELAS
from geo.tampilan.metrik import METRIK_BAWAAN
from geo.tampilan.susun import tampilkan

# Formats handled beside the map/table ones of geo.ekspor.FORMAT (budget forms, KIM registry).
FORMAT_LAIN = ("rab-xlsx", "rab-pdf", "rka-xlsx", "rka-pdf", "profil-csv", "profil-xlsx", "profil-geojson", "pemetaan-pdf", "pemetaan-xlsx")

# First format per extension wins: a plain ``.pdf`` is the map, profiles and atlases need --format.
_EKSTENSI = {e: k for k, e in reversed([(f.kode, f.ekstensi) for f in FORMAT.values()])} | {"json": "geojson", "htm": "html"}


def _bilangan(teks: str, nama: str) -> int:
    try:
        return int(str(teks).strip())
    except ValueError:
        raise GalatData(f"{nama} harus bilangan bulat, bukan '{teks}'.") from None


def _format_dari_args(args: argparse.Namespace) -> str:
    """``--format``, or the output's extension; the two must agree when both are given."""
    akhiran = Path(args.output).suffix.lower().lstrip(".") if args.output and args.output != "-" else ""
    dari_nama = _EKSTENSI.get(akhiran)
    if args.format:
        try:
            kode = format_ekspor(args.format).kode
        except GalatData as exc:  # name every --format the command takes, not only the map/table ones
            raise GalatData(f"{exc} Juga: {', '.join(FORMAT_LAIN)} (anggaran dan registri KIM).") from None
        if dari_nama and FORMAT[dari_nama].ekstensi != FORMAT[kode].ekstensi:
            raise GalatData(
                f"Berkas keluaran '{args.output}' berakhiran .{akhiran}, tidak cocok dengan --format {kode}. "
                f"Ganti akhiran nama berkas menjadi .{FORMAT[kode].ekstensi} atau ubah --format."
            )
        return kode
    if dari_nama:
        return dari_nama
    raise GalatData(f"Sebutkan --format ({', '.join([*FORMAT, *FORMAT_LAIN])}) atau beri --output dengan akhiran yang dikenal, mis. peta.pdf.")


def _periksa_tujuan(tujuan: Path, dataset: Dataset, tambahan: tuple[Path, ...] = (), diminta: bool = True) -> Path:
    """Where to write; never over a file the app reads or keeps, nor (``--output``) into its folders.

    See :mod:`geo.simpan.lindung`. ``diminta``: the user named this path (not the automatic name).
    """
    if tujuan.is_dir():
        raise GalatData(f"'{tujuan}' adalah folder. Beri nama berkas di dalamnya, mis. {tujuan / 'peta.pdf'}.")
    if dijaga(tujuan, dataset, tambahan):
        raise GalatData(
            f"'{tujuan}' adalah berkas data aplikasi (data KIM, batas, referensi, wilayah, log audit atau cadangan); "
            "ekspor tidak boleh menimpanya. Pilih nama berkas lain di luar folder data."
        )
    folder = di_folder_aplikasi(tujuan, dataset) if diminta else None
    if folder:
        raise GalatData(
            f"'{tujuan}' berada di dalam folder aplikasi ({folder[0]}: {folder[1]}); ekspor tidak boleh menulis di sana. "
            "Pilih folder lain untuk hasil ekspor, mis. folder Dokumen Anda."
        )
    if not tujuan.resolve().parent.is_dir():
        raise GalatData(f"Folder '{tujuan.parent}' tidak ada. Buat foldernya dulu atau pilih lokasi lain.")
    return tujuan


def _periksa_akhiran(args: argparse.Namespace, kode: str, ekstensi: str) -> None:
    """A named output of a budget or KIM format must carry that format's extension."""
    akhiran = Path(args.output).suffix.lower().lstrip(".") if args.output and args.output != "-" else ""
    if akhiran and akhiran != ekstensi:
        raise GalatData(f"Berkas keluaran '{args.output}' berakhiran .{akhiran}, tidak cocok dengan --format {kode}. "
                        f"Ganti akhirannya menjadi .{ekstensi}.")


def _export_rab(args: argparse.Namespace) -> int:
    """``--format rab-xlsx|rab-pdf``: the budget plan's RAB of the filtered view."""
    from geo.ekspor.rab import FORMAT_RAB, buat_rab

    kode = str(args.format).strip().lower()
    _periksa_akhiran(args, kode, FORMAT_RAB[kode][0])
    dataset = muat_dari_args(args)
    tampilan = tampilkan(dataset, keadaan_dari_args(args, dataset))  # --tingkat, --wilayah, --pada apply as for every format
    rencana = rencana_dari_args(args, dataset)
    sumber = (rencana.path,)
    tujuan = _periksa_tujuan(Path(args.output), dataset, sumber) if args.output and args.output != "-" else None
    hasil = buat_rab(kode, tampilan, rencana)
    tujuan = _keluarkan(args, hasil, dataset, sumber, tujuan)
    if tujuan:
        print(f"Tersimpan: {tujuan} ({len(rencana.tabel)} baris rencana; {tampilan.filter.deskripsi()})")
    return 0


def _keluarkan(args: argparse.Namespace, hasil, dataset: Dataset, sumber: tuple[Path, ...], tujuan: Path | None) -> Path | None:
    """Write a budget file to stdout (``-o -``; returns None) or to its checked destination (returned)."""
    if args.output == "-":
        sys.stdout.buffer.write(hasil.data)
        sys.stdout.flush()
        return None
    tujuan = tujuan or _periksa_tujuan(Path(hasil.nama), dataset, sumber, diminta=False)
    tulis_bytes_atomik(tujuan, hasil.data)
    return tujuan


def _export_rka(args: argparse.Namespace) -> int:
    """``--format rka-xlsx|rka-pdf --tahap rka|rkpa|dpa|dppa``: the budget form of the whole sub kegiatan (no filter)."""
    from geo.anggaran.tahap import path_penetapan, tahap_dari
    from geo.ekspor.rka_buat import FORMAT_RKA, buat_rka

    kode = str(args.format).strip().lower()
    tahap = tahap_dari(args.tahap)
    _periksa_akhiran(args, kode, FORMAT_RKA[kode][0])
    dataset = muat_dari_args(args)
    rencana = rencana_dari_args(args, dataset)
    sumber = (rencana.path, path_penetapan(rencana.path))
    tujuan = _periksa_tujuan(Path(args.output), dataset, sumber) if args.output and args.output != "-" else None
    tampilan = tampilkan(dataset, keadaan_dari_args(args, dataset))  # its data and --pada; the form is never filtered
    tujuan = _keluarkan(args, buat_rka(kode, tampilan, rencana, tahap), dataset, sumber, tujuan)
    if tujuan:
        print(f"Tersimpan: {tujuan} ({tahap.formulir}; {len(rencana.tabel)} baris rencana)")
    return 0


def _export_kim(args: argparse.Namespace) -> int:
    """``--format profil-csv|profil-xlsx|profil-geojson|pemetaan-pdf|pemetaan-xlsx``: the KIM table and the pemetaan (#25)."""
    from geo.kim.berkas import FORMAT_KIM, berkas_kim_dijaga, berkas_tampilan

    kode = str(args.format).strip().lower()
    _periksa_akhiran(args, kode, FORMAT_KIM[kode][0])
    dataset = muat_dari_args(args)
    tampilan = tampilkan(dataset, keadaan_dari_args(args, dataset))  # filter, --tingkat/--wilayah and --pada as for every format
    sumber = berkas_kim_dijaga(dataset)
    tujuan = _periksa_tujuan(Path(args.output), dataset, sumber) if args.output and args.output != "-" else None
    hasil = berkas_tampilan(kode, tampilan, args.pemisah)
    tujuan = _keluarkan(args, hasil, dataset, sumber, tujuan)
    if tujuan:
        print(f"Tersimpan: {tujuan} ({hasil.jumlah_kim} KIM; {tampilan.filter.deskripsi()})")
    return 0


def _export(args: argparse.Namespace) -> int:
    if str(args.format or "").strip().lower() in ("profil-csv", "profil-xlsx", "profil-geojson", "pemetaan-pdf", "pemetaan-xlsx"):
        return _export_kim(args)
    if str(args.format or "").strip().lower() in ("rab-xlsx", "rab-pdf"):
        return _export_rab(args)
    if str(args.format or "").strip().lower() in ("rka-xlsx", "rka-pdf"):
        return _export_rka(args)
    kode = _format_dari_args(args)
    dataset = muat_dari_args(args)
    tampilan = tampilkan(dataset, keadaan_dari_args(args, dataset))
    opsi = OpsiEkspor(
        judul=args.judul or "",
        ukuran=str(args.ukuran).strip().lower(),
        dpi=_bilangan(args.dpi, "--dpi"),
        basemap=args.basemap,
        pemisah=args.pemisah,
    )
    opsi.periksa()
    ke_stdout = args.output == "-"
    # Check a named destination before the (slower) rendering, so mistakes surface at once.
    tujuan = _periksa_tujuan(Path(args.output), dataset) if args.output and not ke_stdout else None
    if args.kelurahan and kode != "profil":
        raise GalatData(f"--kelurahan hanya untuk --format profil (bukan {kode}). Hapus --kelurahan atau pakai --format profil.")
    hasil = buat(kode, tampilan, opsi, args.kelurahan or "")
    galat_logo = merek(dataset.wilayah).galat_logo
    for pesan in (*hasil.pesan, *([galat_logo] if galat_logo else [])):
        print(f"Catatan: {pesan}", file=sys.stderr)
    if ke_stdout:
        sys.stdout.buffer.write(hasil.data)
        sys.stdout.flush()
        return 0
    tujuan = tujuan or _periksa_tujuan(Path(hasil.nama), dataset, diminta=False)
    tulis_bytes_atomik(tujuan, hasil.data)
    ukuran_kb = format_id.angka(max(1, round(len(hasil.data) / 1024)))
    print(f"Tersimpan: {tujuan} ({ukuran_kb} KB; {format_id.angka(len(tampilan.potensi))} potensi; {tampilan.filter.deskripsi()})")
    return 0


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="ekspor peta (png, pdf, html), profil/atlas kelurahan (PDF) atau data (csv, xlsx, geojson) dari tampilan yang disaring",
        description="Ekspor tampilan yang disaring, sama seperti tombol unduh di dasbor.",
    )
    tambah_opsi_data(p)
    tambah_opsi_filter(p)
    p.add_argument("--format", metavar="F", help=f"format berkas: {', '.join([*FORMAT, *FORMAT_LAIN])} (bawaan: dari akhiran --output)")
    p.add_argument("--anggaran", metavar="PATH", help="rab-*/rka-*: rencana anggaran (bawaan: $KIM_ANGGARAN atau data/anggaran.csv)")
    p.add_argument("--tahap", default="rka", metavar="T", help="rka-xlsx/rka-pdf: tahap formulir rka, rkpa, dpa atau dppa (bawaan: rka)")
    p.add_argument("--output", "-o", metavar="FILE", help="berkas keluaran; '-' untuk stdout (bawaan: nama otomatis di folder ini)")
    waktu.tambah_opsi_waktu(p)
    p.add_argument("--metrik", metavar="M", help=f"isi warna kelurahan (bawaan: {METRIK_BAWAAN}; dengan --banding: perubahan_aktif)")
    p.add_argument("--skema", metavar="S", help=f"pembagian kelas: {', '.join(SKEMA_KELAS)} (bawaan: {SKEMA_BAWAAN})")
    p.add_argument("--kelas", metavar="N", help=f"jumlah kelas warna (bawaan: {JUMLAH_KELAS_BAWAAN})")
    p.add_argument("--peta", metavar="P", help=f"HTML: peta dasar {', '.join(PETA_DASAR)} (bawaan: {BASEMAP_BAWAAN}), seperti ?peta=")
    p.add_argument("--bahasa", metavar="B", help="bahasa berkas (HTML, PNG/PDF, profil, atlas, RAB): id atau en (bawaan: id), seperti ?bahasa=")
    p.add_argument("--judul", metavar="TEKS", help="judul peta/berkas (bawaan: dibuat dari filter)")
    p.add_argument("--ukuran", default=UKURAN_BAWAAN, metavar="U", help=f"kertas PNG/PDF: {', '.join(UKURAN_KERTAS_MM)} (bawaan: {UKURAN_BAWAAN})")
    p.add_argument("--dpi", default=str(DPI_BAWAAN), metavar="DPI", help=f"resolusi PNG/PDF: 150 atau 300 (bawaan: {DPI_BAWAAN})")
    p.add_argument("--basemap", action="store_true", help="PNG/PDF: pakai peta dasar OpenStreetMap bila internet tersedia")
    p.add_argument("--pemisah", default=",", metavar="P", help="CSV: pemisah kolom ',' atau ';' (';' juga memakai koma desimal)")
    p.add_argument("--kelurahan", metavar="KODE", help="profil: kelurahan yang diprofilkan (kode Kemendagri atau nama)")
    p.set_defaults(func=_export)
