"""``python -m geo kim``: the KIM assessment (#25) on the command line.

    python -m geo kim nilai [--tanggal 2026-08-31] [--periode 2026] [--format table|csv|json]
    python -m geo kim juri-templat --periode 2026 -o nilai-juri-2026.xlsx
    python -m geo kim juri-muat nilai-juri-2026.xlsx      # into the store: nilai_juri.csv beside kim.csv, or the database
    python -m geo kim target-muat target-2026.csv         # replaces the stored per-KIM targets (target_kim.csv or the database)
    python -m geo kim ringkasan-bulanan --bulan 2026-11 --format pdf -o ringkasan-2026-11.pdf
    python -m geo kim migrasi                             # profil_kim.csv from kim.csv's nama_kim (never overwrites)
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from pathlib import Path

from geo.cli.utama import muat_dari_args, tambah_opsi_data
from geo.galat import GalatData


def _tanggal(args: argparse.Namespace) -> dt.date:
    from geo.tampilan.waktu import urai_tanggal_opsi

    return urai_tanggal_opsi(args.tanggal, "--tanggal") if args.tanggal else dt.date.today()


def _nilai(args: argparse.Namespace) -> int:
    from geo.kim.penilaian import penilaian, teks_prioritas

    dataset = muat_dari_args(args)
    p = penilaian(dataset, _tanggal(args), args.periode)
    for m in p.laporan.masalah:
        print(str(m), file=sys.stderr)
    kolom = ["peringkat", "id_kim", "nama_kim", "skor", *(f"nilai_{k.kode}" for k in p.aturan.kriteria), "hari_dorman"]
    tabel = p.hasil[kolom]
    if args.format == "json":
        print(json.dumps(json.loads(tabel.to_json(orient="records", force_ascii=False)), ensure_ascii=False, indent=2))
    elif args.format == "csv":  # a KIM named "=1+1" must reach Excel as text, not a formula
        from geo.ekspor.formula import netralkan_tabel

        netralkan_tabel(tabel).to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(f"Penilaian KIM periode {p.periode}, data sampai {p.tanggal:%Y-%m-%d}")
        print(tabel.astype(object).where(tabel.notna(), "-").to_string(index=False))
    print("\n".join(teks_prioritas(p)), file=sys.stderr)
    return 0


def _juri_templat(args: argparse.Namespace) -> int:
    from geo.kim.aturan import aturan_nilai
    from geo.kim.juri import lembar_juri
    from geo.kim.penilaian import nilai_juri_tersimpan
    from geo.simpan.berkas import tulis_bytes_atomik

    dataset = muat_dari_args(args)
    periode = args.periode or str(dt.date.today().year)
    aturan = aturan_nilai(dataset.wilayah)
    if not aturan.juri():
        raise GalatData("Tidak ada kriteria juri (hitung: \"juri\") di penilaian_kim wilayah.json; lembar nilai juri tidak diperlukan.")
    tujuan = Path(args.output or f"nilai-juri-{periode}.xlsx")
    tulis_bytes_atomik(tujuan, lembar_juri(dataset.profil.tabel, aturan, periode, nilai_juri_tersimpan(dataset)[0]))
    print(f"Tersimpan: {tujuan} ({len(dataset.profil.tabel)} KIM, periode {periode})")
    return 0


def _muat_ke_gudang(args: argparse.Namespace, rekaman: str) -> int:
    """``juri-muat`` / ``target-muat``: a file into the configured store (files or the database), or exit 1."""
    from geo.kim.juri import path_juri
    from geo.kim.target import path_target
    from geo.simpan.gudang import JENIS_BERKAS, pilih_gudang

    gudang = pilih_gudang(args.kim, args.boundaries)
    dataset = muat_dari_args(args)
    sumber = Path(args.berkas)
    try:
        data = sumber.read_bytes()
    except OSError as exc:
        raise GalatData(f"{sumber}: berkas tidak dapat dibuka ({exc.strerror or exc}).") from None
    simpan, path, apa = ((gudang.simpan_nilai_juri, path_juri, "nilai juri") if rekaman == "juri"
                         else (gudang.simpan_target, path_target, "target"))
    jumlah, laporan = simpan(dataset, data, sumber.name, f"cli:{getpass.getuser()}")  # the server's terminal: trusted
    if not laporan.ok:
        print(laporan.teks(), file=sys.stderr)
        print("Tidak ada yang disimpan: perbaiki sel di atas lalu muat ulang.", file=sys.stderr)
        return 1
    tempat = path(dataset.path_kim) if gudang.jenis == JENIS_BERKAS else f"{apa} di {gudang.keterangan()}"
    print(f"Tersimpan: {tempat} ({jumlah} {'nilai' if rekaman == 'juri' else 'target'} dari {sumber.name})")
    return 0


def _ringkasan_bulanan(args: argparse.Namespace) -> int:
    """The monthly digest as CSV (stdout or -o) or PDF (-o)."""
    from geo.kim.ringkasan_bulanan import ringkasan_bulanan, ringkasan_csv, ringkasan_pdf
    from geo.kim.target import path_target, target_tersimpan
    from geo.simpan.berkas import tulis_bytes_atomik
    from geo.tampilan.waktu import hari_ini

    dataset = muat_dari_args(args)
    kini = hari_ini()
    target, laporan = target_tersimpan(dataset)  # as the store loaded it (files or database)
    if not laporan.ok:
        print(laporan.teks(), file=sys.stderr)
        return 1
    from geo.simpan.gudang import pilih_gudang
    from geo.simpan.laporan import wajib_verifikasi

    # The queue's size from the store (files or database); without verification there is no queue to count.
    menunggu = len(pilih_gudang(args.kim, args.boundaries).baca_menunggu()) if wajib_verifikasi(dataset) else None
    r = ringkasan_bulanan(dataset, args.bulan or f"{kini:%Y-%m}", kini, laporan_menunggu=menunggu, target=target)
    data = ringkasan_pdf(dataset, r) if args.format == "pdf" else ringkasan_csv(r, dataset.wilayah)
    if args.format == "pdf" and not args.output:
        raise GalatData("--format pdf perlu --output BERKAS.pdf.")
    if not args.output or args.output == "-":
        sys.stdout.buffer.write(data)
        return 0
    from geo.cli.ekspor import _periksa_tujuan
    from geo.kim.berkas import berkas_kim_dijaga

    tujuan = _periksa_tujuan(Path(args.output), dataset, (*berkas_kim_dijaga(dataset), path_target(dataset.path_kim)))
    tulis_bytes_atomik(tujuan, data)
    print(f"Tersimpan: {tujuan} (ringkasan bulanan {r.bulan})")
    return 0


def _migrasi(args: argparse.Namespace) -> int:
    """Write profil_kim.csv from kim.csv's nama_kim; never over an existing file."""
    from geo.kim.ekspor import profil_csv
    from geo.kim.profil import path_profil
    from geo.simpan.berkas import tulis_bytes_atomik

    dataset = muat_dari_args(args)
    tujuan = path_profil(dataset.path_kim)
    if tujuan.exists():
        raise GalatData(f"{tujuan} sudah ada dan tidak ditimpa. KIM yang belum ada di sana dilaporkan saat memuat "
                        "(python -m geo validate); tambahkan barisnya dari ekspor --format profil-csv.")
    if dataset.profil is None:
        raise GalatData("Tabel potensi tidak sah; perbaiki dulu (python -m geo validate).")
    tulis_bytes_atomik(tujuan, profil_csv(dataset))
    print(f"Tersimpan: {tujuan} ({len(dataset.profil.tabel)} KIM dari kolom nama_kim {dataset.path_kim.name}). "
          "Lengkapi SK, KIM.ID, pengurus, kanal media dan merek di Excel.")
    return 0


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kim", help="penilaian KIM: peringkat, prioritas pembinaan, lembar nilai juri")
    s = p.add_subparsers(dest="perintah_kim", required=True)
    n = s.add_parser("nilai", help="skor dan peringkat KIM per periode, lalu daftar prioritas pembinaan")
    tambah_opsi_data(n)
    n.add_argument("--tanggal", metavar="TTTT-BB-HH", help="data sampai tanggal ini (bawaan: hari ini)")
    n.add_argument("--periode", metavar="P", help="periode penilaian (bawaan: tahun dari --tanggal)")
    n.add_argument("--format", choices=["table", "csv", "json"], default="table")
    n.set_defaults(func=_nilai)
    t = s.add_parser("juri-templat", help="lembar nilai juri (XLSX) untuk satu periode")
    tambah_opsi_data(t)
    t.add_argument("--periode", metavar="P", help="periode (bawaan: tahun ini)")
    t.add_argument("--output", "-o", metavar="FILE", help="berkas keluaran .xlsx")
    t.set_defaults(func=_juri_templat)
    r = s.add_parser("ringkasan-bulanan", help="ringkasan bulanan: KIM yang turun status, kegiatan baru, target meleset")
    tambah_opsi_data(r)
    r.add_argument("--bulan", metavar="TTTT-BB", help="bulan (bawaan: bulan ini)")
    r.add_argument("--format", choices=["csv", "pdf"], default="csv")
    r.add_argument("--output", "-o", metavar="FILE", help="berkas keluaran (CSV bawaan ke stdout)")
    r.set_defaults(func=_ringkasan_bulanan)
    g = s.add_parser("migrasi", help="buat profil_kim.csv dari nama_kim di kim.csv (tidak pernah menimpa berkas)")
    tambah_opsi_data(g)
    g.set_defaults(func=_migrasi)
    m = s.add_parser("juri-muat", help="muat lembar nilai juri yang sudah diisi ke nilai_juri.csv (dengan cadangan)")
    tambah_opsi_data(m)
    m.add_argument("berkas", help="lembar nilai juri .xlsx yang sudah diisi")
    m.set_defaults(func=lambda a: _muat_ke_gudang(a, "juri"))
    tm = s.add_parser("target-muat", help="ganti target per KIM (CSV/XLSX: id_kim, periode, jenis, target) di penyimpanan")
    tambah_opsi_data(tm)
    tm.add_argument("berkas", help="tabel target .csv atau .xlsx")
    tm.set_defaults(func=lambda a: _muat_ke_gudang(a, "target"))
