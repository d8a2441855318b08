"""Who may change what: an account's role and its scope, checked at the store.

Every save function of the store (KIM table, activity log, photos) calls one
of the ``periksa_*`` functions here with the acting account before it writes.
A refusal is raised as :class:`GalatLingkup`, which the store appends to its
audit log naming the account: hiding a button is not protection, this is.

The scope is a Kemendagri code prefix (``64``, ``64.74``, ``64.74.01``,
``64.74.01.1001``); ``""`` is everything. A plain string as the acting
account is the trusted caller of old (the bootstrap administrator from
``KIM_PENGGUNA``, the CLI at the server): an administrator of everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from geo.galat import GalatData

ADMINISTRATOR = "administrator"
EDITOR = "editor"
PELAPOR = "pelapor"
PENINJAU = "viewer"
PERAN: tuple[str, ...] = (ADMINISTRATOR, EDITOR, PELAPOR, PENINJAU)
# The only KIM columns a reporter may change: the field state of a potential it reports on.
KOLOM_PELAPOR: frozenset[str] = frozenset({"status_aktivitas", "kegiatan_terakhir"})
_PANJANG_BAGIAN = (2, 2, 2, 4)  # PP.KK.CC.DDDD


@dataclass(frozen=True)
class Akun:
    """The acting account: its name (as written in the audit), role and scope prefix."""

    nama: str
    peran: str = ADMINISTRATOR
    lingkup: str = ""

    def __str__(self) -> str:  # the audit and messages name the account
        return self.nama


Pelaku = Akun | str


def normalisasi_lingkup(kode: str) -> str:
    """``6474011001`` or ``64.74.01.1001`` → ``64.74.01.1001``; ``""`` stays everything.

    Raises ``ValueError`` with a readable message for anything that is not a code prefix.
    """
    teks = str(kode or "").strip()
    if not teks:
        return ""
    if "." in teks:
        bagian = teks.split(".")
        if len(bagian) > 4 or any(not b.isdigit() or len(b) != n for b, n in zip(bagian, _PANJANG_BAGIAN)):
            raise ValueError(f"Lingkup '{teks}' bukan awalan kode Kemendagri (contoh: 64, 64.74, 64.74.01, 64.74.01.1001).")
        return teks
    if not teks.isdigit() or len(teks) not in (2, 4, 6, 10):
        raise ValueError(f"Lingkup '{teks}' bukan awalan kode Kemendagri (2, 4, 6 atau 10 angka, boleh bertitik).")
    bagian, awal = [], 0
    for n in _PANJANG_BAGIAN:
        if awal >= len(teks):
            break
        bagian.append(teks[awal:awal + n])
        awal += n
    return ".".join(bagian)


def periksa_lingkup_wilayah(lingkup: str, kode_kelurahan: Iterable[str], wilayah: str) -> None:
    """Refuse a scope that covers no kelurahan of the region: its account could see and report nothing."""
    try:
        awalan = normalisasi_lingkup(lingkup)
    except ValueError:
        return  # the account rules say what is wrong with its form
    if awalan and not any(str(k) == awalan or str(k).startswith(awalan + ".") for k in kode_kelurahan):
        raise GalatData(f"Lingkup '{awalan}' tidak mencakup kelurahan mana pun di {wilayah}, jadi akun ini tidak dapat melihat "
                        "atau melaporkan apa pun. Tulis awalan kode Kemendagri wilayah ini (lihat kolom kode di data/kelurahan.csv), "
                        "atau kosongkan untuk seluruh wilayah.")


def sebagai_akun(pelaku: Pelaku) -> Akun:
    return pelaku if isinstance(pelaku, Akun) else Akun(str(pelaku))


def nama_pelaku(pelaku: Pelaku) -> str:
    return sebagai_akun(pelaku).nama


def tanpa_batas(pelaku: Pelaku) -> bool:
    """An editor or administrator of everything: saves need no per-row check (the common, fast case)."""
    akun = sebagai_akun(pelaku)
    return akun.peran in (ADMINISTRATOR, EDITOR) and not akun.lingkup


def dalam_lingkup(pelaku: Pelaku, kode_kelurahan: str) -> bool:
    """True when the unit's code lies under the account's prefix (``64.74.01`` covers ``64.74.01.1001``).

    Both sides are normalised, so ``647401`` and ``64.74.01`` are the same scope; a
    malformed scope or code is outside everything (refused, never widened).
    """
    lingkup = sebagai_akun(pelaku).lingkup
    if not lingkup:
        return True
    try:
        lingkup, kode = normalisasi_lingkup(lingkup), normalisasi_lingkup(str(kode_kelurahan or ""))
    except ValueError:
        return False
    return bool(kode) and (kode == lingkup or kode.startswith(lingkup + "."))


class GalatLingkup(GalatData):
    """A write outside the acting account's role or scope; nothing was changed.

    Carries what the audit needs (the account, the action, the ids, the reason),
    so each store logs the refusal in its own audit (:func:`dicatat_di` for files).
    """

    def __init__(self, akun: Akun, aksi: str, ids: list[str], alasan: str) -> None:
        super().__init__(f"Ditolak untuk akun '{akun.nama}' ({akun.peran}, lingkup {akun.lingkup or 'semua'}): {alasan}")
        self.akun, self.aksi, self.ids, self.alasan = akun, aksi, ids, alasan

    @property
    def catatan(self) -> str:
        return f"{self.akun.peran} lingkup {self.akun.lingkup or 'semua'}: {self.alasan}"


def tolak(akun: Akun, aksi: str, ids: list[str], alasan: str) -> None:
    raise GalatLingkup(akun, aksi, ids, alasan)


@contextmanager
def dicatat_di(path_data: Path | str) -> Iterator[None]:
    """A refusal raised inside is appended to the audit of ``path_data`` (naming the account), then re-raised."""
    try:
        yield
    except GalatLingkup as exc:
        from geo.simpan.kim import Perubahan, catat_audit

        catat_audit(Path(path_data), exc.akun.nama, f"ditolak-{exc.aksi}", Perubahan(diubah=exc.ids), 0, None, exc.catatan)
        raise


def _daftar(ids: Iterable[str]) -> str:
    ids = list(ids)
    return ", ".join(ids[:8]) + (f", … (+{len(ids) - 8})" if len(ids) > 8 else "")


def _bukan_peninjau(akun: Akun, aksi: str, ids: list[str]) -> None:
    if akun.peran == PENINJAU:
        tolak(akun, aksi, ids, "akun peninjau hanya dapat melihat data.")


def _semua_dalam_lingkup(akun: Akun, aksi: str, ids: list[str], kode_per_sisi: list[Mapping[str, str]], apa: str) -> None:
    """Every id's unit code, on every side it appears (before and after a save), under the scope."""
    luar = [i for i in ids if any(not dalam_lingkup(akun, sisi[i]) for sisi in kode_per_sisi if i in sisi)]
    if luar:
        tolak(akun, aksi, luar, f"{apa} {_daftar(luar)} di luar lingkup {akun.lingkup}.")


