"""The KIM table (``data/profil_kim.csv``, env ``KIM_PROFIL``): one row per KIM.

Read with the reader of kim.csv and checked the same way: every problem at
once, with its Excel row and column and the fix. The list columns
(bimtek, bantuan, penghargaan) are parsed by :mod:`geo.kim.daftar`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo import config
from geo.galat import GALAT, PERINGATAN, Laporan
from geo.kim import daftar
from geo.kim.logo import path_logo, periksa_logo
from geo.kim.tersimpan import Tersimpan
from geo.masuk.baca import KOLOM_BARIS, baca_tabel, nama_excel
from geo.masuk.referensi import Referensi
from geo.masuk.urai import urai_tanggal

ENV_PROFIL = "KIM_PROFIL"
KANAL: tuple[str, ...] = ("website", "blog", "instagram", "facebook", "youtube")
PENGURUS: tuple[str, ...] = ("ketua", "sekretaris", "bendahara")
KOLOM_PROFIL: tuple[str, ...] = (
    "id_kim", "nama_kim", "kode_kelurahan", "nomor_kimid", "sk_nomor", "sk_tanggal", "ad_art",
    *(k for p in PENGURUS for k in (p, f"kontak_{p}")),
    *(k for c in KANAL for k in (c, f"pos_{c}")),
    "bimtek", "bantuan", "penghargaan", "tagline", "logo",
)
KOLOM_WAJIB = ("id_kim", "nama_kim", "kode_kelurahan")
KOLOM_TANGGAL = ("sk_tanggal", *(f"pos_{c}" for c in KANAL))
_POLA_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
_YA = frozenset({"ya", "y", "ada", "sudah", "1", "true", "yes"})
_TIDAK = frozenset({"tidak", "t", "tidak ada", "belum", "0", "false", "no"})


def path_profil(kim: Path | None = None) -> Path:
    """The KIM table: ``KIM_PROFIL``, else ``profil_kim.csv`` beside kim.csv.

    Beside kim.csv (as the activity log), so a table elsewhere is never
    linked to the sample KIM of ``data/``.
    """
    nilai = os.environ.get(ENV_PROFIL, "").strip()
    return Path(nilai).expanduser() if nilai else (kim or config.path_kim()).parent / "profil_kim.csv"


@dataclass(frozen=True)
class ProfilKIM:
    """The typed KIM table, its list columns as long tables, and each potential's ``id_kim``."""

    tabel: pd.DataFrame
    bimtek: pd.DataFrame
    bantuan: pd.DataFrame
    penghargaan: pd.DataFrame
    # id_potensi → id_kim, for every potential of kim.csv (geo.kim.tautan)
    tautan: pd.Series = field(default_factory=lambda: pd.Series(dtype=object))
    path: Path | None = None
    # KIM created from kim.csv because the table had no row for them (a migration)
    dibuat: tuple[str, ...] = ()
    # the stored jury scores and per-KIM targets, loaded by the store with this table (geo.kim.tersimpan)
    juri: Tersimpan = field(default_factory=Tersimpan)
    target: Tersimpan = field(default_factory=Tersimpan)

    def daftar(self, kolom: str) -> pd.DataFrame:
        return {"bimtek": self.bimtek, "bantuan": self.bantuan, "penghargaan": self.penghargaan}[kolom]


def tabel_profil_kosong() -> pd.DataFrame:
    tabel = pd.DataFrame({k: pd.Series(dtype=object) for k in KOLOM_PROFIL})
    for k in KOLOM_TANGGAL:
        tabel[k] = pd.Series(dtype="datetime64[ns]")
    tabel["ad_art"] = pd.Series(dtype="boolean")
    tabel[KOLOM_BARIS] = pd.Series(dtype=int)
    return tabel


def profil_kosong(path: Path | None = None) -> ProfilKIM:
    return ProfilKIM(tabel_profil_kosong(), *(daftar.tabel_panjang([], [], j) for j in daftar.DAFTAR), path=path)


def _url_sah(teks: str) -> bool:
    return bool(re.match(r"https?://[^\s/]+\.[^\s]+$", teks, re.IGNORECASE))


