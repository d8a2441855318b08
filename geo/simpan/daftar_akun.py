"""Accounts kept in the store: name, bcrypt hash, role and scope, managed by administrators.

``KIM_PENGGUNA`` (and the secrets table) stays the bootstrap administrator:
those accounts can always log in and create the others. Stored accounts live
in ``data/akun.json`` (written atomically under a lock, gitignored) or, with
PostgreSQL, in the ``akun`` table (migration ``0005_akun.sql``). Every change
and every refused change is in the audit log, naming who did it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from geo.galat import GalatData
from geo.simpan.akun import DaftarPengguna, buat_hash
from geo.simpan.berkas import kunci, tulis_bytes_atomik
from geo.simpan.lingkup import (
    ADMINISTRATOR,
    PERAN,
    Akun,
    GalatLingkup,
    Pelaku,
    dalam_lingkup,
    normalisasi_lingkup,
    periksa_nama,
    sebagai_akun,
)

NAMA_BERKAS = "akun.json"


@dataclass(frozen=True)
class AkunTersimpan:
    """One stored account; the hash never leaves the store except for the login check."""

    nama: str
    hash: str
    peran: str
    lingkup: str = ""
    diubah: str = ""

    @property
    def akun(self) -> Akun:
        return Akun(self.nama, self.peran, self.lingkup)


class PenyimpanAkun(Protocol):
    """Where accounts live: the file or the database; both audit every change and refusal."""

    def baca(self) -> list[AkunTersimpan]: ...

    def tulis(self, akun: AkunTersimpan | None, nama: str, oleh: str, aksi: str) -> None:
        """Store ``akun`` under ``nama`` (None deletes it) and audit it, atomically."""

    def catat_penolakan(self, exc: GalatLingkup) -> None: ...


class AkunBerkas:
    """``data/akun.json``: ``{"akun": [{nama, hash, peran, lingkup, diubah}, …]}``."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def baca(self) -> list[AkunTersimpan]:
        try:
            isi = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise GalatData(f"{self.path.name} tidak dapat dibaca ({exc.__class__.__name__}). "
                            "Pulihkan dari cadangan atau hapus berkasnya lalu buat ulang akun.") from None
        hasil = []
        for ke, r in enumerate(isi.get("akun", []) if isinstance(isi, dict) else [], start=1):
            try:
                hasil.append(AkunTersimpan(str(r["nama"]), str(r["hash"]), str(r["peran"]), str(r.get("lingkup", "")),
                                           str(r.get("diubah", ""))))
            except (KeyError, TypeError):
                raise GalatData(f"{self.path.name}: entri akun ke-{ke} tidak lengkap (perlu nama, hash, peran).") from None
        return hasil

    def tulis(self, akun: AkunTersimpan | None, nama: str, oleh: str, aksi: str) -> None:
        from geo.simpan.kim import Perubahan, catat_audit

        with kunci(self.path):
            semua = {a.nama: a for a in self.baca()}
            ada = nama in semua
            if akun is None:
                semua.pop(nama, None)
            else:
                semua[nama] = akun
            isi = {"akun": [asdict(a) for a in sorted(semua.values(), key=lambda a: a.nama)]}
            tulis_bytes_atomik(self.path, json.dumps(isi, ensure_ascii=False, indent=1).encode("utf-8"))
            self.path.chmod(0o600)  # hashes: readable by the app's own user only
            ubah = Perubahan(dihapus=[nama]) if akun is None else Perubahan(diubah=[nama]) if ada else Perubahan(ditambah=[nama])
            catat_audit(self.path, oleh, aksi, ubah, len(semua), None, _ringkas(akun))

    def catat_penolakan(self, exc: GalatLingkup) -> None:
        from geo.simpan.kim import Perubahan, catat_audit

        catat_audit(self.path, exc.akun.nama, f"ditolak-{exc.aksi}", Perubahan(diubah=exc.ids), 0, None, exc.catatan)


def _ringkas(akun: AkunTersimpan | None) -> str:
    return "" if akun is None else f"peran {akun.peran}, lingkup {akun.lingkup or 'semua'}"


def penyimpan_untuk(gudang: Any) -> PenyimpanAkun:
    """The account store beside the data: the database's ``akun`` table, or ``akun.json`` next to the KIM file."""
    if getattr(gudang, "jenis", "") == "postgresql":
        from geo.simpan.pg.akun_pg import AkunPG

        return AkunPG(gudang.kolam)
    from geo import config

    kim = getattr(gudang, "_kim", None)
    return AkunBerkas((Path(kim).parent if kim else config.path_kim().parent) / NAMA_BERKAS)


