"""The KIM data in PostgreSQL/PostGIS, with the same promises as the files.

Loading rebuilds exactly the cells a file would hold and runs the same
validation, so every figure equals the file store's. A save is one
transaction, serialised by an advisory lock: it checks the versions of the
rows the editor changed (other rows may have moved on: both edits survive),
writes them, and records an audit row holding the whole replaced table.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from geo.galat import GalatData, Laporan
from geo.masuk.baca import KOLOM_BARIS
from geo.masuk.batas import KOLOM_BATAS, siapkan_batas
from geo.masuk.dataset import Dataset, _batas_kosong, gabung_potensi
from geo.masuk.referensi import KOLOM_REFERENSI, Referensi, muat_referensi
from geo.masuk.validasi import validasi_kim
from geo.masuk.wilayah import Wilayah, wilayah_dari_dict
from geo.simpan import utuh
from geo.simpan.kim import GalatKonflik, HasilSimpan, Perubahan, bandingkan, ke_teks, periksa_lingkup_kim
from geo.simpan.lingkup import GalatLingkup, Pelaku, nama_pelaku
from geo.simpan.pg import migrasi, rekaman_pg
from geo.simpan.pg.foto_pembatas_pg import FotoPG, PembatasPG
from geo.simpan.pg.gudang_rekaman import RekamanPG, log_dari_teks
from geo.simpan.pg.juri_pg import JENIS_JURI, JENIS_TARGET, JuriPG
from geo.simpan.pg.koneksi import GalatBasisData, Kolam, samarkan, tempat
from geo.simpan.pg.menunggu_pg import MenungguPG
from geo.simpan.pg.profil_pg import ProfilPG
from geo.simpan.rujukan_kim import KOLOM_SIMPAN, kolom_sunting, laporan_rujukan_kim, pesan_rujukan_kim, tanpa_id_kim_kosong

TABEL_KIM = "kim_potensi"
TABEL_BATAS = "batas_kelurahan"
KUNCI_SIMPAN = 7412002  # pg_advisory_xact_lock key: one save at a time, across every replica
_KOLOM = list(KOLOM_SIMPAN)  # kim.csv's columns and its optional id_kim (migration 0006)
_PILIH_KIM = f"SELECT {', '.join(_KOLOM)}, versi FROM {TABEL_KIM} ORDER BY urutan, id_potensi"


class GalatKonflikBaris(GalatKonflik):
    """Rows this editor changed were changed by someone else since they were loaded."""

    def __init__(self, ids: list[str]) -> None:
        daftar = ", ".join(ids[:10]) + (f", … (+{len(ids) - 10})" if len(ids) > 10 else "")
        GalatData.__init__(
            self,
            f"Baris {daftar} telah diubah oleh orang atau proses lain sejak Anda membukanya. "
            "Perubahan Anda BELUM disimpan. Muat ulang data terbaru, lalu ulangi perubahan Anda.",
        )
        self.kini = None
        self.ids = ids


@dataclass(frozen=True, eq=False)
class SidikBaris:
    """What an editor loaded: each row's version, and the table itself (the base of their edits)."""

    versi: dict[str, int]
    tabel: pd.DataFrame = field(repr=False)


@dataclass(frozen=True)
class CadanganAudit:
    """The table as it was before audit entry ``id`` replaced it."""

    id: int
    waktu: dt.datetime
    ukuran: int

    @property
    def nama(self) -> str:
        return f"audit-{self.id}"

    @property
    def path(self) -> Path:  # only a label: messages print ``.name``
        return Path(self.nama)