def validasi_profil(frame: pd.DataFrame, berkas: str, referensi: Referensi, hari_ini: dt.date | None = None,
                    folder: Path | None = None) -> tuple[ProfilKIM, Laporan]:
    """Check a text table (from :func:`geo.masuk.baca.baca_tabel`) and type it."""
    kini = hari_ini or dt.date.today()
    laporan = Laporan()
    frame = frame.loc[:, ~frame.columns.duplicated()].copy()
    for k in KOLOM_PROFIL:
        if k not in frame:
            if k in KOLOM_WAJIB:
                laporan.tambah(berkas, f"Kolom wajib tidak ada. Tambahkan kolom {k} di baris judul; urutan kolom: "
                               f"{', '.join(KOLOM_PROFIL)}.", baris=1, kolom=k)
            frame[k] = ""
    for k in frame.columns:
        if k not in KOLOM_PROFIL and k != KOLOM_BARIS:
            laporan.tambah(berkas, "Kolom tidak dikenal; isinya diabaikan. Periksa ejaan judul kolom.", baris=1, kolom=k,
                           tingkat=PERINGATAN)

    def catat(idx: object, kolom: str, pesan: str, tingkat: str = GALAT) -> None:
        laporan.tambah(berkas, pesan, baris=int(frame.at[idx, KOLOM_BARIS]), kolom=kolom,
                       nilai=str(frame.at[idx, kolom]), tingkat=tingkat)

    hasil = frame[list(KOLOM_PROFIL) + [KOLOM_BARIS]].astype(object)
    ad_art: list[object] = []
    tanggal: dict[str, list[object]] = {k: [] for k in KOLOM_TANGGAL}
    pertama: dict[str, int] = {}
    for idx, baris in frame.iterrows():
        for k in KOLOM_WAJIB:
            if baris[k] == "":
                catat(idx, k, f"Kolom {k} wajib diisi.")
        id_kim = baris["id_kim"]
        if id_kim and not _POLA_ID.fullmatch(id_kim):
            catat(idx, "id_kim", "id_kim hanya boleh huruf, angka, titik, garis bawah dan tanda hubung (maks. 40), mis. KIM-BTG-01.")
        elif id_kim in pertama:
            catat(idx, "id_kim", f"id_kim ganda: sudah dipakai di baris {pertama[id_kim]}. Setiap KIM perlu id yang unik dan tetap.")
        elif id_kim:
            pertama[id_kim] = int(baris[KOLOM_BARIS])
        if baris["kode_kelurahan"] and not referensi.ada(baris["kode_kelurahan"]):
            catat(idx, "kode_kelurahan", "Kode kelurahan tidak ada di tabel referensi. Gunakan kode Kemendagri, mis. 64.74.01.1001.")
        ad = baris["ad_art"].strip().lower()
        if ad and ad not in _YA | _TIDAK:
            catat(idx, "ad_art", "Isi 'ya' bila KIM punya AD/ART, 'tidak' bila belum, atau kosongkan.")
        ad_art.append(True if ad in _YA else (False if ad in _TIDAK else pd.NA))
        for k in KOLOM_TANGGAL:
            tanggal[k].append(_tanggal(baris[k], kini, lambda pesan, k=k, idx=idx: catat(idx, k, pesan)))
        for c in KANAL:
            if baris[c] and not _url_sah(baris[c]):
                catat(idx, c, "Alamat kanal harus URL lengkap yang diawali https://, mis. https://instagram.com/kim.contoh.")
            if baris[f"pos_{c}"] and not baris[c]:
                catat(idx, f"pos_{c}", f"Tanggal pos terakhir tanpa alamat {c}. Isi kolom {c} atau kosongkan tanggalnya.", PERINGATAN)
        if baris["logo"] and folder is not None:
            lokasi = path_logo(folder / berkas, baris["logo"])
            masalah = periksa_logo(lokasi) if lokasi and lokasi.exists() else f"berkas logo tidak ada di folder {lokasi.parent.name}/."
            if masalah:
                catat(idx, "logo", f"Logo tidak dipakai: {masalah}", PERINGATAN)
    entri: dict[str, list[list[tuple]]] = {j.kolom: [] for j in daftar.DAFTAR}
    for idx, baris in frame.iterrows():
        for jenis in daftar.DAFTAR:
            isi, galat = daftar.urai_sel(baris[jenis.kolom], jenis, kini)
            for pesan in galat:
                catat(idx, jenis.kolom, pesan[0].upper() + pesan[1:])
            entri[jenis.kolom].append(isi)
    for k in KOLOM_TANGGAL:
        hasil[k] = pd.to_datetime(pd.Series(tanggal[k], index=hasil.index, dtype=object))
    hasil["ad_art"] = pd.array(ad_art, dtype="boolean")
    hasil[KOLOM_BARIS] = hasil[KOLOM_BARIS].astype(int)
    ids = hasil["id_kim"].tolist()
    panjang = [daftar.tabel_panjang(ids, entri[j.kolom], j) for j in daftar.DAFTAR]
    return ProfilKIM(hasil.reset_index(drop=True), *panjang), laporan


def _tanggal(teks: str, kini: dt.date, catat) -> object:
    if not teks:
        return pd.NaT
    try:
        nilai = urai_tanggal(teks)
    except ValueError as exc:
        catat(f"Tanggal {exc}")
        return pd.NaT
    if nilai > kini:
        catat("Tanggal ada di masa depan. Periksa tahun atau urutan hari/bulan.")
        return pd.NaT
    return pd.Timestamp(nilai)


def _baca(path: Path, laporan: Laporan) -> pd.DataFrame | None:
    """CSV, or XLSX: the template's "Profil KIM" sheet when there is one, else the first sheet."""
    if not nama_excel(path):
        return baca_tabel(path, laporan, kolom_dikenal=KOLOM_PROFIL)
    from geo.kim.templat import LEMBAR_PROFIL
    from geo.masuk.baca import baca_bytes

    try:
        data = path.read_bytes()
    except OSError as exc:
        laporan.tambah(path.name, f"Berkas tidak dapat dibuka ({exc.strerror or exc}). Periksa lokasi berkas.")
        return None
    lembar: int | str = 0
    import contextlib
    import io

    from openpyxl import load_workbook

    with contextlib.suppress(Exception):  # an unreadable workbook is reported by the reader below
        if LEMBAR_PROFIL in load_workbook(io.BytesIO(data), read_only=True).sheetnames:
            lembar = LEMBAR_PROFIL
    return baca_bytes(data, path.name, laporan, excel=True, kolom_dikenal=KOLOM_PROFIL, lembar=lembar)


def muat_profil(path: Path, referensi: Referensi, laporan: Laporan, hari_ini: dt.date | None = None) -> ProfilKIM | None:
    """The typed KIM table, or None when the file does not exist (then it is made from kim.csv)."""
    if not path.exists():
        return None
    mentah = _baca(path, laporan)
    if mentah is None:
        return profil_kosong(path)
    profil, laporan_profil = validasi_profil(mentah, path.name, referensi, hari_ini, path.parent)
    laporan.gabung(laporan_profil)
    if not laporan_profil.ok:
        return profil_kosong(path)
    return ProfilKIM(profil.tabel, profil.bimtek, profil.bantuan, profil.penghargaan, path=path)