def _wajib_admin(penyimpan: PenyimpanAkun, oleh: Pelaku, nama: str, lingkup: str | None) -> Akun:
    akun = sebagai_akun(oleh)
    alasan = ""
    if akun.peran != ADMINISTRATOR:
        alasan = "hanya administrator yang dapat mengelola akun."
    elif lingkup is not None and akun.lingkup and not (lingkup and dalam_lingkup(akun, lingkup)):
        alasan = f"lingkup '{lingkup or 'semua'}' di luar lingkup administrator ini ({akun.lingkup})."
    if alasan:
        exc = GalatLingkup(akun, "akun", [nama], alasan)
        penyimpan.catat_penolakan(exc)
        raise exc
    return akun


def _periksa(peran: str, lingkup: str) -> tuple[str, str]:
    peran = str(peran).strip().lower()
    if peran not in PERAN:
        raise GalatData(f"Peran '{peran}' tidak dikenal. Pilih salah satu: {', '.join(PERAN)}.")
    try:
        return peran, normalisasi_lingkup(lingkup)
    except ValueError as exc:
        raise GalatData(str(exc)) from None


def _sekarang() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def tambah_akun(penyimpan: PenyimpanAkun, oleh: Pelaku, nama: str, sandi: str, peran: str, lingkup: str = "") -> AkunTersimpan:
    """Create an account; refused for a non-administrator, a taken name or a bad role/scope/password."""
    try:
        nama = periksa_nama(nama)
        hash_ = buat_hash(sandi)
    except ValueError as exc:
        raise GalatData(str(exc)) from None
    peran, lingkup = _periksa(peran, lingkup)
    pelaku = _wajib_admin(penyimpan, oleh, nama, lingkup)
    if any(a.nama == nama for a in penyimpan.baca()):
        raise GalatData(f"Akun '{nama}' sudah ada. Ubah dengan 'python -m geo akun ubah {nama}'.")
    baru = AkunTersimpan(nama, hash_, peran, lingkup, _sekarang())
    penyimpan.tulis(baru, nama, pelaku.nama, "akun-tambah")
    return baru


def _cari(penyimpan: PenyimpanAkun, nama: str) -> AkunTersimpan:
    nama = str(nama).strip().lower()
    for a in penyimpan.baca():
        if a.nama == nama:
            return a
    raise GalatData(f"Akun '{nama}' tidak ada. Lihat daftarnya dengan 'python -m geo akun daftar'.")


def ubah_akun(penyimpan: PenyimpanAkun, oleh: Pelaku, nama: str, *, sandi: str | None = None, peran: str | None = None,
              lingkup: str | None = None) -> AkunTersimpan:
    """Change an account's password, role or scope (whatever is given)."""
    lama = _cari(penyimpan, nama)
    peran_, lingkup_ = _periksa(peran if peran is not None else lama.peran, lingkup if lingkup is not None else lama.lingkup)
    pelaku = _wajib_admin(penyimpan, oleh, lama.nama, lingkup_)
    _wajib_admin(penyimpan, oleh, lama.nama, lama.lingkup)  # nor may it take over an account outside its scope
    try:
        hash_ = buat_hash(sandi) if sandi is not None else lama.hash
    except ValueError as exc:
        raise GalatData(str(exc)) from None
    baru = replace(lama, hash=hash_, peran=peran_, lingkup=lingkup_, diubah=_sekarang())
    penyimpan.tulis(baru, lama.nama, pelaku.nama, "akun-ubah" + ("-sandi" if sandi is not None else ""))
    return baru


def hapus_akun(penyimpan: PenyimpanAkun, oleh: Pelaku, nama: str) -> None:
    lama = _cari(penyimpan, nama)
    pelaku = _wajib_admin(penyimpan, oleh, lama.nama, lama.lingkup)
    penyimpan.tulis(None, lama.nama, pelaku.nama, "akun-hapus")


def gabung_pengguna(daftar: DaftarPengguna, tersimpan: list[AkunTersimpan]) -> DaftarPengguna:
    """The login list: bootstrap accounts (administrators of everything) plus the stored ones.

    A bootstrap name wins over a stored account of the same name, so the
    configured administrator can never be locked out from the page.
    """
    akun = dict(daftar.akun)
    rincian = {n: Akun(n) for n in akun}
    for a in tersimpan:
        if a.nama not in akun:
            akun[a.nama] = a.hash
            rincian[a.nama] = a.akun
    return DaftarPengguna(akun, list(daftar.peringatan), rincian)


def akun_untuk(daftar: DaftarPengguna, nama: str) -> Akun | None:
    """The logged-in name's role and scope (bootstrap names: administrator of everything)."""
    if nama not in daftar.akun:
        return None
    return daftar.rincian.get(nama, Akun(nama))
