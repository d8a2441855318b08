"""The KIM table (``kim_profil``, migration 0004) edited from the page, in the shared PostgreSQL store.

A mix-in of :class:`geo.simpan.pg.gudang_pg.GudangPG`. The checks are the file
store's (:mod:`geo.kim.simpan_profil`); the save is one transaction under the
same advisory lock as a kim.csv save, so a potential can never be pointed at a
KIM while it is being removed. Conflicts are per row, as for kim.csv.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd

from geo.galat import GalatData
from geo.kim import simpan_profil as sp
from geo.kim.profil import KOLOM_PROFIL
from geo.kim.simpan_pg import TABEL_PROFIL, ada_tabel
from geo.masuk.baca import KOLOM_BARIS
from geo.masuk.dataset import Dataset
from geo.simpan.berkas import tulis_bytes_atomik, tulis_csv_atomik
from geo.simpan.kim import GalatKonflik, HasilSimpan
from geo.simpan.lingkup import GalatLingkup, Pelaku, nama_pelaku, periksa_profil

KUNCI_SIMPAN_PROFIL = 7412002  # the kim_potensi save's key (gudang_pg.KUNCI_SIMPAN): the two saves take turns
TABEL_LOGO = "kim_logo"


class GalatKonflikProfil(GalatKonflik):
    """KIM this editor changed were changed by someone else since they were loaded."""

    def __init__(self, ids: list[str]) -> None:
        GalatData.__init__(self, f"KIM {', '.join(ids[:10])} telah diubah oleh orang atau proses lain sejak Anda membukanya. "
                           "Perubahan Anda BELUM disimpan. Muat ulang data terbaru, lalu ulangi perubahan Anda.")
        self.kini = None
        self.ids = ids


def _baca(conn) -> tuple[pd.DataFrame | None, dict[str, int]]:
    """The stored table as text cells, and each row's version (None: no table or no rows yet)."""
    if not ada_tabel(conn):
        return None, {}
    rows = conn.execute(f"SELECT id_kim, isi, versi FROM {TABEL_PROFIL} ORDER BY urutan").fetchall()
    if not rows:
        return None, {}
    teks = pd.DataFrame([{k: str((r[1] or {}).get(k, "")) for k in KOLOM_PROFIL} for r in rows])
    return sp.teks_profil(teks).drop(columns=KOLOM_BARIS), {r[0]: int(r[2]) for r in rows}


