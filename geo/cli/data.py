"""``python -m geo data``: list backups, undo a change, read the audit log, import a table or field-form submissions.

The same operations as the "Kelola Data" page, for an officer at a server
terminal (or when the page itself cannot start because the data is broken).
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from geo.cli.utama import tambah_opsi_data
from geo.format_id import angka, tanggal
from geo.galat import GalatData
from geo.simpan.gudang import Cadangan, Gudang, pilih_gudang
from geo.simpan.impor_data import JENIS_IMPOR, impor_berkas


def _waktu(c: Cadangan) -> str:
    return f"{tanggal(c.waktu)} {c.waktu:%H:%M:%S}"


def pilih_cadangan(pilihan: str | None, gudang: Gudang) -> Cadangan:
    """A backup by number from ``--list`` (1 = newest), file name, or path; newest if None."""
    daftar_ = gudang.daftar_cadangan()
    if not daftar_:
        raise GalatData(f"Belum ada cadangan ({gudang.keterangan()}). Cadangan dibuat setiap kali data disimpan.")
    if not pilihan:
        return daftar_[0]
    if pilihan.isdigit() and 1 <= int(pilihan) <= len(daftar_):
        return daftar_[int(pilihan) - 1]
    for c in daftar_:
        path = getattr(c, "path", None)
        if pilihan == c.nama or (path is not None and (pilihan == str(path) or Path(pilihan).resolve() == path.resolve())):
            return c
    raise GalatData(f"Cadangan {pilihan!r} tidak ditemukan. Lihat daftarnya dengan 'python -m geo data restore --list'.")


def _restore(args: argparse.Namespace) -> int:
    gudang = pilih_gudang(args.kim, args.boundaries)
    dataset = gudang.muat()
    if args.list:
        daftar_ = gudang.daftar_cadangan()
        if not daftar_:
            print(f"Belum ada cadangan untuk {dataset.path_kim.name}.")
        for i, c in enumerate(daftar_, 1):
            print(f"{i:>3}. {c.nama:<34} {_waktu(c):<26} {angka(c.ukuran / 1024, 1)} KB")
        return 0
    cadangan = pilih_cadangan(args.cadangan, gudang)
    pengguna = args.user or f"cli:{getpass.getuser()}"
    hasil = gudang.pulihkan(cadangan, dataset, pengguna)
    if not hasil.disimpan:
        if not hasil.laporan.ok:
            print(hasil.laporan.teks())
        print(hasil.pesan)
        return 0 if hasil.laporan.ok else 1
    print(f"Dipulihkan dari {cadangan.nama} ({_waktu(cadangan)}): {hasil.perubahan.ringkas()}.")
    print(f"Versi sebelumnya disimpan sebagai {hasil.cadangan}; batalkan dengan 'python -m geo data restore 1'.")
    return 0


def _history(args: argparse.Namespace) -> int:
    log = pilih_gudang(args.kim, args.boundaries).baca_audit().head(args.limit)
    if log.empty:
        print("Log audit masih kosong: belum ada perubahan yang disimpan lewat aplikasi.")
    for r in log.itertuples():
        rincian = ", ".join(f"{label} {', '.join(ids)}" for label, ids in (("+", r.ditambah), ("~", r.diubah), ("-", r.dihapus)) if ids)
        print(f"{r.waktu}  {r.pengguna:<16} {r.aksi:<14} {rincian or '(tidak ada baris berubah)'}")
    return 0


def _pelaku(args: argparse.Namespace, gudang: Gudang):
    """``--akun NAMA`` acts as that stored account (its role and scope); otherwise the server operator."""
    if not args.akun:
        return f"cli:{getpass.getuser()}"
    from geo.simpan.daftar_akun import penyimpan_untuk

    nama = args.akun.strip().lower()
    for a in penyimpan_untuk(gudang).baca():
        if a.nama == nama:
            return a.akun
    raise GalatData(f"Akun '{nama}' tidak ada. Lihat daftarnya dengan 'python -m geo akun daftar'.")


def _baca_berkas(nama: str) -> tuple[Path, bytes]:
    path = Path(nama)
    try:
        return path, path.read_bytes()
    except OSError as exc:
        raise GalatData(f"Berkas {path} tidak dapat dibuka ({exc.strerror or exc}). Periksa lokasinya.") from None


def _import_formulir(args: argparse.Namespace) -> int:
    from geo.impor.formulir import Media, baca_kiriman
    from geo.simpan.laporan import simpan_laporan, wajib_verifikasi

    path, data = _baca_berkas(args.kiriman)
    gudang = pilih_gudang(args.kim, args.boundaries)
    dataset = gudang.muat()
    if not dataset.ok:
        raise GalatData(f"Data KIM tidak sah ({len(dataset.laporan.galat)} galat); perbaiki dulu ('python -m geo validate').")
    pelaku = _pelaku(args, gudang)
    id_ada = set(gudang.baca_log_untuk_sunting(dataset)[0]["id_kegiatan"]) | set(gudang.baca_menunggu()["id_kegiatan"])
    hasil = baca_kiriman(data, path.name, dataset, pelaku, id_ada, Media(args.media))
    if hasil.laporan.masalah:
        print(hasil.laporan.teks())
    ditolak = len({m.baris for m in hasil.laporan.galat})
    if hasil.diambil and wajib_verifikasi(dataset):
        gudang.ajukan_laporan(dataset, pelaku, hasil.diambil)
        print(f"{len(hasil.diambil)} kiriman menunggu verifikasi editor; {len(hasil.sudah_ada)} sudah pernah diimpor; {ditolak} ditolak.")
    elif hasil.diambil:
        simpan = simpan_laporan(dataset, pelaku, hasil.diambil, aksi="impor-formulir", berkas=path.name,
                                gudang=gudang)
        if not simpan.disimpan:
            print(simpan.laporan.teks() if not simpan.laporan.ok else simpan.pesan)
            return 1
        print(f"{len(hasil.diambil)} kegiatan diimpor; {len(hasil.sudah_ada)} sudah pernah diimpor (dilewati); {ditolak} ditolak.")
    else:
        print(f"Tidak ada kiriman baru: {len(hasil.sudah_ada)} sudah pernah diimpor; {ditolak} ditolak.")
    return 1 if not hasil.diambil and (ditolak or not hasil.sudah_ada) else 0


def _import(args: argparse.Namespace) -> int:
    path, data = _baca_berkas(args.berkas)
    gudang = pilih_gudang(args.kim, args.boundaries)
    pengguna = args.user or f"cli:{getpass.getuser()}"
    hasil = impor_berkas(gudang, data, path.name, args.jenis, "ganti" if args.ganti else "gabung", pengguna,
                         berantai=args.hapus_berantai)
    laporan = hasil.cek.laporan if hasil.hasil is None or hasil.hasil.laporan.ok else hasil.hasil.laporan
    if laporan.masalah:
        print(laporan.teks())
    if hasil.hasil is None:
        print(f"\nTIDAK DISIMPAN: {path.name} tidak sah ({len(laporan.galat)} galat). Tidak ada yang diubah di {gudang.keterangan(args.jenis)}.")
        return 1
    print(hasil.hasil.pesan)
    if hasil.hasil.cadangan:
        print(f"Versi sebelumnya disimpan sebagai {hasil.hasil.cadangan}.")
    return 1 if hasil.ditolak else 0


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("data", help="cadangan, pemulihan (undo) dan log audit data KIM")
    aksi = p.add_subparsers(dest="aksi_data", required=True, metavar="AKSI")
    r = aksi.add_parser("restore", help="pulihkan versi data KIM dari cadangan (bawaan: cadangan terbaru)")
    r.add_argument("cadangan", nargs="?", metavar="CADANGAN", help="nomor dari --list (1 = terbaru), nama berkas atau path cadangan")
    r.add_argument("--list", action="store_true", help="tampilkan daftar cadangan, jangan ubah apa pun")
    r.add_argument("--user", metavar="NAMA", help="nama yang dicatat di log audit (bawaan: cli:<akun sistem>)")
    tambah_opsi_data(r)
    r.set_defaults(func=_restore)
    h = aksi.add_parser("history", help="tampilkan log audit perubahan data KIM")
    h.add_argument("--limit", type=int, default=20, metavar="N", help="jumlah entri terbaru (bawaan 20)")
    tambah_opsi_data(h)
    h.set_defaults(func=_history)
    i = aksi.add_parser("import", help="simpan berkas KIM, log kegiatan atau rencana anggaran lewat jalur yang sama dengan "
                                       "halaman (periksa, integritas, kunci, cadangan, audit); keluar 1 bila ditolak")
    i.add_argument("berkas", metavar="BERKAS", help="berkas CSV/XLSX yang dimuat")
    i.add_argument("--jenis", required=True, choices=list(JENIS_IMPOR), help="isi berkas")
    mode = i.add_mutually_exclusive_group()
    mode.add_argument("--gabung", action="store_true", help="gabungkan menurut id (bawaan): id sama diganti, id baru ditambahkan")
    mode.add_argument("--ganti", action="store_true", help="ganti seluruh isi dengan berkas ini")
    i.add_argument("--hapus-berantai", action="store_true",
                   help="(kim) potensi yang dihapus membawa serta kegiatan dan baris anggaran yang merujuknya (dicatat di audit)")
    i.add_argument("--user", metavar="NAMA", help="nama yang dicatat di log audit (bawaan: cli:<akun sistem>)")
    tambah_opsi_data(i)
    i.set_defaults(func=_import)
    f = aksi.add_parser("import-formulir", help="impor kiriman formulir lapangan (ekspor CSV ODK Central atau KoboToolbox) ke log kegiatan")
    f.add_argument("kiriman", metavar="SUBMISSIONS.csv", help="ekspor CSV kiriman (satu baris per kiriman)")
    f.add_argument("--media", metavar="FOLDER_ATAU_ZIP", help="lampiran foto dari ekspor yang sama (folder atau zip)")
    f.add_argument("--akun", metavar="NAMA", help="impor sebagai akun tersimpan ini (lingkup dan perannya berlaku; dicatat di audit)")
    tambah_opsi_data(f)
    f.set_defaults(func=_import_formulir)
