"""``python -m geo export``: the same files as the page's download buttons, for scripts.

A monthly report is one line in a scheduled task::

    python -m geo export --format pdf --status Aktif --output laporan/peta-aktif.pdf
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from geo import format_id
from geo.cli.utama import filter_dari_args, muat_dari_args, tambah_opsi_data, tambah_opsi_filter
from geo.ekspor import FORMAT, buat, format_ekspor
from geo.ekspor.opsi import DPI_BAWAAN, UKURAN_BAWAAN, UKURAN_KERTAS_MM, OpsiEkspor
from geo.galat import GalatData
from geo.tampilan.kelas import JUMLAH_KELAS_BAWAAN, SKEMA_BAWAAN, SKEMA_KELAS
from geo.tampilan.metrik import METRIK_BAWAAN
from geo.tampilan.susun import tampilkan

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
        kode = format_ekspor(args.format).kode
        if dari_nama and FORMAT[dari_nama].ekstensi != FORMAT[kode].ekstensi:
            raise GalatData(
                f"Berkas keluaran '{args.output}' berakhiran .{akhiran}, tidak cocok dengan --format {kode}. "
                f"Ganti akhiran nama berkas menjadi .{FORMAT[kode].ekstensi} atau ubah --format."
            )
        return kode
    if dari_nama:
        return dari_nama
    raise GalatData(f"Sebutkan --format ({', '.join(FORMAT)}) atau beri --output dengan akhiran yang dikenal, mis. peta.pdf.")


def _periksa_tujuan(tujuan: Path, dilindungi: list[Path]) -> Path:
    """Where to write; never over the KIM table or the boundaries the export was made from."""
    if tujuan.is_dir():
        raise GalatData(f"'{tujuan}' adalah folder. Beri nama berkas di dalamnya, mis. {tujuan / 'peta.pdf'}.")
    if not tujuan.resolve().parent.is_dir():
        raise GalatData(f"Folder '{tujuan.parent}' tidak ada. Buat foldernya dulu atau pilih lokasi lain.")
    if any(tujuan.resolve() == p.resolve() for p in dilindungi):
        raise GalatData(f"'{tujuan}' adalah berkas data sumber; ekspor tidak boleh menimpanya. Pilih nama berkas lain.")
    return tujuan


def tulis_atomik(tujuan: Path, data: bytes) -> None:
    """Write to a temporary file beside ``tujuan`` and rename: never a half-written file."""
    fd, sementara = tempfile.mkstemp(dir=tujuan.resolve().parent, prefix=f".{tujuan.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        # mkstemp makes the file private (0600); give it the mode a normal save would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(sementara, tujuan.stat().st_mode & 0o777 if tujuan.exists() else 0o666 & ~umask)
        os.replace(sementara, tujuan)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise


def _export(args: argparse.Namespace) -> int:
    kode = _format_dari_args(args)
    dataset = muat_dari_args(args)
    tampilan = tampilkan(dataset, filter_dari_args(args, dataset))
    opsi = OpsiEkspor(
        metrik=args.metrik,
        skema=args.skema,
        jumlah_kelas=_bilangan(args.kelas, "--kelas"),
        judul=args.judul or "",
        ukuran=str(args.ukuran).strip().lower(),
        dpi=_bilangan(args.dpi, "--dpi"),
        basemap=args.basemap,
        pemisah=args.pemisah,
    )
    opsi.periksa(dataset.wilayah)
    ke_stdout = args.output == "-"
    sumber = [dataset.path_kim, dataset.path_batas]
    # Check a named destination before the (slower) rendering, so mistakes surface at once.
    tujuan = _periksa_tujuan(Path(args.output), sumber) if args.output and not ke_stdout else None
    if args.kelurahan and kode != "profil":
        raise GalatData(f"--kelurahan hanya untuk --format profil (bukan {kode}). Hapus --kelurahan atau pakai --format profil.")
    hasil = buat(kode, tampilan, opsi, args.kelurahan or "")
    for pesan in hasil.pesan:
        print(f"Catatan: {pesan}", file=sys.stderr)
    if ke_stdout:
        sys.stdout.buffer.write(hasil.data)
        sys.stdout.flush()
        return 0
    tujuan = tujuan or _periksa_tujuan(Path(hasil.nama), sumber)
    tulis_atomik(tujuan, hasil.data)
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
    p.add_argument("--format", metavar="F", help=f"format berkas: {', '.join(FORMAT)} (bawaan: dari akhiran --output)")
    p.add_argument("--output", "-o", metavar="FILE", help="berkas keluaran; '-' untuk stdout (bawaan: nama otomatis di folder ini)")
    p.add_argument("--metrik", default=METRIK_BAWAAN, metavar="M", help=f"isi warna kelurahan (bawaan: {METRIK_BAWAAN})")
    p.add_argument("--skema", default=SKEMA_BAWAAN, metavar="S", help=f"pembagian kelas: {', '.join(SKEMA_KELAS)} (bawaan: {SKEMA_BAWAAN})")
    p.add_argument("--kelas", default=str(JUMLAH_KELAS_BAWAAN), metavar="N", help=f"jumlah kelas warna (bawaan: {JUMLAH_KELAS_BAWAAN})")
    p.add_argument("--judul", metavar="TEKS", help="judul peta/berkas (bawaan: dibuat dari filter)")
    p.add_argument("--ukuran", default=UKURAN_BAWAAN, metavar="U", help=f"kertas PNG/PDF: {', '.join(UKURAN_KERTAS_MM)} (bawaan: {UKURAN_BAWAAN})")
    p.add_argument("--dpi", default=str(DPI_BAWAAN), metavar="DPI", help=f"resolusi PNG/PDF: 150 atau 300 (bawaan: {DPI_BAWAAN})")
    p.add_argument("--basemap", action="store_true", help="PNG/PDF: pakai peta dasar OpenStreetMap bila internet tersedia")
    p.add_argument("--pemisah", default=",", metavar="P", help="CSV: pemisah kolom ',' atau ';' (';' juga memakai koma desimal)")
    p.add_argument("--kelurahan", metavar="KODE", help="profil: kelurahan yang diprofilkan (kode Kemendagri atau nama)")
    p.set_defaults(func=_export)
