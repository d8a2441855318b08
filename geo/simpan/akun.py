"""Who may edit the KIM data: usernames with bcrypt-hashed passwords.

Credentials never live in the repository. They come from Streamlit secrets
(``.streamlit/secrets.toml``, table ``[pengguna]``, read by the page and
passed in here) or from the environment variable ``KIM_PENGGUNA`` holding
``nama:hash`` pairs. ``python -m geo hash-password`` makes a hash.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import bcrypt

LOG = logging.getLogger("geo.akun")
ENV_PENGGUNA = "KIM_PENGGUNA"
KUNCI_RAHASIA = "pengguna"
_POLA_HASH = re.compile(r"^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$")
_POLA_NAMA = re.compile(r"^[\w.@-]{1,64}$")
# Checked when the name is unknown, so a wrong name takes as long as a wrong
# password (a hash of a random, discarded string; cost 12 like buat_hash).
_HASH_TIRUAN = b"$2b$12$HIsOcf7NwXwI1nRYBIFG.u8CN1o3AaVEiT93SOguQ5sKmDJRjTIOS"

PESAN_BELUM_DIATUR = (
    "Belum ada akun penyunting. Data hanya dapat dilihat. Untuk mengaktifkan penyuntingan:\n"
    "1. Buat hash kata sandi: `python -m geo hash-password --user NAMA`\n"
    "2. Simpan baris `NAMA:HASH` di variabel lingkungan `KIM_PENGGUNA` (beberapa akun dipisah koma), "
    "atau di `.streamlit/secrets.toml` pada tabel `[pengguna]` sebagai `NAMA = \"HASH\"`.\n"
    "3. Jalankan ulang aplikasi. Jangan pernah menyimpan kata sandi asli atau berkas rahasia di git."
)
# What a visitor sees when some entries are malformed: no entry is ever echoed.
PESAN_AKUN_SALAH = (
    "Sebagian akun penyunting salah diatur dan dinonaktifkan. Administrator: lihat log server "
    "atau jalankan `python -m geo check-accounts` untuk mengetahui entri mana."
)


@dataclass(frozen=True)
class DaftarPengguna:
    """Usable accounts (name → hash) and the reasons any entries were rejected."""

    akun: dict[str, str] = field(default_factory=dict)
    peringatan: list[str] = field(default_factory=list)
    # name → geo.simpan.lingkup.Akun for stored accounts (role and scope); absent = bootstrap administrator
    rincian: dict[str, object] = field(default_factory=dict)

    @property
    def kosong(self) -> bool:
        return not self.akun


def _tambah(akun: dict[str, str], peringatan: list[str], nama: str, hash_: str, asal: str) -> None:
    # Messages name the entry by position only: a malformed entry may well hold a password.
    nama = nama.strip().lower()
    hash_ = hash_.strip()
    if not _POLA_NAMA.match(nama):
        peringatan.append(f"{asal}: nama pengguna tidak sah (huruf, angka, titik, garis bawah, '-' atau '@'); entri ini diabaikan.")
    elif not _POLA_HASH.match(hash_):
        peringatan.append(
            f"{asal}: isi setelah ':' bukan hash bcrypt, sehingga akun ini dinonaktifkan. "
            "Buat hash dengan 'python -m geo hash-password'; jangan tulis kata sandi asli."
        )
    else:
        akun[nama] = hash_


def kumpulkan_pengguna(rahasia: Mapping[str, object] | None = None, env: Mapping[str, str] | None = None) -> DaftarPengguna:
    """Accounts from the ``[pengguna]`` secrets table and from ``KIM_PENGGUNA``.

    ``KIM_PENGGUNA`` is ``nama:hash`` pairs separated by commas, semicolons
    or whitespace (a bcrypt hash contains none of these).
    """
    env = os.environ if env is None else env
    akun: dict[str, str] = {}
    peringatan: list[str] = []
    entri = [p for p in re.split(r"[,;\s]+", env.get(ENV_PENGGUNA, "").strip()) if p]
    for ke, pasangan in enumerate(entri, start=1):
        nama, pemisah, hash_ = pasangan.partition(":")
        if not pemisah:
            peringatan.append(f"{ENV_PENGGUNA}: entri ke-{ke} tidak berbentuk NAMA:HASH; entri ini diabaikan.")
            continue
        _tambah(akun, peringatan, nama, hash_, f"{ENV_PENGGUNA}: entri ke-{ke}")
    for ke, (nama, hash_) in enumerate((rahasia or {}).items(), start=1):
        _tambah(akun, peringatan, str(nama), str(hash_), f"secrets [pengguna]: entri ke-{ke}")
    for p in peringatan:
        LOG.warning("Akun penyunting salah diatur: %s", p)
    return DaftarPengguna(akun, peringatan)


def periksa_login(daftar: DaftarPengguna, nama: str, sandi: str) -> str | None:
    """The canonical user name if the password is right, else None.

    bcrypt compares in constant time; unknown names are checked against a
    dummy hash so timing does not reveal which names exist.
    """
    kunci = nama.strip().lower()
    hash_ = daftar.akun.get(kunci)
    sandi_bytes = sandi.encode("utf-8")[:72]  # bcrypt ignores bytes after 72 and 5.x refuses them
    cocok = bcrypt.checkpw(sandi_bytes, hash_.encode() if hash_ else _HASH_TIRUAN)
    return kunci if cocok and hash_ is not None else None


def buat_hash(sandi: str, rounds: int = 12) -> str:
    """A bcrypt hash of ``sandi`` to store instead of the password."""
    if len(sandi) < 8:
        raise ValueError("Kata sandi minimal 8 karakter.")
    if len(sandi.encode("utf-8")) > 72:
        raise ValueError("Kata sandi maksimal 72 byte (batas bcrypt).")
    return bcrypt.hashpw(sandi.encode("utf-8"), bcrypt.gensalt(rounds=rounds)).decode()
