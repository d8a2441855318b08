"""Photos of potentials: validated with Pillow, re-encoded without EXIF, stored by ``id_potensi``.

An upload from a phone may be a 12-megapixel JPEG that carries the
photographer's GPS position, or anything renamed to ``.jpg``. Nothing reaches
``data/foto/`` until the file has proved to be a real JPEG, PNG or WebP
within size and pixel limits (checked from the header, before any decoding,
so a decompression bomb never expands in memory). What is stored is a fresh
JPEG of bounded size with no metadata at all; the old photo is backed up and
the change lands in the same audit log as data edits.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from geo.galat import GalatData
from geo.simpan.berkas import cadangkan, kunci, tulis_bytes_atomik
from geo.simpan.kim import path_audit
from geo.simpan.lingkup import Pelaku, dicatat_di, nama_pelaku, periksa_foto, tanpa_batas

FOLDER_FOTO = "foto"
FORMAT_SAH = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAKS_BYTE = 12 * 1024 * 1024  # a phone's full-size JPEG fits; anything bigger is refused unread
MAKS_PIKSEL = 40_000_000  # ~ 8000 × 5000; bigger images are refused from their header
MAKS_SISI = 1600  # stored photos are at most this many pixels on their long side
MUTU_JPEG = 82
# Pillow's own guard as a second line: it refuses absurd headers inside Image.open, before our
# clearer size check; decoding only ever happens after that check.
Image.MAX_IMAGE_PIXELS = 2 * MAKS_PIKSEL


@dataclass(frozen=True)
class Foto:
    """A stored photo and its size, for the message shown after an upload."""

    path: Path
    lebar: int
    tinggi: int
    ukuran_byte: int


def folder_foto(path_kim: Path | str) -> Path:
    """``data/kim.csv`` → ``data/foto/``: photos live beside the table they illustrate."""
    return Path(path_kim).parent / FOLDER_FOTO


def nama_berkas(id_potensi: str) -> str:
    """A safe file name from an id (``BTG-KUA-01`` → ``BTG-KUA-01.jpg``); other characters become ``_``."""
    aman = re.sub(r"[^A-Za-z0-9._-]", "_", str(id_potensi).strip()).strip(".")
    if not aman:
        raise GalatData("id_potensi kosong; pilih potensi yang sudah tersimpan sebelum mengunggah foto.")
    return f"{aman}.jpg"


def path_foto(path_kim: Path | str, id_potensi: str) -> Path:
    return folder_foto(path_kim) / nama_berkas(id_potensi)


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",")


def bersihkan(data: bytes, nama: str = "foto") -> tuple[bytes, int, int]:
    """Check an upload and return it as a clean JPEG (bytes, width, height); :class:`GalatData` if refused."""
    if len(data) > MAKS_BYTE:
        raise GalatData(f"{nama}: berkas {_mb(len(data))} MB terlalu besar (maks. {_mb(MAKS_BYTE)} MB). "
                        "Kecilkan fotonya atau kirim ulang dengan mutu lebih rendah.")
    if not data:
        raise GalatData(f"{nama}: berkas kosong. Pilih foto JPEG, PNG atau WebP.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            gambar = Image.open(io.BytesIO(data))  # reads the header only
            if gambar.format not in FORMAT_SAH:
                raise GalatData(f"{nama}: format {gambar.format or 'tak dikenal'} tidak diterima. Gunakan JPEG, PNG atau WebP.")
            lebar, tinggi = gambar.size
            if lebar * tinggi > MAKS_PIKSEL or lebar <= 0 or tinggi <= 0:
                raise GalatData(f"{nama}: gambar {lebar} × {tinggi} piksel melebihi batas {MAKS_PIKSEL // 1_000_000} megapiksel. "
                                f"Kecilkan ukurannya (sisi terpanjang sekitar {MAKS_SISI} piksel sudah cukup).")
            gambar.verify()  # structure check; the object is unusable afterwards
            gambar = Image.open(io.BytesIO(data))
            gambar.draft("RGB", (MAKS_SISI, MAKS_SISI))  # JPEG: decode at reduced scale
            gambar = ImageOps.exif_transpose(gambar)  # keep the phone's orientation, then drop all metadata
            gambar.thumbnail((MAKS_SISI, MAKS_SISI))
            if gambar.mode in ("RGBA", "LA", "P"):
                latar = Image.new("RGB", gambar.size, "white")
                rgba = gambar.convert("RGBA")
                latar.paste(rgba, mask=rgba.getchannel("A"))
                gambar = latar
            gambar = gambar.convert("RGB")
    except GalatData:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise GalatData(f"{nama}: gambar mengaku berukuran sangat besar (kemungkinan 'bom dekompresi') dan ditolak. "
                        "Unggah foto biasa dari kamera atau ponsel.") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise GalatData(f"{nama}: bukan gambar yang dapat dibaca ({exc.__class__.__name__}). "
                        "Pilih berkas foto JPEG, PNG atau WebP.") from None
    keluaran = io.BytesIO()
    gambar.save(keluaran, "JPEG", quality=MUTU_JPEG, optimize=True)  # no exif= argument: nothing carried over
    return keluaran.getvalue(), gambar.width, gambar.height


def _catat(path_kim: Path, pengguna: str, aksi: str, id_potensi: str, cadangan: Path | None, catatan: str) -> None:
    entri = {
        "waktu": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "pengguna": pengguna, "aksi": aksi, "berkas": f"{FOLDER_FOTO}/{nama_berkas(id_potensi)}",
        "ditambah": [], "diubah": [id_potensi], "dihapus": [], "jumlah_baris": None,
        "cadangan": cadangan.name if cadangan else None, "catatan": catatan,
    }
    with path_audit(path_kim).open("a", encoding="utf-8") as f:
        f.write(json.dumps(entri, ensure_ascii=False) + "\n")
        f.flush()
        os.fsync(f.fileno())


def simpan_foto(path_kim: Path | str, id_potensi: str, data: bytes, pengguna: Pelaku, nama: str = "foto",
                id_sah: set[str] | None = None) -> Foto:
    """Validate, re-encode and store one potential's photo; the previous photo is backed up first.

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
    tujuan = path_foto(path_kim, id_potensi)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    with kunci(tujuan):
        cadangan = cadangkan(tujuan)
        tulis_bytes_atomik(tujuan, bersih)
        _catat(path_kim, pengguna, "foto", id_potensi, cadangan, f"{nama}, {lebar}×{tinggi} piksel")
    return Foto(tujuan, lebar, tinggi, len(bersih))


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
    """Stored photo per file stem (the safe id); one directory listing, no image decoding."""
    folder = folder_foto(path_kim)
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in folder.glob("*.jpg") if not p.name.startswith(".")}


def foto_untuk(path_kim: Path | str, id_potensi: list[str]) -> list[Path | None]:
    """The photo of each id (None where there is none), in order."""
    ada = daftar_foto(path_kim)
    return [ada.get(nama_berkas(i)[:-4]) if str(i).strip() else None for i in id_potensi]


URL_FOTO = "/app/static/foto"
SISI_GAMBAR_KECIL = 360  # inline thumbnails in a standalone HTML file stay ~20 KB each


def _gambar_kecil_data_uri(path: Path) -> str:
    import base64

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


def salin_ke_statis(path_kim: Path | str, tujuan: Path) -> int:
    """Mirror ``data/foto/*.jpg`` into the app's ``static/foto/`` (Streamlit serves only that folder).

    Copies only new or changed files; returns how many were copied.
    """
    import shutil

    disalin = 0
    for nama, sumber in daftar_foto(path_kim).items():
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
