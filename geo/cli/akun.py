"""``python -m geo hash-password``: make the line an administrator stores for an editor."""

from __future__ import annotations

import argparse
import getpass
import sys

from geo.simpan.akun import ENV_PENGGUNA, KUNCI_RAHASIA, buat_hash


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


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("hash-password", help="buat hash bcrypt kata sandi penyunting (dibaca dari terminal atau stdin)")
    p.add_argument("--user", metavar="NAMA", help="cetak sebagai NAMA:HASH, siap untuk KIM_PENGGUNA")
    p.set_defaults(func=_hash_password)