def _frame_teks(rows: list[tuple], kolom: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame([r[: len(kolom)] for r in rows], columns=kolom)
    frame[KOLOM_BARIS] = range(2, len(frame) + 2)  # as a file's rows: the header is row 1
    return frame


def _referensi(atribut: list[dict], kolom: list[str], wil: Wilayah) -> Referensi:
    """Rebuild the reference exactly as ``muat_referensi`` parses the file's text (level names from the region)."""
    teks = pd.DataFrame(atribut, columns=kolom).fillna("")
    kurang = [k for k in KOLOM_REFERENSI if k not in teks.columns]
    if kurang:
        raise GalatData(f"Tabel referensi_kelurahan di basis data tidak memiliki kolom {', '.join(kurang)}. Impor ulang: python -m geo db import.")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kelurahan.csv"
        teks.to_csv(path, index=False, encoding="utf-8")
        return muat_referensi(path, wil.nama, str(wil.extra.get("provinsi") or ""))


class GudangPG(RekamanPG, PembatasPG, FotoPG, MenungguPG, JuriPG, ProfilPG):  # records (#20), limiter counts and photos
    # (#21), the report queue and the budget baseline (#20/#24), the KIM table, jury scores and targets (#25)
    """The shared store; one instance (one pool) per server process."""

    jenis = "postgresql"

    def __init__(self, url: str) -> None:
        self.kolam = Kolam(url)

    def keterangan(self, rekaman: str = "kim") -> str:  # one database holds every table
        return f"PostgreSQL {samarkan(self.kolam.url)}"

    # --- reading -------------------------------------------------------
    def _periksa_skema(self, conn) -> None:
        ada = conn.execute("SELECT to_regclass('public.schema_migrations') IS NOT NULL").fetchone()[0]
        sudah = {r[0] for r in conn.execute("SELECT versi FROM schema_migrations")} if ada else set()
        if migrasi.versi_terbaru() not in sudah:
            raise GalatBasisData(
                f"Basis data {tempat(self.kolam.url)} belum disiapkan atau skemanya lama. Jalankan "
                "'python -m geo db upgrade', lalu 'python -m geo db import' untuk memuat data dari berkas."
            )

    def versi(self) -> tuple:
        with self.kolam.koneksi() as conn:
            self._periksa_skema(conn)
            nomor = conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
        return (self.jenis, samarkan(self.kolam.url), int(nomor))

    def baca_mentah(self) -> dict[str, Any]:
        """Everything, in one consistent snapshot, as the files would hold it."""
        with self.kolam.koneksi() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            self._periksa_skema(conn)
            meta = conn.execute("SELECT isi, kolom_referensi FROM wilayah_meta WHERE id = 1").fetchone()
            if meta is None:
                raise GalatBasisData(
                    f"Basis data {tempat(self.kolam.url)} masih kosong. Muat data dari berkas dengan 'python -m geo db import'."
                )
            ref = [r[0] for r in conn.execute("SELECT atribut FROM referensi_kelurahan ORDER BY urutan")]
            batas = conn.execute(
                f"SELECT {', '.join(KOLOM_BATAS)}, ST_AsBinary(geom) FROM {TABEL_BATAS} ORDER BY kode").fetchall()
            kim = conn.execute(_PILIH_KIM).fetchall()
            kegiatan, _ = rekaman_pg.baca(conn, rekaman_pg.JENIS_KEGIATAN)
            juri, _ = rekaman_pg.baca(conn, JENIS_JURI)  # #25: the jury scores and targets (migration 0008)
            target, _ = rekaman_pg.baca(conn, JENIS_TARGET)
        return {"wilayah": meta[0], "kolom_referensi": meta[1], "referensi": ref, "batas": batas, "kim": kim,
                "kegiatan": kegiatan, "nilai_juri": juri, "target_kim": target}

    def muat(self, kemajuan: Callable[[str, float], None] | None = None) -> Dataset:
        isi = self.baca_mentah()
        wil = wilayah_dari_dict(isi["wilayah"])
        ref = _referensi(isi["referensi"], isi["kolom_referensi"], wil)
        laporan = Laporan()
        gdf = _batas_kosong()
        if isi["batas"]:
            baris = isi["batas"]
            frame = pd.DataFrame([r[:-1] for r in baris], columns=list(KOLOM_BATAS))
            geom = shapely.from_wkb([bytes(r[-1]) for r in baris])
            siap = siapkan_batas(gpd.GeoDataFrame(frame, geometry=geom, crs="EPSG:4326"), TABEL_BATAS, ref, laporan)
            gdf = siap if siap is not None else gdf
        mentah = tanpa_id_kim_kosong(_frame_teks(isi["kim"], _KOLOM))  # the same columns as the file it came from
        tabel, laporan_kim = validasi_kim(mentah, TABEL_KIM, ref, wil, gdf if len(gdf) else None)
        laporan.gabung(laporan_kim)
        log = log_dari_teks(isi["kegiatan"], wil, tabel, laporan_kim.ok, laporan)
        profil = None
        if laporan.ok:  # the KIM table (#25, migration 0004)
            from geo.kim.simpan_pg import profil_dari_pg
            from geo.kim.tersimpan import dari_teks, dengan_tersimpan

            with self.kolam.koneksi() as conn:
                profil = profil_dari_pg(conn, tabel, ref, laporan, self.folder_logo_cermin())
            profil = dengan_tersimpan(profil, *dari_teks(isi["nilai_juri"], isi["target_kim"], rekaman_pg.label(JENIS_JURI),
                                                         rekaman_pg.label(JENIS_TARGET)))
        potensi = gabung_potensi(tabel if laporan.ok else tabel.iloc[0:0])
        self.segarkan_foto()  # #21: photos of this data version in this server's mirror folder
        return Dataset(wil, ref, gdf, potensi, laporan, Path(TABEL_KIM), Path(TABEL_BATAS), log,
                       Path(rekaman_pg.label(rekaman_pg.JENIS_KEGIATAN)) if log is not None else None, profil)

    def baca_untuk_sunting(self, dataset: Dataset) -> tuple[pd.DataFrame, SidikBaris]:
        with self.kolam.koneksi() as conn:
            rows = conn.execute(_PILIH_KIM).fetchall()
        tabel = self._tabel_sunting(rows, dataset.referensi, dataset.wilayah)
        return tabel, SidikBaris({r[0]: int(r[-1]) for r in rows}, tabel.copy())  # the caller may edit its table in place

    @staticmethod
    def _tabel_sunting(rows: list[tuple], ref: Referensi, wil: Wilayah) -> pd.DataFrame:
        if not rows:
            return pd.DataFrame(columns=_KOLOM)
        tabel, _ = validasi_kim(_frame_teks(rows, _KOLOM), TABEL_KIM, ref, wil, None)
        return kolom_sunting(tabel)

    # --- saving --------------------------------------------------------
    def simpan_kim(self, frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any, *, aksi: str = "sunting",
                   berkas: str = "tabel suntingan", catatan: str = "", periksa_konflik: bool = True,
                   berantai: bool = False) -> HasilSimpan:
        try:
            with self.kolam.koneksi() as conn, conn.transaction():
                hasil, id_audit = simpan_dalam(conn, frame, dataset, pengguna, sidik_awal, aksi=aksi, berkas=berkas,
                                               catatan=catatan, periksa_konflik=periksa_konflik, berantai=berantai)
        except GalatLingkup as exc:  # the save rolled back; the refusal itself is kept
            self.catat_penolakan(exc)
            raise
        if not hasil.disimpan:
            return hasil
        cadangan = CadanganAudit(id_audit, dt.datetime.now(), 0).path if id_audit else None
        return HasilSimpan(True, hasil.laporan, hasil.perubahan, cadangan, hasil.sidik, hasil.pesan)

    def catat_penolakan(self, exc: GalatLingkup, rekaman: str | None = None) -> None:
        """An audit row naming the account whose write was refused (in its own transaction), in ``rekaman``'s audit."""
        with self.kolam.koneksi() as conn, conn.transaction():
            diberi = rekaman is not None
            rekaman = rekaman or (exc.aksi if exc.aksi in (rekaman_pg.JENIS_KEGIATAN, rekaman_pg.JENIS_ANGGARAN) else "kim")
            berkas = TABEL_KIM if rekaman == "kim" else rekaman_pg.label(rekaman)
            if exc.aksi == "profil" and not diberi:  # the KIM table (#25) has its own audit record
                rekaman, berkas = "profil_kim", "kim_profil"
            conn.execute("INSERT INTO audit (rekaman, pengguna, aksi, berkas, diubah, jumlah_baris, catatan) "
                         "VALUES (%s, %s, %s, %s, %s, 0, %s)",
                         (rekaman, exc.akun.nama, f"ditolak-{exc.aksi}", berkas, json.dumps(exc.ids), exc.catatan))

    def daftar_cadangan(self) -> list[CadanganAudit]:
        with self.kolam.koneksi() as conn:
            rows = conn.execute("SELECT id, waktu, octet_length(sebelum::text) FROM audit WHERE sebelum IS NOT NULL AND rekaman = 'kim' "
                                "ORDER BY id DESC").fetchall()
        return [CadanganAudit(int(i), w.astimezone().replace(tzinfo=None), int(n or 0)) for i, w, n in rows]

    def baca_cadangan(self, cadangan: Any) -> pd.DataFrame | None:
        with self.kolam.koneksi() as conn:
            row = conn.execute("SELECT sebelum FROM audit WHERE id = %s", (int(cadangan.id),)).fetchone()
        if row is None or row[0] is None:
            return None
        return _frame_teks([tuple(r.get(k, "") for k in _KOLOM) for r in row[0]], _KOLOM)

    def pulihkan(self, cadangan: Any, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any = None,
                 periksa_konflik: bool = False) -> HasilSimpan:
        mentah = self.baca_cadangan(cadangan)
        if mentah is None:
            return HasilSimpan(False, Laporan(), pesan=f"Cadangan {cadangan.nama} tidak ditemukan di basis data.")
        return self.simpan_kim(mentah, dataset, pengguna, sidik_awal, aksi="pulihkan", berkas=cadangan.nama,
                               catatan=f"dipulihkan dari {cadangan.nama}", periksa_konflik=periksa_konflik)

    def baca_audit(self, rekaman: str = "kim") -> pd.DataFrame:
        kolom = ["waktu", "pengguna", "aksi", "berkas", "ditambah", "diubah", "dihapus", "jumlah_baris", "cadangan", "catatan"]
        with self.kolam.koneksi() as conn:
            rows = conn.execute(
                "SELECT waktu, pengguna, aksi, berkas, ditambah, diubah, dihapus, jumlah_baris, "
                "CASE WHEN sebelum IS NULL THEN NULL ELSE 'audit-' || id END, catatan FROM audit WHERE rekaman = %s ORDER BY id DESC",
                (rekaman,)).fetchall()
        waktu = [r[0].astimezone().isoformat(timespec="seconds") for r in rows]
        return pd.DataFrame([(w, *r[1:]) for w, r in zip(waktu, rows)], columns=kolom)


def _terapkan(kini: pd.DataFrame, baru: pd.DataFrame, ubah: Perubahan) -> pd.DataFrame:
    """The current table with only the editor's own changes applied, in the current order."""
    kini = kini.set_index("id_potensi", drop=False)
    baru = baru.reindex(columns=_KOLOM).set_index("id_potensi", drop=False)
    tetap = kini.drop(index=[i for i in ubah.dihapus if i in kini.index])
    ganti = [i for i in ubah.diubah if i in tetap.index]
    tetap = tetap.astype(object)
    tetap.loc[ganti] = baru.loc[ganti].astype(object).to_numpy()
    return pd.concat([tetap, baru.loc[ubah.ditambah].astype(object)]).reset_index(drop=True)


def simpan_dalam(conn, frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Any, *, aksi: str, berkas: str,
                 catatan: str, periksa_konflik: bool, berantai: bool = False) -> tuple[HasilSimpan, int | None]:
    """The whole save inside the caller's transaction; returns the result and the audit id."""
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_SIMPAN,))
    rows = conn.execute(_PILIH_KIM).fetchall()
    versi = {r[0]: int(r[-1]) for r in rows}
    kini_teks = _frame_teks(rows, _KOLOM).drop(columns=KOLOM_BARIS)
    batas = dataset.batas if len(dataset.batas) else None
    # The editor's table is validated as the editor sees it, so row numbers match their screen.
    tabel, laporan = validasi_kim(ke_teks(frame), berkas, dataset.referensi, dataset.wilayah, batas)
    if not laporan.ok:
        return HasilSimpan(False, laporan, pesan=f"Tidak disimpan: {len(laporan.galat)} galat harus diperbaiki dulu."), None
    if tabel.empty:
        return HasilSimpan(False, laporan, pesan="Tidak disimpan: tabel kosong. Data KIM minimal berisi satu potensi."), None
    # Nobody saved since this editor loaded: their table is the whole new table, as loaded + their edits.
    tak_berubah = isinstance(sidik_awal, SidikBaris) and versi == sidik_awal.versi
    if periksa_konflik and isinstance(sidik_awal, SidikBaris):
        ubah = bandingkan(sidik_awal.tabel, tabel)
        bentrok = [i for i in [*ubah.diubah, *ubah.dihapus] if versi.get(i) != sidik_awal.versi.get(i)]
        bentrok += [i for i in ubah.ditambah if i in versi]
        if bentrok:
            raise GalatKonflikBaris(bentrok)
        if not tak_berubah:
            gabungan = _terapkan(kini_teks, ke_teks(tabel.reindex(columns=_KOLOM)).drop(columns=KOLOM_BARIS), ubah)
            tabel, laporan_gabung = validasi_kim(ke_teks(gabungan), berkas, dataset.referensi, dataset.wilayah, batas)
            if not laporan_gabung.ok:
                return HasilSimpan(False, laporan_gabung, pesan=f"Tidak disimpan: {len(laporan_gabung.galat)} galat harus diperbaiki dulu."), None
    elif periksa_konflik and sidik_awal is None and versi:
        raise GalatKonflikBaris(list(versi)[:10])
    laporan_id = laporan_rujukan_kim(tabel, id_kim_pg(conn), berkas, "kim_profil")
    if not laporan_id.ok:  # a potential never points at a KIM the KIM table does not hold
        return HasilSimpan(False, laporan_id, pesan=pesan_rujukan_kim(laporan_id)), None
    teks = ke_teks(tabel.reindex(columns=_KOLOM)).drop(columns=KOLOM_BARIS)
    lama = sidik_awal.tabel if tak_berubah else GudangPG._tabel_sunting(rows, dataset.referensi, dataset.wilayah)
    perubahan = bandingkan(lama, tabel)
    if perubahan.kosong and rows:
        return HasilSimpan(False, laporan, perubahan, pesan="Tidak ada perubahan; data di basis data tidak diubah."), None
    periksa_lingkup_kim(pengguna, lama, tabel, perubahan)
    pengguna = nama_pelaku(pengguna)
    rujukan = rekaman_pg.rujukan(conn, perubahan.dihapus)
    if rujukan and not berantai:
        return HasilSimpan(False, utuh.laporan_rujukan(rujukan, berkas), perubahan, pesan=utuh.pesan_rujukan(rujukan)), None
    if rujukan:
        rekaman_pg.hapus_berantai(conn, rujukan, pengguna, f"ikut terhapus bersama potensi {', '.join(perubahan.dihapus)}")
    _tulis(conn, teks, perubahan, pengguna)
    sebelum = json.dumps(kini_teks.to_dict(orient="records"), ensure_ascii=False) if rows else None
    id_audit = conn.execute(
        "INSERT INTO audit (pengguna, aksi, berkas, ditambah, diubah, dihapus, jumlah_baris, catatan, sebelum) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
        (pengguna, aksi, berkas, json.dumps(perubahan.ditambah), json.dumps(perubahan.diubah), json.dumps(perubahan.dihapus),
         len(teks), catatan, sebelum),
    ).fetchone()[0]
    return HasilSimpan(True, laporan, perubahan, pesan=f"Tersimpan: {perubahan.ringkas()}.",
                       sidik=SidikBaris(dict(conn.execute(f"SELECT id_potensi, versi FROM {TABEL_KIM}").fetchall()),
                                        tabel.reindex(columns=_KOLOM).reset_index(drop=True))), int(id_audit)


