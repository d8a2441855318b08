"""Reports waiting for verification ("menunggu verifikasi") until an editor of the scope accepts them.

The queue is a record of the one store (:class:`geo.simpan.gudang.Gudang`):
``laporan_menunggu.csv`` and cleaned photos in ``laporan_menunggu/`` beside the
KIM file (:class:`AntreBerkas`), or rows and photos in PostgreSQL
(:class:`geo.simpan.pg.menunggu_pg.MenungguPG`). No figure counts a waiting
report. The rules live here, once for both stores: the same validation and
scope check as a save, and an audit of submitting, accepting and rejecting.

Accepting saves the reports into the activity log (one save, through the
store) *before* taking them off the queue. A crash in between leaves a report
both logged and queued, never lost; the next acceptance sees its id already
in the log, finishes the move (photo, date) and saves nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from geo.galat import GalatData, Laporan
from geo.masuk.baca import baca_bytes
from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import KOLOM_KEGIATAN, validasi_kegiatan
from geo.simpan.berkas import kunci, tulis_bytes_atomik, tulis_csv_atomik
from geo.simpan.gudang import Gudang, pilih_gudang
from geo.simpan.kegiatan import id_potensi_sah, ke_teks, kode_per_potensi
from geo.simpan.kim import HasilSimpan, Perubahan, catat_audit
from geo.simpan.laporan import LaporanKegiatan, perbarui_kegiatan_terakhir, periksa_foto_laporan, simpan_foto_laporan, simpan_laporan
from geo.simpan.lingkup import ADMINISTRATOR, EDITOR, Pelaku, dicatat_di, nama_pelaku, periksa_kegiatan, sebagai_akun, tolak

NAMA_BERKAS = "laporan_menunggu.csv"
REKAMAN = "menunggu"  # the audit's name of this record (``Gudang.baca_audit('menunggu')``)
KOLOM_MENUNGGU: tuple[str, ...] = (*KOLOM_KEGIATAN, "pelapor", "diajukan", "foto")


def tabel_kosong() -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series(dtype=object) for k in KOLOM_MENUNGGU})


class AntreBerkas:
    """The file store's queue: one CSV (text cells) and a photo folder, changed under the CSV's lock."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.folder = self.path.with_suffix("")

    def baca(self) -> pd.DataFrame:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return tabel_kosong()
        mentah = baca_bytes(data, self.path.name, Laporan(), excel=False, kolom_dikenal=KOLOM_MENUNGGU)
        if mentah is None:
            return tabel_kosong()
        return mentah.reindex(columns=list(KOLOM_MENUNGGU)).fillna("").astype(str)

    def foto(self, id_kegiatan: str) -> bytes | None:
        try:
            return (self.folder / f"{id_kegiatan}.jpg").read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            return None

    def _tulis(self, tabel: pd.DataFrame) -> None:
        tulis_csv_atomik(self.path, tabel.reindex(columns=list(KOLOM_MENUNGGU)))

    def tambah(self, teks: pd.DataFrame, foto: dict[str, bytes], pengguna: str) -> None:
        """Photos first, then the CSV (the commit point), then the audit line."""
        with kunci(self.path):
            lama = self.baca()
            _tolak_ganda(lama, teks)
            for id_kegiatan, isi in foto.items():
                tulis_bytes_atomik(self.folder / f"{id_kegiatan}.jpg", isi)
            self._tulis(pd.concat([lama, teks], ignore_index=True))
            catat_audit(self.path, pengguna, "lapor-ajukan", Perubahan(ditambah=list(teks["id_kegiatan"])), len(lama) + len(teks), None)

    def buang(self, ids: list[str], pengguna: str, aksi: str) -> None:
        """The CSV without ``ids`` (the commit point), then their photos, then the audit line."""
        with kunci(self.path):
            semua = self.baca()
            sisa = semua[~semua["id_kegiatan"].isin(ids)]
            self._tulis(sisa)
            for id_kegiatan in ids:
                (self.folder / f"{id_kegiatan}.jpg").unlink(missing_ok=True)
            catat_audit(self.path, pengguna, aksi, Perubahan(dihapus=list(ids)), len(sisa), None)

    @contextmanager
    def penolakan(self) -> Iterator[None]:
        with dicatat_di(self.path):
            yield


def _tolak_ganda(lama: pd.DataFrame, baru: pd.DataFrame) -> None:
    ganda = sorted(set(lama["id_kegiatan"]) & set(baru["id_kegiatan"]))
    if ganda:
        raise GalatData(f"Laporan {', '.join(ganda)} sudah menunggu verifikasi; tidak diajukan dua kali.")


def baca_menunggu(dataset: Dataset, gudang: Gudang | None = None) -> pd.DataFrame:
    """The waiting reports as text cells (empty table when none), from the store (default: the configured one)."""
    return (gudang or pilih_gudang()).baca_menunggu()


