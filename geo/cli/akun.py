"""``python -m geo hash-password`` and ``check-accounts``: set up and check editor accounts."""

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
    c = sub.add_parser("check-accounts", help=f"periksa akun penyunting di {ENV_PENGGUNA} dan secrets.toml (entri salah disebut menurut urutannya)")
    c.set_defaults(func=_check_accounts)
    p = sub.add_parser("hash-password", help="buat hash bcrypt kata sandi penyunting (dibaca dari terminal atau stdin)")
    p.add_argument("--user", metavar="NAMA", help="cetak sebagai NAMA:HASH, siap untuk KIM_PENGGUNA")
    p.set_defaults(func=_hash_password)