class ProfilPG:
    """``baca_profil_untuk_sunting`` / ``simpan_profil`` of the shared store."""

    kolam: Any

    def baca_profil_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, dict[str, int]]:
        with self.kolam.koneksi() as conn:
            _, versi = _baca(conn)
        return sp.profil_untuk_sunting(dataset), versi

    def simpan_profil(self, frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any, *,
                      aksi: str = sp.AKSI_PROFIL, berkas: str = "tabel KIM", catatan: str = "") -> HasilSimpan:
        teks, laporan = sp.periksa_teks(frame, berkas, dataset, None)
        if not laporan.ok:
            return sp.tolak_galat(laporan)
        try:
            with self.kolam.koneksi() as conn, conn.transaction():
                return self._simpan_profil(conn, teks, laporan, dataset, pengguna, sidik_awal, aksi, berkas, catatan)
        except GalatLingkup as exc:  # rolled back; the refusal itself is kept
            self.catat_penolakan(exc)  # type: ignore[attr-defined]
            raise

    def _simpan_profil(self, conn, teks: pd.DataFrame, laporan, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any,
                       aksi: str, berkas: str, catatan: str) -> HasilSimpan:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_SIMPAN_PROFIL,))
        if not ada_tabel(conn):
            raise GalatData("Basis data belum punya tabel KIM (migrasi 0004). Jalankan 'python -m geo db upgrade'.")
        tersimpan, versi = _baca(conn)
        lama = tersimpan if tersimpan is not None else sp.profil_untuk_sunting(dataset)
        perubahan = sp.bandingkan_profil(lama, teks)
        if isinstance(sidik_awal, dict):  # a row someone else saved since this editor loaded it is never overwritten
            bentrok = [i for i in [*perubahan.diubah, *perubahan.dihapus] if versi.get(i) != sidik_awal.get(i)]
            if bentrok:
                raise GalatKonflikProfil(bentrok)
        if perubahan.kosong and tersimpan is not None:
            return HasilSimpan(False, laporan, perubahan, pesan="Tidak ada perubahan; data di basis data tidak diubah.")
        periksa_profil(pengguna, sp.kode_per_id(lama), sp.kode_per_id(teks), perubahan.ditambah, perubahan.diubah,
                       perubahan.dihapus)
        rows = conn.execute("SELECT urutan, id_potensi, id_kim FROM kim_potensi WHERE id_kim = ANY(%s) ORDER BY urutan",
                            (perubahan.dihapus,)).fetchall() if perubahan.dihapus else []
        dirujuk = sp.laporan_dirujuk(pd.DataFrame([(u + 1, i, k) for u, i, k in rows],
                                                  columns=[KOLOM_BARIS, "id_potensi", "id_kim"]), "kim_potensi")
        if not dirujuk.ok:
            return HasilSimpan(False, dirujuk, perubahan, pesan=sp.pesan_dirujuk(dirujuk))
        nama = nama_pelaku(pengguna)
        isi = teks.drop(columns=KOLOM_BARIS)
        with conn.cursor() as cur:
            cur.execute(f"DELETE FROM {TABEL_PROFIL} WHERE NOT (id_kim = ANY(%s))", (list(isi["id_kim"]),))
            cur.executemany(
                f"INSERT INTO {TABEL_PROFIL} AS p (id_kim, isi, urutan, diubah_oleh) VALUES (%s, %s, %s, %s) ON CONFLICT (id_kim) "
                "DO UPDATE SET isi = EXCLUDED.isi, urutan = EXCLUDED.urutan, diubah_oleh = EXCLUDED.diubah_oleh, diubah_pada = now(), "
                "versi = p.versi + CASE WHEN p.isi = EXCLUDED.isi THEN 0 ELSE 1 END",
                [(r["id_kim"], json.dumps(r, ensure_ascii=False), i, nama) for i, r in enumerate(isi.to_dict("records"))])
        sebelum = json.dumps(lama.to_dict("records"), ensure_ascii=False)
        conn.execute(
            "INSERT INTO audit (rekaman, pengguna, aksi, berkas, ditambah, diubah, dihapus, jumlah_baris, catatan, sebelum) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (sp.REKAMAN_PROFIL, nama, aksi, berkas, json.dumps(perubahan.ditambah), json.dumps(perubahan.diubah),
             json.dumps(perubahan.dihapus), len(isi), catatan, sebelum))
        baru = dict(conn.execute(f"SELECT id_kim, versi FROM {TABEL_PROFIL}").fetchall())
        return HasilSimpan(True, laporan, perubahan, sidik=baru, pesan=f"Tersimpan: {perubahan.ringkas()}.")

    # --- logos: bytes in kim_logo (migration 0006), mirrored per server for the profile page ---
    def simpan_logo(self, dataset: Dataset, id_kim: str, data: bytes, pengguna: Pelaku, nama: str = "logo") -> str:
        from geo.kim.logo import logo_siap

        isi, jenis = logo_siap(data, nama)  # refused before any transaction
        berkas = sp.nama_logo(id_kim, jenis)
        try:
            with self.kolam.koneksi() as conn, conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_SIMPAN_PROFIL,))
                tersimpan, _ = _baca(conn)
                lama = tersimpan if tersimpan is not None else sp.profil_untuk_sunting(dataset)
                sp.periksa_logo_lingkup(pengguna, id_kim, sp.kode_per_id(lama).get(id_kim, ""))
                simpan_logo_pg(conn, berkas, id_kim, isi, nama_pelaku(pengguna))
                conn.execute("INSERT INTO audit (rekaman, pengguna, aksi, berkas, diubah, jumlah_baris, catatan) "
                             "VALUES (%s, %s, 'logo', %s, %s, 1, %s)",
                             (sp.REKAMAN_PROFIL, nama_pelaku(pengguna), f"logo_kim/{berkas}", json.dumps([id_kim]),
                              f"logo {id_kim} dari {nama}"))
        except GalatLingkup as exc:
            self.catat_penolakan(exc)  # type: ignore[attr-defined]
            raise
        return berkas

    def folder_logo_cermin(self) -> Path:
        """This server's copy of the stored logos, beside its photo mirror (``<folder>/logo_kim/``)."""
        dasar = self.folder_foto_cermin()  # type: ignore[attr-defined]
        return dasar.with_name(dasar.name + "-kim")


