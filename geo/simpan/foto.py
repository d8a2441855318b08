"""Photos of potentials: validated and cleaned (:mod:`geo.simpan.foto_gambar`), stored by ``id_potensi``.

Nothing reaches ``data/foto/`` until the upload has proved to be a real
JPEG, PNG, WebP or MPO within size and pixel limits; what is stored is a
fresh JPEG with no metadata. One file per id, named from a digest of the id,
so ``BTG/KUA/01`` and ``BTG_KUA_01`` (or ``X.`` and ``X``) never share a file.
A save is audited like a table save: the audit entry is journaled before the
file is replaced, and a save killed in between is finished by the next one.
The replaced photo is backed up; backups are pruned to a count and a size.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from geo.galat import GalatData
from geo.masuk.batasan import Batas
from geo.simpan.berkas import cadangkan, folder_cadangan, kunci
from geo.simpan.foto_gambar import MAKS_BYTE, MAKS_PIKSEL, MAKS_SISI, bersihkan, pillow
from geo.simpan.kim import Perubahan, ganti_teraudit, selesaikan_jurnal
from geo.simpan.lingkup import Pelaku, dicatat_di, nama_pelaku, periksa_foto, tanpa_batas

LOG = logging.getLogger("geo.foto")
FOLDER_FOTO = "foto"
CADANGAN_MAKS = Batas("KIM_FOTO_CADANGAN_MAKS", 200, "berkas", "Jumlah cadangan foto")
CADANGAN_MB = Batas("KIM_FOTO_CADANGAN_MB", 100, "MB", "Ukuran cadangan foto")
_PANJANG_SIDIK = 20  # hex digits of SHA-256: 80 bits, no collision among any region's ids
_NAMA_SIDIK = re.compile(rf"^[A-Za-z0-9-]{{0,40}}_[0-9a-f]{{{_PANJANG_SIDIK}}}$")


@dataclass(frozen=True)
class Foto:
    """A stored photo and its size in pixels, for the message shown after an upload."""

    path: Path
    lebar: int
    tinggi: int


# Stores whose "KIM path" is not a file (PostgreSQL's table name) register where their photos are mirrored.
_FOLDER_CERMIN: dict[str, Path] = {}


def folder_foto(path_kim: Path | str) -> Path:
    """``data/kim.csv`` → ``data/foto/``: photos live beside the table they illustrate.

    For a database store, the local mirror it registered (:func:`daftarkan_cermin`).
    """
    return _FOLDER_CERMIN.get(str(path_kim)) or Path(path_kim).parent / FOLDER_FOTO


def daftarkan_cermin(path_kim: Path | str, folder: Path) -> None:
    """Photos of the store whose dataset names ``path_kim`` are read from ``folder`` (a mirror)."""
    _FOLDER_CERMIN[str(path_kim)] = Path(folder)


def _id_bersih(id_potensi: str) -> str:
    teks = str(id_potensi).strip()
    if not teks:
        raise GalatData("id_potensi kosong; pilih potensi yang sudah tersimpan sebelum mengunggah foto.")
    return teks


def nama_berkas(id_potensi: str) -> str:
    """``BTG/KUA/01`` → ``BTG-KUA-01_<digest>.jpg``: a readable part, and a digest of the exact id.

    The digest makes the name unique per id (two ids never share a photo);
    the readable part only helps an administrator browsing the folder.
    Lower-case hex keeps names distinct on case-insensitive disks too.
    """
    teks = _id_bersih(id_potensi)
    sidik = hashlib.sha256(teks.encode("utf-8")).hexdigest()[:_PANJANG_SIDIK]
    terbaca = re.sub(r"[^A-Za-z0-9]+", "-", teks).strip("-")[:40]
    return f"{terbaca}_{sidik}.jpg"


def nama_lama(id_potensi: str) -> str:
    """The name photos had before digests (``BTG/KUA/01`` and ``BTG_KUA_01`` both → ``BTG_KUA_01.jpg``)."""
    aman = re.sub(r"[^A-Za-z0-9._-]", "_", str(id_potensi).strip()).strip(".")
    return f"{aman}.jpg" if aman else ""


def path_foto(path_kim: Path | str, id_potensi: str) -> Path:
    return folder_foto(path_kim) / nama_berkas(id_potensi)


def _jurnal(path: Path) -> Path:
    """The pending audit entry of one photo's save (``.<name>.audit.tertunda`` beside it)."""
    return path.with_name(f".{path.name}.audit.tertunda")


def selesaikan_jurnal_foto(path_kim: Path | str) -> bool:
    """Finish photo saves that died between the file replace and the audit line (photo lock held).

    Each journaled entry is appended to the KIM table's audit log when the photo
    on disk is the one it announced, and dropped otherwise (the old photo is
    intact). True if any was recovered.
    """
    path_kim = Path(path_kim)
    pulih = False
    for jurnal in folder_foto(path_kim).glob(".*.jpg.audit.tertunda"):
        path = jurnal.with_name(jurnal.name[1:].removesuffix(".audit.tertunda"))
        pulih = selesaikan_jurnal(path, jurnal=jurnal, log=path_kim) or pulih
    return pulih