def ajukan(dataset: Dataset, pelaku: Pelaku, daftar: list[LaporanKegiatan], gudang: Gudang | None = None) -> None:
    """Queue reports: the same validation and scope check as a save, photos cleaned; nothing counts yet."""
    g = gudang or pilih_gudang()
    baru = pd.DataFrame([lap.baris() for lap in daftar], columns=list(KOLOM_KEGIATAN))
    tabel, laporan = validasi_kegiatan(ke_teks(baru), "laporan", dataset.wilayah, id_potensi_sah(dataset))
    if not laporan.ok:
        raise GalatData("Laporan belum terkirim: " + "; ".join(m.pesan for m in laporan.galat))
    with g.penolakan_menunggu():
        periksa_kegiatan(pelaku, kode_per_potensi(dataset), {}, dict(zip(baru["id_kegiatan"], baru["id_potensi"])),
                         list(baru["id_kegiatan"]), [], [])
    daftar = periksa_foto_laporan(daftar)
    teks = ke_teks(tabel)[list(KOLOM_KEGIATAN)]
    teks["pelapor"] = nama_pelaku(pelaku)
    teks["diajukan"] = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    teks["foto"] = [f"{lap.id_kegiatan}.jpg" if lap.foto is not None else "" for lap in daftar]
    g.antre_tambah(teks.reset_index(drop=True), {lap.id_kegiatan: lap.foto for lap in daftar if lap.foto is not None},
                   nama_pelaku(pelaku))


def _ambil(g: Gudang, dataset: Dataset, pelaku: Pelaku, ids: list[str], aksi: str) -> pd.DataFrame:
    akun = sebagai_akun(pelaku)
    if akun.peran not in (EDITOR, ADMINISTRATOR):
        with g.penolakan_menunggu():
            tolak(akun, aksi, ids, "hanya editor atau administrator yang dapat memverifikasi laporan.")
    semua = g.baca_menunggu()
    pilih = semua[semua["id_kegiatan"].isin(ids)]
    hilang = sorted(set(ids) - set(pilih["id_kegiatan"]))
    if hilang:
        raise GalatData(f"Laporan {', '.join(hilang)} tidak lagi menunggu verifikasi (mungkin sudah diproses orang lain).")
    with g.penolakan_menunggu():
        periksa_kegiatan(akun, kode_per_potensi(dataset), {}, dict(zip(pilih["id_kegiatan"], pilih["id_potensi"])),
                         list(pilih["id_kegiatan"]), [], [])
    return pilih


def _sudah_di_log(g: Gudang, dataset: Dataset, pilih: pd.DataFrame) -> set[str]:
    """Queued reports an interrupted acceptance already logged (same id, potential and date)."""
    log, _ = g.baca_log_untuk_sunting(dataset)
    log = log.set_index("id_kegiatan")
    sudah = set()
    for r in pilih.to_dict("records"):
        if r["id_kegiatan"] not in log.index:
            continue
        ada = log.loc[r["id_kegiatan"]]
        if (str(ada["id_potensi"]), str(ada["tanggal"])[:10]) != (r["id_potensi"], r["tanggal"][:10]):
            raise GalatData(f"Laporan {r['id_kegiatan']}: id ini sudah dipakai di log kegiatan untuk kegiatan lain "
                            f"({ada['id_potensi']}, {ada['tanggal']}). Tolak laporan ini dan minta pelapor mengirim ulang.")
        sudah.add(r["id_kegiatan"])
    return sudah


def terima(dataset: Dataset, pelaku: Pelaku, ids: list[str], gudang: Gudang | None = None) -> HasilSimpan:
    """Accept waiting reports: saved into the log (and photos) in the editor's name, then unqueued."""
    g = gudang or pilih_gudang()
    pilih = _ambil(g, dataset, pelaku, ids, "verifikasi")
    daftar = [LaporanKegiatan(*(r[k] for k in KOLOM_KEGIATAN), foto=g.foto_menunggu(r["id_kegiatan"]) if r["foto"] else None,
                              nama_foto=r["foto"] or "foto")
              for r in pilih.to_dict("records")]
    sudah = _sudah_di_log(g, dataset, pilih)
    baru = [lap for lap in daftar if lap.id_kegiatan not in sudah]
    hasil = HasilSimpan(True, Laporan(), Perubahan(), pesan="Laporan sudah tercatat di log kegiatan; antrean dirapikan.")
    if baru:
        pelapor = ", ".join(sorted(set(pilih.loc[pilih["id_kegiatan"].isin([lap.id_kegiatan for lap in baru]), "pelapor"])))
        hasil = simpan_laporan(dataset, pelaku, baru, aksi="lapor-terima", berkas=NAMA_BERKAS, catatan=f"dilaporkan oleh {pelapor}",
                               gudang=g)
        if not hasil.disimpan:
            return hasil
    ulang = [lap for lap in daftar if lap.id_kegiatan in sudah]
    if ulang:  # finish what the interrupted acceptance may have left: the photo and the KIM table's date
        simpan_foto_laporan(g, pelaku, periksa_foto_laporan(ulang))
        perbarui_kegiatan_terakhir(g, dataset, pelaku, ulang)
    g.antre_buang(list(ids), nama_pelaku(pelaku), "lapor-terima")
    return hasil


def tolak_laporan(dataset: Dataset, pelaku: Pelaku, ids: list[str], gudang: Gudang | None = None) -> None:
    """Reject waiting reports: removed from the queue, nothing counted; audited."""
    g = gudang or pilih_gudang()
    pilih = _ambil(g, dataset, pelaku, ids, "verifikasi")
    sudah = _sudah_di_log(g, dataset, pilih)
    if sudah:
        raise GalatData(f"Laporan {', '.join(sorted(sudah))} sudah tercatat di log kegiatan (penerimaan sebelumnya terputus). "
                        "Terima untuk merapikan antrean, lalu hapus kegiatannya di tab Log kegiatan bila memang salah.")
    g.antre_buang(list(ids), nama_pelaku(pelaku), "lapor-tolak")