def periksa_kim(pelaku: Pelaku, lama: Mapping[str, Mapping[str, str]],
                baru: Mapping[str, Mapping[str, str]], ditambah: list[str], diubah: list[str], dihapus: list[str]) -> None:
    """Refuse a KIM-table save that touches a row outside the scope, or more than a reporter may.

    ``lama``/``baru`` map ``id_potensi`` → the row's text cells before and after.
    A moved row must be in scope on both sides, so nobody gives a row away.
    """
    akun = sebagai_akun(pelaku)
    semua = [*ditambah, *diubah, *dihapus]
    if not semua:
        return
    _bukan_peninjau(akun, "kim", semua)
    if akun.peran == PELAPOR:
        if ditambah or dihapus:
            tolak(akun, "kim", [*ditambah, *dihapus], "pelapor tidak dapat menambah atau menghapus potensi.")
        kolom_lain = sorted({k for i in diubah for k in baru[i] if k not in KOLOM_PELAPOR
                             and str(baru[i].get(k, "")) != str(lama[i].get(k, ""))})
        if kolom_lain:
            tolak(akun, "kim", diubah, f"pelapor hanya dapat mengubah status aktivitas (bukan {', '.join(kolom_lain)}).")
    kode = [{i: r.get("kode_kelurahan", "") for i, r in sisi.items()} for sisi in (lama, baru)]
    _semua_dalam_lingkup(akun, "kim", semua, kode, "potensi")