def simpan_logo_pg(conn, berkas: str, id_kim: str, isi: bytes, pengguna: str) -> None:
    conn.execute(f"INSERT INTO {TABEL_LOGO} AS l (nama, id_kim, isi, sha256, diubah_oleh) VALUES (%s, %s, %s, %s, %s) "
                 "ON CONFLICT (nama) DO UPDATE SET id_kim = EXCLUDED.id_kim, isi = EXCLUDED.isi, sha256 = EXCLUDED.sha256, "
                 "diubah_oleh = EXCLUDED.diubah_oleh, diubah_pada = now()",
                 (berkas, id_kim, isi, hashlib.sha256(isi).hexdigest(), pengguna))


def impor_logo(conn, profil, pengguna: str) -> int:
    """``db import``: the logo files the imported KIM table names, cleaned again; how many."""
    from geo.kim.logo import logo_bersih, path_logo

    if profil is None or profil.path is None:
        return 0
    n = 0
    for id_kim, nama in zip(profil.tabel["id_kim"], profil.tabel["logo"]):
        lokasi = path_logo(profil.path, nama) if nama else None
        bersih = logo_bersih(lokasi)[0] if lokasi is not None and lokasi.exists() else None
        if bersih is not None:
            simpan_logo_pg(conn, lokasi.name, str(id_kim), bersih[0], pengguna)
            n += 1
    return n


def cermin_logo(conn, folder: Path) -> Path | None:
    """Write the stored logos into ``folder/logo_kim/`` (changed ones only); the KIM table's stand-in path, or None."""
    rows = conn.execute(f"SELECT nama, sha256 FROM {TABEL_LOGO}").fetchall()
    if not rows:
        return None
    from geo.kim.logo import FOLDER_LOGO

    tujuan = folder / FOLDER_LOGO
    tujuan.mkdir(parents=True, exist_ok=True)
    for nama, sidik in rows:
        path = tujuan / Path(nama).name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != sidik:
            isi = conn.execute(f"SELECT isi FROM {TABEL_LOGO} WHERE nama = %s", (nama,)).fetchone()[0]
            tulis_bytes_atomik(path, bytes(isi))
    return folder / "kim_profil"


def ekspor_profil(gudang: Any, folder: Path) -> list[Path]:
    """``db export``'s KIM table (``profil_kim.csv``, the stored cells as they are) and its logos (``logo_kim/``).

    Nothing when the database holds no KIM table rows, so a region that never
    had one gets back exactly the files it came with.
    """
    with gudang.kolam.koneksi() as conn:
        if not ada_tabel(conn):
            return []
        rows = conn.execute(f"SELECT isi FROM {TABEL_PROFIL} ORDER BY urutan").fetchall()
        if not rows:
            return []
        tabel = pd.DataFrame([{k: str((r[0] or {}).get(k, "")) for k in KOLOM_PROFIL} for r in rows], columns=list(KOLOM_PROFIL))
        path = folder / "profil_kim.csv"
        tulis_csv_atomik(path, tabel)
        hasil = [path]
        if cermin_logo(conn, folder) is not None:
            from geo.kim.logo import FOLDER_LOGO

            hasil += sorted((folder / FOLDER_LOGO).iterdir())
    return hasil