def selesaikan_jurnal_foto_terkunci(path_kim: Path | str) -> bool:
    """:func:`selesaikan_jurnal_foto` under the photo lock, and only when a journal is pending (reading the audit log)."""
    folder = folder_foto(path_kim)
    if not folder.is_dir() or not any(folder.glob(".*.jpg.audit.tertunda")):
        return False
    with kunci(folder / ".foto"):
        return selesaikan_jurnal_foto(path_kim)


def pangkas_cadangan(path_kim: Path | str) -> int:
    """Delete the oldest photo backups beyond ``KIM_FOTO_CADANGAN_MAKS`` files or ``KIM_FOTO_CADANGAN_MB``.

    The newest backup is always kept. Returns how many were deleted.
    """
    folder = folder_cadangan(folder_foto(path_kim) / "x.jpg")
    if not folder.is_dir():
        return 0
    berkas = sorted(((p.stat().st_mtime_ns, p.name, p) for p in folder.glob("*.jpg")), reverse=True)
    maks, maks_byte = CADANGAN_MAKS.nilai(), CADANGAN_MB.nilai() * 1024 * 1024
    jumlah = total = dihapus = 0
    for _, _, p in berkas:
        ukuran = p.stat().st_size
        if jumlah and (jumlah + 1 > maks or total + ukuran > maks_byte):
            p.unlink(missing_ok=True)
            dihapus += 1
            continue
        jumlah, total = jumlah + 1, total + ukuran
    return dihapus


def pindahkan_nama_lama(path_kim: Path | str, id_sah: set[str] | list[str]) -> int:
    """Rename photos stored under the old names to their digest names; returns how many moved.

    An old name that exactly one id maps to is that id's photo. One that
    several ids map to (``A/1`` and ``A_1``) cannot be attributed: it is
    moved to the backups, so that no potential shows another's photo.
    """
    folder = folder_foto(path_kim)
    if not folder.is_dir():
        return 0
    lama = {p.name for p in folder.glob("*.jpg") if not _NAMA_SIDIK.match(p.stem) and not p.name.startswith(".")}
    if not lama:
        return 0
    pemilik: dict[str, list[str]] = {}
    for i in id_sah:
        if str(i).strip() and (n := nama_lama(i)) in lama:
            pemilik.setdefault(n, []).append(str(i).strip())
    pindah = 0
    with kunci(folder / ".foto"):
        for nama, ids in pemilik.items():
            sumber = folder / nama
            if not sumber.exists():
                continue
            if len(ids) == 1 and not path_foto(path_kim, ids[0]).exists():
                os.replace(sumber, path_foto(path_kim, ids[0]))
                pindah += 1
            else:
                cadangkan(sumber)
                sumber.unlink()
                LOG.warning("Foto %s milik lebih dari satu id (%s) atau sudah digantikan; dipindah ke cadangan.",
                            nama, ", ".join(sorted(ids)))
    return pindah


def simpan_foto(path_kim: Path | str, id_potensi: str, data: bytes, pengguna: Pelaku, nama: str = "foto",
                id_sah: set[str] | None = None) -> Foto:
    """Validate, clean and store one potential's photo, audited; the previous photo is backed up first.

    ``id_sah`` (the ids in the KIM table) refuses a photo for a potential that
    does not exist. Nothing is written when anything is refused. For an account
    with a narrower role or scope (:class:`geo.simpan.lingkup.Akun`) the store reads
    the potential's kelurahan from the KIM table itself (never from the caller) and
    refuses a photo outside the scope.
    """
    path_kim = Path(path_kim)
    if not str(pengguna).strip():
        raise GalatData("Masuk sebagai penyunting dulu untuk mengunggah foto.")
    if id_sah is not None and id_potensi not in id_sah:
        raise GalatData(f"id_potensi '{id_potensi}' tidak ada di {path_kim.name}. Simpan potensinya dulu, lalu unggah fotonya.")
    if not tanpa_batas(pengguna):
        with dicatat_di(path_kim):
            periksa_foto(pengguna, id_potensi, _kode_dari_tabel(path_kim, id_potensi))
    pengguna = nama_pelaku(pengguna)
    bersih, lebar, tinggi = bersihkan(data, nama)
    if id_sah is not None:
        pindahkan_nama_lama(path_kim, id_sah)
    tujuan = path_foto(path_kim, id_potensi)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    with kunci(tujuan.parent / ".foto"):
        selesaikan_jurnal_foto(path_kim)
        ganti_teraudit(tujuan, bersih, pengguna, "foto", Perubahan(diubah=[id_potensi]), None,
                       f"{nama}, {lebar}×{tinggi} piksel", jurnal=_jurnal(tujuan), log=path_kim,
                       berkas=f"{FOLDER_FOTO}/{tujuan.name}")
        pangkas_cadangan(path_kim)
    return Foto(tujuan, lebar, tinggi)