def periksa_kegiatan(pelaku: Pelaku, kode_potensi: Mapping[str, str], lama: Mapping[str, str],
                     baru: Mapping[str, str], ditambah: list[str], diubah: list[str], dihapus: list[str]) -> None:
    """Refuse an activity-log save outside the scope; a reporter may only add activities.

    ``lama``/``baru`` map ``id_kegiatan`` → its ``id_potensi``; ``kode_potensi``
    maps ``id_potensi`` → ``kode_kelurahan``.
    """
    akun = sebagai_akun(pelaku)
    semua = [*ditambah, *diubah, *dihapus]
    if not semua:
        return
    _bukan_peninjau(akun, "kegiatan", semua)
    if akun.peran == PELAPOR and (diubah or dihapus):
        tolak(akun, "kegiatan", [*diubah, *dihapus], "pelapor hanya dapat menambah kegiatan, bukan mengubah atau menghapusnya.")
    kode = [{i: kode_potensi.get(p, "") for i, p in sisi.items()} for sisi in (lama, baru)]
    _semua_dalam_lingkup(akun, "kegiatan", semua, kode, "kegiatan")


def periksa_profil(pelaku: Pelaku, kode_lama: Mapping[str, str], kode_baru: Mapping[str, str],
                   ditambah: list[str], diubah: list[str], dihapus: list[str]) -> None:
    """Refuse a KIM-table (profil_kim) save outside the scope, or from a reporter or viewer.

    ``kode_lama``/``kode_baru`` map ``id_kim`` → ``kode_kelurahan`` before and after;
    a KIM moved to another kelurahan must be in scope on both sides.
    """
    akun = sebagai_akun(pelaku)
    semua = [*ditambah, *diubah, *dihapus]
    if not semua:
        return
    if akun.peran in (PENINJAU, PELAPOR):
        tolak(akun, "profil", semua, "hanya editor atau administrator yang dapat mengubah tabel KIM.")
    _semua_dalam_lingkup(akun, "profil", semua, [kode_lama, kode_baru], "KIM")


def periksa_foto(pelaku: Pelaku, id_potensi: str, kode_kelurahan: str) -> None:
    """Refuse a photo for a potential outside the scope (or from a viewer)."""
    akun = sebagai_akun(pelaku)
    _bukan_peninjau(akun, "foto", [id_potensi])
    _semua_dalam_lingkup(akun, "foto", [id_potensi], [{id_potensi: kode_kelurahan}], "potensi")


def periksa_rencana(pelaku: Pelaku) -> None:
    """Refuse a budget-plan save from anyone but an editor or administrator of the whole region.

    The plan's lines are per unit but its ceiling (pagu) is shared, so a narrower
    account cannot change it without changing what every other unit may spend.
    """
    akun = sebagai_akun(pelaku)
    if not tanpa_batas(akun):
        tolak(akun, "anggaran", [], "rencana anggaran hanya dapat diubah oleh editor atau administrator seluruh wilayah.")


def boleh_kelola_akun(pelaku: Pelaku) -> bool:
    return sebagai_akun(pelaku).peran == ADMINISTRATOR


_POLA_NAMA = re.compile(r"^[\w.@-]{1,64}$")


def periksa_nama(nama: str) -> str:
    """A canonical account name (lower case), or ``ValueError``."""
    kunci = str(nama or "").strip().lower()
    if not _POLA_NAMA.match(kunci):
        raise ValueError("Nama akun hanya boleh huruf, angka, titik, garis bawah, '-' atau '@' (maks. 64).")
    return kunci