def id_kim_pg(conn) -> set[str]:
    """The ids of the stored KIM table (migration 0004); none before it exists."""
    from geo.kim.simpan_pg import TABEL_PROFIL, ada_tabel

    return {r[0] for r in conn.execute(f"SELECT id_kim FROM {TABEL_PROFIL}")} if ada_tabel(conn) else set()


def _tulis(conn, teks: pd.DataFrame, perubahan: Perubahan, pengguna: str) -> None:
    """Delete, update (version + 1) and insert only the rows that changed; then the order."""
    teks = teks.set_index("id_potensi", drop=False)
    with conn.cursor() as cur:
        if perubahan.dihapus:
            cur.execute(f"DELETE FROM {TABEL_KIM} WHERE id_potensi = ANY(%s)", (perubahan.dihapus,))
        isian = ", ".join(f"{k} = %s" for k in _KOLOM[1:])
        if perubahan.diubah:
            cur.executemany(
                f"UPDATE {TABEL_KIM} SET {isian}, versi = versi + 1, diubah_pada = now(), diubah_oleh = %s WHERE id_potensi = %s",
                [(*teks.loc[i, _KOLOM[1:]], pengguna, i) for i in perubahan.diubah],
            )
        if perubahan.ditambah:
            tempat = ", ".join(["%s"] * (len(_KOLOM) + 2))
            cur.executemany(
                f"INSERT INTO {TABEL_KIM} ({', '.join(_KOLOM)}, urutan, diubah_oleh) VALUES ({tempat})",
                [(*teks.loc[i, _KOLOM], 0, pengguna) for i in perubahan.ditambah],
            )
        ids = list(teks["id_potensi"])
        cur.execute(
            f"UPDATE {TABEL_KIM} k SET urutan = v.u FROM unnest(%s::text[], %s::int[]) AS v(id, u) "
            "WHERE k.id_potensi = v.id AND k.urutan IS DISTINCT FROM v.u",
            (ids, list(range(1, len(ids) + 1))),
        )
