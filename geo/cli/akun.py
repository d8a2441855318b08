"""``python -m geo hash-password``, ``check-accounts`` and ``akun``: set up, check and manage accounts.

``akun tambah|ubah|hapus|daftar`` manages the accounts kept in the store
(roles and scopes, see :mod:`geo.simpan.lingkup`). Whoever runs it at the
server terminal acts as an administrator of everything, like ``KIM_PENGGUNA``.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from geo.simpan.akun import ENV_PENGGUNA, KUNCI_RAHASIA, buat_hash, kumpulkan_pengguna


def _hash_password(args: argparse.Namespace) -> int:
    if sys.stdin.isatty():
        sandi = getpass.getpass("Kata sandi baru: ")
        if getpass.getpass("Ulangi kata sandi: ") != sandi:
            print("Kedua kata sandi tidak sama. Tidak ada hash yang dibuat.", file=sys.stderr)
            return 1
    else:
        sandi = sys.stdin.readline().rstrip("\r\n")
    try:
        hash_ = buat_hash(sandi)
    except ValueError as exc:
        print(f"{exc} Tidak ada hash yang dibuat.", file=sys.stderr)
        return 1
    if args.user:
        nama = args.user.strip().lower()
        print(f"{nama}:{hash_}")
        print(
            f"\nSimpan baris di atas di {ENV_PENGGUNA} (pisahkan beberapa akun dengan koma), "
            f"atau di .streamlit/secrets.toml:\n[{KUNCI_RAHASIA}]\n{nama} = \"{hash_}\"",
            file=sys.stderr,
        )
    else:
        print(hash_)
    return 0


def _rahasia_streamlit() -> dict:
    """The ``[pengguna]`` table of ``.streamlit/secrets.toml`` in the working folder, if any."""
    import tomllib
    from pathlib import Path

    path = Path(".streamlit") / "secrets.toml"
    try:
        isi = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    tabel = isi.get(KUNCI_RAHASIA, {})
    return tabel if isinstance(tabel, dict) else {}


def _check_accounts(args: argparse.Namespace) -> int:
    daftar_ = kumpulkan_pengguna(_rahasia_streamlit())
    for p in daftar_.peringatan:  # by position only: an entry may hold a password
        print(f"SALAH: {p}", file=sys.stderr)
    print(f"{len(daftar_.akun)} akun penyunting sah; {len(daftar_.peringatan)} entri salah.")
    return 1 if daftar_.peringatan else 0


def daftar(sub: argparse._SubParsersAction) -> None:
    _daftar_akun(sub)
    c = sub.add_parser("check-accounts", help=f"periksa akun penyunting di {ENV_PENGGUNA} dan secrets.toml (entri salah disebut menurut urutannya)")
    c.set_defaults(func=_check_accounts)
    p = sub.add_parser("hash-password", help="buat hash bcrypt kata sandi penyunting (dibaca dari terminal atau stdin)")
    p.add_argument("--user", metavar="NAMA", help="cetak sebagai NAMA:HASH, siap untuk KIM_PENGGUNA")
    p.set_defaults(func=_hash_password)


def _baca_sandi(ulangi: bool = True) -> str | None:
    """A new password from the terminal (asked twice) or from the first line of stdin."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    sandi = getpass.getpass("Kata sandi baru: ")
    if ulangi and getpass.getpass("Ulangi kata sandi: ") != sandi:
        print("Kedua kata sandi tidak sama. Akun tidak diubah.", file=sys.stderr)
        return None
    return sandi


def _penyimpan(args: argparse.Namespace):
    from geo.simpan.daftar_akun import penyimpan_untuk
    from geo.simpan.gudang import pilih_gudang

    return penyimpan_untuk(pilih_gudang(args.kim, args.boundaries))


def _akun(args: argparse.Namespace) -> int:
    from geo.simpan.daftar_akun import hapus_akun, tambah_akun, ubah_akun

    penyimpan = _penyimpan(args)
    oleh = args.user or f"cli:{getpass.getuser()}"
    if args.aksi_akun == "daftar":
        semua = penyimpan.baca()
        if not semua:
            print(f"Belum ada akun tersimpan. Administrator awal tetap dari {ENV_PENGGUNA}.")
        for a in semua:  # never the hash
            print(f"{a.nama:<24} {a.peran:<14} {a.lingkup or '(semua)':<16} {a.diubah}")
        return 0
    if args.aksi_akun == "hapus":
        hapus_akun(penyimpan, oleh, args.nama)
        print(f"Akun '{args.nama}' dihapus.")
        return 0
    if args.lingkup:  # before asking for a password: a scope outside the region makes a useless account
        from geo.simpan.gudang import pilih_gudang
        from geo.simpan.lingkup import periksa_lingkup_wilayah

        dataset = pilih_gudang(args.kim, args.boundaries).muat()
        periksa_lingkup_wilayah(args.lingkup, dataset.referensi.kode, dataset.wilayah.nama)
    sandi = _baca_sandi() if args.aksi_akun == "tambah" or args.sandi else None
    if sandi is None and (args.aksi_akun == "tambah" or args.sandi):
        return 1
    if args.aksi_akun == "tambah":
        a = tambah_akun(penyimpan, oleh, args.nama, sandi or "", args.peran, args.lingkup or "")
    else:
        a = ubah_akun(penyimpan, oleh, args.nama, sandi=sandi, peran=args.peran, lingkup=args.lingkup)
    print(f"Akun '{a.nama}' tersimpan: peran {a.peran}, lingkup {a.lingkup or 'semua'}.")
    return 0


def _daftar_akun(sub: argparse._SubParsersAction) -> None:
    from geo.cli.utama import tambah_opsi_data
    from geo.simpan.lingkup import PERAN

    p = sub.add_parser("akun", help="kelola akun tersimpan (peran dan lingkup wilayah): tambah, ubah, hapus, daftar")
    aksi = p.add_subparsers(dest="aksi_akun", required=True, metavar="AKSI")
    bantuan_lingkup = "awalan kode Kemendagri, mis. 64, 64.74, 64.74.01, 64.74.01.1001 (boleh tanpa titik; kosong = semua)"
    t = aksi.add_parser("tambah", help="buat akun baru (kata sandi dibaca dari terminal atau stdin)")
    t.add_argument("nama", metavar="NAMA")
    t.add_argument("--peran", required=True, choices=PERAN)
    t.add_argument("--lingkup", default="", metavar="KODE", help=bantuan_lingkup)
    u = aksi.add_parser("ubah", help="ubah peran, lingkup atau kata sandi akun")
    u.add_argument("nama", metavar="NAMA")
    u.add_argument("--peran", choices=PERAN)
    u.add_argument("--lingkup", metavar="KODE", help=bantuan_lingkup)
    u.add_argument("--sandi", action="store_true", help="ganti kata sandi (dibaca dari terminal atau stdin)")
    h = aksi.add_parser("hapus", help="hapus akun")
    h.add_argument("nama", metavar="NAMA")
    d = aksi.add_parser("daftar", help="tampilkan akun tersimpan (tanpa hash)")
    for q in (t, u, h, d):
        q.add_argument("--user", metavar="NAMA", help="nama yang dicatat di log audit (bawaan: cli:<akun sistem>)")
        tambah_opsi_data(q)
        q.set_defaults(func=_akun)
