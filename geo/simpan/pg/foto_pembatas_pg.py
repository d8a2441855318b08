"""#21 in PostgreSQL: the login limiter's counts (and photos), shared by every replica on one database.

A mix-in of :class:`geo.simpan.pg.gudang_pg.GudangPG`, kept apart from the
KIM table's code. Tables: ``pembatas_login`` and ``foto_potensi`` /
``foto_cadangan`` (migration ``0003_foto_pembatas.sql``).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from geo.galat import GalatData
from geo.masuk import tembolok
from geo.simpan import foto
from geo.simpan.berkas import tulis_bytes_atomik
from geo.simpan.pembatas_simpan import MAKS_CATATAN, CatatanGagal
from geo.simpan.pg.koneksi import tempat

TABEL_KIM = "kim_potensi"  # the dataset's path_kim under PostgreSQL (as gudang_pg.TABEL_KIM)

KUNCI_PEMBATAS = 7412021  # pg_advisory_xact_lock key: failures counted one writer at a time


class PembatasPG:
    """The limiter's three operations on table ``pembatas_login``; needs ``self.kolam``."""

    kolam: object
    maks_catatan: int = MAKS_CATATAN

    def pembatas_baca(self, kunci: list[str]) -> dict[str, CatatanGagal]:
        with self.kolam.koneksi() as conn:  # type: ignore[attr-defined]
            rows = conn.execute("SELECT kunci, gagal, terakhir FROM pembatas_login WHERE kunci = ANY(%s)", (kunci,))
            return {k: CatatanGagal(int(g), float(t)) for k, g, t in rows.fetchall()}

    def pembatas_gagal(self, kunci: list[str], sekarang: float, lupa_detik: float,
                       kunci_sampai: Callable[[int], float]) -> None:
        with self.kolam.koneksi() as conn, conn.transaction():  # type: ignore[attr-defined]
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_PEMBATAS,))
            for k in kunci:
                gagal = conn.execute(
                    "INSERT INTO pembatas_login AS p (kunci, gagal, terakhir, terkunci_sampai) VALUES (%s, 1, %s, %s) "
                    "ON CONFLICT (kunci) DO UPDATE SET gagal = CASE WHEN %s - p.terakhir <= %s THEN p.gagal + 1 ELSE 1 END, "
                    "terakhir = EXCLUDED.terakhir RETURNING gagal",
                    (k, sekarang, sekarang, sekarang, lupa_detik)).fetchone()[0]
                conn.execute("UPDATE pembatas_login SET terkunci_sampai = %s WHERE kunci = %s",
                             (sekarang + kunci_sampai(int(gagal)), k))
            jumlah = conn.execute("SELECT count(*) FROM pembatas_login").fetchone()[0]
            if jumlah > self.maks_catatan:
                conn.execute("DELETE FROM pembatas_login WHERE kunci IN (SELECT kunci FROM pembatas_login "
                             "WHERE terkunci_sampai <= %s ORDER BY terakhir LIMIT %s)", (sekarang, jumlah - self.maks_catatan))

    def pembatas_hapus(self, kunci: list[str]) -> None:
        with self.kolam.koneksi() as conn:  # type: ignore[attr-defined]
            conn.execute("DELETE FROM pembatas_login WHERE kunci = ANY(%s)", (kunci,))


KUNCI_FOTO = 7412022  # pg_advisory_xact_lock key: one photo save at a time


def _folder_cermin(url: str) -> Path:
    """Where this server mirrors the database's photos (the page serves files; exports read them)."""
    dasar = tembolok.folder() or Path(tempfile.gettempdir()) / "peta-kim"
    return dasar / f"foto-pg-{hashlib.sha256(tempat(url).encode()).hexdigest()[:12]}"