def _kode_dari_tabel(path_kim: Path, id_potensi: str) -> str:
    """The potential's kelurahan code as the KIM file has it ("" when unknown: then only an unscoped account passes)."""
    from geo.galat import Laporan
    from geo.masuk.baca import baca_tabel

    tabel = baca_tabel(path_kim, Laporan()) if path_kim.exists() else None
    if tabel is None or "id_potensi" not in tabel or "kode_kelurahan" not in tabel:
        return ""
    cocok = tabel.loc[tabel["id_potensi"].astype(str).str.strip() == id_potensi, "kode_kelurahan"]
    return str(cocok.iloc[0]).strip() if len(cocok) else ""


def daftar_foto(path_kim: Path | str) -> dict[str, Path]:
    """Stored photo per file stem; one directory listing, no image decoding."""
    folder = folder_foto(path_kim)
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in folder.glob("*.jpg") if not p.name.startswith(".")}


def foto_untuk(path_kim: Path | str, id_potensi: list[str]) -> list[Path | None]:
    """The photo of each id (None where there is none), in order; a not yet renamed old name still counts."""
    ada = daftar_foto(path_kim)
    hasil: list[Path | None] = []
    for i in id_potensi:
        if not str(i).strip():
            hasil.append(None)
            continue
        hasil.append(ada.get(nama_berkas(i)[:-4]) or ada.get(nama_lama(i)[:-4]))
    return hasil


URL_FOTO = "/app/static/foto"
SISI_GAMBAR_KECIL = 360  # inline thumbnails in a standalone HTML file stay ~20 KB each


def _gambar_kecil_data_uri(path: Path) -> str:
    import base64

    Image = pillow()  # here, not at the top: every store user imports this module, few draw a thumbnail

    try:
        with Image.open(path) as g:
            g.thumbnail((SISI_GAMBAR_KECIL, SISI_GAMBAR_KECIL))
            keluaran = io.BytesIO()
            g.convert("RGB").save(keluaran, "JPEG", quality=75)
    except (OSError, ValueError):
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(keluaran.getvalue()).decode("ascii")


def sumber_foto(path_kim: Path | str, id_potensi: list[str], url_dasar: str | None = URL_FOTO) -> list[str]:
    """``src`` for each potential's photo ("" when none): a URL the app serves, or inline data when ``url_dasar`` is None.

    URLs carry the file's modification time, so a replaced photo is never shown stale from a cache.
    """
    hasil = []
    for path in foto_untuk(path_kim, id_potensi):  # one entry per potential shown; no image work for URLs
        if path is None:
            hasil.append("")
        elif url_dasar is None:
            hasil.append(_gambar_kecil_data_uri(path))
        else:
            hasil.append(f"{url_dasar.rstrip('/')}/{path.name}?v={path.stat().st_mtime_ns}")
    return hasil


# The page and the tests name these here; the image rules live in foto_gambar.
__all__ = ["FOLDER_FOTO", "MAKS_BYTE", "MAKS_PIKSEL", "MAKS_SISI", "URL_FOTO", "Foto", "bersihkan", "daftar_foto", "daftarkan_cermin",
           "folder_foto", "foto_untuk", "nama_berkas", "nama_lama", "pangkas_cadangan", "path_foto",
           "pindahkan_nama_lama", "salin_ke_statis", "selesaikan_jurnal_foto", "selesaikan_jurnal_foto_terkunci", "simpan_foto", "sumber_foto"]


def salin_ke_statis(path_kim: Path | str, tujuan: Path) -> int:
    """Mirror ``data/foto/*.jpg`` into the app's ``static/foto/`` (Streamlit serves only that folder).

    Copies only new or changed files, and removes mirrored old-named files whose source is gone
    (renamed to its digest name, or moved to the backups as unattributable), so no stale photo
    stays reachable by URL. Returns how many were copied.
    """
    import shutil

    disalin = 0
    sumber_semua = daftar_foto(path_kim)
    if tujuan.is_dir():
        for lama in tujuan.glob("*.jpg"):  # old names only: digest names never lose their source
            if lama.stem not in sumber_semua and not _NAMA_SIDIK.match(lama.stem):
                lama.unlink(missing_ok=True)
    for nama, sumber in sumber_semua.items():
        target = tujuan / f"{nama}.jpg"
        s = sumber.stat()
        try:
            t = target.stat()
            if t.st_size == s.st_size and t.st_mtime_ns >= s.st_mtime_ns:
                continue
        except FileNotFoundError:
            pass
        tujuan.mkdir(parents=True, exist_ok=True)
        sementara = tujuan / f".{nama}.{os.getpid()}.tmp"
        shutil.copyfile(sumber, sementara)
        os.replace(sementara, target)
        disalin += 1
    return disalin
