"""Activity reports from the field (the phone form, an ODK/Kobo import) saved as every save is.

A report is one activity of one potential, perhaps with a photo. Reports go
through the one store (:class:`geo.simpan.gudang.Gudang`, files or PostgreSQL):
into the activity log with ``simpan_kegiatan`` (validation, scope, lock, backup,
audit) and their photos with ``simpan_foto``. Photos are checked before anything is
written, so a bad photo refuses its report instead of leaving half of it.
Where ``wilayah.json`` sets ``"verifikasi_laporan": true`` they wait in
:mod:`geo.simpan.menunggu` until an editor of the scope accepts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from geo.galat import GalatData
from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import KOLOM_KEGIATAN
from geo.simpan.foto_gambar import bersihkan
from geo.simpan.gudang import Gudang, pilih_gudang
from geo.simpan.kim import HasilSimpan
from geo.simpan.lingkup import Pelaku

KUNCI_VERIFIKASI = "verifikasi_laporan"  # wilayah.json: true = reports wait for an editor's acceptance
_POLA_ID = re.compile(r"^KEG-(\d+)$")


@dataclass(frozen=True)
class LaporanKegiatan:
    """One reported activity, as text cells of the log, and its optional photo (raw bytes)."""

    id_kegiatan: str
    id_potensi: str
    tanggal: str
    jenis_kegiatan: str
    peserta: str = ""
    keterangan: str = ""
    foto: bytes | None = None
    nama_foto: str = "foto"

    def baris(self) -> dict[str, str]:
        return {k: str(getattr(self, k)) for k in KOLOM_KEGIATAN}


def wajib_verifikasi(dataset: Dataset) -> bool:
    return dataset.wilayah.extra.get(KUNCI_VERIFIKASI) is True


def id_berikutnya(*ids: pd.Series) -> str:
    """``KEG-nnnnn`` one above the highest such id already used (in the log and the waiting reports)."""
    angka = [int(m.group(1)) for s in ids for v in s.astype(str) if (m := _POLA_ID.match(v.strip()))]
    return f"KEG-{max(angka, default=0) + 1:05d}"


def periksa_foto_laporan(daftar: list[LaporanKegiatan]) -> list[LaporanKegiatan]:
    """Each photo cleaned (re-encoded JPEG) up front; ``GalatData`` names the report whose photo is refused."""
    hasil = []
    for lap in daftar:
        if lap.foto is None:
            hasil.append(lap)
            continue
        try:
            bersih, _, _ = bersihkan(lap.foto, lap.nama_foto)
        except GalatData as exc:
            raise GalatData(f"Laporan {lap.id_kegiatan}: {exc}") from None
        hasil.append(LaporanKegiatan(**{**lap.__dict__, "foto": bersih}))
    return hasil


def simpan_laporan(dataset: Dataset, pelaku: Pelaku, daftar: list[LaporanKegiatan], *, aksi: str = "lapor",
                   berkas: str = "formulir lapor", catatan: str = "", gudang: Gudang | None = None) -> HasilSimpan:
    """Add the reports' activities to the log in one save, then store their photos.

    ``gudang`` is the store the caller reads from (the page's, the CLI's); by
    default the configured one. Raises :class:`geo.simpan.lingkup.GalatLingkup`
    (logged) for a potential outside the account's scope, ``GalatData`` for a
    refused photo; an invalid activity returns ``disimpan=False`` with the
    report. Nothing is written then.
    """
    g = gudang or pilih_gudang()
    daftar = periksa_foto_laporan(daftar)
    log, sidik = g.baca_log_untuk_sunting(dataset)
    baru = pd.DataFrame([lap.baris() for lap in daftar], columns=list(KOLOM_KEGIATAN))
    hasil = g.simpan_kegiatan(pd.concat([log, baru], ignore_index=True), dataset, pelaku, sidik, aksi=aksi, berkas=berkas,
                              catatan=catatan)
    if hasil.disimpan:
        simpan_foto_laporan(g, pelaku, daftar)
        perbarui_kegiatan_terakhir(g, dataset, pelaku, daftar)
    return hasil


def perbarui_kegiatan_terakhir(gudang: Gudang, dataset: Dataset, pelaku: Pelaku, daftar: list[LaporanKegiatan]) -> bool:
    """Move each reported potential's ``kegiatan_terakhir`` up to its newest report (a saved, audited KIM edit).

    The log is the record; this keeps the KIM table's hand-set date (shown in
    map popups and exports) from contradicting it. True if the table changed.
    """
    tabel, sidik = gudang.baca_untuk_sunting(dataset)
    if not len(tabel):
        return False
    baru = pd.Series({lap.id_potensi: pd.Timestamp(lap.tanggal) for lap in daftar}).groupby(level=0).max()
    lama = pd.to_datetime(tabel["kegiatan_terakhir"], errors="coerce")
    usul = tabel["id_potensi"].map(baru)
    naik = usul.notna() & (lama.isna() | (usul > lama))
    if not naik.any():
        return False
    tabel = tabel.copy()
    tabel["kegiatan_terakhir"] = lama.where(~naik, usul)
    return gudang.simpan_kim(tabel, dataset, pelaku, sidik, aksi="lapor-terakhir", berkas="laporan kegiatan",
                             catatan="kegiatan_terakhir mengikuti laporan kegiatan").disimpan


def simpan_foto_laporan(gudang: Gudang, pelaku: Pelaku, daftar: list[LaporanKegiatan]) -> int:
    """Each report's photo becomes its potential's photo (backed up and audited); returns how many."""
    jumlah = 0
    for lap in daftar:
        if lap.foto is not None:
            gudang.simpan_foto(lap.id_potensi, lap.foto, pelaku, lap.nama_foto)
            jumlah += 1
    return jumlah