class FotoPG:
    """Photos in ``foto_potensi`` (bytes, same limits as the files), mirrored to a local folder per server."""

    kolam: object

    def folder_foto_cermin(self) -> Path:
        return _folder_cermin(self.kolam.url)  # type: ignore[attr-defined]

    def simpan_foto(self, id_potensi: str, data: bytes, pengguna: str, nama: str = "foto",
                    id_sah: set[str] | None = None) -> foto.Foto:
        """Validate, clean and store one photo with its audit row, in one transaction; the old one is kept."""
        if not str(pengguna).strip():
            raise GalatData("Masuk sebagai penyunting dulu untuk mengunggah foto.")
        bersih, lebar, tinggi = foto.bersihkan(data, nama)
        sidik = hashlib.sha256(bersih).hexdigest()
        with self.kolam.koneksi() as conn, conn.transaction():  # type: ignore[attr-defined]
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_FOTO,))
            ada = conn.execute("SELECT 1 FROM kim_potensi WHERE id_potensi = %s", (id_potensi,)).fetchone()
            if id_sah is not None and (id_potensi not in id_sah or ada is None):
                raise GalatData(f"id_potensi '{id_potensi}' tidak ada di basis data. Simpan potensinya dulu, lalu unggah fotonya.")
            conn.execute("INSERT INTO foto_cadangan (id_potensi, isi) SELECT id_potensi, isi FROM foto_potensi "
                         "WHERE id_potensi = %s", (id_potensi,))
            conn.execute(
                "INSERT INTO foto_potensi AS f (id_potensi, isi, sha256, lebar, tinggi, diubah_oleh) VALUES (%s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id_potensi) DO UPDATE SET isi = EXCLUDED.isi, sha256 = EXCLUDED.sha256, lebar = EXCLUDED.lebar, "
                "tinggi = EXCLUDED.tinggi, diubah_oleh = EXCLUDED.diubah_oleh, versi = f.versi + 1, diubah_pada = now()",
                (id_potensi, bersih, sidik, lebar, tinggi, pengguna))
            conn.execute(
                "INSERT INTO audit (pengguna, aksi, berkas, diubah, jumlah_baris, catatan) VALUES (%s, 'foto', %s, %s, 1, %s)",
                (pengguna, f"{foto.FOLDER_FOTO}/{foto.nama_berkas(id_potensi)}", json.dumps([id_potensi]),
                 f"{nama}, {lebar}×{tinggi} piksel"))
            _pangkas_cadangan(conn)
        path = self.segarkan_foto()
        return foto.Foto(path / foto.nama_berkas(id_potensi), lebar, tinggi)

    def segarkan_foto(self) -> Path:
        """Bring this server's mirror up to the database: fetch new or changed photos, drop removed ones."""
        folder = self.folder_foto_cermin()
        folder.mkdir(parents=True, exist_ok=True)
        foto.daftarkan_cermin(TABEL_KIM, folder)
        daftar = folder / ".daftar.json"
        try:
            punya = json.loads(daftar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            punya = {}
        with self.kolam.koneksi() as conn:  # type: ignore[attr-defined]
            ingin = {foto.nama_berkas(i): (i, s) for i, s in conn.execute("SELECT id_potensi, sha256 FROM foto_potensi")}
            ambil = [i for n, (i, s) in ingin.items() if punya.get(n) != s or not (folder / n).is_file()]
            for i, isi in conn.execute("SELECT id_potensi, isi FROM foto_potensi WHERE id_potensi = ANY(%s)", (ambil,)) if ambil else []:
                tulis_bytes_atomik(folder / foto.nama_berkas(i), bytes(isi))
        for p in folder.glob("*.jpg"):
            if p.name not in ingin:
                p.unlink(missing_ok=True)
        tulis_bytes_atomik(daftar, json.dumps({n: s for n, (_, s) in ingin.items()}).encode("utf-8"))
        return folder


    def impor_foto(self, path_kim: Path | str, pengguna: str) -> int:
        """``db import``: the file store's photos (``data/foto/``) of the potentials in the database; how many.

        Each is cleaned again (a hand-placed file may carry metadata), under one audit row.
        """
        with self.kolam.koneksi() as conn:  # type: ignore[attr-defined]
            ids = [r[0] for r in conn.execute("SELECT id_potensi FROM kim_potensi ORDER BY urutan")]
        pasangan = [(i, p) for i, p in zip(ids, foto.foto_untuk(path_kim, ids)) if p is not None]
        if not pasangan:
            return 0
        baris = []
        for i, p in pasangan:
            bersih, lebar, tinggi = foto.bersihkan(p.read_bytes(), p.name)
            baris.append((i, bersih, hashlib.sha256(bersih).hexdigest(), lebar, tinggi, pengguna))
        with self.kolam.koneksi() as conn, conn.transaction():  # type: ignore[attr-defined]
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_FOTO,))
            conn.cursor().executemany(
                "INSERT INTO foto_potensi AS f (id_potensi, isi, sha256, lebar, tinggi, diubah_oleh) VALUES (%s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id_potensi) DO UPDATE SET isi = EXCLUDED.isi, sha256 = EXCLUDED.sha256, lebar = EXCLUDED.lebar, "
                "tinggi = EXCLUDED.tinggi, diubah_oleh = EXCLUDED.diubah_oleh, versi = f.versi + 1, diubah_pada = now()", baris)
            conn.execute("INSERT INTO audit (pengguna, aksi, berkas, diubah, jumlah_baris, catatan) "
                         "VALUES (%s, 'impor-foto', %s, %s, %s, %s)",
                         (pengguna, foto.FOLDER_FOTO, json.dumps([b[0] for b in baris]), len(baris),
                          f"{len(baris)} foto dari {foto.folder_foto(path_kim)}"))
        return len(baris)

    def ekspor_foto(self, folder: Path | str) -> list[Path]:
        """``db export``: every photo to ``<folder>/foto/`` under the file store's names."""
        tujuan = Path(folder) / foto.FOLDER_FOTO
        hasil = []
        with self.kolam.koneksi() as conn:  # type: ignore[attr-defined]
            for i, isi in conn.execute("SELECT id_potensi, isi FROM foto_potensi ORDER BY id_potensi"):
                path = tujuan / foto.nama_berkas(i)
                tulis_bytes_atomik(path, bytes(isi))
                hasil.append(path)
        return hasil


def _pangkas_cadangan(conn) -> None:
    """Keep at most KIM_FOTO_CADANGAN_MAKS old photos and KIM_FOTO_CADANGAN_MB, newest first (as the files)."""
    maks, maks_byte = foto.CADANGAN_MAKS.nilai(), foto.CADANGAN_MB.nilai() * 1024 * 1024
    conn.execute(
        "DELETE FROM foto_cadangan WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER w AS n, "
        "sum(octet_length(isi)) OVER w AS total FROM foto_cadangan WINDOW w AS (ORDER BY id DESC)) t "
        "WHERE n > 1 AND (n > %s OR total > %s))", (maks, maks_byte))
